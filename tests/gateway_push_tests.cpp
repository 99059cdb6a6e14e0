// Waking Apple devices end to end: a real `mdm-console serve --apns-*` against the APNs stand-in, an Apple
// device enrolled over the gateway's HTTP check-in, and a command queued by another process
// (`mdm-console deprovision`). What the admin then reads in the device's details comes from the model.
#include "domain/clock.h"
#include "gateway_support.h"
#include "index/record_table_model.h"
#include "plist.h"
#include "services/push_queue.h"
#include "store/store.h"
#include "tabs/details_pane.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <catch2/catch.hpp>
#include <functional>

using namespace mdm;
using mdm::test::ApnsStandin;
using mdm::test::GatewayProcess;
using mdm::test::qs;
using mdm::test::waitUntil;

namespace {

const QByteArray kPushToken =
    QByteArray::fromHex("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a");
const QString kPushMagic = qs("7D3A1F0C-2B4E-4C8D-9E6F-1A2B3C4D5E6F");

QStringList apnsOptions(const ApnsStandin &standin)
{
    const auto &c = test::apnsCertificates();
    return {qs("--apns-cert"),      c.path(qs("push.pem")), qs("--apns-key"),
            c.path(qs("push.key")), qs("--apns-url"),       qs("https://127.0.0.1:%1").arg(standin.port()),
            qs("--apns-ca"),        c.path(qs("ca.pem"))};
}

// An Apple device enrolled the way a real one does: profile, Authenticate, TokenUpdate. Returns its
// device ID and the profile's push topic.
struct Enrolled
{
    qint64 deviceId = 0;
    QString topic;
    std::function<int(const QVariantMap &)> checkin;
};

Enrolled enrollApple(GatewayProcess &gw, const char *serial)
{
    const QString token = gw.invite("Ivy", "ios");
    const auto profile = gw.request("GET", qs("/enroll/%1/profile.mobileconfig").arg(token));
    REQUIRE(profile.status == 200);
    const auto parsed = gateway::readPlist(profile.body);
    REQUIRE(parsed.ok());
    QVariantMap mdmPayload;
    for (const QVariant &payload : parsed.value.toMap().value(qs("PayloadContent")).toList())
        if (payload.toMap().value(qs("PayloadType")).toString() == qs("com.apple.mdm"))
            mdmPayload = payload.toMap();
    const QUrl checkinUrl(mdmPayload.value(qs("CheckInURL")).toString());
    Enrolled out;
    out.topic = mdmPayload.value(qs("Topic")).toString();
    out.checkin = [&gw, checkinUrl](const QVariantMap &body) {
        return gw
            .request("PUT", checkinUrl.path() + qs("?") + checkinUrl.query(QUrl::FullyEncoded),
                     gateway::writePlist(body), "application/x-apple-aspen-mdm-checkin")
            .status;
    };
    const QString udid = qs("UDID-") + qs(serial);
    REQUIRE(out.checkin({{qs("MessageType"), qs("Authenticate")},
                         {qs("UDID"), udid},
                         {qs("Topic"), out.topic},
                         {qs("SerialNumber"), qs(serial)},
                         {qs("ProductName"), qs("iPhone15,2")},
                         {qs("OSVersion"), qs("17.4")}}) == 200);
    REQUIRE(out.checkin({{qs("MessageType"), qs("TokenUpdate")},
                         {qs("UDID"), udid},
                         {qs("Topic"), out.topic},
                         {qs("Token"), kPushToken},
                         {qs("PushMagic"), kPushMagic}}) == 200);
    out.deviceId = gw.number(qs("SELECT id FROM devices WHERE serial = ? AND state = 1"), {qs(serial)});
    REQUIRE(out.deviceId > 0);
    return out;
}

void revoke(GatewayProcess &gw, qint64 deviceId)
{
    const auto result =
        test::runConsole({qs("--db"), gw.dbPath(), qs("deprovision"), qs("--device"),
                          QString::number(deviceId), qs("--mode"), qs("revoke"), qs("--yes")});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
}

// The device's "Command" line in the details, as the console reads it (a fresh model: nothing cached).
QString commandText(GatewayProcess &gw, qint64 deviceId)
{
    Clock clock;
    RecordTableModel model(gw.store(), clock, TabKind::Managed);
    for (const auto &[label, value] : model.details(deviceId))
        if (label == RecordTableModel::tr("Command"))
            return value;
    return {};
}

void grabDetails(GatewayProcess &gw, qint64 deviceId, const QString &file)
{
    Clock clock;
    RecordTableModel model(gw.store(), clock, TabKind::Managed);
    DetailsPane pane(gw.store());
    pane.resize(420, 520);
    pane.showRecord(model, deviceId);
    pane.grab().save(file);
}

} // namespace

TEST_CASE("A command queued by another process wakes the Apple device with one MDM push", "[push]")
{
    ApnsStandin standin(qs("200"));
    GatewayProcess gw;
    gw.start(apnsOptions(standin));
    const Enrolled device = enrollApple(gw, "PUSH1");
    // The profile names the push certificate's topic.
    CHECK(device.topic == test::kApnsTopic);
    CHECK(standin.requests().isEmpty()); // nothing queued yet

    revoke(gw, device.deviceId);
    REQUIRE(waitUntil([&] { return standin.requests().size() == 1; }, 8000));
    const QJsonObject request = standin.requests().first();
    CHECK(request.value(qs("path")).toString() == qs("/3/device/") + QString::fromLatin1(kPushToken.toHex()));
    const QJsonObject headers = request.value(qs("headers")).toObject();
    CHECK(headers.value(qs("apns-topic")).toString() == test::kApnsTopic);
    CHECK(headers.value(qs("apns-push-type")).toString() == qs("mdm"));
    CHECK(QJsonDocument::fromJson(request.value(qs("body")).toString().toUtf8()).object() ==
          QJsonObject{{qs("mdm"), kPushMagic}});

    REQUIRE(waitUntil(
        [&] {
            return gw.number(
                       qs("SELECT count(*) FROM commands WHERE device_id = ? AND pushed_at IS NOT NULL"),
                       {device.deviceId}) == 1;
        },
        5000));
    const QString text = commandText(gw, device.deviceId);
    CHECK(text.startsWith(qs("Revoke MDM queued — push sent ")));
    grabDetails(gw, device.deviceId, qs("/tmp/push-details-sent.png"));

    // Another change of the device is no reason to push again.
    gw.exec(qs("UPDATE devices SET name = 'Ivy''s phone' WHERE id = ?"), {device.deviceId});
    QTest::qWait(1500);
    CHECK(standin.requests().size() == 1);
    CHECK(gw.stop() == 0);
}

TEST_CASE("410 from the push service marks the token dead until the next TokenUpdate", "[push]")
{
    ApnsStandin standin(qs("410"));
    GatewayProcess gw;
    gw.start(apnsOptions(standin));
    const Enrolled device = enrollApple(gw, "PUSH2");
    revoke(gw, device.deviceId);
    const QString deadSql = qs("SELECT push_dead FROM enrollments WHERE device_id = ? AND state = 2");
    REQUIRE(waitUntil([&] { return gw.number(deadSql, {device.deviceId}) == 1; }, 8000));
    CHECK(standin.requests().size() == 1);
    CHECK(
        gw.number(qs("SELECT count(*) FROM commands WHERE device_id = ? AND state = 0 AND pushed_at IS NULL"),
                  {device.deviceId}) == 1);
    CHECK(commandText(gw, device.deviceId) ==
          qs("Revoke MDM queued — waits for the device's next check-in (the device's push token is no longer "
             "valid)"));
    grabDetails(gw, device.deviceId, qs("/tmp/push-details-dead.png"));

    // A new TokenUpdate brings a live token again.
    REQUIRE(device.checkin({{qs("MessageType"), qs("TokenUpdate")},
                            {qs("UDID"), qs("UDID-PUSH2")},
                            {qs("Topic"), device.topic},
                            {qs("Token"), kPushToken},
                            {qs("PushMagic"), kPushMagic}}) == 200);
    CHECK(gw.number(deadSql, {device.deviceId}) == 0);
    CHECK(gw.stop() == 0);
}

TEST_CASE("serve stops cleanly while a push is still on the wire", "[push]")
{
    // The push service never answers: SIGTERM must not leave the request's connection half torn down (a
    // sanitizer build reports what a connection thread still held at exit).
    ApnsStandin standin(qs("hang"));
    GatewayProcess gw;
    gw.start(apnsOptions(standin));
    const Enrolled device = enrollApple(gw, "PUSH9");
    revoke(gw, device.deviceId);
    REQUIRE(waitUntil([&] { return standin.requests().size() == 1; }, 8000));
    CHECK(gw.stop() == 0);
    // Nothing was recorded for the unanswered push: the next serve pushes it again.
    CHECK(
        gw.number(qs("SELECT count(*) FROM commands WHERE device_id = ? AND state = 0 AND pushed_at IS NULL"),
                  {device.deviceId}) == 1);
}

TEST_CASE("Without a push certificate a queued command waits for the next check-in", "[push]")
{
    GatewayProcess gw;
    gw.start();
    CHECK(gw.log().contains(qs("No push certificate")));
    const Enrolled device = enrollApple(gw, "PUSH3");
    revoke(gw, device.deviceId);
    CHECK(commandText(gw, device.deviceId) ==
          qs("Revoke MDM queued — waits for the device's next check-in (no push certificate)"));
    grabDetails(gw, device.deviceId, qs("/tmp/push-details-nocert.png"));
    CHECK(gw.number(qs("SELECT count(*) FROM commands WHERE pushed_at IS NOT NULL")) == 0);
    CHECK(gw.stop() == 0);
}

TEST_CASE("serve refuses an unusable push key with exit code 2 and the reason", "[push]")
{
    test::TempDir dir;
    const QString badKey = dir.file(qs("bad.key"));
    QFile file(badKey);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("not a key\n");
    file.close();
    const auto &c = test::apnsCertificates();
    const auto result =
        test::runConsole({qs("--db"), dir.file(qs("store.db")), qs("serve"), qs("--listen"),
                          qs("127.0.0.1:%1").arg(test::unusedPort()), qs("--insecure-http"),
                          qs("--apns-cert"), c.path(qs("push.pem")), qs("--apns-key"), badKey});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains(badKey));
    CHECK_FALSE(result.err.contains(qs("Serving")));
}

TEST_CASE("A command queued while serve was stopped is pushed at start, a refused push is audited once",
          "[push]")
{
    ApnsStandin standin(qs("400:BadDeviceToken"));
    GatewayProcess gw;
    gw.start(apnsOptions(standin));
    const Enrolled device = enrollApple(gw, "PUSH4");
    CHECK(gw.stop() == 0);
    revoke(gw, device.deviceId);
    CHECK(standin.requests().isEmpty());

    gw.start(apnsOptions(standin)); // the sweep at start finds the command
    REQUIRE(waitUntil([&] { return standin.requests().size() == 1; }, 8000));
    const QString auditSql =
        qs("SELECT count(*) FROM audit_log a JOIN audit_log_records r ON r.audit_id = a.id"
           " WHERE a.action = 'gateway.push_failed' AND a.actor LIKE '%(gateway)'"
           " AND r.record_kind = 'device' AND r.record_id = ?");
    REQUIRE(waitUntil([&] { return gw.number(auditSql, {device.deviceId}) == 1; }, 5000));
    // Apple's reason, never the PushMagic.
    CHECK(gw.number(qs("SELECT count(*) FROM audit_log WHERE action = 'gateway.push_failed'"
                       " AND details LIKE '%BadDeviceToken%' AND details NOT LIKE ?"),
                    {qs("%") + kPushMagic + qs("%")}) == 1);
    CHECK(
        gw.number(qs("SELECT count(*) FROM commands WHERE device_id = ? AND state = 0 AND pushed_at IS NULL"),
                  {device.deviceId}) == 1);
    CHECK(commandText(gw, device.deviceId) == qs("Revoke MDM queued — waits for the device's next check-in"));

    // Refused once: not pushed again on the next change.
    gw.exec(qs("UPDATE devices SET name = 'Another name' WHERE id = ?"), {device.deviceId});
    QTest::qWait(1000);
    CHECK(standin.requests().size() == 1);
    CHECK(gw.number(auditSql, {device.deviceId}) == 1);
    CHECK(gw.stop() == 0);
}

TEST_CASE("PushQueue: what is due and the outcomes of a batch in one transaction", "[push]")
{
    test::TempDir dir;
    auto opened = Store::open(dir.file(qs("queue.db")));
    REQUIRE(opened.store);
    Store &store = *opened.store;
    QSqlDatabase db = store.database();
    const auto exec = [&](const QString &sql, const QVariantList &binds = {}) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        INFO(sql.toStdString());
        REQUIRE(q.exec());
    };
    exec(qs("INSERT INTO users (id, name, email) VALUES (1, 'U', 'u@example.com')"));
    exec(qs("INSERT INTO invitations (id, user_id, email, platform, requested_at, sent_at, expires_at, state)"
            " VALUES (1, 1, 'u@example.com', 0, 0, 0, 0, 1)"));
    // Devices 1..5: live Apple token; token dead; agent; Apple without a token; live token, command pushed.
    for (int id = 1; id <= 5; ++id) {
        exec(qs("INSERT INTO devices (id, platform, serial, state) VALUES (?, 0, ?, 2)"),
             {id, qs("S%1").arg(id)});
        exec(qs("INSERT INTO enrollments (invitation_id, device_id, protocol, secret_hash, push_token, "
                "push_magic,"
                " push_dead, state, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, 2, 0)"),
             {id, id == 3 ? 1 : 0, QByteArray::number(id),
              id == 4 ? QVariant(QMetaType::fromType<QByteArray>())
                      : QVariant(QByteArray("tok") + char('0' + id)),
              qs("magic%1").arg(id), id == 2 ? 1 : 0});
        exec(qs("INSERT INTO commands (id, device_id, kind, state, created_at, updated_at, pushed_at)"
                " VALUES (?, ?, 1, 0, 0, 0, ?)"),
             {id * 10, id, id == 5 ? QVariant(123) : QVariant(QMetaType::fromType<qint64>())});
    }
    QList<PushQueue::Due> due;
    QString error;
    REQUIRE(PushQueue::due(store, {}, &due, &error));
    REQUIRE(due.size() == 1);
    CHECK(due[0].commandId == 10);
    CHECK(due[0].deviceId == 1);
    CHECK(due[0].token == QByteArray("tok1"));
    CHECK(due[0].pushMagic == qs("magic1"));
    REQUIRE(PushQueue::due(store, {2, 3}, &due, &error));
    CHECK(due.isEmpty());

    // Many outcomes, one transaction: one audit entry for the failures, the journal in one commit.
    QList<PushQueue::Result> results;
    PushQueue::Due delivered = {10, 1, 1, QByteArray("tok1"), qs("magic1")};
    results.append({delivered, PushQueue::Outcome::Delivered, qs("ok"), 1000});
    PushQueue::Due gone = {50, 5, 5, QByteArray("tok5"), qs("magic5")};
    results.append({gone, PushQueue::Outcome::Unregistered, qs("Unregistered"), 1000});
    PushQueue::Due stale = {40, 4, 4, QByteArray("old"), qs("magic4")};
    results.append({stale, PushQueue::Outcome::Unregistered, qs("Unregistered"), 1000});
    for (qint64 device : {2, 3})
        results.append({{device * 10, device, device, QByteArray("x"), qs("m")},
                        PushQueue::Outcome::Failed,
                        qs("BadDeviceToken"),
                        1000});
    REQUIRE(PushQueue::record(store, results, &error));
    CHECK(test::scalar(store, qs("SELECT pushed_at FROM commands WHERE id = 10")) == 1000);
    CHECK(test::scalar(store, qs("SELECT push_dead FROM enrollments WHERE device_id = 5")) == 1);
    // Not the token that was pushed: the enrollment keeps its (newer) one alive.
    CHECK(test::scalar(store, qs("SELECT push_dead FROM enrollments WHERE device_id = 4")) == 0);
    CHECK(test::scalar(store, qs("SELECT count(*) FROM audit_log WHERE action = 'gateway.push_failed'")) ==
          1);
    CHECK(test::scalar(store,
                       qs("SELECT count(*) FROM audit_log_records r JOIN audit_log a ON a.id = r.audit_id"
                          " WHERE a.action = 'gateway.push_failed'")) == 2);
    REQUIRE(PushQueue::due(store, {}, &due, &error));
    CHECK(due.isEmpty());
}
