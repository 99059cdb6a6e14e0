// The enrollment gateway end to end: a real `mdm-console serve` process on a free loopback port with a
// test certificate made by openssl, driven over HTTPS by QNetworkAccessManager, and the store read
// beside it as a console would.
#include "domain/domain.h"
#include "domain/enrollment_token.h"
#include "gateway_support.h"
#include "plist.h"
#include "qr_support.h"
#include "store/store.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrlQuery>
#include <catch2/catch.hpp>
#include <csignal>
#include <memory>

using namespace mdm;
using mdm::test::kDayMs;
using mdm::test::qs;
using mdm::test::str;
using mdm::test::TempDir;
using mdm::test::waitUntil;

namespace {

using Response = test::GatewayResponse;
using Gateway = test::GatewayProcess;

QJsonObject enrollBody(const QString &token, const char *platform, const char *serial)
{
    return {{qs("token"), token},
            {qs("platform"), qs(platform)},
            {qs("serial"), qs(serial)},
            {qs("imei"), qs("")},
            {qs("model"), qs("Pixel 8")},
            {qs("osVersion"), qs("14")},
            {qs("deviceName"), qs("Test phone")}};
}

// The cases below that run on both stores (storeBackends()).
void agentRoundTrip(const QString &backend);

} // namespace

TEST_CASE("Gateway landing page: 200 for a valid link 404 unknown 410 expired removed used", "[gateway]")
{
    Gateway gw;
    const QString valid = gw.invite("Ana Maria Lima", "ios");
    const QString expired = gw.invite("Bo Chen", "android", 8 * kDayMs);
    const QString removed = gw.invite("Cy Diaz", "windows");
    gw.exec(qs("UPDATE invitations SET state = 2 WHERE id = (SELECT max(id) FROM invitations)"));
    const QString used = gw.invite("Dee Eve", "android");
    gw.exec(qs("UPDATE invitations SET state = 1 WHERE id = (SELECT max(id) FROM invitations)"));
    gw.start();

    Response r = gw.request("GET", qs("/enroll/") + valid);
    CHECK(r.status == 200);
    CHECK(r.contentType.startsWith("text/html"));
    const QString page = QString::fromUtf8(r.body);
    CHECK(page.contains(qs("Ana")));
    CHECK_FALSE(page.contains(qs("Lima"))); // the first name only
    CHECK(page.contains(qs("profile.mobileconfig")));
    CHECK_FALSE(page.contains(qs("http://")));
    CHECK_FALSE(page.contains(qs("<script")));
    // The QR code of the link, inline: a scanner reads the link back.
    static const QRegularExpression png(qs("data:image/png;base64,([A-Za-z0-9+/=]+)"));
    const auto match = png.match(page);
    REQUIRE(match.hasMatch());
    const QString link = test::decodeQrPngBytes(QByteArray::fromBase64(match.captured(1).toLatin1()));
    CHECK(link.endsWith(qs("/enroll/") + valid));
    CHECK(link.startsWith(qs("https://127.0.0.1:")));
    CHECK(gw.request("GET", qs("/enroll/unknown-token")).status == 404);
    r = gw.request("GET", qs("/enroll/") + expired);
    CHECK(r.status == 410);
    CHECK(QString::fromUtf8(r.body).contains(qs("expired")));
    r = gw.request("GET", qs("/enroll/") + removed);
    CHECK(r.status == 410);
    CHECK(QString::fromUtf8(r.body).contains(qs("withdrawn")));
    r = gw.request("GET", qs("/enroll/") + used);
    CHECK(r.status == 410);
    CHECK(QString::fromUtf8(r.body).contains(qs("already been used")));
    CHECK(QString::fromUtf8(r.body).contains(qs("new invitation")));
    CHECK(gw.stop() == 0);
    // No token in the log.
    const QString log = gw.log();
    for (const QString &token : {valid, expired, removed, used})
        CHECK_FALSE(log.contains(token));
    CHECK(log.contains(qs("GET /enroll/… 200")));
}

TEST_CASE("Gateway agent round trip: enroll revoke through the CLI and check out", "[gateway]")
{
    for (const QString &backend : test::storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            agentRoundTrip(backend);
        }
    }
}

namespace {

void agentRoundTrip(const QString &backend)
{
    Gateway gw(backend);
    const QString token = gw.invite("Ana Lima", "android");
    gw.start();

    CHECK(gw.postJson(qs("/agent/v1/enroll"), enrollBody(token, "windows", "AG1")).status == 409);
    const Response enrolled = gw.postJson(qs("/agent/v1/enroll"), enrollBody(token, "android", "AG1"));
    REQUIRE(enrolled.status == 201);
    const qint64 deviceId = enrolled.json().value(qs("deviceId")).toInteger();
    const QString secret = enrolled.json().value(qs("deviceSecret")).toString();
    CHECK(enrolled.json().value(qs("pollSeconds")).toInt() > 0);
    REQUIRE(deviceId > 0);
    CHECK(gw.number(qs("SELECT state FROM devices WHERE id = ? AND serial = 'AG1' AND model = 'Pixel 8'"
                       " AND os_version = '14'"),
                    {deviceId}) == 1);
    CHECK(gw.postJson(qs("/agent/v1/enroll"), enrollBody(token, "android", "AG2")).status == 410);

    const auto listed = test::runConsole({qs("--db"), gw.dbPath(), qs("list"), qs("managed")});
    CHECK(listed.exitCode == 0);
    CHECK(listed.out.contains(qs("AG1")));

    CHECK(gw.postJson(qs("/agent/v1/checkin"), {}, secret).status == 204);
    const auto revoke =
        test::runConsole({qs("--db"), gw.dbPath(), qs("deprovision"), qs("--device"),
                          QString::number(deviceId), qs("--mode"), qs("revoke"), qs("--yes")});
    INFO(str(revoke.err));
    REQUIRE(revoke.exitCode == 0);
    const Response checkin = gw.postJson(qs("/agent/v1/checkin"), {}, secret);
    REQUIRE(checkin.status == 200);
    const QJsonArray commands = checkin.json().value(qs("commands")).toArray();
    REQUIRE(commands.size() == 1);
    CHECK(commands[0].toObject().value(qs("type")).toString() == qs("RevokeMdm"));
    const qint64 commandId = commands[0].toObject().value(qs("id")).toInteger();
    CHECK(gw.postJson(qs("/agent/v1/commands/%1/result").arg(commandId), {{qs("status"), qs("Acknowledged")}},
                      secret)
              .status == 204);
    CHECK(gw.postJson(qs("/agent/v1/checkout"), {}, secret).status == 204);
    CHECK(gw.number(qs("SELECT count(*) FROM devices WHERE id = ?"), {deviceId}) == 0);
    CHECK(gw.postJson(qs("/agent/v1/checkin"), {}, secret).status == 401);
    CHECK(gw.number(qs("SELECT count(*) FROM audit_log WHERE actor LIKE '%(gateway)'")) >= 4);
    CHECK(gw.stop() == 0);
    CHECK_FALSE(gw.log().contains(secret));
    CHECK_FALSE(gw.log().contains(token));
}

} // namespace

TEST_CASE("Gateway: two enrollments racing for one link give exactly one 201", "[gateway]")
{
    Gateway gw;
    const QString token = gw.invite("Eve", "android");
    gw.start();
    QNetworkReply *a =
        gw.send("POST", qs("/agent/v1/enroll"), QJsonDocument(enrollBody(token, "android", "RACE1")).toJson(),
                "application/json");
    QNetworkReply *b =
        gw.send("POST", qs("/agent/v1/enroll"), QJsonDocument(enrollBody(token, "android", "RACE2")).toJson(),
                "application/json");
    const int first = Gateway::wait(a).status;
    const int second = Gateway::wait(b).status;
    CHECK(((first == 201 && second == 410) || (first == 410 && second == 201)));
    CHECK(gw.number(qs("SELECT count(*) FROM devices")) == 1);
    CHECK(gw.stop() == 0);
}

TEST_CASE("Gateway refuses large bodies wrong types and malformed JSON", "[gateway]")
{
    Gateway gw;
    const QString token = gw.invite("Fay", "android");
    gw.start();
    CHECK(gw.request("POST", qs("/agent/v1/enroll"), QByteArray(70 * 1024, 'x'), "application/json").status ==
          413);
    CHECK(gw.request("POST", qs("/agent/v1/enroll"), "token=x", "application/x-www-form-urlencoded").status ==
          415);
    CHECK(gw.request("POST", qs("/agent/v1/enroll"), "{\"token\": ", "application/json").status == 400);
    CHECK(gw.request("POST", qs("/agent/v1/enroll"), "[1,2]", "application/json").status == 400);
    CHECK(
        gw.request("PUT", qs("/mdm/checkin?e=x"), "<plist", "application/x-apple-aspen-mdm-checkin").status ==
        400);
    CHECK(gw.request("PUT", qs("/mdm/checkin?e=x"), "{}", "application/json").status == 415);
    // The link still works after all that.
    CHECK(gw.postJson(qs("/agent/v1/enroll"), enrollBody(token, "android", "BIG1")).status == 201);
    CHECK(gw.stop() == 0);
}

TEST_CASE("Gateway: state and queued commands survive a restart of serve", "[gateway]")
{
    Gateway gw;
    const QString token = gw.invite("Gus", "windows");
    gw.start();
    const Response enrolled = gw.postJson(qs("/agent/v1/enroll"), enrollBody(token, "windows", "RS1"));
    REQUIRE(enrolled.status == 201);
    const QString secret = enrolled.json().value(qs("deviceSecret")).toString();
    const qint64 deviceId = enrolled.json().value(qs("deviceId")).toInteger();
    REQUIRE(test::runConsole({qs("--db"), gw.dbPath(), qs("deprovision"), qs("--device"),
                              QString::number(deviceId), qs("--mode"), qs("factory-reset"), qs("--yes")})
                .exitCode == 0);
    CHECK(gw.stop() == 0);
    CHECK(gw.number(qs("SELECT count(*) FROM settings WHERE key = 'gateway.stopped_at' AND value <> '0'")) ==
          1);
    gw.start();
    const Response checkin = gw.postJson(qs("/agent/v1/checkin"), {}, secret);
    REQUIRE(checkin.status == 200);
    const QJsonArray commands = checkin.json().value(qs("commands")).toArray();
    REQUIRE(commands.size() == 1);
    CHECK(commands[0].toObject().value(qs("type")).toString() == qs("FactoryReset"));
    // Erase acknowledged: the device leaves Managed at once.
    CHECK(gw.postJson(
                qs("/agent/v1/commands/%1/result").arg(commands[0].toObject().value(qs("id")).toInteger()),
                {{qs("status"), qs("Acknowledged")}}, secret)
              .status == 204);
    CHECK(gw.number(qs("SELECT count(*) FROM devices WHERE id = ?"), {deviceId}) == 0);
    CHECK(gw.postJson(qs("/agent/v1/checkin"), {}, secret).status == 401);
    CHECK(gw.stop() == 0);
    CHECK(gw.number(qs("SELECT count(*) FROM settings WHERE key = 'gateway.last_checkin_at'")) == 1);
}

TEST_CASE("Gateway Apple: profile Authenticate TokenUpdate RemoveProfile and CheckOut", "[gateway]")
{
    using gateway::readPlist;
    using gateway::writePlist;
    Gateway gw;
    const QString token = gw.invite("Hal", "ios");
    gw.start();
    const Response profile = gw.request("GET", qs("/enroll/%1/profile.mobileconfig").arg(token));
    REQUIRE(profile.status == 200);
    CHECK(profile.contentType == "application/x-apple-aspen-config");
    const auto parsed = readPlist(profile.body);
    REQUIRE(parsed.ok());
    QVariantMap mdmPayload;
    for (const QVariant &payload : parsed.value.toMap().value(qs("PayloadContent")).toList())
        if (payload.toMap().value(qs("PayloadType")).toString() == qs("com.apple.mdm"))
            mdmPayload = payload.toMap();
    const QString checkinUrl = mdmPayload.value(qs("CheckInURL")).toString();
    const QString serverUrl = mdmPayload.value(qs("ServerURL")).toString();
    REQUIRE(checkinUrl.startsWith(qs("https://127.0.0.1:")));
    const QString e = QUrlQuery(QUrl(checkinUrl)).queryItemValue(qs("e"), QUrl::FullyDecoded);
    CHECK(e != token);
    const auto put = [&](const QString &url, const QVariantMap &body, const QByteArray &type) {
        return gw.request("PUT", QUrl(url).path() + qs("?") + QUrl(url).query(QUrl::FullyEncoded),
                          writePlist(body), type);
    };
    const QByteArray checkinType = "application/x-apple-aspen-mdm-checkin";
    const QByteArray connectType = "application/x-apple-aspen-mdm";
    const QVariantMap authenticate{{qs("MessageType"), qs("Authenticate")},  {qs("UDID"), qs("UDID-HAL")},
                                   {qs("Topic"), qs("com.apple.mgmt.test")}, {qs("SerialNumber"), qs("HAL1")},
                                   {qs("ProductName"), qs("iPhone15,2")},    {qs("OSVersion"), qs("17.4")}};
    CHECK(put(checkinUrl, authenticate, checkinType).status == 200);
    CHECK(gw.number(qs("SELECT state FROM invitations ORDER BY id DESC LIMIT 1")) == 0);
    const QVariantMap tokenUpdate{
        {qs("MessageType"), qs("TokenUpdate")},   {qs("UDID"), qs("UDID-HAL")},
        {qs("Topic"), qs("com.apple.mgmt.test")}, {qs("Token"), QByteArray("tok")},
        {qs("PushMagic"), qs("magic")},           {qs("UnlockToken"), QByteArray("u")}};
    CHECK(put(checkinUrl, tokenUpdate, checkinType).status == 200);
    const qint64 deviceId = gw.number(qs("SELECT id FROM devices WHERE serial = 'HAL1' AND state = 1"));
    REQUIRE(deviceId > 0);
    CHECK(put(checkinUrl, {{qs("MessageType"), qs("Nonsense")}, {qs("UDID"), qs("UDID-HAL")}}, checkinType)
              .status == 400);
    Response idle = put(serverUrl, {{qs("UDID"), qs("UDID-HAL")}, {qs("Status"), qs("Idle")}}, connectType);
    CHECK(idle.status == 200);
    CHECK(idle.body.isEmpty());
    REQUIRE(test::runConsole({qs("--db"), gw.dbPath(), qs("deprovision"), qs("--device"),
                              QString::number(deviceId), qs("--mode"), qs("revoke"), qs("--yes")})
                .exitCode == 0);
    idle = put(serverUrl, {{qs("UDID"), qs("UDID-HAL")}, {qs("Status"), qs("Idle")}}, connectType);
    REQUIRE(idle.status == 200);
    const QVariantMap command = readPlist(idle.body).value.toMap();
    CHECK(command.value(qs("Command")).toMap().value(qs("RequestType")).toString() == qs("RemoveProfile"));
    CHECK(command.value(qs("Command")).toMap().value(qs("Identifier")).toString() ==
          parsed.value.toMap().value(qs("PayloadIdentifier")).toString());
    const QString uuid = command.value(qs("CommandUUID")).toString();
    CHECK(put(serverUrl,
              {{qs("UDID"), qs("UDID-HAL")}, {qs("Status"), qs("Acknowledged")}, {qs("CommandUUID"), uuid}},
              connectType)
              .status == 200);
    CHECK(put(checkinUrl, {{qs("MessageType"), qs("CheckOut")}, {qs("UDID"), qs("UDID-HAL")}}, checkinType)
              .status == 200);
    CHECK(gw.number(qs("SELECT count(*) FROM devices WHERE id = ?"), {deviceId}) == 0);
    CHECK(put(serverUrl, {{qs("UDID"), qs("UDID-HAL")}, {qs("Status"), qs("Idle")}}, connectType).status ==
          401);
    CHECK(gw.stop() == 0);
    CHECK_FALSE(gw.log().contains(e));
    CHECK(gw.log().contains(qs("PUT /mdm/connect?e=… 401")));
}

TEST_CASE("Gateway holds back repeated 401 answers without blocking other requests", "[gateway]")
{
    Gateway gw;
    const QString token = gw.invite("Ivy", "android");
    gw.start();
    for (int i = 0; i < 6; ++i)
        CHECK(gw.postJson(qs("/agent/v1/checkin"), {}, qs("wrong-secret")).status == 401);
    // The next wrong secret is answered late; a good request sent after it is answered first.
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *held =
        gw.send("POST", qs("/agent/v1/checkin"), "{}", "application/json", qs("wrong-secret"));
    QNetworkReply *good = gw.send("GET", qs("/enroll/") + token);
    REQUIRE(waitUntil([&] { return good->isFinished(); }, 20000));
    CHECK_FALSE(held->isFinished());
    CHECK(Gateway::wait(good).status == 200);
    CHECK(Gateway::wait(held).status == 401);
    CHECK(timer.elapsed() >= 300);
    CHECK(gw.stop() == 0);
}
