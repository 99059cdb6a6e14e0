#include "gateway_bench.h"

#include "domain/clock.h"
#include "services/enrollment_service.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>
#include <algorithm>
#include <functional>
#include <memory>
#include <signal.h>

namespace mdm::bench {

namespace {

using Log = std::function<void(const QString &)>;

bool spin(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray request(const QByteArray &method, const QByteArray &target, int port,
                   const QByteArray &contentType = {}, const QByteArray &body = {},
                   const QByteArray &extraHeaders = {})
{
    QByteArray out =
        method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    if (!body.isEmpty() || method != "GET")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += extraHeaders + "\r\n" + body;
    return out;
}

QByteArray plistDict(const QList<std::pair<QByteArray, QByteArray>> &entries)
{
    QByteArray out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>";
    for (const auto &[key, value] : entries)
        out += "<key>" + key + "</key>" + value;
    return out + "</dict></plist>";
}

QByteArray plistString(const QByteArray &s)
{
    return "<string>" + s + "</string>";
}

// One keep-alive HTTPS connection that runs a script: next(status, body) gives the next request, or
// nothing to stop (status 0 before the first). Every response's time is recorded.
class Connection
{
public:
    using Next = std::function<QByteArray(int status, const QByteArray &body)>;

    Connection(int port, const QSslConfiguration &tls, Next next, std::vector<double> *latencies)
        : next_(std::move(next)), latencies_(latencies)
    {
        socket_.setSslConfiguration(tls);
        QObject::connect(&socket_, &QSslSocket::encrypted, [this] { send(next_(0, {})); });
        QObject::connect(&socket_, &QSslSocket::readyRead, [this] { read(); });
        QObject::connect(&socket_, &QSslSocket::errorOccurred, [this](QAbstractSocket::SocketError) {
            if (!done_)
                error_ = socket_.errorString();
            done_ = true;
        });
        socket_.connectToHostEncrypted(QStringLiteral("127.0.0.1"), static_cast<quint16>(port),
                                       QStringLiteral("127.0.0.1"));
    }

    bool done() const { return done_; }
    QString error() const { return error_; }

private:
    void send(const QByteArray &bytes)
    {
        if (bytes.isEmpty()) {
            done_ = true;
            socket_.disconnectFromHost();
            return;
        }
        timer_.start();
        socket_.write(bytes);
    }

    void read()
    {
        buffer_ += socket_.readAll();
        for (;;) {
            const qsizetype end = buffer_.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer_.left(end);
            const int status = head.mid(9, 3).toInt();
            static const QRegularExpression lengthHeader(QStringLiteral("(?im)^content-length:\\s*(\\d+)"));
            const auto match = lengthHeader.match(QString::fromLatin1(head));
            const qsizetype length = match.hasMatch() ? match.captured(1).toLongLong() : 0;
            if (buffer_.size() < end + 4 + length)
                return;
            const QByteArray body = buffer_.mid(end + 4, length);
            buffer_.remove(0, end + 4 + length);
            latencies_->push_back(static_cast<double>(timer_.nsecsElapsed()) / 1e6);
            send(next_(status, body));
        }
    }

    QSslSocket socket_;
    Next next_;
    std::vector<double> *latencies_;
    QByteArray buffer_;
    QElapsedTimer timer_;
    bool done_ = false;
    QString error_;
};

// Runs connections until every script stopped; false (and why) when one broke off.
bool runAll(std::vector<std::unique_ptr<Connection>> &connections, int timeoutMs, QString *error)
{
    const bool finished = spin(
        [&] {
            return std::all_of(connections.begin(), connections.end(),
                               [](const auto &c) { return c->done(); });
        },
        timeoutMs);
    for (const auto &c : connections)
        if (!c->error().isEmpty()) {
            *error = c->error();
            return false;
        }
    if (!finished)
        *error = QStringLiteral("timed out");
    return finished;
}

QList<QByteArray> newInvitationTokens(Store &store, Platform platform, int count, const QString &tag)
{
    QList<InviteRequest> requests;
    for (int i = 0; i < count; ++i)
        requests << InviteRequest{QStringLiteral("Bench %1 %2").arg(tag).arg(i),
                                  QStringLiteral("bench-%1-%2@gateway.example.com").arg(tag).arg(i),
                                  platform,
                                  Ownership::Corporate,
                                  QString(),
                                  0};
    Clock clock;
    const BulkResult result = EnrollmentService(store, clock).invite(requests);
    QList<QByteArray> tokens;
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("SELECT link_token FROM outbox WHERE invitation_id = ?"));
    for (qint64 id : result.createdIds) {
        q.addBindValue(id);
        if (q.exec() && q.next())
            tokens << q.value(0).toString().toLatin1();
    }
    return tokens;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())))];
}

} // namespace

std::map<QString, double> gatewayFigures(const QString &storePath, const Log &log)
{
    std::map<QString, double> f;
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("gateway.pem"));
    const QString key = dir.filePath(QStringLiteral("gateway.key"));
    if (QProcess::execute(QStringLiteral("openssl"),
                          {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                           QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                           QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                           QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                           QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key,
                           QStringLiteral("-out"), cert}) != 0) {
        log(QStringLiteral("gateway bench: openssl could not make a test certificate"));
        return f;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(cert));

    // Invitations first, while no gateway holds the store.
    QList<QByteArray> agentTokens, appleTokens;
    {
        auto opened = Store::open(storePath);
        if (!opened.store) {
            log(opened.error);
            return f;
        }
        agentTokens = newInvitationTokens(*opened.store, Platform::Android, 1000, QStringLiteral("agent"));
        appleTokens = newInvitationTokens(*opened.store, Platform::iOS, 200, QStringLiteral("apple"));
    }
    if (agentTokens.size() != 1000 || appleTokens.size() != 200) {
        log(QStringLiteral("gateway bench: could not create the invitations"));
        return f;
    }

    const int port = freePort();
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(port);
    QProcess serve;
    serve.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    serve.setStandardErrorFile(dir.filePath(QStringLiteral("serve.log")));
    serve.start(QStringLiteral(MDM_CONSOLE_BINARY),
                {QStringLiteral("--db"), storePath, QStringLiteral("serve"), QStringLiteral("--listen"),
                 QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--cert"), cert,
                 QStringLiteral("--key"), key, QStringLiteral("--public-url"), base});
    const bool listening = spin(
        [&] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
            return probe.waitForConnected(100) || serve.state() == QProcess::NotRunning;
        },
        20000);
    if (!listening || serve.state() == QProcess::NotRunning) {
        QFile logFile(dir.filePath(QStringLiteral("serve.log")));
        logFile.open(QIODevice::ReadOnly);
        log(QStringLiteral("gateway bench: serve did not start: ") + QString::fromUtf8(logFile.readAll()));
        return f;
    }

    QString error;
    // 1,000 agent devices enrolling, 50 connections at once, 20 enrollments each.
    {
        std::vector<double> latencies;
        std::vector<std::unique_ptr<Connection>> connections;
        int enrolled = 0;
        for (int c = 0; c < 50; ++c) {
            auto next = [&, c, i = 0](int status, const QByteArray &) mutable -> QByteArray {
                if (status == 201)
                    ++enrolled;
                if (i == 20)
                    return {};
                const int n = c * 20 + i++;
                const QByteArray body =
                    QJsonDocument(QJsonObject{{QStringLiteral("token"), QString::fromLatin1(agentTokens[n])},
                                              {QStringLiteral("platform"), QStringLiteral("android")},
                                              {QStringLiteral("serial"), QStringLiteral("BENCHA%1").arg(n)},
                                              {QStringLiteral("imei"), QString()},
                                              {QStringLiteral("model"), QStringLiteral("Pixel 8")},
                                              {QStringLiteral("osVersion"), QStringLiteral("14")},
                                              {QStringLiteral("deviceName"), QStringLiteral("Bench")}})
                        .toJson(QJsonDocument::Compact);
                return request("POST", "/agent/v1/enroll", port, "application/json", body);
            };
            connections.push_back(std::make_unique<Connection>(port, tls, next, &latencies));
        }
        QElapsedTimer timer;
        timer.start();
        if (runAll(connections, 120000, &error) && enrolled == 1000)
            f[QStringLiteral("enroll_1k_s")] = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        else
            log(QStringLiteral("gateway bench: %1 of 1,000 enrolled %2").arg(enrolled).arg(error));
    }

    // 200 Apple devices: profile, Authenticate, TokenUpdate; then Idle check-ins for 10 s on 200 connections.
    {
        std::vector<double> setup;
        std::vector<std::unique_ptr<Connection>> connections;
        QList<QByteArray> secrets(200);
        int ready = 0;
        static const QRegularExpression secretInProfile(QStringLiteral("/mdm/checkin\\?e=([^<&\"]+)"));
        for (int c = 0; c < 200; ++c) {
            const QByteArray udid = "BENCH-UDID-" + QByteArray::number(c);
            const QByteArray topic = "<string>com.apple.mgmt.External.bench</string>";
            auto next = [&, c, udid, topic, step = 0](int status,
                                                      const QByteArray &body) mutable -> QByteArray {
                switch (step++) {
                case 0:
                    return request("GET", "/enroll/" + appleTokens[c] + "/profile.mobileconfig", port);
                case 1: {
                    const auto match = secretInProfile.match(QString::fromUtf8(body));
                    if (status != 200 || !match.hasMatch())
                        return {};
                    secrets[c] = QUrl::fromPercentEncoding(match.captured(1).toLatin1()).toLatin1();
                    const QByteArray e = QUrl::toPercentEncoding(QString::fromLatin1(secrets[c]));
                    return request("PUT", "/mdm/checkin?e=" + e, port,
                                   "application/x-apple-aspen-mdm-checkin",
                                   plistDict({{"MessageType", plistString("Authenticate")},
                                              {"UDID", plistString(udid)},
                                              {"Topic", topic},
                                              {"SerialNumber", plistString("BENCHI" + QByteArray::number(c))},
                                              {"ProductName", plistString("iPhone15,2")},
                                              {"OSVersion", plistString("17.1")}}));
                }
                case 2: {
                    if (status != 200)
                        return {};
                    const QByteArray e = QUrl::toPercentEncoding(QString::fromLatin1(secrets[c]));
                    return request("PUT", "/mdm/checkin?e=" + e, port,
                                   "application/x-apple-aspen-mdm-checkin",
                                   plistDict({{"MessageType", plistString("TokenUpdate")},
                                              {"UDID", plistString(udid)},
                                              {"Topic", topic},
                                              {"Token", "<data>" + udid.toBase64() + "</data>"},
                                              {"PushMagic", plistString("magic-" + udid)}}));
                }
                default:
                    if (status == 200)
                        ++ready;
                    return {};
                }
            };
            connections.push_back(std::make_unique<Connection>(port, tls, next, &setup));
        }
        if (!runAll(connections, 120000, &error) || ready != 200) {
            log(QStringLiteral("gateway bench: %1 of 200 Apple devices enrolled %2").arg(ready).arg(error));
        } else {
            connections.clear();
            std::vector<double> latencies;
            latencies.reserve(100000);
            QElapsedTimer timer;
            timer.start();
            bool measuring = false;
            int failures = 0;
            for (int c = 0; c < 200; ++c) {
                const QByteArray target =
                    "/mdm/connect?e=" + QUrl::toPercentEncoding(QString::fromLatin1(secrets[c]));
                const QByteArray idle =
                    request("PUT", target, port, "application/x-apple-aspen-mdm",
                            plistDict({{"UDID", plistString("BENCH-UDID-" + QByteArray::number(c))},
                                       {"Status", plistString("Idle")}}));
                auto next = [&, idle](int status, const QByteArray &) -> QByteArray {
                    if (status != 0 && status != 200)
                        ++failures;
                    return timer.elapsed() < 10000 ? idle : QByteArray();
                };
                connections.push_back(std::make_unique<Connection>(port, tls, next, &latencies));
            }
            // The TLS handshakes are not check-ins: count from the moment every connection is up.
            measuring = spin([&] { return latencies.size() >= 200; }, 30000);
            const size_t warm = latencies.size();
            QElapsedTimer window;
            window.start();
            runAll(connections, 60000, &error);
            const double seconds = static_cast<double>(window.nsecsElapsed()) / 1e9;
            if (measuring && seconds > 0) {
                std::vector<double> steady(latencies.begin() + static_cast<qsizetype>(warm), latencies.end());
                f[QStringLiteral("checkins_per_s")] = static_cast<double>(steady.size()) / seconds;
                f[QStringLiteral("checkin_p99_ms")] = percentile(steady, 0.99);
                f[QStringLiteral("checkin_failures")] = failures;
            }
        }
    }

    ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
    if (!serve.waitForFinished(15000)) {
        log(QStringLiteral("gateway bench: serve did not stop on SIGTERM"));
        serve.kill();
        serve.waitForFinished();
    }
    return f;
}

} // namespace mdm::bench
