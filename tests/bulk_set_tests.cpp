// The bulk actions write set-based (store/bound_rows.h: one statement per table, not one per record): on
// SQLite and, with MDM_TEST_PG_URI set, on PostgreSQL they give the same per-record results, invitations,
// devices, commands, outbox rows, audit entries and journal entries for the same data, and a record another
// connection changed after the admin selected it is named in the result as before.
#include "backend_store.h"
#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "services/record_status.h"
#include "store/demo_data.h"
#include "store/dialect.h"
#include "store/schema_parts.h"
#include "test_support.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <catch2/catch.hpp>
#include <map>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::openStoreAt;
using mdm::test::rowsAsText;
using mdm::test::schemaVersion;
using mdm::test::storeBackends;
using mdm::test::TestPgConnection;
using mdm::test::TestPgDatabase;
using mdm::test::testPgServerUri;

namespace {

qint64 largest(const Store &store, const QString &sql)
{
    const QStringList found = rowsAsText(store, sql);
    return found.isEmpty() || found.first() == QLatin1String("NULL") ? 0 : found.first().toLongLong();
}

QList<qint64> ids(const Store &store, const QString &sql)
{
    QList<qint64> out;
    for (const QString &row : rowsAsText(store, sql))
        out << row.toLongLong();
    return out;
}

QStringList outcomes(const BulkResult &result)
{
    QStringList out;
    for (const Outcome &o : result.outcomes)
        out << QStringLiteral("%1|%2|%3|%4").arg(o.id).arg(static_cast<int>(o.result)).arg(o.label, o.reason);
    return out;
}

// What one action left behind, beside its result: every row it may write, the journal as a set (its order
// within a transaction is not part of the contract; each entry's record and change is).
struct Marks
{
    qint64 audit = 0;
    qint64 journal = 0;
};

Marks marks(const Store &store)
{
    return {largest(store, QStringLiteral("SELECT max(id) FROM audit_log")),
            largest(store, QStringLiteral("SELECT max(seq) FROM change_journal"))};
}

QStringList written(const Store &store, const Marks &since)
{
    QStringList out;
    out << QStringLiteral("invitations:")
        << rowsAsText(store,
                      QStringLiteral("SELECT id, state, delivery, sent_at, expires_at, remarks, resend_count,"
                                     " CASE WHEN token_hash IS NULL THEN 0 ELSE 1 END FROM invitations"
                                     " ORDER BY id"));
    out << QStringLiteral("outbox:")
        << rowsAsText(store, QStringLiteral(
                                 "SELECT invitation_id, recipient, state, next_attempt_at, created_at,"
                                 " CASE WHEN link_token IS NULL THEN 0 ELSE 1 END FROM outbox ORDER BY id"));
    out << QStringLiteral("devices:")
        << rowsAsText(store, QStringLiteral(
                                 "SELECT d.id, d.state, d.remarks, coalesce(u.email, '-'),"
                                 " coalesce(g.name, '-') FROM devices d LEFT JOIN users u ON u.id = d.user_id"
                                 " LEFT JOIN groups g ON g.id = d.group_id ORDER BY d.id"));
    out << QStringLiteral("commands:")
        << rowsAsText(store, QStringLiteral("SELECT device_id, kind, state, created_at, updated_at,"
                                            " CASE WHEN pin IS NULL THEN 0 ELSE length(pin) END FROM commands"
                                            " ORDER BY id"));
    out << QStringLiteral("audit:")
        << rowsAsText(store, QStringLiteral("SELECT action, record_kind, record_ids, details FROM audit_log"
                                            " WHERE id > %1 ORDER BY id")
                                 .arg(since.audit));
    out << QStringLiteral("audit records:")
        << rowsAsText(store, QStringLiteral("SELECT r.record_kind, r.record_id FROM audit_log_records r"
                                            " WHERE r.audit_id > %1 ORDER BY r.audit_id, r.record_id")
                                 .arg(since.audit));
    out << QStringLiteral("journal:")
        << rowsAsText(store, QStringLiteral("SELECT kind, record_id, change, count(*) FROM change_journal"
                                            " WHERE seq > %1 GROUP BY kind, record_id, change"
                                            " ORDER BY kind, record_id, change")
                                 .arg(since.journal));
    return out;
}

// Every queued mail carries the link whose hash its invitation holds.
void requireLinksMatch(const Store &store)
{
    QSqlQuery q(store.database());
    REQUIRE(q.exec(QStringLiteral("SELECT o.link_token, i.token_hash FROM outbox o"
                                  " JOIN invitations i ON i.id = o.invitation_id"
                                  " WHERE o.state = 0 AND o.link_token IS NOT NULL")));
    int n = 0;
    while (q.next()) {
        REQUIRE(EnrollmentToken::hashOf(q.value(0).toString()) == q.value(1).toByteArray());
        ++n;
    }
    CHECK(n > 0);
}

// The same sample records on every store: the clock fixed, then the demo data.
void fillSample(Store &store, Clock &clock, int managed, int staged, int pending)
{
    clock.setFixed(QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC));
    DemoOptions demo;
    demo.managed = managed;
    demo.staged = staged;
    demo.pending = pending;
    REQUIRE(fillDemoData(store, clock, demo).ok);
}

} // namespace

TEST_CASE("Bulk actions write the same rows and results on both stores", "[pgresend]")
{
    std::map<QString, QStringList> first; // step → what the first backend (SQLite) wrote
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            Clock clock;
            fillSample(*store, clock, 240, 40, 300);
            clock.advance(qint64(8) * 24 * 3600 * 1000); // some delivered invitations have expired
            EnrollmentService invitations(*store, clock);
            DeviceService devices(*store, clock);

            const auto step = [&](const QString &name, const auto &action) {
                const Marks before = marks(*store);
                const BulkResult result = action();
                INFO(name.toStdString() << ": " << result.error.toStdString());
                REQUIRE(result.ok);
                const QStringList seen = QStringList{name} + outcomes(result) + written(*store, before);
                if (first.count(name) == 0)
                    first[name] = seen;
                else
                    CHECK(seen == first[name]);
                return result;
            };

            // Every invitation (pending, removed, enrolled) twice, and one that does not exist.
            QList<qint64> all = ids(*store, QStringLiteral("SELECT id FROM invitations ORDER BY id"));
            all << all.mid(0, 5) << 999999;
            const BulkResult resent = step(QStringLiteral("resend"), [&] { return invitations.resend(all); });
            CHECK(resent.count(Outcome::Result::Done) > 100);
            CHECK(resent.count(Outcome::Result::Skipped) > 0);
            requireLinksMatch(*store);
            // Again: each pending one now has a mail queued, which the new one replaces.
            clock.advance(60 * 1000);
            step(QStringLiteral("resend again"), [&] { return invitations.resend(all.mid(0, 150)); });
            requireLinksMatch(*store);
            step(QStringLiteral("remove"), [&] { return invitations.removeRequests(all.mid(100, 120)); });

            const QList<qint64> managed = ids(*store, QStringLiteral("SELECT id FROM devices ORDER BY id"));
            step(QStringLiteral("reassign"), [&] {
                return devices.reassign(managed.mid(0, 200),
                                        {0, QStringLiteral("Bulk Owner"), QStringLiteral("bulk@example.com"),
                                         QStringLiteral("Bulk"), false});
            });
            step(QStringLiteral("deprovision"),
                 [&] { return devices.deprovision(managed.mid(100, 150), DeprovisionMode::FactoryReset); });
            step(QStringLiteral("revoke"),
                 [&] { return devices.deprovision(managed, DeprovisionMode::RevokeMdm); });
            step(QStringLiteral("remove staged"), [&] { return devices.removeStaged(managed); });
            step(QStringLiteral("nothing to do"), [&] { return invitations.resend({999998}); });
        }
    }
}

TEST_CASE("A record another connection changed after it was selected is named in the bulk result",
          "[pgresend]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            Clock clock;
            fillSample(*store, clock, 60, 0, 60);
            auto other = store->connectAgain();
            REQUIRE(other.store);

            const QList<qint64> pending =
                ids(*store, QStringLiteral("SELECT id FROM invitations WHERE state = 0 ORDER BY id"));
            const QList<qint64> enrolled =
                ids(*store, QStringLiteral("SELECT id FROM devices WHERE state = 1 ORDER BY id"));
            REQUIRE(pending.size() > 10);
            REQUIRE(enrolled.size() > 10);
            const RecordStatuses invitationsSelected =
                RecordStatusReader::of(*store, RecordKind::Invitation, pending, clock.nowMs());
            const RecordStatuses devicesSelected =
                RecordStatusReader::of(*store, RecordKind::Device, enrolled, clock.nowMs());

            // Meanwhile another admin removes one request and revokes one device.
            REQUIRE(EnrollmentService(*other.store, clock).removeRequests({pending.at(3)}).ok);
            REQUIRE(DeviceService(*other.store, clock)
                        .deprovision({enrolled.at(4)}, DeprovisionMode::RevokeMdm)
                        .ok);

            BulkResult resent = EnrollmentService(*store, clock).resend(pending);
            REQUIRE(resent.ok);
            CHECK(resent.outcomes.at(3).result == Outcome::Result::Skipped);
            CHECK(resent.outcomes.at(3).reason == QStringLiteral("The request was removed."));
            RecordStatusReader::markChanged(
                &resent, invitationsSelected,
                RecordStatusReader::of(*store, RecordKind::Invitation, pending, clock.nowMs()));
            CHECK(resent.count(Outcome::Result::Done) == pending.size() - 1);
            CHECK(resent.outcomes.at(3).reason == QStringLiteral("Changed since you selected it: removed"));

            BulkResult reassigned =
                DeviceService(*store, clock)
                    .reassign(
                        enrolled,
                        {0, QStringLiteral("Other Owner"), QStringLiteral("other@example.com"), {}, false});
            REQUIRE(reassigned.ok);
            CHECK(reassigned.outcomes.at(4).result == Outcome::Result::Skipped);
            CHECK(reassigned.outcomes.at(4).reason.startsWith(QStringLiteral("Being deprovisioned: ")));
            RecordStatusReader::markChanged(
                &reassigned, devicesSelected,
                RecordStatusReader::of(*store, RecordKind::Device, enrolled, clock.nowMs()));
            CHECK(reassigned.count(Outcome::Result::Done) == enrolled.size() - 1);
            CHECK(reassigned.outcomes.at(4).reason.startsWith(
                QStringLiteral("Changed since you selected it: now ")));
            // The other connection sees the one consistent state.
            CHECK(rowsAsText(*other.store,
                             QStringLiteral("SELECT count(*) FROM devices WHERE user_id IN"
                                            " (SELECT id FROM users WHERE email = 'other@example.com')"))
                      .first()
                      .toInt() == enrolled.size() - 1);
        }
    }
}

TEST_CASE("A PostgreSQL store of version 6 journals bulk writes per statement as version 7", "[pgresend]")
{
    if (testPgServerUri().isEmpty()) {
        WARN("MDM_TEST_PG_URI is not set: the PostgreSQL migration is not tested");
        return;
    }
    TestPgDatabase db;
    Clock clock;
    clock.setFixed(QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC));
    const auto statementTriggers = [&db] {
        TestPgConnection connection(db.uri());
        QSqlQuery q(connection.database());
        // tgtype bit 0: a row trigger.
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FILTER (WHERE tgtype & 1 = 0),"
                                      " count(*) FILTER (WHERE tgtype & 1 = 1) FROM pg_trigger"
                                      " WHERE tgname LIKE '%_journal_%' AND NOT tgisinternal"
                                      " AND tgrelid::regclass::text IN"
                                      " ('invitations', 'outbox', 'groups', 'audit_log', 'devices')")));
        REQUIRE(q.next());
        return std::pair<int, int>(q.value(0).toInt(), q.value(1).toInt());
    };
    {
        auto store = openStoreAt(db.uri());
        DemoOptions demo;
        demo.managed = 30;
        demo.pending = 40;
        REQUIRE(fillDemoData(*store, clock, demo).ok);
    }
    CHECK(statementTriggers() == std::pair<int, int>(13, 0));
    // Back to version 6 as it was made: the baseline's row triggers.
    const Dialect &d = Dialect::postgres();
    const QRegularExpression created(QStringLiteral("^CREATE TRIGGER (\\w+) AFTER \\w+ ON (\\w+)"));
    for (const QString &statement : schema::statementJournalTriggers()) {
        const QRegularExpressionMatch m = created.match(statement);
        if (m.hasMatch())
            for (const QString &drop : d.dropTrigger(m.captured(1), m.captured(2)))
                db.exec(drop);
    }
    for (const QString &statement :
         schema::devicesJournalTriggers(d, true) + schema::recordJournalTriggers(d))
        db.exec(statement);
    db.exec(QStringLiteral("UPDATE schema_version SET version = 6"));
    CHECK(statementTriggers() == std::pair<int, int>(0, 13));

    auto store = openStoreAt(db.uri());
    CHECK(schemaVersion(*store) == 7);
    CHECK(statementTriggers() == std::pair<int, int>(13, 0));
    CHECK(Store::check(db.uri()).ok);
    // Each invitation resent and each mail queued is journalled once; an UPDATE that changes no counted
    // column (a failed resend's new token alone) journals nothing.
    const qint64 before = largest(*store, QStringLiteral("SELECT max(seq) FROM change_journal"));
    const QList<qint64> pending = ids(*store, QStringLiteral("SELECT id FROM invitations WHERE state = 0"));
    const BulkResult resent = EnrollmentService(*store, clock).resend(pending);
    REQUIRE(resent.ok);
    const int done = resent.count(Outcome::Result::Done);
    CHECK(done > 10);
    CHECK(rowsAsText(
              *store,
              QStringLiteral("SELECT kind, change, count(*), count(DISTINCT record_id) FROM change_journal"
                             " WHERE seq > %1 AND kind <> 'outbox' GROUP BY kind, change ORDER BY kind")
                  .arg(before)) ==
          QStringList{QStringLiteral("audit|0|1|1"), QStringLiteral("invitation|1|%1|%1").arg(done)});
    CHECK(largest(*store,
                  QStringLiteral("SELECT count(*) FROM change_journal WHERE seq > %1 AND kind = 'outbox'"
                                 " AND change = 0")
                      .arg(before)) == done);
    // seq still counts up by one, without gaps.
    CHECK(largest(*store, QStringLiteral("SELECT max(seq) - min(seq) + 1 - count(*) FROM change_journal")) ==
          0);
    // A write that changes no counted column journals nothing.
    const qint64 last = largest(*store, QStringLiteral("SELECT max(seq) FROM change_journal"));
    QSqlQuery q(store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE invitations SET token_hash = token_hash")));
    CHECK(largest(*store, QStringLiteral("SELECT max(seq) FROM change_journal")) == last);
}
