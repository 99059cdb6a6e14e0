// Staged import without a round trip per row on PostgreSQL (users matched in batches, the audit entry's
// records in one statement, users' addresses unique by a lowered index since schema version 6), and the
// same results as before on both stores: repeats in the file, addresses that differ only in case, a bad
// row, the change feed.
#include "csv/staged_import.h"
#include "domain/clock.h"
#include "feed/store_watcher.h"
#include "pg_support.h"
#include "store/audit_log.h"
#include "store/change_journal.h"
#include "store/store.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>
#include <catch2/catch.hpp>
#include <iostream>

using namespace mdm;
using mdm::test::scalar;
using mdm::test::storeBackends;
using mdm::test::TestPgDatabase;
using mdm::test::TestStoreLocation;
using mdm::test::validImei;

namespace {

std::unique_ptr<Store> openStore(const QString &location)
{
    auto opened = Store::open(location);
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    return std::move(opened.store);
}

void exec(Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    INFO(sql.toStdString() << "\n" << q.lastError().text().toStdString());
    REQUIRE(q.exec(sql));
}

// The first column of every row, one line each.
QString text(Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

// The bench's file: every row its own user, 20 groups.
QByteArray benchRows(int count)
{
    QByteArray csv("Device name,Serial number,Platform,User name,Email,Group,IMEI\r\n");
    for (int i = 0; i < count; ++i)
        csv += "Tablet " + QByteArray::number(i) + ",SN" + QByteArray::number(1000000 + i) +
               ",Android,User " + QByteArray::number(i) + ",user" + QByteArray::number(i) +
               "@example.com,Group " + QByteArray::number(i % 20) + "," + validImei(i) + "\r\n";
    return csv;
}

StagedImportResult import(Store &store, const QByteArray &csv, bool onlyValidRows = false)
{
    Clock clock;
    clock.setFixed(QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC));
    StagedImportOptions options;
    options.onlyValidRows = onlyValidRows;
    return StagedImport(store, clock).fromBytes(csv, options);
}

qint64 userOf(Store &store, const char *serial)
{
    return scalar(store, QStringLiteral("SELECT coalesce(user_id, 0) FROM devices WHERE serial = '%1'")
                             .arg(QLatin1String(serial)));
}

QString counts(Store &store)
{
    QStringList out;
    for (const char *table :
         {"users", "groups", "devices", "audit_log", "audit_log_records", "change_journal"})
        out << QStringLiteral("%1=%2")
                   .arg(QLatin1String(table))
                   .arg(scalar(store, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
    return out.join(QLatin1Char(' '));
}

} // namespace

TEST_CASE("Staged import: one address in the file in any case makes one user, as the first row wrote it",
          "[pgimportfast]")
{
    // Jörg's address differs in ASCII case only (one user on both stores), Özil's in a letter SQLite's
    // NOCASE leaves alone but PostgreSQL's citext folds (one user there, two here, as the stores' unique
    // indexes have it).
    const QByteArray csv = "Device name,Serial number,Platform,User,Email\n"
                           "One,SN-1,Android,Jörg,jörg@example.com\n"
                           "Two,SN-2,iOS,Jörg Again,JöRG@EXAMPLE.COM\n"
                           "Three,SN-3,Android,Mesut,Özil@example.com\n"
                           "Four,SN-4,Android,Mesut Again,özil@example.com\n"
                           "Five,SN-1,Android,Ann,ann@example.com\n"; // serial also on line 2
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            auto store = openStore(where.location());
            const StagedImportResult result = import(*store, csv, true);
            INFO(result.error.toStdString());
            REQUIRE(result.ok);
            CHECK(result.imported == 4);
            CHECK(result.skipped == 1);
            CHECK(result.rows[4].problem.contains(QStringLiteral("also on line 2")));
            CHECK(result.rows[4].deviceId == 0);

            CHECK(userOf(*store, "SN-1") == userOf(*store, "SN-2"));
            CHECK(text(*store, QStringLiteral("SELECT name || ' ' || email FROM users WHERE id = %1")
                                   .arg(userOf(*store, "SN-1"))) == QStringLiteral("Jörg jörg@example.com"));
            CHECK(text(*store, QStringLiteral("SELECT name || ' ' || email FROM users WHERE id = %1")
                                   .arg(userOf(*store, "SN-3"))) == QStringLiteral("Mesut Özil@example.com"));
            if (where.isPostgres()) {
                CHECK(userOf(*store, "SN-3") == userOf(*store, "SN-4"));
                CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM users")) == 2);
            } else {
                CHECK(userOf(*store, "SN-3") != userOf(*store, "SN-4"));
                CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM users")) == 3);
            }
            // New users' IDs in the order the file names them, from 1 on a fresh store.
            CHECK(userOf(*store, "SN-1") == 1);
            CHECK(userOf(*store, "SN-3") == 2);
        }
    }
}

TEST_CASE("Staged import: addresses differing only in case find the users the store has", "[pgimportfast]")
{
    const QByteArray csv = "Device name,Serial number,Platform,User,Email\n"
                           "One,SN-1,Android,Somebody Else,ANA@EXAMPLE.COM\n"
                           "Two,SN-2,iOS,,Ana@Example.Com\n"
                           "Three,SN-3,Android,Øyvind Again,ØYVIND@example.no\n";
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            auto store = openStore(where.location());
            exec(*store,
                 QStringLiteral("INSERT INTO users (name, email) VALUES ('Ana Silva', 'ana@example.com')"));
            exec(*store,
                 QStringLiteral("INSERT INTO users (name, email) VALUES ('Øyvind', 'øyvind@example.no')"));
            const StagedImportResult result = import(*store, csv);
            INFO(result.error.toStdString());
            REQUIRE(result.ok);
            CHECK(result.imported == 3);
            // Found, not renamed.
            CHECK(userOf(*store, "SN-1") == 1);
            CHECK(userOf(*store, "SN-2") == 1);
            CHECK(text(*store, QStringLiteral("SELECT name FROM users WHERE id = 1")) ==
                  QStringLiteral("Ana Silva"));
            // PostgreSQL's citext folds Ø; SQLite's NOCASE does not, so there it is a new user.
            if (where.isPostgres()) {
                CHECK(userOf(*store, "SN-3") == 2);
                CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM users")) == 2);
            } else {
                CHECK(userOf(*store, "SN-3") == 3);
                CHECK(text(*store, QStringLiteral("SELECT email FROM users WHERE id = 3")) ==
                      QStringLiteral("ØYVIND@example.no"));
            }
        }
    }
}

TEST_CASE(
    "Staged import: a bad row imports nothing, or only the others when asked, with all in the audit log",
    "[pgimportfast]")
{
    const QByteArray good = benchRows(300);
    const QByteArray withBad = good + "Bad,SN-BAD,Toaster,,x@example.com\r\n";
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            auto store = openStore(where.location());
            exec(*store, QStringLiteral("INSERT INTO users (name, email) VALUES ('Ana', 'ana@example.com')"));
            const QString before = counts(*store);

            const StagedImportResult refused = import(*store, withBad);
            CHECK_FALSE(refused.ok);
            CHECK(refused.problemCount() == 1);
            CHECK(refused.rows.last().line == 302);
            CHECK(counts(*store) == before);

            // Refused by the database on the way in (a user's row): nothing stays, not even the users and
            // groups made before it.
            if (where.isPostgres()) {
                exec(*store,
                     QStringLiteral("CREATE FUNCTION refuse_user() RETURNS trigger LANGUAGE plpgsql AS"
                                    " $$BEGIN RAISE EXCEPTION 'refused by test'; END$$"));
                exec(*store, QStringLiteral("CREATE TRIGGER refuse_user BEFORE INSERT ON users FOR EACH ROW"
                                            " WHEN (new.email = 'user250@example.com')"
                                            " EXECUTE FUNCTION refuse_user()"));
            } else {
                exec(*store, QStringLiteral("CREATE TRIGGER refuse_user BEFORE INSERT ON users"
                                            " WHEN new.email = 'user250@example.com' BEGIN"
                                            " SELECT RAISE(ABORT, 'refused by test'); END"));
            }
            const StagedImportResult failed = import(*store, good);
            CHECK_FALSE(failed.ok);
            CHECK(failed.error.contains(QStringLiteral("refused by test")));
            CHECK(failed.createdIds.isEmpty());
            CHECK(counts(*store) == before);
            exec(*store, where.isPostgres() ? QStringLiteral("DROP TRIGGER refuse_user ON users")
                                            : QStringLiteral("DROP TRIGGER refuse_user"));

            const StagedImportResult partial = import(*store, withBad, true);
            INFO(partial.error.toStdString());
            REQUIRE(partial.ok);
            CHECK(partial.imported == 300);
            CHECK(partial.skipped == 1);
            // One audit entry; its records are every device imported, each once.
            CHECK(scalar(*store, QStringLiteral(
                                     "SELECT count(*) FROM audit_log WHERE action = 'staged.import'")) == 1);
            const qint64 auditId =
                scalar(*store, QStringLiteral("SELECT id FROM audit_log WHERE action = 'staged.import'"));
            CHECK(scalar(*store, QStringLiteral("SELECT count(DISTINCT record_id) FROM audit_log_records"
                                                " WHERE audit_id = %1 AND record_kind = 'device'")
                                     .arg(auditId)) == 300);
            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM audit_log_records r JOIN devices d"
                                                " ON d.id = r.record_id WHERE r.audit_id = %1")
                                     .arg(auditId)) == 300);
            const QList<AuditEntry> history =
                AuditLog::history(*store, RecordKind::Device, partial.createdIds.last());
            REQUIRE(history.size() == 1);
            CHECK(history.first().recordIds == partial.createdIds);
        }
    }
}

TEST_CASE("Staged import: a watcher sees the imported devices", "[pgimportfast]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            auto store = openStore(where.location());
            // The watcher reads on a connection of its own, as another console's would.
            const std::unique_ptr<StoreWatcher> watcher = StoreWatcher::create(*store);
            QList<qint64> inserted;
            QObject::connect(watcher.get(), &StoreWatcher::changes, watcher.get(),
                             [&inserted](const QList<StoreChange> &changes) {
                                 for (const StoreChange &c : changes)
                                     if (c.kind == RecordKind::Device &&
                                         c.type == StoreChange::Type::Inserted)
                                         inserted << c.id;
                             });
            watcher->start(ChangeJournal::lastSeq(store->database()));
            const StagedImportResult result = import(*store, benchRows(5));
            REQUIRE(result.ok);
            CHECK(QTest::qWaitFor([&] { return inserted.size() >= 5; }, 5000));
            CHECK(inserted == result.createdIds);
            watcher->stop();
        }
    }
}

TEST_CASE("PostgreSQL schema 6: users' addresses unique without case by a lowered index", "[pgimportfast]")
{
    if (mdm::test::testPgServerUri().isEmpty())
        return;
    TestPgDatabase db;
    {
        // A store as version 5 left it: citext's own unique constraint.
        auto store = openStore(db.uri());
        exec(*store, QStringLiteral("DROP INDEX users_email_lower"));
        exec(*store, QStringLiteral("DROP INDEX users_email"));
        exec(*store, QStringLiteral("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)"));
        exec(*store, QStringLiteral("UPDATE schema_version SET version = 5"));
        exec(*store, QStringLiteral("INSERT INTO users (name, email) VALUES ('Jörg', 'JÖRG@Example.com')"));
    }
    auto store = openStore(db.uri());
    CHECK(scalar(*store, QStringLiteral("SELECT version FROM schema_version")) == Store::kSchemaVersion);
    CHECK(text(*store, QStringLiteral("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes"
                                      " WHERE tablename = 'users'")) ==
          QStringLiteral("users_email,users_email_lower,users_pkey"));
    const Store::CheckResult check = Store::check(db.uri());
    INFO(check.findings.join(QLatin1Char('\n')).toStdString());
    CHECK(check.ok);

    // Still one address in any case, ASCII or not; still found by "=" in any case, by an index.
    QSqlQuery q(store->database());
    CHECK_FALSE(q.exec(QStringLiteral("INSERT INTO users (name, email) VALUES ('x', 'jörg@example.COM')")));
    CHECK(q.lastError().nativeErrorCode() == QStringLiteral("23505"));
    CHECK(scalar(*store, QStringLiteral("SELECT id FROM users WHERE email = 'jörg@EXAMPLE.com'")) == 1);
    exec(*store, QStringLiteral("SET enable_seqscan = off"));
    CHECK(text(*store, QStringLiteral("EXPLAIN SELECT id FROM users WHERE email = 'jörg@EXAMPLE.com'"))
              .contains(QStringLiteral("users_email")));
    exec(*store, QStringLiteral("RESET enable_seqscan"));
    exec(*store, QStringLiteral("INSERT INTO users (name, email) VALUES ('Other', 'other@example.com')"));
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM users")) == 2);
}

// Not run by default: the bench's import_100k_ms on each store, several tries, for comparing changes.
// MDM_IMPORT_ROWS and MDM_IMPORT_TRIES change the size and the tries.
TEST_CASE("Staged import timing on both stores", "[.][pgimportfast-timing]")
{
    const int rows = qEnvironmentVariableIsSet("MDM_IMPORT_ROWS")
                         ? qEnvironmentVariableIntValue("MDM_IMPORT_ROWS")
                         : 100000;
    const int tries =
        qEnvironmentVariableIsSet("MDM_IMPORT_TRIES") ? qEnvironmentVariableIntValue("MDM_IMPORT_TRIES") : 3;
    const QByteArray csv = benchRows(rows);
    for (int t = 0; t < tries; ++t) {
        for (const QString &backend : storeBackends()) {
            TestStoreLocation where(backend);
            auto store = openStore(where.location());
            Clock clock;
            QElapsedTimer timer;
            timer.start();
            const StagedImportResult result = StagedImport(*store, clock).fromBytes(csv, {});
            const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            REQUIRE(result.ok);
            std::cout << backend.toStdString() << " import_" << rows << "_ms " << ms << std::endl;
        }
    }
}
