#include "gateway_support.h"

#include "domain/domain.h"
#include "domain/enrollment_token.h"
#include "test_support.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <catch2/catch.hpp>
#include <csignal>

namespace mdm::test {

const QString kApnsTopic = QStringLiteral("com.apple.mgmt.External.test");

void runProgram(const QString &program, const QStringList &arguments, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(30000));
    INFO(QString::fromLocal8Bit(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
}

ApnsCertificates::ApnsCertificates()
{
    REQUIRE(dir.isValid());
    const QString openssl = QStringLiteral(MDM_OPENSSL);
    const QString d = dir.path();
    QFile ext(path(QStringLiteral("server.ext")));
    REQUIRE(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    ext.close();
    const auto args = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); };
    runProgram(openssl,
               args("req -x509 -newkey rsa:2048 -nodes -days 2 -keyout ca.key -out ca.pem -subj")
                   << QStringLiteral("/CN=APNs test CA"),
               d);
    runProgram(openssl,
               args("req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1"), d);
    runProgram(
        openssl,
        args("x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -out server.pem "
             "-extfile server.ext"),
        d);
    runProgram(openssl,
               args("req -newkey rsa:2048 -nodes -keyout push.key -out push.csr -subj")
                   << QStringLiteral("/UID=") + kApnsTopic + QStringLiteral("/CN=APSP:test"),
               d);
    runProgram(openssl,
               args("x509 -req -in push.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -out push.pem"),
               d);
}

const ApnsCertificates &apnsCertificates()
{
    static const auto made = std::make_unique<ApnsCertificates>();
    return *made;
}

quint16 unusedPort()
{
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));
    return server.serverPort();
}

ApnsStandin::ApnsStandin(const QString &answers)
{
    const ApnsCertificates &c = apnsCertificates();
    REQUIRE(dir_.isValid());
    process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process_.start(QStringLiteral(MDM_TEST_PYTHON),
                   {QStringLiteral(MDM_APNS_STANDIN_SCRIPT), QStringLiteral("--cert"),
                    c.path(QStringLiteral("server.pem")), QStringLiteral("--key"),
                    c.path(QStringLiteral("server.key")), QStringLiteral("--client-ca"),
                    c.path(QStringLiteral("ca.pem")), QStringLiteral("--record"), recordPath(),
                    QStringLiteral("--answers"), answers, QStringLiteral("--topic"), kApnsTopic});
    REQUIRE(process_.waitForStarted(10000));
    while (!process_.canReadLine())
        REQUIRE(process_.waitForReadyRead(10000));
    const QByteArray line = process_.readLine().trimmed();
    REQUIRE(line.startsWith("PORT "));
    port_ = quint16(line.mid(5).toUInt());
    REQUIRE(port_ != 0);
}

ApnsStandin::~ApnsStandin()
{
    process_.kill();
    process_.waitForFinished(5000);
}

QList<QJsonObject> ApnsStandin::requests() const
{
    QList<QJsonObject> out;
    QFile file(recordPath());
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

QJsonObject GatewayResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

GatewayProcess::GatewayProcess(const QString &backend) : where_(backend)
{
    cert_ = dir_.file(qs("cert.pem"));
    key_ = dir_.file(qs("key.pem"));
    QProcess openssl;
    openssl.start(qs("openssl"),
                  {qs("req"), qs("-x509"), qs("-newkey"), qs("rsa:2048"), qs("-nodes"), qs("-keyout"), key_,
                   qs("-out"), cert_, qs("-days"), qs("2"), qs("-subj"), qs("/CN=localhost"), qs("-addext"),
                   qs("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    REQUIRE(openssl.waitForFinished(30000));
    REQUIRE(openssl.exitCode() == 0);
    auto opened = Store::open(dbPath());
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    store_ = std::move(opened.store);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(cert_);
    ssl_ = ssl;
}

GatewayProcess::~GatewayProcess()
{
    if (process_ && process_->state() != QProcess::NotRunning) {
        process_->kill();
        process_->waitForFinished(5000);
    }
}

QString GatewayProcess::log() const
{
    QFile f(dir_.file(qs("serve.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void GatewayProcess::start(const QStringList &extra, const QStringList &global)
{
    port_ = unusedPort();
    process_ = std::make_unique<QProcess>();
    process_->setStandardErrorFile(dir_.file(qs("serve.log")), QIODevice::Append);
    process_->start(qs(MDM_CONSOLE_BINARY),
                    QStringList{qs("--db"), dbPath()}
                        << global
                        << QStringList{qs("serve"), qs("--listen"), qs("127.0.0.1:%1").arg(port_),
                                       qs("--cert"), cert_, qs("--key"), key_, qs("--public-url"),
                                       qs("https://127.0.0.1:%1/").arg(port_)}
                        << extra);
    REQUIRE(process_->waitForStarted());
    const bool up = waitUntil(
        // "Serving URL on ADDRESS (https)." ends alike in every language (--lang de: "… bereitgestellt
        // (https).").
        [&] { return log().count(qs(" (https).")) > starts_ || process_->state() == QProcess::NotRunning; },
        20000);
    INFO(str(log()));
    REQUIRE(up);
    REQUIRE(process_->state() == QProcess::Running);
    ++starts_;
}

int GatewayProcess::stop()
{
    ::kill(static_cast<pid_t>(process_->processId()), SIGTERM);
    const bool finished = process_->waitForFinished(10000);
    INFO(str(log())); // a crash on the way out (a sanitizer's finding) is told in serve's own log
    REQUIRE(finished);
    REQUIRE(process_->exitStatus() == QProcess::NormalExit);
    return process_->exitCode();
}

QNetworkReply *GatewayProcess::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                    const QByteArray &contentType, const QString &bearer,
                                    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(qs("https://127.0.0.1:%1%2").arg(port_).arg(path)));
    request.setSslConfiguration(ssl_);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return manager_.sendCustomRequest(request, method, body);
}

GatewayResponse GatewayProcess::wait(QNetworkReply *reply)
{
    REQUIRE(waitUntil([reply] { return reply->isFinished(); }, 20000));
    GatewayResponse r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                      reply->rawHeader("Content-Language")};
    reply->deleteLater();
    return r;
}

GatewayResponse GatewayProcess::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                        const QByteArray &contentType, const QString &bearer,
                                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return wait(send(method, path, body, contentType, bearer, headers));
}

GatewayResponse GatewayProcess::postJson(const QString &path, const QJsonObject &body, const QString &bearer)
{
    return request("POST", path, QJsonDocument(body).toJson(), "application/json", bearer);
}

qint64 GatewayProcess::number(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(store_->database());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    const bool ok = q.exec();
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
    return q.next() ? q.value(0).toLongLong() : -1;
}

void GatewayProcess::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(store_->database());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    const bool ok = q.exec();
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
}

QString GatewayProcess::invite(const char *name, const char *platform, qint64 sentAgoMs)
{
    static int n = 0;
    const QString email = qs("gw%1@example.com").arg(++n);
    exec(qs("INSERT INTO users (name, email) VALUES (?, ?)"), {qs(name), email});
    const qint64 user = number(qs("SELECT id FROM users WHERE email = ?"), {email});
    const EnrollmentToken token = EnrollmentToken::generate();
    const qint64 sent = QDateTime::currentMSecsSinceEpoch() - sentAgoMs;
    const auto platformNumber = platformFromText(qs(platform));
    REQUIRE(platformNumber);
    exec(
        qs("INSERT INTO invitations (user_id, email, platform, token_hash, requested_at, sent_at, expires_at,"
           " delivery) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"),
        {user, email, static_cast<int>(*platformNumber), token.hash, sent, sent, sent + 7 * kDayMs});
    return token.text;
}

} // namespace mdm::test

namespace mdm::test::gateway {

namespace {

QString readLog(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void exec(QSqlQuery &q, const QVariantList &binds)
{
    for (const QVariant &v : binds)
        q.addBindValue(v);
    const bool ok = q.exec();
    INFO(q.lastQuery().toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
}

} // namespace

TestCertificate makeCertificate(const QString &dir)
{
    TestCertificate c{dir + QStringLiteral("/cert.pem"), dir + QStringLiteral("/key.pem")};
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), c.key,
                   QStringLiteral("-out"), c.cert, QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    REQUIRE(openssl.waitForFinished(30000));
    REQUIRE(openssl.exitCode() == 0);
    return c;
}

void startServe(QProcess &process, const QString &db, quint16 port, const TestCertificate &certificate,
                const QString &logPath)
{
    const qsizetype starts = readLog(logPath).count(QStringLiteral("Serving "));
    process.setStandardErrorFile(logPath, QIODevice::Append);
    process.start(QStringLiteral(MDM_CONSOLE_BINARY),
                  {QStringLiteral("--db"), db, QStringLiteral("serve"), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--cert"), certificate.cert,
                   QStringLiteral("--key"), certificate.key, QStringLiteral("--public-url"),
                   QStringLiteral("https://127.0.0.1:%1/").arg(port)});
    REQUIRE(process.waitForStarted());
    const bool up = waitUntil(
        [&] {
            return readLog(logPath).count(QStringLiteral("Serving ")) > starts ||
                   process.state() == QProcess::NotRunning;
        },
        20000);
    INFO(readLog(logPath).toStdString());
    REQUIRE(up);
    REQUIRE(process.state() == QProcess::Running);
}

QString addInvitation(QSqlDatabase db, const QString &name, const QString &email, const QString &platform,
                      qint64 sentAgoMs)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO users (name, email) VALUES (?, ?)"));
    exec(q, {name, email});
    const qint64 user = q.lastInsertId().toLongLong();
    const EnrollmentToken token = EnrollmentToken::generate();
    const qint64 sent = QDateTime::currentMSecsSinceEpoch() - sentAgoMs;
    const auto platformNumber = platformFromText(platform);
    REQUIRE(platformNumber);
    q.prepare(QStringLiteral("INSERT INTO invitations (user_id, email, platform, token_hash, requested_at,"
                             " sent_at, expires_at, delivery) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"));
    exec(q, {user, email, static_cast<int>(*platformNumber), token.hash, sent, sent, sent + 7 * kDayMs});
    return token.text;
}

} // namespace mdm::test::gateway
