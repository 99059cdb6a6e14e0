// The device protocol's state machine (DeviceGatewayService) on a real store file, checked with direct
// SQL and the audit log; and the version-4 migration of a version-3 store.
#include "console_fixture.h"
#include "domain/clock.h"
#include "domain/domain.h"
#include "domain/enrollment_token.h"
#include "gui_support.h"
#include "index/record_table_model.h"
#include "services/device_gateway_service.h"
#include "services/device_service.h"
#include "store/audit_action.h"
#include "store/audit_log.h"
#include "store/schema.h"
#include "store/store.h"
#include "tabs/device_tab_view.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/main_window.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTableView>
#include <QVariant>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace mdm;
using mdm::test::kDayMs;
using mdm::test::qs;
using mdm::test::str;
using mdm::test::TempDir;

namespace {

struct GatewayEnv
{
    TempDir dir;
    std::unique_ptr<Store> store;
    Clock clock;
    std::unique_ptr<DeviceGatewayService> gateway;

    GatewayEnv()
    {
        AuditLog::setProgram(qs("gateway"));
        clock.setFixed(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        auto opened = Store::open(dir.file(qs("gateway.db")));
        INFO(opened.error.toStdString());
        REQUIRE(opened.store);
        store = std::move(opened.store);
        gateway = std::make_unique<DeviceGatewayService>(*store, clock);
    }
    ~GatewayEnv() { AuditLog::setProgram(qs("console")); }

    QVariant value(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(store->database());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        const bool ok = q.exec();
        INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
        REQUIRE(ok);
        return q.next() ? q.value(0) : QVariant();
    }
    qint64 number(const QString &sql, const QVariantList &binds = {}) const
    {
        return value(sql, binds).toLongLong();
    }
    qint64 insert(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(store->database());
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        const bool ok = q.exec();
        INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
        REQUIRE(ok);
        return q.lastInsertId().toLongLong();
    }

    // A delivered invitation for a new user; its link token is the returned text.
    QString invite(const char *name, Platform platform, qint64 *invitationId = nullptr, qint64 sentAgoMs = 0)
    {
        static int n = 0;
        const QString email = qs("user%1@example.com").arg(++n);
        const qint64 user = insert(qs("INSERT INTO users (name, email) VALUES (?, ?)"), {qs(name), email});
        const EnrollmentToken token = EnrollmentToken::generate();
        const qint64 sent = clock.nowMs() - sentAgoMs;
        const qint64 id =
            insert(qs("INSERT INTO invitations (user_id, email, platform, token_hash, requested_at,"
                      " sent_at, expires_at, delivery) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"),
                   {user, email, static_cast<int>(platform), token.hash, sent, sent, sent + 7 * kDayMs});
        if (invitationId)
            *invitationId = id;
        return token.text;
    }

    int deviceState(qint64 id) const
    {
        const QVariant v = value(qs("SELECT state FROM devices WHERE id = ?"), {id});
        return v.isValid() ? v.toInt() : -1;
    }

    // An Apple device through Authenticate and its first TokenUpdate; returns its secret.
    QString enrollApple(const QString &token, const DeviceFacts &facts, qint64 *deviceId = nullptr,
                        QString *profile = nullptr)
    {
        const auto issued = gateway->issueAppleEnrollment(token);
        REQUIRE(issued.invitation.status == GatewayOutcome::Ok);
        REQUIRE(gateway->authenticate(issued.secret, facts).status == GatewayOutcome::Ok);
        REQUIRE(gateway->tokenUpdate(issued.secret, {QByteArray("tok"), qs("magic"), QByteArray("unlock")})
                    .status == GatewayOutcome::Ok);
        if (deviceId)
            *deviceId = number(qs("SELECT device_id FROM enrollments WHERE id = ?"), {issued.enrollmentId});
        if (profile)
            *profile = issued.profileIdentifier;
        return issued.secret;
    }

    void deprovision(qint64 deviceId, DeprovisionMode mode)
    {
        DeviceService devices(*store, clock);
        const BulkResult r = devices.deprovision({deviceId}, mode);
        REQUIRE(r.ok);
        REQUIRE(r.count(Outcome::Result::Done) == 1);
    }
};

DeviceFacts facts(const char *serial, const char *imei = "")
{
    return {qs("UDID-%1").arg(qs(serial)),
            qs(serial),
            qs(imei),
            qs("iPhone15,2"),
            qs("17.4"),
            qs("Ana's iPhone")};
}

} // namespace

TEST_CASE("A version-3 store is rebuilt to version 4 with its indexes triggers and foreign keys",
          "[gatewayservice]")
{
    TempDir dir;
    const QString path = dir.file(qs("v3.db"));
    {
        sqlite3 *raw = nullptr;
        REQUIRE(sqlite3_open(path.toUtf8().constData(), &raw) == SQLITE_OK);
        const auto run = [raw](const QString &sql) {
            INFO(sql.toStdString());
            REQUIRE(sqlite3_exec(raw, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK);
        };
        run(qs("BEGIN"));
        for (int v = 0; v < 3; ++v)
            for (const QString &statement : migrations()[static_cast<size_t>(v)])
                run(statement);
        run(qs("INSERT INTO users (id, name, email) VALUES (1, 'Ana Lima', 'ana@example.com')"));
        run(qs("INSERT INTO devices (id, name, platform, serial, state, user_id) VALUES (4, 'old', 0, 'S4', "
               "4, 1)"));
        run(qs("INSERT INTO commands (device_id, kind, created_at, updated_at) VALUES (4, 2, 1, 1)"));
        run(qs("PRAGMA user_version = 3"));
        run(qs("COMMIT"));
        sqlite3_close(raw);
    }
    auto opened = Store::open(path);
    INFO(str(opened.error));
    REQUIRE(opened.store);
    Store &store = *opened.store;
    CHECK(test::scalar(store, qs("PRAGMA user_version")) == Store::kSchemaVersion);
    CHECK(test::scalar(store, qs("PRAGMA foreign_keys")) == 1);
    CHECK(test::scalar(store,
                       qs("SELECT count(*) FROM devices WHERE id = 4 AND state = 4 AND user_id = 1")) == 1);
    CHECK(test::scalar(store, qs("SELECT count(*) FROM commands WHERE device_id = 4")) == 1);
    for (const char *name : {"devices_serial", "devices_imei", "devices_state", "devices_user",
                             "devices_journal_insert", "devices_journal_update", "devices_journal_delete",
                             "users_journal_update", "enrollments_journal_update", "commands_journal_update"})
        CHECK(test::scalar(store, qs("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(qs(name))) ==
              1);
    CHECK(test::scalar(store, qs("SELECT count(*) FROM sqlite_master WHERE name = 'devices_v4'")) == 0);
    // The device's insert at version 3 is the only entry: the rebuild is no change.
    CHECK(test::scalar(store, qs("SELECT count(*) FROM change_journal")) == 1);

    QSqlQuery q(store.database());
    // The new states fit; others do not.
    CHECK(q.exec(qs("UPDATE devices SET state = 6, remarks = 'refused' WHERE id = 4")));
    CHECK_FALSE(q.exec(qs("UPDATE devices SET state = 7 WHERE id = 4")));
    // The journal follows the rebuilt table, and a renamed user still journals their devices.
    CHECK(test::scalar(
              store, qs("SELECT count(*) FROM change_journal WHERE kind = 'device' AND record_id = 4")) == 2);
    CHECK(q.exec(qs("UPDATE users SET name = 'Ana L.' WHERE id = 1")));
    CHECK(test::scalar(
              store, qs("SELECT count(*) FROM change_journal WHERE kind = 'device' AND record_id = 4")) == 3);
    // Foreign keys still hold: to the rebuilt table and from it.
    CHECK_FALSE(
        q.exec(qs("INSERT INTO commands (device_id, kind, created_at, updated_at) VALUES (99, 1, 1, 1)")));
    CHECK_FALSE(q.exec(qs("UPDATE devices SET user_id = 42 WHERE id = 4")));
    CHECK(q.exec(qs("UPDATE devices SET serial = 'S4' WHERE id = 4")));
    CHECK_FALSE(q.exec(qs("INSERT INTO devices (name, platform, serial, state) VALUES ('dup', 0, 'S4', 1)")));
    CHECK(Store::check(path).ok);
}

TEST_CASE("The landing page's view of a link: first name and platform or why it is gone", "[gatewayservice]")
{
    GatewayEnv env;
    qint64 removedId = 0;
    const QString ok = env.invite("Ana Maria Lima", Platform::iOS);
    const QString expired = env.invite("Bo Chen", Platform::Android, nullptr, 8 * kDayMs);
    const QString removed = env.invite("Cy Diaz", Platform::macOS, &removedId);
    env.insert(qs("UPDATE invitations SET state = 2 WHERE id = ?"), {removedId});

    const auto view = env.gateway->viewInvitation(ok);
    CHECK(view.status == GatewayOutcome::Ok);
    CHECK(str(view.firstName) == "Ana");
    CHECK(view.platform == Platform::iOS);
    CHECK(env.gateway->viewInvitation(qs("nope")).status == GatewayOutcome::NotFound);
    CHECK(env.gateway->viewInvitation(expired).gone == InvitationGone::Expired);
    CHECK(env.gateway->viewInvitation(removed).gone == InvitationGone::Removed);
    CHECK(env.gateway->viewInvitation(removed).status == GatewayOutcome::Gone);
}

TEST_CASE("Apple: Authenticate keeps the invitation pending and the first TokenUpdate enrolls",
          "[gatewayservice]")
{
    GatewayEnv env;
    qint64 invitationId = 0;
    const QString token = env.invite("Ana Lima", Platform::iOS, &invitationId);
    // A staged device with the same serial: its user and group go with it.
    const qint64 otherUser =
        env.insert(qs("INSERT INTO users (name, email) VALUES ('Stager', 's@example.com')"));
    const qint64 group = env.insert(qs("INSERT INTO groups (name) VALUES ('Sales')"));
    const qint64 staged = env.insert(qs("INSERT INTO devices (name, platform, serial, state, user_id, "
                                        "group_id, staged_at) VALUES ('box', 1, 'F2L1', 0, ?, ?, 1)"),
                                     {otherUser, group});

    const auto issued = env.gateway->issueAppleEnrollment(token);
    REQUIRE(issued.invitation.status == GatewayOutcome::Ok);
    CHECK(issued.secret != token);
    CHECK(env.number(qs("SELECT count(*) FROM enrollments WHERE secret_hash = ?"),
                     {EnrollmentToken::hashOf(issued.secret)}) == 1);
    CHECK(env.number(qs("SELECT count(*) FROM enrollments WHERE secret_hash = ?"),
                     {EnrollmentToken::hashOf(token)}) == 0);
    const auto second = env.gateway->issueAppleEnrollment(token);
    CHECK(second.profileIdentifier != issued.profileIdentifier);

    REQUIRE(env.gateway->authenticate(issued.secret, facts("F2L1", "3569")).status == GatewayOutcome::Ok);
    CHECK(env.number(qs("SELECT state FROM invitations WHERE id = ?"), {invitationId}) == 0);
    CHECK(env.gateway->viewInvitation(token).status == GatewayOutcome::Ok);

    const qint64 now = env.clock.nowMs();
    REQUIRE(env.gateway->tokenUpdate(issued.secret, {QByteArray("push"), qs("magic"), QByteArray("unlock")})
                .status == GatewayOutcome::Ok);
    CHECK(env.number(qs("SELECT state FROM invitations WHERE id = ?"), {invitationId}) == 1);
    CHECK(env.gateway->viewInvitation(token).gone == InvitationGone::Used);
    const qint64 device =
        env.number(qs("SELECT device_id FROM enrollments WHERE id = ?"), {issued.enrollmentId});
    CHECK(device == staged);
    CHECK(env.deviceState(device) == static_cast<int>(DeviceState::Enrolled));
    QSqlQuery q(env.store->database());
    REQUIRE(
        q.exec(qs("SELECT serial, imei, model, os_version, enrolled_at, last_seen_at, user_id, group_id, name"
                  " FROM devices WHERE id = %1")
                   .arg(device)));
    REQUIRE(q.next());
    CHECK(str(q.value(0).toString()) == "F2L1");
    CHECK(str(q.value(1).toString()) == "3569");
    CHECK(str(q.value(2).toString()) == "iPhone15,2");
    CHECK(str(q.value(3).toString()) == "17.4");
    CHECK(q.value(4).toLongLong() == now);
    CHECK(q.value(5).toLongLong() == now);
    CHECK(q.value(6).toLongLong() == otherUser);
    CHECK(q.value(7).toLongLong() == group);
    CHECK(str(q.value(8).toString()) == "Ana's iPhone");
    CHECK(env.number(qs("SELECT count(*) FROM devices WHERE state = 0")) == 0);

    // A later TokenUpdate without UnlockToken keeps the stored one.
    REQUIRE(env.gateway->tokenUpdate(issued.secret, {QByteArray("push2"), qs("magic2"), {}}).status ==
            GatewayOutcome::Ok);
    CHECK(env.value(qs("SELECT unlock_token FROM enrollments WHERE id = ?"), {issued.enrollmentId})
              .toByteArray() == "unlock");
    CHECK(env.value(qs("SELECT push_token FROM enrollments WHERE id = ?"), {issued.enrollmentId})
              .toByteArray() == "push2");
    CHECK(env.number(qs("SELECT count(*) FROM devices")) == 1);
    // The other profile of the same link can no longer enroll.
    CHECK(env.gateway->authenticate(second.secret, facts("OTHER")).status == GatewayOutcome::Gone);
    CHECK(
        env.number(qs(
            "SELECT count(*) FROM audit_log WHERE action = 'gateway.enroll' AND actor LIKE '%(gateway)'")) ==
        1);
}

TEST_CASE("Apple revoke: RemoveProfile of the enrollment's profile then CheckOut removes the device",
          "[gatewayservice]")
{
    GatewayEnv env;
    qint64 device = 0;
    QString profile;
    const QString secret = env.enrollApple(env.invite("Ana", Platform::iOS), facts("R1"), &device, &profile);
    CHECK_FALSE(env.gateway->connect(secret, CommandReportStatus::Idle, {}, {}).command);
    env.deprovision(device, DeprovisionMode::RevokeMdm);
    const auto reply = env.gateway->connect(secret, CommandReportStatus::Idle, {}, {});
    REQUIRE(reply.command);
    CHECK(reply.command->mode == DeprovisionMode::RevokeMdm);
    CHECK(reply.command->profileIdentifier == profile);
    CHECK_FALSE(reply.command->uuid.isEmpty());
    // Acknowledged: the device waits for its CheckOut.
    const auto ack = env.gateway->connect(secret, CommandReportStatus::Acknowledged, reply.command->uuid, {});
    CHECK(ack.status == GatewayOutcome::Ok);
    CHECK_FALSE(ack.command);
    CHECK(env.deviceState(device) == static_cast<int>(DeviceState::RevokePending));
    REQUIRE(env.gateway->checkOut(secret).status == GatewayOutcome::Ok);
    CHECK(env.deviceState(device) == -1);
    CHECK(env.gateway->connect(secret, CommandReportStatus::Idle, {}, {}).status ==
          GatewayOutcome::Unauthorized);
    CHECK(env.gateway->tokenUpdate(secret, {QByteArray("x"), qs("y"), {}}).status ==
          GatewayOutcome::Unauthorized);
    for (const char *action :
         {"gateway.command", "gateway.result", "gateway.checkout", "gateway.device_removed"}) {
        CHECK(env.number(qs("SELECT count(*) FROM audit_log WHERE action = ?"), {qs(action)}) == 1);
        CHECK(AuditAction::text(qs(action)) != qs(action)); // a readable name in the audit log
    }
}

TEST_CASE("Apple erase of a Mac carries a 6-digit PIN and Acknowledged removes the device",
          "[gatewayservice]")
{
    GatewayEnv env;
    qint64 device = 0;
    const QString secret = env.enrollApple(env.invite("Cy", Platform::macOS), facts("M1"), &device);
    env.deprovision(device, DeprovisionMode::FactoryReset);
    const QString stored = env.value(qs("SELECT pin FROM commands WHERE device_id = ?"), {device}).toString();
    CHECK(stored.size() == 6);
    const auto reply = env.gateway->connect(secret, CommandReportStatus::Idle, {}, {});
    REQUIRE(reply.command);
    CHECK(reply.command->mode == DeprovisionMode::FactoryReset);
    CHECK(reply.command->pin == stored);
    CHECK(env.gateway->connect(secret, CommandReportStatus::Acknowledged, reply.command->uuid, {}).status ==
          GatewayOutcome::Ok);
    CHECK(env.deviceState(device) == -1);
    CHECK(env.gateway->connect(secret, CommandReportStatus::Idle, {}, {}).status ==
          GatewayOutcome::Unauthorized);
    CHECK(env.gateway->checkOut(secret).status == GatewayOutcome::Unauthorized);
}

TEST_CASE("Apple NotNow is offered again at the next Idle and Error fails the command", "[gatewayservice]")
{
    GatewayEnv env;
    qint64 device = 0;
    const QString secret = env.enrollApple(env.invite("Ana", Platform::iPadOS), facts("N1"), &device);
    env.deprovision(device, DeprovisionMode::FactoryReset);
    const auto first = env.gateway->connect(secret, CommandReportStatus::Idle, {}, {});
    REQUIRE(first.command);
    CHECK(first.command->pin.isEmpty()); // not a Mac
    const auto notNow = env.gateway->connect(secret, CommandReportStatus::NotNow, first.command->uuid, {});
    CHECK_FALSE(notNow.command);
    const auto again = env.gateway->connect(secret, CommandReportStatus::Idle, {}, {});
    REQUIRE(again.command);
    CHECK(again.command->uuid == first.command->uuid);

    const auto error = env.gateway->connect(secret, CommandReportStatus::Error, first.command->uuid,
                                            qs("MDMErrorDomain 12021: busy"));
    CHECK(error.status == GatewayOutcome::Ok);
    CHECK(env.deviceState(device) == static_cast<int>(DeviceState::WipeFailed));
    CHECK(str(env.value(qs("SELECT remarks FROM devices WHERE id = ?"), {device}).toString()).find("12021") !=
          std::string::npos);
    CHECK(env.number(qs("SELECT state FROM commands WHERE device_id = ?"), {device}) == 2);
    // The admin retries: a failed device may be deprovisioned again.
    env.deprovision(device, DeprovisionMode::FactoryReset);
    CHECK(env.deviceState(device) == static_cast<int>(DeviceState::WipePending));
    CHECK(env.gateway->connect(secret, CommandReportStatus::Idle, {}, {}).command);
}

TEST_CASE("A bare CheckOut leaves the device Unmanaged and its secret unauthorized", "[gatewayservice]")
{
    GatewayEnv env;
    qint64 device = 0;
    const QString secret = env.enrollApple(env.invite("Ana", Platform::iOS), facts("C1"), &device);
    REQUIRE(env.gateway->checkOut(secret).status == GatewayOutcome::Ok);
    CHECK(env.deviceState(device) == static_cast<int>(DeviceState::Unmanaged));
    CHECK(env.gateway->connect(secret, CommandReportStatus::Idle, {}, {}).status ==
          GatewayOutcome::Unauthorized);
}

TEST_CASE("Agent: enroll check in carry out a revoke and check out", "[gatewayservice]")
{
    GatewayEnv env;
    const QString token = env.invite("Dee", Platform::Android);
    CHECK(env.gateway->enrollAgent(qs("unknown"), Platform::Android, facts("A1")).status ==
          GatewayOutcome::NotFound);
    CHECK(env.gateway->enrollAgent(token, Platform::Windows, facts("A1")).status == GatewayOutcome::Conflict);
    CHECK(env.gateway->enrollAgent(token, Platform::Android, {}).status == GatewayOutcome::BadRequest);
    const auto enrolled = env.gateway->enrollAgent(token, Platform::Android, facts("A1", "356938035643809"));
    REQUIRE(enrolled.status == GatewayOutcome::Created);
    CHECK(enrolled.deviceId > 0);
    CHECK(enrolled.pollSeconds > 0);
    CHECK(env.deviceState(enrolled.deviceId) == static_cast<int>(DeviceState::Enrolled));
    const auto used = env.gateway->enrollAgent(token, Platform::Android, facts("A2"));
    CHECK(used.status == GatewayOutcome::Gone);
    CHECK(used.gone == InvitationGone::Used);

    auto checkin = env.gateway->agentCheckin(enrolled.secret);
    CHECK(checkin.status == GatewayOutcome::Ok);
    CHECK(checkin.commands.isEmpty());
    env.deprovision(enrolled.deviceId, DeprovisionMode::RevokeMdm);
    checkin = env.gateway->agentCheckin(enrolled.secret);
    REQUIRE(checkin.commands.size() == 1);
    CHECK(checkin.commands[0].mode == DeprovisionMode::RevokeMdm);
    CHECK(env.gateway->agentResult(enrolled.secret, 9999, CommandReportStatus::Acknowledged, {}).status ==
          GatewayOutcome::NotFound);
    CHECK(env.gateway
              ->agentResult(enrolled.secret, checkin.commands[0].id, CommandReportStatus::Acknowledged, {})
              .status == GatewayOutcome::Ok);
    CHECK(env.gateway->agentCheckin(enrolled.secret).commands.isEmpty());
    CHECK(env.gateway->agentCheckout(enrolled.secret).status == GatewayOutcome::Ok);
    CHECK(env.deviceState(enrolled.deviceId) == -1);
    CHECK(env.gateway->agentCheckin(enrolled.secret).status == GatewayOutcome::Unauthorized);
    CHECK(env.gateway->agentCheckin(qs("wrong")).status == GatewayOutcome::Unauthorized);
}

TEST_CASE("Agent: an error answer to a revoke is Revoke failed with the text in remarks", "[gatewayservice]")
{
    GatewayEnv env;
    const auto enrolled =
        env.gateway->enrollAgent(env.invite("Dee", Platform::Windows), Platform::Windows, facts("W1"));
    REQUIRE(enrolled.status == GatewayOutcome::Created);
    env.deprovision(enrolled.deviceId, DeprovisionMode::RevokeMdm);
    const auto checkin = env.gateway->agentCheckin(enrolled.secret);
    REQUIRE(checkin.commands.size() == 1);
    CHECK(env.gateway
              ->agentResult(enrolled.secret, checkin.commands[0].id, CommandReportStatus::Error,
                            qs("policy forbids"))
              .status == GatewayOutcome::Ok);
    CHECK(env.deviceState(enrolled.deviceId) == static_cast<int>(DeviceState::RevokeFailed));
    CHECK(str(env.value(qs("SELECT remarks FROM devices WHERE id = ?"), {enrolled.deviceId}).toString()) ==
          "policy forbids");
    CHECK(DomainText::deviceState(DeviceState::RevokeFailed) == qs("Revoke failed"));
}

TEST_CASE("Two devices racing for one invitation: exactly one enrolls", "[gatewayservice]")
{
    GatewayEnv env;
    const QString token = env.invite("Eve", Platform::Android);
    // A second service on its own connection, as a second process would be.
    auto other = env.store->connectAgain();
    REQUIRE(other.store);
    DeviceGatewayService second(*other.store, env.clock);
    const auto a = env.gateway->enrollAgent(token, Platform::Android, facts("X1"));
    const auto b = second.enrollAgent(token, Platform::Android, facts("X2"));
    CHECK(((a.status == GatewayOutcome::Created) != (b.status == GatewayOutcome::Created)));
    CHECK((b.status == GatewayOutcome::Gone));
    CHECK(env.number(qs("SELECT count(*) FROM devices")) == 1);
    CHECK(env.number(qs("SELECT count(*) FROM enrollments")) == 1);
}

TEST_CASE("Last-seen times are batched and written by one flush", "[gatewayservice]")
{
    GatewayEnv env;
    const auto enrolled =
        env.gateway->enrollAgent(env.invite("Fay", Platform::Android), Platform::Android, facts("L1"));
    REQUIRE(enrolled.status == GatewayOutcome::Created);
    const qint64 enrolledAt = env.clock.nowMs();
    env.clock.advance(5000);
    REQUIRE(env.gateway->agentCheckin(enrolled.secret).status == GatewayOutcome::Ok);
    CHECK(env.number(qs("SELECT last_seen_at FROM devices WHERE id = ?"), {enrolled.deviceId}) == enrolledAt);
    CHECK(env.gateway->pendingLastSeen() == 1);
    QString error;
    REQUIRE(env.gateway->flush({{qs("gateway.heartbeat_at"), qs("123")}}, &error));
    CHECK(env.number(qs("SELECT last_seen_at FROM devices WHERE id = ?"), {enrolled.deviceId}) ==
          enrolledAt + 5000);
    CHECK(env.number(qs("SELECT value FROM settings WHERE key = 'gateway.heartbeat_at'")) == 123);
    CHECK(env.gateway->pendingLastSeen() == 0);
}

TEST_CASE("The details pane shows a failed deprovision's remarks and a Mac's erase PIN",
          "[gatewayservice][gui]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    console.window->actions().toggleDetailsPane->setChecked(true);
    console.selectRows(TabKind::Managed, 0, 0);
    managed->table()->selectionModel()->setCurrentIndex(managed->model().index(0, 0),
                                                        QItemSelectionModel::NoUpdate);
    const qint64 id = managed->model().idAt(0);
    QSqlQuery q(console.store->database());
    REQUIRE(q.exec(qs("BEGIN")));
    q.prepare(qs("UPDATE devices SET state = 6, remarks = ? WHERE id = ?"));
    q.addBindValue(qs("The device is busy. (MDMErrorDomain 12021)"));
    q.addBindValue(id);
    REQUIRE(q.exec());
    q.prepare(qs("INSERT INTO commands (device_id, kind, state, created_at, updated_at, pin, error)"
                 " VALUES (?, 2, 2, 1, 1, '042517', 'busy')"));
    q.addBindValue(id);
    REQUIRE(q.exec());
    REQUIRE(q.exec(qs("COMMIT")));
    console.store->announce(RecordKind::Device, {id});
    REQUIRE(test::waitUntil([&] {
        const QString text = managed->detailsText();
        return text.contains(qs("MDMErrorDomain 12021")) && text.contains(qs("042517")) &&
               text.contains(qs("Wipe failed"));
    }));
    test::saveScreenshot(console.window.get(), qs("gateway-details-wipe-failed"));
}
