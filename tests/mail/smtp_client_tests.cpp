#include "mail_test_support.h"
#include "mime_message.h"
#include "smtp_client.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace mdm::mail;
using namespace mdm::mail::test;
using Kind = SendResult::Kind;
using Security = SmtpSettings::Security;

namespace {

QStringList tlsAuthServer(const QString &mode)
{
    return {QStringLiteral("--mode"),          mode,
            QStringLiteral("--user"),          QStringLiteral("enroll-bot"),
            QStringLiteral("--password"),      QStringLiteral("s3cr3t ünïcode"),
            QStringLiteral("--auth-required"), QStringLiteral("--auth-require-tls")};
}

SmtpSettings withLogin(SmtpSettings settings)
{
    settings.user = QStringLiteral("enroll-bot");
    settings.password = QStringLiteral("s3cr3t ünïcode");
    settings.caFile = testCertificate().certFile;
    return settings;
}

} // namespace

TEST_CASE("smtp: plain delivery with UTF-8 headers and both MIME parts", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain")});
    const SmtpSettings settings = settingsFor(server, Security::None);
    SmtpClient client(settings);
    const MailMessage message = invitation(1, QStringLiteral("juergen@example.com"));

    const BatchRun run = runBatch(client, {message});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    CHECK(run.results.at(0)->serverReply == QLatin1String("250 2.0.0 Ok: queued as TEST001"));
    CHECK(run.reports.at(0) == 1);
    REQUIRE(server.messageFiles().size() == 1);
    checkDelivered(server.messageFiles().at(0), message, settings);
    CHECK(
        server.events().contains(QStringLiteral("MESSAGE %1 FROM it-desk@example.com TO juergen@example.com")
                                     .arg(server.messageFiles().at(0))));
    CHECK(server.count(QStringLiteral("CMD QUIT")) == 1);
    CHECK_FALSE(client.isBusy());
}

TEST_CASE("smtp: STARTTLS with the test CA and AUTH", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("starttls-required")));
    const SmtpSettings settings = withLogin(settingsFor(server, Security::StartTls));
    SmtpClient client(settings);
    const MailMessage message = invitation(2, QStringLiteral("anna@example.org"));

    const BatchRun run = runBatch(client, {message});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    REQUIRE(server.messageFiles().size() == 1);
    checkDelivered(server.messageFiles().at(0), message, settings);
    // EHLO, STARTTLS, EHLO again over TLS, then AUTH (PLAIN preferred).
    const QStringList commands =
        server.events().filter(QRegularExpression(QStringLiteral("^CMD (EHLO|STARTTLS|AUTH)")));
    REQUIRE(commands.size() == 4);
    CHECK(commands.at(0).startsWith(QLatin1String("CMD EHLO [127.0.0.1]")));
    CHECK(commands.at(1) == QLatin1String("CMD STARTTLS"));
    CHECK(commands.at(2).startsWith(QLatin1String("CMD EHLO")));
    CHECK(commands.at(3).startsWith(QLatin1String("CMD AUTH PLAIN")));
    CHECK(server.count(QStringLiteral("AUTH PLAIN OK")) == 1);
    // The transcript never holds the password.
    CHECK_FALSE(run.transcript.join(QLatin1Char('\n')).contains(QStringLiteral("s3cr3t")));
    CHECK_FALSE(run.transcript.join(QLatin1Char('\n'))
                    .contains(QString::fromLatin1(
                        (QByteArray("\0enroll-bot\0", 12) + settings.password.toUtf8()).toBase64())));
}

TEST_CASE("smtp: implicit TLS with the test CA and the DNS name", "[mail][smtp]")
{
    // The name must resolve to the loopback address the server listens on; a bare chroot without
    // /etc/hosts cannot resolve "localhost" at all.
    const QList<QHostAddress> addresses = QHostInfo::fromName(QStringLiteral("localhost")).addresses();
    if (!addresses.contains(QHostAddress(QHostAddress::LocalHost))) {
        WARN("localhost does not resolve to 127.0.0.1 here (no /etc/hosts?); the DNS-name check is not run");
        return;
    }
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("tls")));
    SmtpSettings settings = withLogin(settingsFor(server, Security::ImplicitTls));
    settings.host = QStringLiteral("localhost"); // verified against subjectAltName DNS:localhost
    SmtpClient client(settings);
    const MailMessage message = invitation(3, QStringLiteral("ben@example.net"));

    const BatchRun run = runBatch(client, {message});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    REQUIRE(server.messageFiles().size() == 1);
    checkDelivered(server.messageFiles().at(0), message, settings);
    CHECK(server.count(QStringLiteral("CMD STARTTLS")) == 0);
    CHECK(run.transcript.filter(QStringLiteral("-- TLS established")).size() == 1);
}

TEST_CASE("smtp: STARTTLS without the CA is a ConfigError naming the certificate problem", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("starttls-required")));
    SmtpSettings settings = withLogin(settingsFor(server, Security::StartTls));
    settings.caFile.clear();
    SmtpClient client(settings);

    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com")),
                                           invitation(2, QStringLiteral("b@example.com"))});
    REQUIRE(run.finished);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(run.results.at(i));
        CHECK(run.results.at(i)->kind == Kind::ConfigError);
        CHECK(run.reports.at(i) == 1);
        INFO(run.results.at(i)->error.toStdString());
        CHECK(run.results.at(i)->error.contains(QLatin1String("self-signed")));
        CHECK(run.results.at(i)->error.contains(QLatin1String("\"localhost\"")));
        CHECK(run.results.at(i)->error.contains(QLatin1String("CA certificate")));
    }
    CHECK(server.messageFiles().isEmpty());
    CHECK(server.count(QStringLiteral("CMD AUTH")) == 0);
    CHECK(server.count(QStringLiteral("CMD MAIL")) == 0);
}

TEST_CASE("smtp: AUTH PLAIN when the server offers only PLAIN", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("starttls-required")) +
                             QStringList{QStringLiteral("--auth-mechanisms"), QStringLiteral("PLAIN")});
    SmtpClient client(withLogin(settingsFor(server, Security::StartTls)));
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    CHECK(server.count(QStringLiteral("AUTH PLAIN OK")) == 1);
    CHECK(server.messageFiles().size() == 1);
}

TEST_CASE("smtp: AUTH LOGIN when the server offers only LOGIN", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("starttls-required")) +
                             QStringList{QStringLiteral("--auth-mechanisms"), QStringLiteral("LOGIN")});
    SmtpClient client(withLogin(settingsFor(server, Security::StartTls)));
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    CHECK(server.count(QStringLiteral("CMD AUTH LOGIN")) == 1);
    CHECK(server.count(QStringLiteral("AUTH LOGIN OK")) == 1);
    CHECK(server.messageFiles().size() == 1);
    CHECK_FALSE(run.transcript.join(QLatin1Char('\n')).contains(QStringLiteral("s3cr3t")));
}

TEST_CASE("smtp: a wrong password is a ConfigError with the server's 535 reply", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("starttls-required")));
    SmtpSettings settings = withLogin(settingsFor(server, Security::StartTls));
    settings.password = QStringLiteral("wrong");
    SmtpClient client(settings);

    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com")),
                                           invitation(2, QStringLiteral("b@example.com"))});
    REQUIRE(run.finished);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(run.results.at(i));
        CHECK(run.results.at(i)->kind == Kind::ConfigError);
        CHECK(run.results.at(i)->serverReply ==
              QLatin1String("535 5.7.8 Authentication credentials invalid"));
        CHECK(run.results.at(i)->error.contains(QLatin1String("enroll-bot")));
    }
    CHECK(server.count(QStringLiteral("AUTH PLAIN FAIL")) == 1);
    CHECK(server.count(QStringLiteral("CMD MAIL")) == 0);
    CHECK(server.count(QStringLiteral("CMD QUIT")) == 1); // a clean goodbye after the refusal
    CHECK(server.messageFiles().isEmpty());

    SECTION("the connection test reports the same")
    {
        const TestRun test = runConnectionTest(client);
        REQUIRE(test.finished);
        CHECK(test.result.kind == Kind::ConfigError);
        CHECK(test.result.serverReply == QLatin1String("535 5.7.8 Authentication credentials invalid"));
    }
}

TEST_CASE("smtp: a batch of three with the second recipient rejected uses one connection", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain"), QStringLiteral("--reject"),
                          QStringLiteral("nobody@example.com")});
    const SmtpSettings settings = settingsFor(server, Security::None);
    SmtpClient client(settings);
    const QList<MailMessage> messages{invitation(1, QStringLiteral("first@example.com")),
                                      invitation(2, QStringLiteral("nobody@example.com")),
                                      invitation(3, QStringLiteral("third@example.com"))};

    const BatchRun run = runBatch(client, messages);
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    REQUIRE(run.results.at(1));
    REQUIRE(run.results.at(2));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    CHECK(run.results.at(1)->kind == Kind::Permanent);
    CHECK(run.results.at(1)->serverReply ==
          QLatin1String("550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"));
    CHECK(run.results.at(1)->error.contains(QLatin1String("nobody@example.com")));
    CHECK(run.results.at(2)->kind == Kind::Sent);
    CHECK(run.reports == QList<int>{1, 1, 1});

    CHECK(server.count(QStringLiteral("CONNECT")) == 1);
    CHECK(server.count(QStringLiteral("CMD EHLO")) == 1);
    CHECK(server.count(QStringLiteral("CMD RSET")) == 1);
    CHECK(server.count(QStringLiteral("CMD QUIT")) == 1);
    const QStringList files = server.messageFiles();
    REQUIRE(files.size() == 2);
    checkDelivered(files.at(0), messages.at(0), settings);
    checkDelivered(files.at(1), messages.at(2), settings);
}

TEST_CASE("smtp: an invalid recipient address is Permanent without reaching the server", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain")});
    SmtpClient client(settingsFor(server, Security::None));
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("broken address@example.com")),
                                           invitation(2, QStringLiteral("ok@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    REQUIRE(run.results.at(1));
    CHECK(run.results.at(0)->kind == Kind::Permanent);
    CHECK(run.results.at(0)->serverReply.isEmpty());
    CHECK(run.results.at(1)->kind == Kind::Sent);
    CHECK(server.count(QStringLiteral("CMD MAIL")) == 1);
}

TEST_CASE("smtp: a 451 for a recipient is Transient and the batch goes on", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain"), QStringLiteral("--reject-temp"),
                          QStringLiteral("busy@example.com")});
    SmtpClient client(settingsFor(server, Security::None));
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("busy@example.com")),
                                           invitation(2, QStringLiteral("ok@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    REQUIRE(run.results.at(1));
    CHECK(run.results.at(0)->kind == Kind::Transient);
    CHECK(run.results.at(0)->serverReply ==
          QLatin1String("451 4.2.0 <busy@example.com>: Mailbox temporarily unavailable"));
    CHECK(run.results.at(1)->kind == Kind::Sent);
    CHECK(server.count(QStringLiteral("CONNECT")) == 1);
}

TEST_CASE("smtp: server down is Transient and a server started later gets the retry", "[mail][smtp]")
{
    const quint16 port = unusedPort();
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = Security::None;
    settings.fromAddress = QStringLiteral("it-desk@example.com");
    settings.timeoutMs = 5000;
    SmtpClient client(settings);
    const MailMessage message = invitation(1, QStringLiteral("late@example.com"));

    const BatchRun down = runBatch(client, {message});
    REQUIRE(down.finished);
    REQUIRE(down.results.at(0));
    CHECK(down.results.at(0)->kind == Kind::Transient);
    INFO(down.results.at(0)->error.toStdString());
    CHECK(down.results.at(0)->error.contains(QLatin1String("refused")));

    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain")}, port);
    const BatchRun retry = runBatch(client, {message});
    REQUIRE(retry.finished);
    REQUIRE(retry.results.at(0));
    CHECK(retry.results.at(0)->kind == Kind::Sent);
    CHECK(server.messageFiles().size() == 1);
}

TEST_CASE("smtp: a server that never greets times out as Transient", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain"), QStringLiteral("--stall"),
                          QStringLiteral("connect")});
    SmtpSettings settings = settingsFor(server, Security::None);
    settings.timeoutMs = 1500;
    SmtpClient client(settings);

    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com"))}, 10000);
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Transient);
    INFO(run.results.at(0)->error.toStdString());
    CHECK(run.results.at(0)->error.contains(QLatin1String("1.5 s")));
    CHECK(run.elapsedMs >= 1400);
    CHECK(run.elapsedMs < 6000); // the configured timeout, not some default
}

TEST_CASE("smtp: a server that stalls after EHLO times out for every message", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain"), QStringLiteral("--stall"),
                          QStringLiteral("after-ehlo")});
    SmtpSettings settings = settingsFor(server, Security::None);
    settings.timeoutMs = 1500;
    SmtpClient client(settings);

    const BatchRun run = runBatch(
        client,
        {invitation(1, QStringLiteral("a@example.com")), invitation(2, QStringLiteral("b@example.com"))},
        10000);
    REQUIRE(run.finished);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(run.results.at(i));
        CHECK(run.results.at(i)->kind == Kind::Transient);
        CHECK(run.results.at(i)->error.contains(QLatin1String("MAIL FROM")));
    }
    CHECK(run.elapsedMs < 6000);
    CHECK(server.count(QStringLiteral("CMD MAIL")) == 1);
    CHECK(server.messageFiles().isEmpty());
}

TEST_CASE("smtp: cancel gives the unfinished messages Transient", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain"), QStringLiteral("--stall"),
                          QStringLiteral("connect")});
    SmtpClient client(settingsFor(server, Security::None)); // 5 s timeout: cancel must come first
    QList<SendResult> results;
    QObject::connect(&client, &SmtpClient::messageFinished,
                     [&results](int, const SendResult &result) { results.append(result); });
    QSignalSpy finished(&client, &SmtpClient::batchFinished);
    REQUIRE(client.sendBatch({invitation(1, QStringLiteral("a@example.com"))}));
    CHECK_FALSE(client.sendBatch({invitation(2, QStringLiteral("b@example.com"))})); // busy
    QTest::qWait(300); // let it connect and wait for the greeting
    client.cancel();
    REQUIRE((finished.size() == 1 || finished.wait(3000)));
    REQUIRE(results.size() == 1);
    CHECK(results.at(0).kind == Kind::Transient);
    CHECK(results.at(0).error.contains(QLatin1String("Cancelled")));
}

TEST_CASE("smtp: body lines starting with a dot survive dot-stuffing", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain")});
    SmtpClient client(settingsFor(server, Security::None));
    MailMessage message = invitation(1, QStringLiteral("dots@example.com"));
    message.htmlBody.clear(); // a single text/plain part: the dot lines reach SMTP as they are
    message.textBody = QStringLiteral(".\n..\n.first\n...three\nmiddle . dot\n.\n");

    const BatchRun run = runBatch(client, {message});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    REQUIRE(server.messageFiles().size() == 1);
    const QJsonObject eml = parseEml(server.messageFiles().at(0));
    const QJsonArray parts = eml.value(QStringLiteral("parts")).toArray();
    REQUIRE(parts.size() == 1);
    CHECK(parts.at(0)
              .toObject()
              .value(QStringLiteral("content"))
              .toString()
              .replace(QLatin1String("\r\n"), QLatin1String("\n")) == message.textBody);
}

TEST_CASE("smtp: multi-line EHLO sent in fragments with AUTH on the last line", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("starttls-required")) +
                             QStringList{QStringLiteral("--extra-ehlo-lines"), QStringLiteral("12"),
                                         QStringLiteral("--fragment"), QStringLiteral("--auth-mechanisms"),
                                         QStringLiteral("LOGIN")});
    const SmtpSettings settings = withLogin(settingsFor(server, Security::StartTls));
    SmtpClient client(settings);
    const MailMessage message = invitation(1, QStringLiteral("multi@example.com"));

    const BatchRun run = runBatch(client, {message});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    CHECK(run.transcript.contains(QStringLiteral("S: 250 AUTH LOGIN")));
    CHECK(run.transcript.filter(QStringLiteral("S: 250-X-TEST-EXTENSION-")).size() == 24); // both EHLOs
    CHECK(server.count(QStringLiteral("AUTH LOGIN OK")) == 1);
    REQUIRE(server.messageFiles().size() == 1);
    checkDelivered(server.messageFiles().at(0), message, settings);
}

TEST_CASE("smtp: HELO fallback when EHLO is refused", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain"), QStringLiteral("--no-ehlo")});
    SmtpClient client(settingsFor(server, Security::None));
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("old@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    CHECK(server.count(QStringLiteral("CMD EHLO")) == 1);
    CHECK(server.count(QStringLiteral("CMD HELO")) == 1);
    CHECK(server.messageFiles().size() == 1);
}

TEST_CASE("smtp: a connection dropped mid-batch gives the rest Transient", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain"), QStringLiteral("--drop-after"),
                          QStringLiteral("1")});
    SmtpClient client(settingsFor(server, Security::None));
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com")),
                                           invitation(2, QStringLiteral("b@example.com")),
                                           invitation(3, QStringLiteral("c@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    REQUIRE(run.results.at(1));
    REQUIRE(run.results.at(2));
    CHECK(run.results.at(0)->kind == Kind::Sent);
    CHECK(run.results.at(1)->kind == Kind::Transient);
    CHECK(run.results.at(2)->kind == Kind::Transient);
    CHECK(run.results.at(1)->serverReply.isEmpty()); // not the 250 of the first message
    CHECK(run.results.at(1)->error.contains(QLatin1String("closed the connection")));
    CHECK(run.reports == QList<int>{1, 1, 1});
    CHECK(server.count(QStringLiteral("DROP")) == 1);
    CHECK(server.messageFiles().size() == 1);
}

TEST_CASE("smtp: STARTTLS required but not offered is a ConfigError and nothing is sent", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain")});
    SmtpClient client(settingsFor(server, Security::StartTls));
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::ConfigError);
    CHECK(run.results.at(0)->error.contains(QLatin1String("STARTTLS")));
    CHECK(server.count(QStringLiteral("CMD MAIL")) == 0);
    CHECK(server.messageFiles().isEmpty());
}

TEST_CASE("smtp: implicit TLS against a plain server is a ConfigError", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("plain")});
    SmtpSettings settings = settingsFor(server, Security::ImplicitTls);
    settings.caFile = testCertificate().certFile;
    SmtpClient client(settings);
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::ConfigError);
    INFO(run.results.at(0)->error.toStdString());
    CHECK(run.results.at(0)->error.contains(QLatin1String("TLS handshake")));
    CHECK(server.messageFiles().isEmpty());
}

TEST_CASE("smtp: an unreadable CA file is a ConfigError before connecting", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, {QStringLiteral("--mode"), QStringLiteral("starttls")});
    SmtpSettings settings = settingsFor(server, Security::StartTls);
    settings.caFile = QStringLiteral("/nonexistent/ca.pem");
    SmtpClient client(settings);
    const BatchRun run = runBatch(client, {invitation(1, QStringLiteral("a@example.com"))});
    REQUIRE(run.finished);
    REQUIRE(run.results.at(0));
    CHECK(run.results.at(0)->kind == Kind::ConfigError);
    CHECK(run.results.at(0)->error.contains(settings.caFile));
    CHECK(server.count(QStringLiteral("CONNECT")) == 0);
}

TEST_CASE("smtp: the connection test reports the server's answers", "[mail][smtp]")
{
    SmtpTestServer server;
    START_SERVER(server, tlsAuthServer(QStringLiteral("starttls-required")));
    SmtpClient client(withLogin(settingsFor(server, Security::StartTls)));
    const TestRun run = runConnectionTest(client);
    REQUIRE(run.finished);
    CHECK(run.result.kind == Kind::Sent);
    CHECK(run.result.serverReply == QLatin1String("250 OK"));
    INFO(run.result.error.toStdString());
    CHECK(run.result.error.contains(QLatin1String("220 mail.test.invalid MDM test SMTP")));
    CHECK(run.result.error.contains(QLatin1String("235 2.7.0 Authentication successful")));
    CHECK(run.result.error.contains(QLatin1String("TLS 1.")));
    CHECK(server.count(QStringLiteral("CMD MAIL FROM:<it-desk@example.com>")) == 1);
    CHECK(server.count(QStringLiteral("CMD RSET")) == 1);
    CHECK(server.count(QStringLiteral("CMD QUIT")) == 1);
    CHECK(server.messageFiles().isEmpty());
}

TEST_CASE("smtp: an empty batch finishes without connecting", "[mail][smtp]")
{
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = unusedPort();
    SmtpClient client(settings);
    QSignalSpy finished(&client, &SmtpClient::batchFinished);
    REQUIRE(client.sendBatch({}));
    CHECK(finished.isEmpty()); // never synchronously
    REQUIRE(finished.wait(2000));
    CHECK(client.transcript().isEmpty());
}
