#include "gateway_support.h"

#include "domain/domain.h"
#include "domain/enrollment_token.h"
#include "test_support.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <catch2/catch.hpp>

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

quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
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
    constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
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
