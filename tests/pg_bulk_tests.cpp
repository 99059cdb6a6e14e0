// The bulk paths (staged import, demo fill) on both stores: SQLite through prepared statements, PostgreSQL
// through COPY FROM STDIN (store/bulk_writer.h). Same results, same rows, one transaction.
#include "backend_store.h"
#include "csv/staged_import.h"
#include "domain/clock.h"
#include "pg_support.h"
#include "store/change_journal.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <optional>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::rowsAsText;
using mdm::test::scalar;
using mdm::test::storeBackends;
using mdm::test::TempDir;
using mdm::test::TestPgDatabase;
using mdm::test::validImei;

namespace {

void exec(Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
}

// What the store holds after an import, independent of IDs.
QStringList stagedRows(Store &store)
{
    return rowsAsText(
        store, QStringLiteral(
                   "SELECT d.name, d.platform, d.ownership, coalesce(d.serial, '-'), coalesce(d.imei, '-'),"
                   " coalesce(u.name, '-'), coalesce(u.email, '-'), coalesce(g.name, '-'), d.state,"
                   " d.staged_at FROM devices d LEFT JOIN users u ON u.id = d.user_id"
                   " LEFT JOIN groups g ON g.id = d.group_id"
                   " ORDER BY coalesce(d.serial, ''), coalesce(d.imei, '')"));
}

QByteArray manyRows(int count)
{
    QByteArray csv("Device name,Serial number,Platform,User name,Email,Group,IMEI\n");
    for (int i = 0; i < count; ++i)
        csv += "Tablet " + QByteArray::number(i) + ",SN" + QByteArray::number(1000000 + i) +
               ",Android,User " + QByteArray::number(i) + ",user" + QByteArray::number(i % (count / 2 + 1)) +
               "@example.com,Group " + QByteArray::number(i % 20) + "," + validImei(i) + "\n";
    return csv;
}

struct TableCounts
{
    std::map<QString, qint64> counts;
    bool operator==(const TableCounts &) const = default;
};

TableCounts tableCounts(Store &store)
{
    TableCounts out;
    for (const char *table : {"users", "groups", "devices", "commands", "invitations", "outbox", "audit_log",
                              "audit_log_records", "change_journal"})
        out.counts[QLatin1String(table)] =
            scalar(store, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    return out;
}

} // namespace

TEST_CASE("Staged import gives the same results and rows on SQLite and PostgreSQL", "[pgbulk]")
{
    // Good rows, a repeat in the file, rows with problems, devices and a user the store has already.
    const QByteArray csv = "Device name;Serial number;IMEI;Platform;User;Email;Group\n"
                           "Ana's phone;SN-A1;" +
                           validImei(1) +
                           ";Android;Ana;ANA@Example.com;Sales\n"
                           "Ben's iPad;SN-B2;;iPadOS;;ben@example.com;sales\n"
                           "Kiosk;;" +
                           validImei(3) +
                           ";Android;Kiosk user;;Lobby\n"
                           "Repeat;SN-A1;;iOS;;;\n"                        // serial also on line 2
                           "Wrong IMEI;SN-C4;352099001761482;Android;;;\n" // bad check digit
                           "No platform;SN-D5;;;;;\n"                      // no platform
                           "Old one;SN-OLD;;macOS;;;\n"                    // a staged device has it
                           "Tab\tand \\ back;SN-E6;;Windows;Eve;eve@example.com;Sales\n"
                           "Second of Ana;SN-F7;;macOS;Ana Again;ana@example.COM;Support\n";
    std::map<QString, QStringList> stored;
    std::map<QString, QStringList> outcome;
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore bs(backend);
            Store &store = bs.store();
            exec(store,
                 QStringLiteral("INSERT INTO users (name, email) VALUES ('Ana Silva', 'ana@example.com')"));
            exec(store, QStringLiteral("INSERT INTO devices (name, platform, serial, state, staged_at)"
                                       " VALUES ('Old', 3, 'SN-OLD', 0, 1)"));
            const qint64 journalBefore = ChangeJournal::lastSeq(store.database());
            Clock clock;
            clock.setFixed(QDateTime(QDate(2026, 12, 6), QTime(6, 0), Qt::UTC));
            StagedImportOptions options;
            options.onlyValidRows = true;
            options.sourceName = QStringLiteral("devices.csv");
            const StagedImportResult result = StagedImport(store, clock).fromBytes(csv, options);
            INFO(result.error.toStdString());
            REQUIRE(result.ok);
            CHECK(result.imported == 5);
            CHECK(result.skipped == 4);
            CHECK(result.createdIds.size() == 5);
            QStringList lines;
            for (const StagedImportRow &row : result.rows)
                lines << QStringLiteral("%1 %2 %3").arg(row.line).arg(row.deviceId > 0).arg(row.problem);
            outcome[backend] = lines;
            // The existing user is matched without case; a new one made once; no user for the kiosk.
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM users")) == 3);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM groups")) == 3); // Sales, Lobby, Support
            // Each new device journalled (below the bulk mark), and one audit entry naming them.
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM change_journal WHERE kind = 'device'"
                                               " AND change = 0 AND seq > %1")
                                    .arg(journalBefore)) == 5);
            CHECK(scalar(store, QStringLiteral(
                                    "SELECT count(*) FROM audit_log WHERE action = 'staged.import'")) == 1);
            for (const qint64 id : result.createdIds)
                CHECK(scalar(store, QStringLiteral("SELECT state FROM devices WHERE id = %1").arg(id)) == 0);
            stored[backend] = stagedRows(store);
            CHECK(stored[backend].size() == 6);
            CHECK(stored[backend].contains(
                QStringLiteral("Tab\tand \\ back|4|0|SN-E6|-|Eve|eve@example.com|Sales|0|%1")
                    .arg(clock.nowMs())));

            // Imported again: every row now conflicts with a staged device, so nothing is written.
            const StagedImportResult again = StagedImport(store, clock).fromBytes(csv, {});
            CHECK_FALSE(again.ok);
            CHECK(again.problemCount() == 9);
            CHECK(stagedRows(store) == stored[backend]);
        }
    }
    if (stored.size() == 2) {
        CHECK(stored[QStringLiteral("postgresql")] == stored[QStringLiteral("sqlite")]);
        CHECK(outcome[QStringLiteral("postgresql")] == outcome[QStringLiteral("sqlite")]);
    }
}

TEST_CASE("A large staged import journals one mark and matches on both stores", "[pgbulk]")
{
    const int count = static_cast<int>(ChangeJournal::kBulkRows) + 10;
    const QByteArray csv = manyRows(count);
    std::map<QString, TableCounts> counts;
    std::map<QString, QByteArray> digests;
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore bs(backend);
            Store &store = bs.store();
            Clock clock;
            clock.setFixed(QDateTime(QDate(2026, 12, 6), QTime(6, 0), Qt::UTC));
            const StagedImportResult result = StagedImport(store, clock).fromBytes(csv, {});
            INFO(result.error.toStdString());
            REQUIRE(result.ok);
            CHECK(result.imported == count);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM change_journal WHERE kind = '*'")) == 1);
            CHECK(scalar(store,
                         QStringLiteral("SELECT count(*) FROM change_journal WHERE kind = 'device'")) == 0);
            counts[backend] = tableCounts(store);
            CHECK(counts[backend].counts[QStringLiteral("users")] == count / 2 + 1);
            // IDs from 1 without gaps on a fresh store, on both (PostgreSQL takes them ahead in one block).
            CHECK(scalar(store, QStringLiteral("SELECT max(id) FROM devices")) == count);
            digests[backend] = QCryptographicHash::hash(stagedRows(store).join(QLatin1Char('\n')).toUtf8(),
                                                        QCryptographicHash::Sha256);
        }
    }
    if (counts.size() == 2) {
        CHECK(counts[QStringLiteral("postgresql")] == counts[QStringLiteral("sqlite")]);
        CHECK(digests[QStringLiteral("postgresql")] == digests[QStringLiteral("sqlite")]);
    }
}

TEST_CASE("A failed or cancelled staged import leaves the store unchanged", "[pgbulk]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore bs(backend);
            Store &store = bs.store();
            exec(store, QStringLiteral("INSERT INTO users (name, email) VALUES ('Ana', 'ana@example.com')"));
            // A device the file's validation cannot know about is refused by the database mid-way: row 30,000
            // of 60,000, after several of PostgreSQL's COPY chunks went out.
            if (bs.isPostgres()) {
                exec(store, QStringLiteral("CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS"
                                           " $$BEGIN RAISE EXCEPTION 'refused by test'; END$$"));
                exec(store,
                     QStringLiteral("CREATE TRIGGER refuse_boom BEFORE INSERT ON devices FOR EACH ROW"
                                    " WHEN (new.serial = 'SN1030000') EXECUTE FUNCTION refuse_boom()"));
            } else {
                exec(store, QStringLiteral("CREATE TRIGGER refuse_boom BEFORE INSERT ON devices"
                                           " WHEN new.serial = 'SN1030000' BEGIN"
                                           " SELECT RAISE(ABORT, 'refused by test'); END"));
            }
            const TableCounts before = tableCounts(store);
            Clock clock;
            const StagedImportResult failed = StagedImport(store, clock).fromBytes(manyRows(60000), {});
            CHECK_FALSE(failed.ok);
            CHECK(failed.error.contains(QStringLiteral("refused by test")));
            CHECK(failed.createdIds.isEmpty());
            CHECK(tableCounts(store) == before);

            // Cancelled after the first progress report past 2,048 rows.
            std::atomic<bool> cancel = false;
            ActionControl control;
            control.cancel = &cancel;
            control.progress = [&cancel](qint64 done, qint64) {
                if (done >= 2048)
                    cancel = true;
            };
            const StagedImportResult cancelled =
                StagedImport(store, clock).fromBytes(manyRows(5000), {}, control);
            CHECK_FALSE(cancelled.ok);
            CHECK(cancelled.cancelled);
            CHECK(tableCounts(store) == before);

            // The store still takes an import afterwards.
            const StagedImportResult later = StagedImport(store, clock).fromBytes(manyRows(100), {});
            INFO(later.error.toStdString());
            CHECK(later.ok);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM devices")) == 100);
        }
    }
}

TEST_CASE("Demo fill writes the same records on SQLite and PostgreSQL", "[pgbulk]")
{
    std::map<QString, TableCounts> counts;
    std::map<QString, QByteArray> digests;
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore bs(backend);
            Store &store = bs.store();
            Clock clock;
            clock.setFixed(QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC));
            DemoOptions options;
            options.managed = 60000; // past one of PostgreSQL's COPY chunks, with references across them
            const DemoResult result = fillDemoData(store, clock, options);
            INFO(result.error.toStdString());
            REQUIRE(result.ok);
            CHECK(result.managed == 60000);
            CHECK(result.staged == 12000);
            CHECK(result.pending == 20000);
            counts[backend] = tableCounts(store);
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM change_journal WHERE kind = '*'")) == 1);
            CHECK(counts[backend].counts[QStringLiteral("change_journal")] == 1);
            // Everything but the random link tokens of queued mails, row by row in ID order.
            QStringList all;
            all << rowsAsText(store, QStringLiteral("SELECT id, name, email FROM users ORDER BY id"))
                << rowsAsText(store, QStringLiteral("SELECT id, name FROM groups ORDER BY id"))
                << rowsAsText(store,
                              QStringLiteral("SELECT id, name, platform, ownership, serial, imei, model,"
                                             " os_version, user_id, group_id, state, staged_at, enrolled_at,"
                                             " last_seen_at FROM devices ORDER BY id"))
                << rowsAsText(store,
                              QStringLiteral(
                                  "SELECT id, device_id, kind, state, created_at FROM commands ORDER BY id"))
                << rowsAsText(store,
                              QStringLiteral(
                                  "SELECT id, user_id, email, platform, ownership, group_id, requested_at,"
                                  " sent_at, expires_at, delivery, remarks, resend_count"
                                  " FROM invitations ORDER BY id"))
                << rowsAsText(store, QStringLiteral(
                                         "SELECT id, invitation_id, recipient, state, attempts, last_error"
                                         " FROM outbox ORDER BY id"));
            digests[backend] =
                QCryptographicHash::hash(all.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256);

            // A second fill (--force) continues the numbering; new rows after it get IDs past the demo's.
            options.managed = 50;
            const DemoResult second = fillDemoData(store, clock, options);
            INFO(second.error.toStdString());
            REQUIRE(second.ok);
            exec(store,
                 QStringLiteral("INSERT INTO users (name, email) VALUES ('Late', 'late@example.com')"));
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM users")) ==
                  counts[backend].counts[QStringLiteral("users")] + second.users + 1);
            CHECK(scalar(store, QStringLiteral("SELECT count(DISTINCT serial) FROM devices")) ==
                  scalar(store, QStringLiteral("SELECT count(*) FROM devices")));
        }
    }
    if (counts.size() == 2) {
        CHECK(counts[QStringLiteral("postgresql")] == counts[QStringLiteral("sqlite")]);
        CHECK(digests[QStringLiteral("postgresql")] == digests[QStringLiteral("sqlite")]);
    }
}
