#pragma once
// What the gateway's process tests share: a real `mdm-console serve` on a free loopback port with an openssl
// test certificate (GatewayProcess), and the APNs stand-in (tests/gateway/apns_standin.py) with the CA,
// server and push certificates it needs (ApnsStandin, apnsCertificates()).

#include "pg_support.h"
#include "store/store.h"
#include "test_support.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlDatabase>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>
#include <memory>

class QNetworkReply;

namespace mdm::test {

// The push certificate's topic (its subject UID).
extern const QString kApnsTopic;

// Runs a program to its end in directory; REQUIREs exit code 0.
void runProgram(const QString &program, const QStringList &arguments, const QString &directory);

// A free loopback port (free when asked).
quint16 unusedPort();

// A CA, the stand-in's server certificate (SAN IP:127.0.0.1) and a push certificate with Apple's subject form
// (UID=kApnsTopic), both issued by that CA: ca.pem, server.pem/.key, push.pem/.key. Made once per test run;
// the files live until the program ends.
struct ApnsCertificates
{
    QTemporaryDir dir;
    QString path(const QString &name) const { return dir.filePath(name); }
    ApnsCertificates();
};
const ApnsCertificates &apnsCertificates();

// The stand-in process: listening once constructed, killed when destroyed. answers: see the script.
class ApnsStandin
{
public:
    explicit ApnsStandin(const QString &answers);
    ~ApnsStandin();
    quint16 port() const { return port_; }
    QString recordPath() const { return dir_.filePath(QStringLiteral("requests.jsonl")); }
    // The pushes it received, in order.
    QList<QJsonObject> requests() const;

private:
    QTemporaryDir dir_;
    QProcess process_;
    quint16 port_ = 0;
};

struct GatewayResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray contentLanguage;
    QJsonObject json() const;
};

// One gateway process on its own store and a client that trusts its certificate.
class GatewayProcess
{
public:
    // backend: "sqlite" or "postgresql" (storeBackends()), where the store is made.
    explicit GatewayProcess(const QString &backend = QStringLiteral("sqlite"));
    ~GatewayProcess();

    Store &store() { return *store_; }
    // The store's file or URI, for --db.
    QString dbPath() const { return where_.location(); }
    QString log() const;
    quint16 port() const { return port_; }
    // Trusts the gateway's test certificate.
    QSslConfiguration ssl() const { return ssl_; }
    bool running() const { return process_ && process_->state() == QProcess::Running; }

    // Starts serve (with extra options, e.g. --apns-*; global: options before the command, e.g. --lang de)
    // and waits for its "Serving …" line.
    void start(const QStringList &extra = {}, const QStringList &global = {});
    // SIGTERM; the exit code.
    int stop();

    // headers: more request headers, e.g. {{"Accept-Language", "de"}}.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                        const QByteArray &contentType = {}, const QString &bearer = {},
                        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static GatewayResponse wait(QNetworkReply *reply);
    GatewayResponse request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                            const QByteArray &contentType = {}, const QString &bearer = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {});
    GatewayResponse postJson(const QString &path, const QJsonObject &body, const QString &bearer = {});

    qint64 number(const QString &sql, const QVariantList &binds = {});
    void exec(const QString &sql, const QVariantList &binds = {});
    // A delivered invitation sent sentAgoMs ago; returns its link token.
    QString invite(const char *name, const char *platform, qint64 sentAgoMs = 0);

private:
    TempDir dir_;
    TestStoreLocation where_;
    QString cert_;
    QString key_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<QProcess> process_;
    QNetworkAccessManager manager_;
    QSslConfiguration ssl_;
    quint16 port_ = 0;
    int starts_ = 0;
};

} // namespace mdm::test

// What the tests that run a real `mdm-console serve` share: a test certificate, a free port, a started
// gateway and a delivered invitation put straight into the store.
namespace mdm::test::gateway {

// A self-signed certificate for localhost and 127.0.0.1, made by openssl in dir (cert.pem, key.pem).
struct TestCertificate
{
    QString cert;
    QString key;
};
TestCertificate makeCertificate(const QString &dir);

// Starts serve on db with its stderr appended to logPath; returns when the log says it serves (one more
// "Serving " line than before the start). The public URL is https://127.0.0.1:port/.
void startServe(QProcess &process, const QString &db, quint16 port, const TestCertificate &certificate,
                const QString &logPath);

// A delivered invitation for a new user, sent sentAgoMs ago and valid for seven days; its link token.
QString addInvitation(QSqlDatabase db, const QString &name, const QString &email, const QString &platform,
                      qint64 sentAgoMs = 0);

} // namespace mdm::test::gateway
