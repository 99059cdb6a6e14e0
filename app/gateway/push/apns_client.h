#pragma once

#include "push_credentials.h"
#include "push_outcome.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace mdm::gateway {

struct ApnsConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.push.apple.com")); // sandbox: api.sandbox.push.apple.com
    QString certFile, keyFile;                                         // PEM push certificate and its key
    QString topicOverride;                                             // empty: the certificate's UID
    QString caFile;      // extra CA certificates (PEM) to trust besides the system's (tests, a stand-in)
    int maxAttempts = 5; // sends per push, the first included
    int initialBackoffMs = 1000; // wait before the first retry; doubled for each further one
    int maxBackoffMs = 30000;
    int requestTimeoutMs = 30000; // no answer within this time counts as a network error (retried)
};

// Wakes Apple devices through Apple's push service (APNs) with an MDM push: HTTP/2 over TLS, the MDM push
// certificate as client certificate, POST <base>/3/device/<hex token> with apns-topic, apns-push-type: mdm,
// apns-priority: 10 and the body {"mdm":"<PushMagic>"}. The device then checks in with the gateway.
//
// All pushes share one QNetworkAccessManager and so one HTTP/2 connection to the service (streams are
// multiplexed on it); it is opened with the first push and kept open. After a network error the next sends
// go through a fresh manager and connection (see renewConnection()). Nothing blocks: retries wait on timers.
// 429, 5xx and network errors are retried up to maxAttempts sends with exponential backoff
// (initialBackoffMs, doubled, capped at maxBackoffMs); 410 and other 4xx answers end the push at once.
// Exactly one finished() per push(). The PushMagic and the full device token are never logged nor put in a
// detail text (only the token's first 8 hex digits).
//
// Lives in a thread with an event loop; not thread-safe.
class ApnsClient : public QObject
{
    Q_OBJECT

public:
    explicit ApnsClient(ApnsConfig config, QObject *parent = nullptr);
    ~ApnsClient() override;

    // Reads the push certificate, its key and caFile; must succeed before push(). False with a sentence for
    // the user in *error (the file, and what is wrong with it).
    bool load(QString *error);
    bool isLoaded() const { return loaded_; }

    // The apns-topic header: topicOverride, else the certificate subject's UID. Empty before load().
    QString topic() const { return credentials_.topic; }
    const ApnsConfig &config() const { return config_; }

    // Sends one MDM push and returns at once; finished(enrollmentId, …) follows once. deviceToken is the raw
    // token of the device's TokenUpdate (the plist's Token data, not hex). Before a successful load(), or
    // with an empty token or PushMagic, finished() reports Rejected (from the event loop, never
    // re-entrantly).
    void push(qint64 enrollmentId, const QByteArray &deviceToken, const QString &pushMagic);

    // Pushes sent or waiting for a retry.
    int pendingCount() const { return int(pending_.size()); }

    // For a clean exit: drops the retries, aborts the pushes on the wire (no finished() for them: their
    // commands stay unpushed and are pushed by the next start) and lets go of every connection. Push nothing
    // after it; the event loop must run until stopped() so that the connections are really closed.
    void stop();
    bool stopped() const;

signals:
    // detail: Apple's reason ("Unregistered", "BadDeviceToken", …) or what went wrong, with the token's first
    // 8 hex digits and the number of attempts.
    void finished(qint64 enrollmentId, mdm::gateway::PushOutcome outcome, QString detail);

private:
    struct Pending
    {
        qint64 enrollmentId = 0;
        QByteArray tokenHex;
        QString pushMagic;
        int attempts = 0;
    };

    void send(quint64 id);
    void onReplyFinished(quint64 id, QNetworkReply *reply);
    void retryOrFail(quint64 id, const QString &why);
    void finish(quint64 id, PushOutcome outcome, const QString &detail);
    void finishLater(qint64 enrollmentId, PushOutcome outcome, const QString &detail);
    int backoffMs(int attempts) const;
    void renewConnection();

    ApnsConfig config_;
    PushCredentials credentials_;
    QSslConfiguration ssl_;
    bool loaded_ = false;
    bool stopping_ = false;
    QNetworkAccessManager *network_ = nullptr; // the manager new pushes go through
    QHash<QNetworkAccessManager *, int>
        inFlight_; // replies not finished yet, per manager (current or retired)
    QHash<quint64, Pending> pending_;
    quint64 nextId_ = 1;
};

} // namespace mdm::gateway
