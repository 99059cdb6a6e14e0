// The real `mdm-console deliver` and `mdm-console mail-settings` against the real aiosmtpd server.
#include "domain/clock.h"
#include "mail/outbox.h"
#include "outbox_test_support.h"
#include "services/enrollment_service.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace mdm;
using namespace mdm::mail::test;

namespace {

const QString kServerUser = QStringLiteral("enroll-bot");
const QString kServerPassword = QStringLiteral("S3cret-pässwörd-4711");

// A store file, a HOME for the console, and the system clock (the console uses it too).
struct Fixture
{
    TestStore store;
    QTemporaryDir home;
    Clock clock;

    QStringList args(const QStringList &command) const
    {
        return QStringList{QStringLiteral("--db"), store.path} + command;
    }
    ConsoleRun run(const QStringList &command, const QByteArray &stdinData = {}) const
    {
        return runConsole(args(command), consoleEnvironment(home.path()), stdinData);
    }
    ConsoleRun runWithPassword(const QStringList &command, const QString &password) const
    {
        QProcessEnvironment env = consoleEnvironment(home.path());
        env.insert(QStringLiteral("MDM_SMTP_PASSWORD"), password);
        return runConsole(args(command), env);
    }
    void useServer(quint16 port, const MailSettings &base = {}) const
    {
        MailSettings settings = base.host.isEmpty() ? mailSettingsFor(port) : base;
        QString error;
        INFO(error.toStdString());
        REQUIRE(settings.save(*store.store, &error));
    }
};

QList<InviteRequest> users(int count)
{
    QList<InviteRequest> requests;
    for (int i = 1; i <= count; ++i)
        requests << inviteRequest(QStringLiteral("User %1").arg(i),
                                  QStringLiteral("user%1@example.com").arg(i),
                                  i % 2 ? Platform::Android : Platform::macOS);
    return requests;
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool hasLine(const QString &text, const QString &pattern)
{
    const QRegularExpression re(QStringLiteral("^") + pattern + QStringLiteral("$"));
    for (const QString &line : lines(text))
        if (re.match(line).hasMatch())
            return true;
    return false;
}

} // namespace

TEST_CASE("deliver: usage errors exit 2 and no mail server exits 1", "[mail][outbox][cli]")
{
    Fixture f;
    CHECK(f.run({QStringLiteral("deliver"), QStringLiteral("--wait"), QStringLiteral("soon")}).exitCode == 2);
    CHECK(f.run({QStringLiteral("deliver"), QStringLiteral("--wait"), QStringLiteral("0")}).exitCode == 2);
    CHECK(f.run({QStringLiteral("deliver"), QStringLiteral("--frobnicate")}).exitCode == 2);
    CHECK(f.run({QStringLiteral("deliver"), QStringLiteral("everything")}).exitCode == 2);

    const ConsoleRun none = f.run({QStringLiteral("deliver")});
    CHECK(none.exitCode == 1);
    CHECK(none.err.contains(QLatin1String("No mail server is set up")));
    CHECK(none.err.contains(QLatin1String("mail-settings")));

    f.useServer(unusedPort());
    const ConsoleRun empty = f.run({QStringLiteral("deliver")});
    CHECK(empty.exitCode == 0);
    CHECK(empty.out.contains(QLatin1String("Nothing to send.")));
}

TEST_CASE("deliver: one line per message, a summary, exit 1 for a rejected recipient", "[mail][outbox][cli]")
{
    SmtpTestServer server;
    START_SERVER(server,
                 kPlain + QStringList{QStringLiteral("--reject"), QStringLiteral("user2@example.com")});
    Fixture f;
    f.useServer(server.port());
    const QList<qint64> ids = invite(*f.store.store, f.clock, users(3));
    const qint64 rejected = outboxRowFor(*f.store.store, ids.at(1)).id;

    const ConsoleRun run = f.run({QStringLiteral("deliver")});
    CHECK(run.exitCode == 1);
    CHECK(hasLine(
        run.out,
        QStringLiteral("sent +#%1  user1@example.com").arg(outboxRowFor(*f.store.store, ids.at(0)).id)));
    CHECK(hasLine(run.out,
                  QStringLiteral("failed +#%1  user2@example.com: 550 5\\.1\\.1 <user2@example\\.com>: "
                                 "Recipient address rejected: User unknown")
                      .arg(rejected)));
    CHECK(hasLine(
        run.out,
        QStringLiteral("sent +#%1  user3@example.com").arg(outboxRowFor(*f.store.store, ids.at(2)).id)));
    CHECK(lines(run.out).last() == QLatin1String("sent 2, retry later 0, failed 1; 0 still queued"));
    CHECK(server.messageFiles().size() == 2);

    const ConsoleRun again = f.run({QStringLiteral("deliver"), QStringLiteral("--now")});
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(QLatin1String("Nothing to send.")));
    CHECK(server.count(QStringLiteral("CONNECT")) == 1);
}

TEST_CASE("deliver: server down means retry later and --now sends when it is back", "[mail][outbox][cli]")
{
    const quint16 port = unusedPort();
    Fixture f;
    f.useServer(port);
    const QList<qint64> ids = invite(*f.store.store, f.clock, users(2));

    const ConsoleRun down = f.run({QStringLiteral("deliver")});
    CHECK(down.exitCode == 1);
    CHECK(hasLine(down.out, QStringLiteral("retry later #\\d+  user1@example\\.com: .*refused.*")));
    CHECK(lines(down.out).last() == QLatin1String("sent 0, retry later 2, failed 0; 2 still queued"));

    // Within the minute of backoff: nothing is due, which is not a failure (cron runs often).
    const ConsoleRun early = f.run({QStringLiteral("deliver")});
    CHECK(early.exitCode == 0);
    CHECK(early.out.contains(QLatin1String("Nothing is due")));

    SmtpTestServer server;
    START_SERVER(server, kPlain, port);
    const ConsoleRun now = f.run({QStringLiteral("deliver"), QStringLiteral("--now")});
    CHECK(now.exitCode == 0);
    CHECK(lines(now.out).last() == QLatin1String("sent 2, retry later 0, failed 0; 0 still queued"));
    CHECK(deliveredPerRecipient(server) == QMap<QString, int>{{QStringLiteral("user1@example.com"), 1},
                                                              {QStringLiteral("user2@example.com"), 1}});
    CHECK(outboxRowFor(*f.store.store, ids.at(0)).state == Outbox::Sent);
}

TEST_CASE("deliver: --wait bounds a stalled delivery and cancels it", "[mail][outbox][cli]")
{
    SmtpTestServer server;
    START_SERVER(server, kPlain + QStringList{QStringLiteral("--stall"), QStringLiteral("connect")});
    Fixture f;
    f.useServer(server.port());
    const QList<qint64> ids = invite(*f.store.store, f.clock, users(1));

    // The client's own timeout is 30 s; --wait 1 must end it long before.
    const ConsoleRun run = f.run({QStringLiteral("deliver"), QStringLiteral("--wait"), QStringLiteral("1")});
    CHECK(run.exitCode == 1);
    CHECK(run.elapsedMs < 15000);
    CHECK(run.err.contains(QLatin1String("Stopped after 1 second")));
    CHECK(hasLine(run.out, QStringLiteral("retry later #\\d+  user1@example\\.com: .*")));
    const OutboxRow row = outboxRowFor(*f.store.store, ids.at(0));
    CHECK(row.state == Outbox::Queued);
    CHECK(row.attempts == 1);
    CHECK(server.messageFiles().isEmpty());
}

TEST_CASE("deliver: the password comes from MDM_SMTP_PASSWORD or --password-stdin", "[mail][outbox][cli]")
{
    SmtpTestServer server;
    START_SERVER(server,
                 {QStringLiteral("--mode"), QStringLiteral("starttls-required"), QStringLiteral("--user"),
                  kServerUser, QStringLiteral("--password"), kServerPassword,
                  QStringLiteral("--auth-required"), QStringLiteral("--auth-require-tls")});
    Fixture f;
    MailSettings settings = mailSettingsFor(server.port());
    settings.security = MailSettings::Security::StartTls;
    settings.user = kServerUser;
    settings.caFile = testCertificate().certFile;
    f.useServer(server.port(), settings);
    const QList<qint64> ids = invite(*f.store.store, f.clock, users(1));

    // Neither: the keychain is asked, there is none here, and nothing is attempted.
    const ConsoleRun none = f.run({QStringLiteral("deliver")});
    CHECK(none.exitCode == 1);
    CHECK(none.err.contains(QLatin1String("The OS keychain is not available")));
    CHECK(none.err.contains(QLatin1String("MDM_SMTP_PASSWORD")));
    CHECK(none.elapsedMs < 10000);
    CHECK(server.count(QStringLiteral("CONNECT")) == 0);
    CHECK(outboxRowFor(*f.store.store, ids.at(0)).attempts == 0);

    // A wrong password: the server's 535, retry later.
    const ConsoleRun wrong = f.runWithPassword({QStringLiteral("deliver")}, QStringLiteral("wrong"));
    CHECK(wrong.exitCode == 1);
    CHECK(hasLine(wrong.out, QStringLiteral("retry later #\\d+  user1@example\\.com: 535 .*")));

    const ConsoleRun env =
        f.runWithPassword({QStringLiteral("deliver"), QStringLiteral("--now")}, kServerPassword);
    CHECK(env.exitCode == 0);
    CHECK(outboxRowFor(*f.store.store, ids.at(0)).state == Outbox::Sent);

    const QList<qint64> more = invite(*f.store.store, f.clock, {users(2).last()});
    const ConsoleRun piped = f.run({QStringLiteral("deliver"), QStringLiteral("--password-stdin")},
                                   kServerPassword.toUtf8() + "\n");
    CHECK(piped.exitCode == 0);
    CHECK(outboxRowFor(*f.store.store, more.at(0)).state == Outbox::Sent);
    CHECK(server.count(QStringLiteral("AUTH PLAIN OK")) == 2);
    CHECK(deliveredPerRecipient(server) == QMap<QString, int>{{QStringLiteral("user1@example.com"), 1},
                                                              {QStringLiteral("user2@example.com"), 1}});

    const ConsoleRun emptyStdin = f.run({QStringLiteral("deliver"), QStringLiteral("--password-stdin")});
    CHECK(emptyStdin.exitCode == 0); // nothing due: no password needed
}

TEST_CASE("mail-settings: saves and prints, refuses bad input, keeps no password", "[mail][cli]")
{
    Fixture f;
    const ConsoleRun blank = f.run({QStringLiteral("mail-settings")});
    CHECK(blank.exitCode == 0);
    CHECK(blank.out.contains(QLatin1String("No mail server is set up")));

    const QStringList base{
        QStringLiteral("mail-settings"), QStringLiteral("--host"), QStringLiteral("smtp.example.com"),
        QStringLiteral("--port"),        QStringLiteral("587"),    QStringLiteral("--security"),
        QStringLiteral("starttls")};
    const ConsoleRun badFrom = f.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("it-desk")});
    CHECK(badFrom.exitCode == 2);
    CHECK(badFrom.err.contains(QStringLiteral("“it-desk” is not an email address")));
    CHECK(badFrom.err.contains(QLatin1String("Nothing was saved")));
    CHECK_FALSE(MailSettings::load(*f.store.store).isConfigured());
    CHECK(f.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("it@example.com"),
                                   QStringLiteral("--security"), QStringLiteral("ssl")})
              .exitCode == 2);
    CHECK(f.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("it@example.com"),
                                   QStringLiteral("--port"), QStringLiteral("99999")})
              .exitCode == 2);
    CHECK(f.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("it@example.com"),
                                   QStringLiteral("--link-base"), QStringLiteral("ftp://x")})
              .exitCode == 2);
    CHECK(f.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("it@example.com"),
                                   QStringLiteral("--ca-file"), QStringLiteral("/nonexistent/ca.pem")})
              .exitCode == 2);
    CHECK(f.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("it@example.com"),
                                   QStringLiteral("--password-stdin")},
                "pw\n")
              .exitCode == 2); // no user to store it for
    CHECK_FALSE(MailSettings::load(*f.store.store).isConfigured());

    const ConsoleRun saved = f.run(
        base + QStringList{QStringLiteral("--from"), QStringLiteral("it@example.com"),
                           QStringLiteral("--from-name"), QStringLiteral("IT Desk"), QStringLiteral("--user"),
                           kServerUser, QStringLiteral("--ca-file"), testCertificate().certFile,
                           QStringLiteral("--link-base"), QStringLiteral("https://mdm.example.org/join/")});
    CHECK(saved.exitCode == 0);
    CHECK(saved.out.contains(QLatin1String("Saved the mail settings")));

    // Only what is given changes.
    CHECK(
        f.run({QStringLiteral("mail-settings"), QStringLiteral("--port"), QStringLiteral("2525")}).exitCode ==
        0);
    const ConsoleRun shown = f.run({QStringLiteral("mail-settings")});
    CHECK(shown.exitCode == 0);
    CHECK(hasLine(shown.out, QStringLiteral("host: +smtp\\.example\\.com")));
    CHECK(hasLine(shown.out, QStringLiteral("port: +2525")));
    CHECK(hasLine(shown.out, QStringLiteral("security: +starttls")));
    CHECK(hasLine(shown.out, QStringLiteral("from: +it@example\\.com")));
    CHECK(hasLine(shown.out, QStringLiteral("from-name: +IT Desk")));
    CHECK(hasLine(shown.out, QStringLiteral("user: +enroll-bot")));
    CHECK(hasLine(shown.out,
                  QStringLiteral("ca-file: +") + QRegularExpression::escape(testCertificate().certFile)));
    CHECK(hasLine(shown.out, QStringLiteral("link-base: +https://mdm\\.example\\.org/join/")));
    CHECK(shown.out.contains(QLatin1String("enroll-bot@smtp.example.com:2525")));

    // No keychain service here: the password is refused with the cron advice, and written nowhere.
    const ConsoleRun withPassword =
        f.run({QStringLiteral("mail-settings"), QStringLiteral("--password-stdin")},
              kServerPassword.toUtf8() + "\n");
    CHECK(withPassword.exitCode == 1);
    CHECK(withPassword.err.contains(QLatin1String("The OS keychain is not available")));
    CHECK(withPassword.err.contains(QLatin1String("MDM_SMTP_PASSWORD")));
    CHECK(withPassword.elapsedMs < 10000);
    const MailSettings after = MailSettings::load(*f.store.store);
    CHECK(after.port == 2525);
    CHECK(after.user == kServerUser);
    for (const QByteArray &needle : {kServerPassword.toUtf8(), kServerPassword.toUtf8().toBase64()}) {
        CHECK(filesContaining(f.store.dir.path(), needle).isEmpty());
        CHECK(filesContaining(f.home.path(), needle).isEmpty());
    }
}

TEST_CASE("deliver killed mid-batch resends at most the message in flight", "[mail][outbox][cli]")
{
    // The server stores each message, then takes 150 ms to say 250: a kill then hits that window.
    SmtpTestServer server;
    START_SERVER(server, kPlain + QStringList{QStringLiteral("--delay-data"), QStringLiteral("150")});
    Fixture f;
    f.useServer(server.port());
    const int count = 12;
    const QList<qint64> ids = invite(*f.store.store, f.clock, users(count));

    QProcess first;
    first.setProcessEnvironment(consoleEnvironment(f.home.path()));
    first.start(QStringLiteral(MDM_CONSOLE_BINARY), f.args({QStringLiteral("deliver")}));
    REQUIRE(first.waitForStarted(10000));
    QElapsedTimer waited;
    waited.start();
    while (server.count(QStringLiteral("MESSAGE")) < 3 && waited.elapsed() < 15000 &&
           first.state() == QProcess::Running)
        QTest::qWait(10);
    REQUIRE(server.count(QStringLiteral("MESSAGE")) >= 3);
    first.kill(); // SIGKILL: no chance to record anything more
    REQUIRE(first.waitForFinished(5000));
    CHECK(first.exitStatus() == QProcess::CrashExit);

    int sentBefore = 0;
    for (qint64 id : ids)
        sentBefore += outboxRowFor(*f.store.store, id).state == Outbox::Sent ? 1 : 0;
    INFO("marked sent before the kill: " << sentBefore);
    CHECK(sentBefore < count); // it really stopped mid-batch

    const ConsoleRun second = f.run({QStringLiteral("deliver")});
    CHECK(second.exitCode == 0);
    for (qint64 id : ids)
        CHECK(outboxRowFor(*f.store.store, id).state == Outbox::Sent);

    const QMap<QString, int> delivered = deliveredPerRecipient(server);
    int duplicates = 0;
    for (const InviteRequest &request : users(count)) {
        INFO(request.email.toStdString());
        CHECK(delivered.value(request.email) >= 1);
        duplicates += std::max(0, delivered.value(request.email) - 1);
        if (delivered.value(request.email) > 1) {
            // The copy is recognisable: the same Message-ID.
            QSet<QString> messageIds;
            for (const QString &file : messageFilesFor(server, request.email))
                messageIds << parseEml(file).value(QStringLiteral("message_id")).toString();
            CHECK(messageIds.size() == 1);
        }
    }
    WARN("duplicates: " << duplicates << ", marked sent before the kill: " << sentBefore);
    CHECK(duplicates <= 1);
}
