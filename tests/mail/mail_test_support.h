#pragma once

#include "mail_types.h"
#include "smtp_client.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <optional>
#include <string>

namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};
template <> struct StringMaker<QByteArray>
{
    static std::string convert(const QByteArray &value) { return '"' + value.toStdString() + '"'; }
};
template <> struct StringMaker<mdm::mail::SendResult::Kind>
{
    static std::string convert(mdm::mail::SendResult::Kind value)
    {
        return mdm::mail::toString(value).toStdString();
    }
};
} // namespace Catch

// Starts an SmtpTestServer; on failure the test stops and names the server's error.
#define START_SERVER(server, ...)                                                                            \
    do {                                                                                                     \
        const bool started_ = (server).start(__VA_ARGS__);                                                   \
        INFO((server).error().toStdString());                                                                \
        REQUIRE(started_);                                                                                   \
    } while (false)

namespace mdm::mail::test {

// smtp_server.py's options for a plain server (no TLS).
inline const QStringList kPlain{QStringLiteral("--mode"), QStringLiteral("plain")};

// A self-signed certificate for CN=localhost with subjectAltName DNS:localhost and IP:127.0.0.1, made with
// openssl once per test process (in a temporary folder).
struct TestCertificate
{
    QString certFile;
    QString keyFile;
};
const TestCertificate &testCertificate();

// One smtp_server.py process on a loopback port, with its own folder for .eml files and the event log.
// Killed (by its PID, through QProcess) when destroyed.
class SmtpTestServer
{
public:
    SmtpTestServer() = default;
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer &) = delete;
    SmtpTestServer &operator=(const SmtpTestServer &) = delete;

    // Options as smtp_server.py takes them (e.g. {"--mode", "starttls"}); TLS modes get the test certificate.
    // port 0: a free port. Waits (event loop) until the server prints its port; false and error() when not.
    bool start(const QStringList &options, quint16 port = 0);
    void stop();

    quint16 port() const { return port_; }
    QString error() const { return error_; }
    QStringList events() const;                  // the lines of the event log
    int count(const QString &eventPrefix) const; // e.g. count("CONNECT"), count("CMD RSET")
    QStringList messageFiles() const;            // delivered .eml files, in order

private:
    QTemporaryDir dir_;
    QProcess process_;
    quint16 port_ = 0;
    QString error_;
};

// What a batch reported: one result per message (nullopt: none, a bug), and how often each index was
// reported.
struct BatchRun
{
    bool finished = false;
    QList<std::optional<SendResult>> results;
    QList<int> reports; // per index
    qint64 elapsedMs = 0;
    QStringList transcript;

    SendResult::Kind kind(int index) const
    {
        return results.at(index) ? results.at(index)->kind : SendResult::Kind(-1);
    }
};
BatchRun runBatch(SmtpClient &client, const QList<MailMessage> &messages, int waitMs = 20000);

struct TestRun
{
    bool finished = false;
    SendResult result;
    qint64 elapsedMs = 0;
};
TestRun runConnectionTest(SmtpClient &client, int waitMs = 20000);

// A loopback port with nothing listening on it (bound once, then released).
quint16 unusedPort();

// The .eml as Python's email package reads it (see parse_eml.py); an empty object when parsing failed.
QJsonObject parseEml(const QString &path);

// Settings for a test server on 127.0.0.1 with a short timeout.
SmtpSettings settingsFor(const SmtpTestServer &server, SmtpSettings::Security security);

// An invitation like the console sends: non-ASCII subject and names, text and HTML, dot lines, a long line.
MailMessage invitation(int n, const QString &to);

// Checks headers and both parts of a delivered invitation against what was sent.
void checkDelivered(const QString &emlFile, const MailMessage &sent, const SmtpSettings &settings);

} // namespace mdm::mail::test
