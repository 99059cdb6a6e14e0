// The APNs push client (app/gateway/push) against tests/gateway/apns_standin.py, a real HTTP/2 + TLS server
// that demands a client certificate, checks each push and answers from a script. Certificates are made with
// openssl when the first test case needs them: a CA, the stand-in's server certificate (SAN IP:127.0.0.1) and
// a push certificate with Apple's subject form, both issued by that CA.
#include "apns_client.h"
#include "gateway_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>
#include <memory>

using mdm::gateway::ApnsClient;
using mdm::gateway::ApnsConfig;
using mdm::gateway::PushOutcome;

namespace {

const QString &kTopic = mdm::test::kApnsTopic;
const QByteArray kToken =
    QByteArray::fromHex("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
const QString kMagic = QStringLiteral("5E4A1D2B-7C3F-4B8E-9A61-0F2D3C4B5A69");

using Certificates = mdm::test::ApnsCertificates;
using Standin = mdm::test::ApnsStandin;
using mdm::test::unusedPort;

const Certificates &certificates()
{
    return mdm::test::apnsCertificates();
}

ApnsConfig configFor(quint16 port)
{
    const Certificates &c = certificates();
    ApnsConfig config;
    config.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
    config.certFile = c.path(QStringLiteral("push.pem"));
    config.keyFile = c.path(QStringLiteral("push.key"));
    config.caFile = c.path(QStringLiteral("ca.pem"));
    config.maxAttempts = 3;
    config.initialBackoffMs = 50;
    config.maxBackoffMs = 200;
    config.requestTimeoutMs = 5000;
    return config;
}

struct Result
{
    qint64 enrollmentId = 0;
    PushOutcome outcome = PushOutcome::Failed;
    QString detail;
};

QList<Result> waitForResults(QSignalSpy &spy, int count, int timeoutMs = 10000)
{
    while (spy.count() < count)
        REQUIRE(spy.wait(timeoutMs));
    QList<Result> out;
    for (const QList<QVariant> &args : spy)
        out.append({args.at(0).toLongLong(), args.at(1).value<PushOutcome>(), args.at(2).toString()});
    return out;
}

Result pushOnce(ApnsClient &client, qint64 enrollmentId = 7)
{
    QSignalSpy spy(&client, &ApnsClient::finished);
    client.push(enrollmentId, kToken, kMagic);
    const QList<Result> results = waitForResults(spy, 1);
    CHECK(results.size() == 1);
    CHECK(client.pendingCount() == 0);
    return results.first();
}

QString loadError(const ApnsConfig &config)
{
    ApnsClient client(config);
    QString error;
    CHECK_FALSE(client.load(&error));
    CHECK_FALSE(client.isLoaded());
    return error;
}

} // namespace

TEST_CASE("A push reaches the service as an MDM push over HTTP/2 with the client certificate", "[apns]")
{
    Standin standin(QStringLiteral("200"));
    ApnsClient client(configFor(standin.port()));
    QString error;
    REQUIRE(client.load(&error));
    CHECK(client.topic() == kTopic);

    const Result result = pushOnce(client, 42);
    CHECK(result.enrollmentId == 42);
    CHECK(result.outcome == PushOutcome::Delivered);
    // Neither the PushMagic nor the whole token is ever shown.
    CHECK_FALSE(result.detail.contains(kMagic));
    CHECK_FALSE(result.detail.contains(QString::fromLatin1(kToken.toHex())));
    CHECK(result.detail.contains(QStringLiteral("0a1b2c3d")));

    const QList<QJsonObject> requests = standin.requests();
    REQUIRE(requests.size() == 1);
    const QJsonObject request = requests.first();
    CHECK(request.value(QStringLiteral("alpn")).toString() == QStringLiteral("h2"));
    CHECK(request.value(QStringLiteral("method")).toString() == QStringLiteral("POST"));
    CHECK(request.value(QStringLiteral("path")).toString() ==
          QStringLiteral("/3/device/0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"));
    const QJsonObject headers = request.value(QStringLiteral("headers")).toObject();
    CHECK(headers.value(QStringLiteral("apns-topic")).toString() == kTopic);
    CHECK(headers.value(QStringLiteral("apns-push-type")).toString() == QStringLiteral("mdm"));
    CHECK(headers.value(QStringLiteral("apns-priority")).toString() == QStringLiteral("10"));
    CHECK_FALSE(headers.contains(QStringLiteral("apns-expiration")));
    const QJsonObject body =
        QJsonDocument::fromJson(request.value(QStringLiteral("body")).toString().toUtf8()).object();
    CHECK(body == QJsonObject{{QStringLiteral("mdm"), kMagic}});
    const QJsonObject subject = request.value(QStringLiteral("client_subject")).toObject();
    CHECK(subject.value(QStringLiteral("userId")).toString() == kTopic);
    CHECK(subject.value(QStringLiteral("commonName")).toString() == QStringLiteral("APSP:test"));
}

TEST_CASE("Many pushes share one connection", "[apns]")
{
    Standin standin(QStringLiteral("200"));
    ApnsClient client(configFor(standin.port()));
    REQUIRE(client.load(nullptr));
    QSignalSpy spy(&client, &ApnsClient::finished);
    constexpr int kPushes = 30;
    for (int i = 0; i < kPushes; ++i) {
        QByteArray token = kToken;
        token[0] = char(i);
        client.push(i, token, kMagic);
    }
    CHECK(client.pendingCount() == kPushes);
    const QList<Result> results = waitForResults(spy, kPushes);
    QSet<qint64> ids;
    for (const Result &result : results) {
        CHECK(result.outcome == PushOutcome::Delivered);
        ids.insert(result.enrollmentId);
    }
    CHECK(ids.size() == kPushes);
    // A second wave later reuses the same connection too.
    spy.clear();
    client.push(99, kToken, kMagic);
    waitForResults(spy, 1);

    const QList<QJsonObject> requests = standin.requests();
    REQUIRE(requests.size() == kPushes + 1);
    QSet<int> connections;
    QSet<QString> paths;
    for (const QJsonObject &request : requests) {
        connections.insert(request.value(QStringLiteral("connection")).toInt());
        paths.insert(request.value(QStringLiteral("path")).toString());
    }
    CHECK(connections.size() == 1);
    CHECK(paths.size() == kPushes);
}

TEST_CASE("429 and 5xx answers are retried with backoff", "[apns]")
{
    SECTION("429 then 200: delivered on the second attempt")
    {
        Standin standin(QStringLiteral("429,200"));
        ApnsClient client(configFor(standin.port()));
        REQUIRE(client.load(nullptr));
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Delivered);
        CHECK(result.detail.contains(QStringLiteral("attempt 2")));
        const QList<QJsonObject> requests = standin.requests();
        REQUIRE(requests.size() == 2);
        CHECK(requests.at(0).value(QStringLiteral("status")).toInt() == 429);
        CHECK(requests.at(1).value(QStringLiteral("status")).toInt() == 200);
    }
    SECTION("503 every time: fails after maxAttempts sends")
    {
        Standin standin(QStringLiteral("503"));
        ApnsClient client(configFor(standin.port()));
        REQUIRE(client.load(nullptr));
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Failed);
        CHECK(result.detail.contains(QStringLiteral("ServiceUnavailable")));
        CHECK(standin.requests().size() == 3);
    }
}

TEST_CASE("A lost connection or an unanswered request is retried", "[apns]")
{
    SECTION("the service drops the connection: the retry opens a new one")
    {
        Standin standin(QStringLiteral("close,200"));
        ApnsClient client(configFor(standin.port()));
        REQUIRE(client.load(nullptr));
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Delivered);
        CHECK(result.detail.contains(QStringLiteral("attempt 2")));
        const QList<QJsonObject> requests = standin.requests();
        REQUIRE(requests.size() == 2);
        CHECK(requests.at(0).value(QStringLiteral("connection")).toInt() !=
              requests.at(1).value(QStringLiteral("connection")).toInt());
    }
    SECTION("pushes in flight on a dropped connection all get through on the next one")
    {
        Standin standin(QStringLiteral("close,200"));
        ApnsClient client(configFor(standin.port()));
        REQUIRE(client.load(nullptr));
        QSignalSpy spy(&client, &ApnsClient::finished);
        for (int i = 0; i < 5; ++i)
            client.push(i, kToken, kMagic);
        for (const Result &result : waitForResults(spy, 5))
            CHECK(result.outcome == PushOutcome::Delivered);
        CHECK(client.pendingCount() == 0);
    }
    SECTION("the service closes the connection after an answer: the next push opens a new one")
    {
        Standin standin(QStringLiteral("goaway,200"));
        ApnsClient client(configFor(standin.port()));
        REQUIRE(client.load(nullptr));
        CHECK(pushOnce(client).outcome == PushOutcome::Delivered);
        QTest::qWait(200);
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Delivered);
        CHECK(result.detail.contains(QStringLiteral("attempt 1")));
        const QList<QJsonObject> requests = standin.requests();
        REQUIRE(requests.size() == 2);
        CHECK(requests.at(1).value(QStringLiteral("connection")).toInt() == 2);
    }
    SECTION("no answer within requestTimeoutMs")
    {
        Standin standin(QStringLiteral("hang,200"));
        ApnsConfig config = configFor(standin.port());
        config.requestTimeoutMs = 300;
        ApnsClient client(config);
        REQUIRE(client.load(nullptr));
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Delivered);
        CHECK(result.detail.contains(QStringLiteral("attempt 2")));
        CHECK(standin.requests().size() == 2);
    }
}

TEST_CASE("410 marks the token dead at once, other 4xx are rejected with Apple's reason", "[apns]")
{
    SECTION("410")
    {
        Standin standin(QStringLiteral("410,200"));
        ApnsClient client(configFor(standin.port()));
        REQUIRE(client.load(nullptr));
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Unregistered);
        CHECK(result.detail.contains(QStringLiteral("Unregistered")));
        CHECK(standin.requests().size() == 1);
    }
    SECTION("400 BadDeviceToken")
    {
        Standin standin(QStringLiteral("400:BadDeviceToken,200"));
        ApnsClient client(configFor(standin.port()));
        REQUIRE(client.load(nullptr));
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Rejected);
        CHECK(result.detail.contains(QStringLiteral("BadDeviceToken")));
        CHECK(standin.requests().size() == 1);
    }
    SECTION("a topic the service does not accept")
    {
        Standin standin(QStringLiteral("200"));
        ApnsConfig config = configFor(standin.port());
        config.topicOverride = QStringLiteral("com.example.other");
        ApnsClient client(config);
        REQUIRE(client.load(nullptr));
        const Result result = pushOnce(client);
        CHECK(result.outcome == PushOutcome::Rejected);
        CHECK(result.detail.contains(QStringLiteral("BadTopic")));
    }
}

TEST_CASE("With the service down a push fails after its retries", "[apns]")
{
    ApnsClient client(configFor(unusedPort()));
    REQUIRE(client.load(nullptr));
    QElapsedTimer timer;
    timer.start();
    const Result result = pushOnce(client);
    CHECK(result.outcome == PushOutcome::Failed);
    CHECK(result.detail.contains(QStringLiteral("attempt 3")));
    CHECK_FALSE(result.detail.contains(QString::fromLatin1(kToken.toHex())));
    // Backoff 50 ms then 100 ms: the waits happened, on timers.
    CHECK(timer.elapsed() >= 150);
}

TEST_CASE("Pushes without a certificate, token or PushMagic are rejected without a request", "[apns]")
{
    ApnsClient client(configFor(unusedPort()));
    QSignalSpy spy(&client, &ApnsClient::finished);
    client.push(1, kToken, kMagic); // not loaded
    CHECK(spy.isEmpty());           // reported from the event loop, not inside push()
    REQUIRE(client.load(nullptr));
    client.push(2, QByteArray(), kMagic);
    client.push(3, kToken, QString());
    const QList<Result> results = waitForResults(spy, 3);
    for (const Result &result : results)
        CHECK(result.outcome == PushOutcome::Rejected);
    CHECK(results.at(0).enrollmentId == 1);
}

TEST_CASE("The push topic is the certificate's UID unless overridden", "[apns]")
{
    const Certificates &c = certificates();
    ApnsConfig config = configFor(443);
    {
        ApnsClient client(config);
        REQUIRE(client.load(nullptr));
        CHECK(client.topic() == kTopic);
    }
    config.topicOverride = QStringLiteral("com.apple.mgmt.External.override");
    {
        ApnsClient client(config);
        REQUIRE(client.load(nullptr));
        CHECK(client.topic() == QStringLiteral("com.apple.mgmt.External.override"));
    }
    // A certificate without UID needs the override.
    config.certFile = c.path(QStringLiteral("server.pem"));
    config.keyFile = c.path(QStringLiteral("server.key"));
    {
        ApnsClient client(config);
        REQUIRE(client.load(nullptr));
        CHECK(client.topic() == QStringLiteral("com.apple.mgmt.External.override"));
    }
    config.topicOverride.clear();
    CHECK(loadError(config).contains(QStringLiteral("no UID")));
}

TEST_CASE("Bad push certificate or key files give clear load errors", "[apns]")
{
    const Certificates &c = certificates();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
    QFile file(garbage);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("not a key\n");
    file.close();
    const ApnsConfig good = configFor(443);

    ApnsConfig config = good;
    config.keyFile = garbage;
    CHECK(loadError(config) == QStringLiteral("No PEM private key could be read from \"%1\".").arg(garbage));

    config = good;
    config.certFile = garbage;
    CHECK(loadError(config) == QStringLiteral("No PEM certificate could be read from \"%1\".").arg(garbage));

    config = good;
    config.keyFile = dir.filePath(QStringLiteral("missing.key"));
    CHECK(loadError(config).contains(QStringLiteral("does not exist")));

    config = good;
    config.keyFile = c.path(QStringLiteral("server.key"));
    const QString mismatch = loadError(config);
    CHECK(mismatch.contains(QStringLiteral("does not belong")));
    CHECK(mismatch.contains(c.path(QStringLiteral("push.pem"))));

    config = good;
    config.keyFile.clear();
    CHECK(loadError(config).contains(QStringLiteral("both needed")));

    // An encrypted key: refused without asking for a pass phrase.
    const QString encrypted = dir.filePath(QStringLiteral("encrypted.key"));
    mdm::test::runProgram(QStringLiteral(MDM_OPENSSL),
                          {QStringLiteral("pkey"), QStringLiteral("-in"), good.keyFile,
                           QStringLiteral("-aes256"), QStringLiteral("-passout"),
                           QStringLiteral("pass:secret"), QStringLiteral("-out"), encrypted},
                          dir.path());
    config = good;
    config.keyFile = encrypted;
    CHECK(loadError(config).contains(QStringLiteral("encrypted")));

    config = good;
    config.caFile = garbage;
    CHECK(loadError(config).contains(QStringLiteral("No CA certificate")));

    config = good;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    CHECK(loadError(config).contains(QStringLiteral("https://")));
}
