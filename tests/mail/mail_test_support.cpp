#include "mail_test_support.h"

#include "mime_message.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTimeZone>
#include <memory>

namespace mdm::mail::test {

namespace {

// Runs a short local helper (openssl, parse_eml.py) and waits for it with an event loop.
bool runTool(const QString &program, const QStringList &arguments, QByteArray *out, QString *error)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = program + QStringLiteral(": ") + process.errorString();
        return false;
    }
    if (process.state() != QProcess::NotRunning && !finished.wait(30000)) {
        process.kill();
        *error = program + QStringLiteral(": did not finish");
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + QStringLiteral(" failed: ") + QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace

const TestCertificate &testCertificate()
{
    static QTemporaryDir dir;
    static TestCertificate certificate;
    if (certificate.certFile.isEmpty()) {
        REQUIRE(dir.isValid());
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QString error;
        // An EC key: generated in milliseconds, unlike RSA.
        const bool ok =
            runTool(QStringLiteral(MDM_OPENSSL),
                    {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                     QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                     QStringLiteral("3650"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                     QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")},
                    nullptr, &error);
        INFO(error.toStdString());
        REQUIRE(ok);
        certificate = {cert, key};
    }
    return certificate;
}

SmtpTestServer::~SmtpTestServer()
{
    stop();
}

bool SmtpTestServer::start(const QStringList &options, quint16 port)
{
    if (!dir_.isValid()) {
        error_ = QStringLiteral("no temporary folder");
        return false;
    }
    QStringList arguments{QStringLiteral("-u"),       QStringLiteral(MDM_SMTP_SERVER_SCRIPT),
                          QStringLiteral("--port"),   QString::number(port),
                          QStringLiteral("--outdir"), dir_.path(),
                          QStringLiteral("--log"),    dir_.filePath(QStringLiteral("events.log"))};
    const qsizetype mode = options.indexOf(QStringLiteral("--mode"));
    if (mode >= 0 && mode + 1 < options.size() && options.at(mode + 1) != QLatin1String("plain")) {
        const TestCertificate &certificate = testCertificate();
        arguments << QStringLiteral("--cert") << certificate.certFile << QStringLiteral("--key")
                  << certificate.keyFile;
    }
    arguments += options;

    QSignalSpy output(&process_, &QProcess::readyReadStandardOutput);
    process_.start(QStringLiteral(MDM_MAIL_PYTHON), arguments);
    if (!process_.waitForStarted(10000)) {
        error_ = QStringLiteral("cannot start %1: %2")
                     .arg(QStringLiteral(MDM_MAIL_PYTHON), process_.errorString());
        return false;
    }
    QByteArray stdoutText;
    QElapsedTimer elapsed;
    elapsed.start();
    while (!stdoutText.contains('\n')) {
        if (process_.state() == QProcess::NotRunning || elapsed.elapsed() > 15000) {
            error_ = QStringLiteral("smtp_server.py did not start: ") +
                     QString::fromUtf8(process_.readAllStandardError());
            return false;
        }
        output.wait(100);
        stdoutText += process_.readAllStandardOutput();
    }
    const QList<QByteArray> words = stdoutText.trimmed().split(' ');
    bool ok = false;
    if (words.size() == 2 && words.at(0) == "PORT")
        port_ = static_cast<quint16>(words.at(1).toUInt(&ok));
    if (!ok) {
        error_ = QStringLiteral("unexpected output: ") + QString::fromUtf8(stdoutText);
        return false;
    }
    return true;
}

void SmtpTestServer::stop()
{
    if (process_.state() != QProcess::NotRunning) {
        process_.kill(); // SIGKILL to the PID QProcess started
        process_.waitForFinished(5000);
    }
}

QStringList SmtpTestServer::events() const
{
    QFile file(dir_.filePath(QStringLiteral("events.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

int SmtpTestServer::count(const QString &eventPrefix) const
{
    int n = 0;
    const QStringList lines = events();
    for (const QString &line : lines) {
        if (line.startsWith(eventPrefix))
            ++n;
    }
    return n;
}

QStringList SmtpTestServer::messageFiles() const
{
    QDir dir(dir_.path());
    QStringList files;
    const QStringList names = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        files.append(dir.filePath(name));
    return files;
}

BatchRun runBatch(SmtpClient &client, const QList<MailMessage> &messages, int waitMs)
{
    BatchRun run;
    run.results.resize(messages.size());
    run.reports.fill(0, messages.size());
    const QMetaObject::Connection connection =
        QObject::connect(&client, &SmtpClient::messageFinished, [&run](int index, const SendResult &result) {
            if (index >= 0 && index < run.results.size()) {
                run.results[index] = result;
                ++run.reports[index];
            }
        });
    QSignalSpy finished(&client, &SmtpClient::batchFinished);
    QElapsedTimer elapsed;
    elapsed.start();
    REQUIRE(client.sendBatch(messages));
    run.finished = finished.wait(waitMs);
    run.elapsedMs = elapsed.elapsed();
    QObject::disconnect(connection);
    run.transcript = client.transcript();
    UNSCOPED_INFO("transcript:\n" << client.transcript().join(QLatin1Char('\n')).toStdString());
    return run;
}

TestRun runConnectionTest(SmtpClient &client, int waitMs)
{
    TestRun run;
    QSignalSpy finished(&client, &SmtpClient::connectionTested);
    QElapsedTimer elapsed;
    elapsed.start();
    REQUIRE(client.testConnection());
    run.finished = finished.wait(waitMs);
    run.elapsedMs = elapsed.elapsed();
    if (run.finished)
        run.result = finished.first().first().value<SendResult>();
    UNSCOPED_INFO("transcript:\n" << client.transcript().join(QLatin1Char('\n')).toStdString());
    return run;
}

quint16 unusedPort()
{
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QJsonObject parseEml(const QString &path)
{
    QByteArray out;
    QString error;
    if (!runTool(QStringLiteral(MDM_MAIL_PYTHON), {QStringLiteral(MDM_PARSE_EML_SCRIPT), path}, &out,
                 &error)) {
        UNSCOPED_INFO(error.toStdString());
        return {};
    }
    return QJsonDocument::fromJson(out).object();
}

SmtpSettings settingsFor(const SmtpTestServer &server, SmtpSettings::Security security)
{
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.port();
    settings.security = security;
    settings.fromAddress = QStringLiteral("it-desk@example.com");
    settings.fromName = QStringLiteral("Example IT \"Enrollment\" Desk, Inc.");
    settings.timeoutMs = 5000;
    return settings;
}

MailMessage invitation(int n, const QString &to)
{
    MailMessage message;
    message.messageId =
        mime::makeMessageId(QStringLiteral("outbox-%1").arg(n), QStringLiteral("it-desk@example.com"));
    message.to = to;
    message.toName = QStringLiteral("Jürgen Müller-Lüdenscheidt");
    message.subject =
        QStringLiteral("Einladung %1: Bitte registrieren Sie Ihr Gerät – 端末を登録してください ✓ 🎉 "
                       "(gültig 7 Tage)")
            .arg(n);
    message.textBody = QStringLiteral("Hallo Jürgen,\n\n"
                                      "bitte registrieren Sie Ihr Gerät:\n"
                                      "https://mdm.example.com/enroll?token=abc=def&x=1\n"
                                      ".\n"
                                      "..two dots\n"
                                      ".leading dot\n"
                                      "trailing spaces   \n"
                                      "tab\tinside\n") +
                       QString(1200, QLatin1Char('x')) + QStringLiteral("\nGrüße ☺\nIhre IT");
    message.htmlBody = QStringLiteral("<html><body>\n<p>Hallo Jürgen – <b>Gerät</b> registrieren:</p>\n"
                                      ".<a href=\"https://mdm.example.com/enroll?token=abc=def\">Jetzt</a>\n"
                                      "</body></html>\n");
    message.date = QDateTime(QDate(2025, 7, 1), QTime(9, 5, 3), QTimeZone(2 * 3600));
    return message;
}

void checkDelivered(const QString &emlFile, const MailMessage &sent, const SmtpSettings &settings)
{
    INFO("file: " << emlFile.toStdString());
    const QJsonObject eml = parseEml(emlFile);
    INFO(QJsonDocument(eml).toJson().toStdString());
    REQUIRE(!eml.isEmpty());
    CHECK(eml.value(QStringLiteral("defects")).toArray().isEmpty());
    CHECK_FALSE(eml.value(QStringLiteral("bare_lf")).toBool());
    CHECK_FALSE(eml.value(QStringLiteral("bare_cr")).toBool());
    CHECK_FALSE(eml.value(QStringLiteral("non_ascii_bytes")).toBool());
    CHECK(eml.value(QStringLiteral("max_line")).toInt() <= 78);

    CHECK(eml.value(QStringLiteral("subject")).toString() == sent.subject);
    CHECK(eml.value(QStringLiteral("raw_subject")).toString().startsWith(QLatin1String("=?UTF-8?B?")));
    CHECK(eml.value(QStringLiteral("from_name")).toString() == settings.fromName);
    CHECK(eml.value(QStringLiteral("from_address")).toString() == settings.fromAddress);
    CHECK(eml.value(QStringLiteral("to_name")).toString() == sent.toName);
    CHECK(eml.value(QStringLiteral("to_address")).toString() == sent.to);
    CHECK(eml.value(QStringLiteral("message_id")).toString() == QString::fromLatin1(sent.messageId));
    CHECK(eml.value(QStringLiteral("mime_version")).toString() == QLatin1String("1.0"));
    CHECK(eml.value(QStringLiteral("raw_date")).toString() ==
          QLatin1String("Tue, 01 Jul 2025 09:05:03 +0200"));
    CHECK(eml.value(QStringLiteral("date_epoch")).toInteger() == sent.date.toSecsSinceEpoch());
    CHECK(eml.value(QStringLiteral("date_offset_minutes")).toInt() == 120);

    CHECK(eml.value(QStringLiteral("content_type")).toString() == QLatin1String("multipart/alternative"));
    const QJsonArray parts = eml.value(QStringLiteral("parts")).toArray();
    REQUIRE(parts.size() == 2);
    const QJsonObject text = parts.at(0).toObject();
    const QJsonObject html = parts.at(1).toObject();
    CHECK(text.value(QStringLiteral("type")).toString() == QLatin1String("text/plain"));
    CHECK(text.value(QStringLiteral("charset")).toString() == QLatin1String("utf-8"));
    CHECK(text.value(QStringLiteral("content"))
              .toString()
              .replace(QLatin1String("\r\n"), QLatin1String("\n")) == sent.textBody);
    CHECK(html.value(QStringLiteral("type")).toString() == QLatin1String("text/html"));
    CHECK(html.value(QStringLiteral("charset")).toString() == QLatin1String("utf-8"));
    CHECK(html.value(QStringLiteral("content"))
              .toString()
              .replace(QLatin1String("\r\n"), QLatin1String("\n")) == sent.htmlBody);
}

} // namespace mdm::mail::test
