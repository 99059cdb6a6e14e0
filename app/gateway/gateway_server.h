#pragma once
// The enrollment gateway's HTTP side (`mdm-console serve`): TLS, routes, body limits, the request log,
// slowed-down 401/404 answers and the status it writes into the store. It parses and answers; every
// decision is DeviceGatewayService's.

#include "services/device_gateway_service.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace mdm {
class Clock;
class Store;
} // namespace mdm

namespace mdm::gateway {

class ApnsClient;
class PushDispatcher;

inline constexpr qint64 kMaxBodyBytes = 64 * 1024;

struct ServeOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: any free port
    QString certFile;
    QString keyFile;
    QString publicUrl; // empty: the mail settings' link base
    bool insecureHttp = false;
    // Apple's push service (APNs): kept for the push client.
    QString apnsCert;
    QString apnsKey;
    QString apnsTopic;
    QString apnsUrl;
    QString apnsCa; // extra CA to trust for the push service (tests, an internal CA)
};

class GatewayServer : public QObject
{
    Q_OBJECT

public:
    // How often an idle gateway writes gateway.heartbeat_at, so consoles see it is alive; it must stay well
    // under GatewayStatus::kStaleMs. Requests are flushed sooner, within a second (the last-seen batch).
    static constexpr qint64 kHeartbeatMs = 5000;

    GatewayServer(Store &store, const Clock &clock, ServeOptions options, QObject *parent = nullptr);
    ~GatewayServer() override;

    // With options.apnsCert: loads the push certificate and key (call before start()). False with the
    // reason in *error; without --apns-cert true and nothing to do.
    bool loadPush(QString *error);
    // Whether queued commands of Apple devices are pushed.
    bool pushes() const { return apns_ != nullptr; }

    // Loads the certificate, listens and writes gateway.listen / public_url / started_at.
    bool start(QString *error);
    quint16 port() const { return port_; }
    QString publicUrl() const { return publicUrl_; }
    // Stops accepting connections, flushes the last-seen batch and writes gateway.stopped_at.
    void stop();
    // After stop(): the push connections are closed (the event loop must run until then).
    bool pushesStopped() const;
    // Deferred (slowed-down) answers not yet written.
    int pendingReplies() const { return pending_; }

    struct Reply
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QByteArray language = {}; // Content-Language of a page; empty: none sent
    };

private:
    class Http;
    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    Reply route(const QHttpServerRequest &request);
    Reply landing(const QString &token, const QByteArray &acceptLanguage);
    Reply profile(const QString &token, const QByteArray &acceptLanguage);
    Reply appleCheckin(const QHttpServerRequest &request);
    Reply appleConnect(const QHttpServerRequest &request);
    Reply agentEnroll(const QHttpServerRequest &request);
    Reply agentCheckin(const QHttpServerRequest &request);
    Reply agentResult(const QHttpServerRequest &request, qint64 commandId);
    Reply agentCheckout(const QHttpServerRequest &request);
    Reply failed(const QString &error);
    // Milliseconds to hold back an answer with this status to this address (0: at once).
    int penalty(const QHostAddress &address, int status);
    void flushStatus(bool final);

    Store &store_;
    const Clock &clock_;
    ServeOptions options_;
    QString publicUrl_;
    std::unique_ptr<Http> http_;
    ApnsClient *apns_ = nullptr;           // child; null without --apns-cert
    PushDispatcher *dispatcher_ = nullptr; // child, with apns_
    DeviceGatewayService service_;
    quint16 port_ = 0;
    int pending_ = 0;
    QTimer flushTimer_;
    qint64 lastRequestAt_ = 0;
    qint64 lastCheckinAt_ = 0;
    qint64 heartbeatAt_ = 0;      // when gateway.* was last written
    qint64 flushedRequestAt_ = 0; // lastRequestAt_ as last written
    qint64 flushedCheckinAt_ = 0; // lastCheckinAt_ as last written
    struct Strikes
    {
        int count = 0;
        qint64 lastAt = 0;
    };
    QHash<QString, Strikes> strikes_;
};

} // namespace mdm::gateway
