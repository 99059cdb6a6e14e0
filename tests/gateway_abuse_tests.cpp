// Clients that misbehave on purpose against a real gateway: a 100 MB body, and a client that sends one byte
// at a time. The gateway refuses the first, is never held up by the second, and keeps serving everyone else.
#include "gateway_support.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QSslSocket>
#include <QTimer>
#include <catch2/catch.hpp>

using namespace mdm;
using namespace mdm::test;

namespace {

std::unique_ptr<QSslSocket> connectTo(const GatewayProcess &gateway)
{
    auto socket = std::make_unique<QSslSocket>();
    socket->setSslConfiguration(gateway.ssl());
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), gateway.port(), QStringLiteral("127.0.0.1"));
    REQUIRE(waitUntil([&] { return socket->isEncrypted(); }, 10000));
    return socket;
}

} // namespace

TEST_CASE("Gateway: a 100 MB body is refused and the gateway keeps serving", "[gateway][abuse]")
{
    GatewayProcess gateway;
    gateway.start();
    auto socket = connectTo(gateway);
    constexpr qint64 kBody = 100LL * 1024 * 1024;
    socket->write("POST /agent/v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  "Content-Length: " +
                  QByteArray::number(kBody) + "\r\n\r\n");
    const QByteArray chunk(1024 * 1024, 'x');
    QByteArray answer;
    bool closed = false;
    QObject::connect(socket.get(), &QSslSocket::disconnected, [&] { closed = true; });
    for (qint64 sent = 0; sent < kBody && !closed; sent += chunk.size()) {
        socket->write(chunk);
        // Keep a few MB in flight, as a real sender would, rather than 100 MB in this process's buffers.
        waitUntil([&] { return closed || socket->bytesToWrite() < 4 * chunk.size(); }, 30000);
        answer += socket->readAll();
    }
    REQUIRE(waitUntil(
        [&] {
            answer += socket->readAll();
            return closed || answer.contains("\r\n\r\n");
        },
        30000));
    INFO(answer.left(200).toStdString());
    // Either it answered 413 or it hung up on the sender: never a 2xx, never a crash.
    CHECK((answer.startsWith("HTTP/1.1 413") || (closed && answer.isEmpty())));
    socket.reset();

    REQUIRE(gateway.running());
    CHECK(gateway.request("GET", QStringLiteral("/enroll/no-such-token")).status == 404);
}

TEST_CASE("Gateway: a client sending one byte at a time holds up nobody else", "[gateway][abuse]")
{
    GatewayProcess gateway;
    gateway.start();
    const QString token = gateway.invite("Sam Slow", "android");
    auto slow = connectTo(gateway);
    const QByteArray request = "GET /enroll/" + token.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    qsizetype next = 0;
    QTimer drip;
    drip.setInterval(50);
    QObject::connect(&drip, &QTimer::timeout, [&] {
        if (next < request.size())
            slow->write(request.mid(next++, 1));
    });
    drip.start();

    // While it drips, everyone else is answered.
    int answered = 0;
    while (next < request.size() - 1) {
        if (gateway.request("GET", QStringLiteral("/enroll/") + token).status == 200)
            ++answered;
        QCoreApplication::processEvents();
    }
    CHECK(answered >= 10);
    REQUIRE(waitUntil([&] { return next == request.size(); }, 30000));
    // And the slow client gets its page in the end.
    QByteArray answer;
    REQUIRE(waitUntil(
        [&] {
            answer += slow->readAll();
            return answer.contains("</html>");
        },
        10000));
    CHECK(answer.startsWith("HTTP/1.1 200"));
    CHECK(gateway.running());
}
