// The README's promise "never a token, secret or password in a log or in the store", tried on a whole
// run: invitations are delivered by real mail, an Apple and an agent device enroll through a real
// gateway, both are deprovisioned and carry it out; then every log, every command's output and the
// store's files are searched for each secret that went by, in every form it travelled in.
#include "gateway_support.h"
#include "store/store.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/stat.h>

using namespace mdm;
using namespace mdm::test;

namespace {

QStringList eventsOf(const QString &output, const QString &event, const QString &field)
{
    QStringList values;
    for (const QString &line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(QStringLiteral("event")).toString() == event)
            values << o.value(field).toString();
    }
    return values;
}

// The forms a secret can take on its way: as is, URL-encoded, and base64 of its bytes.
QList<QByteArray> formsOf(const QString &secret)
{
    const QByteArray raw = secret.toUtf8();
    return {raw, QUrl::toPercentEncoding(secret), raw.toBase64()};
}

} // namespace

TEST_CASE("No token or device secret in any log or in the store after invite, deliver, enroll and revoke",
          "[secrets][gateway]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("s.db"));
    const test::gateway::TestCertificate certificate = test::gateway::makeCertificate(dir.path());
    const QString &cert = certificate.cert;
    const quint16 port = unusedPort();
    const QString publicUrl = QStringLiteral("https://127.0.0.1:%1").arg(port);
    QString logs; // every product log and command output of the run

    SmtpServer smtp;
    auto run = [&](const QStringList &arguments) {
        const ProcessResult r = runConsole(QStringList{QStringLiteral("--db"), path} + arguments);
        logs += r.out + r.err;
        INFO(arguments.join(QLatin1Char(' ')).toStdString() << ": " << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
    };
    run({QStringLiteral("mail-settings"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
         QStringLiteral("--port"), QString::number(smtp.port()), QStringLiteral("--security"),
         QStringLiteral("none"), QStringLiteral("--from"), QStringLiteral("it@example.com"),
         QStringLiteral("--link-base"), publicUrl});
    run({QStringLiteral("invite"), QStringLiteral("--name"), QStringLiteral("Ada Lovelace"),
         QStringLiteral("--email"), QStringLiteral("ada@example.com"), QStringLiteral("--platform"),
         QStringLiteral("ios")});
    run({QStringLiteral("invite"), QStringLiteral("--name"), QStringLiteral("Bob Builder"),
         QStringLiteral("--email"), QStringLiteral("bob@example.com"), QStringLiteral("--platform"),
         QStringLiteral("android")});

    // The links as they wait in the outbox (the only place a token is kept, until the mail is sent).
    QStringList tokens;
    {
        auto opened = Store::open(path);
        REQUIRE(opened.store);
        QSqlQuery q(opened.store->database());
        REQUIRE(q.exec(QStringLiteral("SELECT link_token FROM outbox ORDER BY invitation_id")));
        while (q.next())
            tokens << q.value(0).toString();
    }
    REQUIRE(tokens.size() == 2);
    run({QStringLiteral("deliver"), QStringLiteral("--now")});
    REQUIRE(smtp.delivered() == 2);

    QProcess serve;
    test::gateway::startServe(serve, path, port, certificate, dir.file(QStringLiteral("serve.log")));

    // Each device enrolls and then checks in until it has carried out its deprovisioning.
    auto device = [&](const QString &token, const QString &platform) {
        auto *p = new QProcess;
        p->start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(MDM_VIRTUAL_DEVICE_SCRIPT), publicUrl + QStringLiteral("/enroll/") + token,
                  QStringLiteral("--platform"), platform, QStringLiteral("--cafile"), cert,
                  QStringLiteral("--interval"), QStringLiteral("0.3"), QStringLiteral("--show-secrets")});
        return std::unique_ptr<QProcess>(p);
    };
    auto apple = device(tokens[0], QStringLiteral("ios"));
    auto agent = device(tokens[1], QStringLiteral("android"));
    QString appleOut, agentOut;
    REQUIRE(waitUntil(
        [&] {
            appleOut += QString::fromUtf8(apple->readAllStandardOutput());
            agentOut += QString::fromUtf8(agent->readAllStandardOutput());
            return appleOut.contains(QStringLiteral("\"enrolled\"")) &&
                   agentOut.contains(QStringLiteral("\"enrolled\""));
        },
        20000));
    const QStringList secrets = eventsOf(appleOut, QStringLiteral("profile"), QStringLiteral("secret")) +
                                eventsOf(agentOut, QStringLiteral("enrolled"), QStringLiteral("secret"));
    REQUIRE(secrets.size() == 2);
    REQUIRE_FALSE(secrets.contains(QString()));

    // Revoke both from the command line; the devices receive it at their next check-in.
    const ProcessResult listed =
        runConsole({QStringLiteral("--db"), path, QStringLiteral("list"), QStringLiteral("managed")});
    logs += listed.out + listed.err;
    QStringList ids;
    static const QRegularExpression firstNumber(QStringLiteral("^\\s*(\\d+)"),
                                                QRegularExpression::MultilineOption);
    for (auto it = firstNumber.globalMatch(listed.out); it.hasNext();)
        ids << it.next().captured(1);
    REQUIRE(ids.size() == 2);
    run({QStringLiteral("deprovision"), QStringLiteral("--device"), ids[0], QStringLiteral("--device"),
         ids[1], QStringLiteral("--mode"), QStringLiteral("revoke"), QStringLiteral("--yes")});
    REQUIRE(apple->waitForFinished(20000));
    REQUIRE(agent->waitForFinished(20000));
    appleOut += QString::fromUtf8(apple->readAllStandardOutput());
    agentOut += QString::fromUtf8(agent->readAllStandardOutput());
    CHECK(apple->exitCode() == 0);
    CHECK(agent->exitCode() == 0);
    CHECK(appleOut.contains(QStringLiteral("\"checked_out\"")));
    CHECK(agentOut.contains(QStringLiteral("\"checked_out\"")));

    ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
    REQUIRE(serve.waitForFinished(15000));
    CHECK(serve.exitCode() == 0);

    const ProcessResult audit = runConsole({QStringLiteral("--db"), path, QStringLiteral("audit")});
    logs += audit.out + audit.err;
    CHECK(audit.out.contains(QStringLiteral("gateway")));

    // Every process is done with the store: its files may be read now.
    QByteArray everything = logs.toUtf8() + fileBytes(dir.file(QStringLiteral("serve.log")));
    const QByteArray serveLog = fileBytes(dir.file(QStringLiteral("serve.log")));
    CHECK(serveLog.count('\n') >= 8); // one line per request: the log was really written
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")})
        if (QFile::exists(path + suffix))
            everything += fileBytes(path + suffix);
    for (const QString &secret : tokens + secrets)
        for (const QByteArray &form : formsOf(secret)) {
            INFO("a secret was found in a log or the store: " << form.left(6).toStdString() << "…");
            CHECK_FALSE(everything.contains(form));
        }

    // The store is the owner's alone.
    struct stat st
    {
    };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}
