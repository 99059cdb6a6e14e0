// The store on PostgreSQL beside SQLite: opening, refusing what it must not touch, migration by two
// processes at once, transactions and the busy path, the journal's triggers and NOTIFY, and the clean
// refusal of the paths still written for SQLite alone. The PostgreSQL cases need MDM_TEST_PG_URI (a
// test server's superuser URI); without it they are left out and the SQLite half still runs.
#include "backend_store.h"
#include "domain/clock.h"
#include "pg_support.h"
#include "store/change_journal.h"
#include "store/demo_data.h"
#include "store/schema.h"
#include "store/sql.h"
#include "store/sqlite_handle.h"
#include "store/store.h"
#include "store/store_reader.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <catch2/catch.hpp>
#include <latch>
#include <optional>
#include <thread>

using namespace mdm;
using mdm::test::havePgServer;
using mdm::test::isPostgres;
using mdm::test::openStoreAt;
using mdm::test::runConsole;
using mdm::test::scalar;
using mdm::test::schemaVersion;
using mdm::test::storeBackends;
using mdm::test::TempDir;
using mdm::test::TestPgDatabase;
using mdm::test::testPgServerUri;
using mdm::test::TestStoreLocation;
using mdm::test::waitUntil;

namespace {

// The store's tables and triggers by name: what a second open must leave as it was.
QStringList schemaObjects(const Store &store)
{
    QSqlQuery q(store.database());
    REQUIRE(
        q.exec(isPostgres(store)
                   ? QStringLiteral("SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = 'public'"
                                    " UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger"
                                    " WHERE NOT tgisinternal ORDER BY 1")
                   : QStringLiteral("SELECT type || ' ' || name FROM sqlite_master ORDER BY 1")));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

void exec(const Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(q.exec(sql));
}

struct Entry
{
    std::string kind;
    qint64 id = 0;
    int change = -1;

    bool operator==(const Entry &) const = default;
};

std::ostream &operator<<(std::ostream &os, const Entry &e)
{
    return os << e.kind << '#' << e.id << '/' << e.change;
}

std::vector<Entry> entriesAfter(const Store &store, qint64 seq)
{
    QSqlQuery q(store.database());
    q.prepare(
        QStringLiteral("SELECT kind, record_id, change FROM change_journal WHERE seq > ? ORDER BY seq"));
    q.addBindValue(seq);
    REQUIRE(q.exec());
    std::vector<Entry> out;
    while (q.next())
        out.push_back({q.value(0).toString().toStdString(), q.value(1).toLongLong(), q.value(2).toInt()});
    return out;
}

// A loopback port nothing listens on.
int closedPort()
{
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));
    return server.serverPort();
}

// The test server's URI with another user or database.
QString serverUriWith(const QString &user, const QString &database)
{
    QUrl url(testPgServerUri());
    if (!user.isEmpty())
        url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

} // namespace

TEST_CASE("SQLite's released migrations are word for word what stores were made with", "[pgstore]")
{
    // The schema is now written from pieces shared with PostgreSQL; SQLite's versions 1 to 4 must come
    // out exactly as released (SHA-256 of "version<TAB>statement<LF>" for every statement).
    QByteArray text;
    int version = 0;
    for (const QStringList &statements : migrations()) {
        ++version;
        for (const QString &statement : statements)
            text += QByteArray::number(version) + '\t' + statement.toUtf8() + '\n';
    }
    CHECK(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex() ==
          "8ffbf38e61b4cd498df7e838e2c1e545edd399e241cc57b0b315c7de3bba4b36");
    CHECK(migrationSteps(Dialect::sqlite()).size() == static_cast<size_t>(Store::kSchemaVersion));
    // PostgreSQL: the baseline at version 4, then the later versions written once for both.
    CHECK(migrationSteps(Dialect::postgres()).front().toVersion == 4);
    CHECK(migrationSteps(Dialect::postgres()).back().toVersion == Store::kSchemaVersion);
}

TEST_CASE("A new store is created at the current schema version and a second open changes nothing",
          "[pgstore]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            QStringList objects;
            {
                auto store = openStoreAt(where.location());
                CHECK(schemaVersion(*store) == Store::kSchemaVersion);
                CHECK(store->path() == where.location());
                CHECK_FALSE(store->hasRecords());
                CHECK(store->isOwnFile(where.location()) == (backend == QLatin1String("sqlite")));
                objects = schemaObjects(*store);
                CHECK(objects.contains(QStringLiteral("table change_journal")));
                CHECK(objects.contains(QStringLiteral("trigger devices_journal_update")));
                exec(*store, QStringLiteral("INSERT INTO groups (name) VALUES ('Field')"));
            }
            auto again = openStoreAt(where.location());
            CHECK(schemaVersion(*again) == Store::kSchemaVersion);
            CHECK(schemaObjects(*again) == objects);
            CHECK(scalar(*again, QStringLiteral("SELECT count(*) FROM groups")) == 1);
            CHECK(scalar(*again, QStringLiteral("SELECT count(*) FROM change_journal")) == 1);
            const Store::CheckResult check = Store::check(where.location());
            INFO(check.error.toStdString() << check.findings.join(QLatin1Char('\n')).toStdString());
            CHECK(check.ok);
        }
    }
}

TEST_CASE("A failed transaction leaves nothing behind on either store", "[pgstore]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            auto store = openStoreAt(where.location());
            QString error;
            const bool ok = store->transaction(
                [&](QString *err) {
                    QSqlQuery q(store->database());
                    REQUIRE(q.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('Field')")));
                    REQUIRE(
                        q.exec(QStringLiteral("INSERT INTO users (name, email) VALUES ('A', 'a@x.org')")));
                    // The same address in other case: the unique, case-insensitive column refuses it.
                    if (!q.exec(QStringLiteral("INSERT INTO users (name, email) VALUES ('B', 'A@X.ORG')"))) {
                        *err = sqlErrorText(q.lastError());
                        return false;
                    }
                    return true;
                },
                &error);
            CHECK_FALSE(ok);
            CHECK_FALSE(error.isEmpty());
            CHECK_FALSE(error.contains(QLatin1String("ERROR:")));
            for (const char *table : {"groups", "users", "change_journal"})
                CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) ==
                      0);

            // The connection is usable again, and a committed change stays.
            REQUIRE(store->transaction(
                [&](QString *) {
                    QSqlQuery q(store->database());
                    return q.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('Field')"));
                },
                &error));
            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM groups")) == 1);
            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM groups WHERE name = 'FIELD'")) == 1);
        }
    }
}

TEST_CASE("A password in a PostgreSQL URI is refused and never repeated", "[pgstore][bad-input]")
{
    for (const QString &uri :
         {QStringLiteral("postgresql://admin:s3cret@127.0.0.1:5432/mdm"),
          QStringLiteral("postgres://admin@127.0.0.1/mdm?password=s3cret&sslmode=disable")}) {
        const auto opened = Store::open(uri);
        CHECK_FALSE(opened.store);
        INFO(opened.error.toStdString());
        CHECK(opened.error.contains(QLatin1String("~/.pgpass")));
        CHECK(opened.error.contains(QLatin1String("PGPASSWORD")));
        CHECK_FALSE(opened.error.contains(QLatin1String("s3cret")));
    }
    const auto malformed = Store::open(QStringLiteral("postgresql://admin:s3cret@[::1/mdm"));
    CHECK_FALSE(malformed.store);
    INFO(malformed.error.toStdString());
    CHECK(malformed.error.contains(QLatin1String("not a valid PostgreSQL connection URI")));
    CHECK_FALSE(malformed.error.contains(QLatin1String("s3cret")));
}

TEST_CASE("A PostgreSQL server that does not answer is named as unreachable", "[pgstore][bad-input]")
{
    const QString uri = QStringLiteral("postgresql://mdm@127.0.0.1:%1/mdm").arg(closedPort());
    const auto opened = Store::open(uri);
    CHECK_FALSE(opened.store);
    INFO(opened.error.toStdString());
    CHECK(opened.error.startsWith(QLatin1String("Cannot reach the PostgreSQL server 127.0.0.1:")));
    CHECK(opened.error.contains(uri));
    const Store::CheckResult check = Store::check(uri);
    CHECK_FALSE(check.ok);
    CHECK(check.error.startsWith(QLatin1String("Cannot reach")));
}

TEST_CASE("A missing database and a refused login are told apart", "[pgstore][bad-input]")
{
    if (!havePgServer())
        return;
    const auto noDatabase = Store::open(serverUriWith({}, QStringLiteral("mdm_no_such_database")));
    CHECK_FALSE(noDatabase.store);
    INFO(noDatabase.error.toStdString());
    CHECK(noDatabase.error.contains(QStringLiteral("has no database “mdm_no_such_database”")));

    const auto noRole =
        Store::open(serverUriWith(QStringLiteral("mdm_no_such_role"), QStringLiteral("postgres")));
    CHECK_FALSE(noRole.store);
    INFO(noRole.error.toStdString());
    CHECK(noRole.error.contains(QLatin1String("authentication failed")));
}

TEST_CASE("A PostgreSQL store written by a newer version is refused and left unchanged",
          "[pgstore][bad-input]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    QStringList objects;
    {
        auto store = openStoreAt(db.uri());
        objects = schemaObjects(*store);
    }
    db.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(Store::kSchemaVersion + 1));
    const auto opened = Store::open(db.uri());
    CHECK_FALSE(opened.store);
    INFO(opened.error.toStdString());
    CHECK(opened.error.contains(QLatin1String("newer version of the console")));
    CHECK(opened.error.contains(QLatin1String("left unchanged")));

    db.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(Store::kSchemaVersion));
    auto store = openStoreAt(db.uri());
    CHECK(schemaObjects(*store) == objects);
}

TEST_CASE("A PostgreSQL database of another program is refused and left untouched", "[pgstore][bad-input]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    db.exec(QStringLiteral("CREATE TABLE inventory (id int PRIMARY KEY, name text)"));
    db.exec(QStringLiteral("INSERT INTO inventory VALUES (1, 'printer')"));
    const auto opened = Store::open(db.uri());
    CHECK_FALSE(opened.store);
    INFO(opened.error.toStdString());
    CHECK(opened.error.contains(QLatin1String("not an MDM console store")));
    CHECK(opened.error.contains(QLatin1String("left unchanged")));
    const Store::CheckResult check = Store::check(db.uri());
    CHECK_FALSE(check.ok);
    CHECK(check.error.contains(QLatin1String("not an MDM console store")));

    // Nothing was created beside the table, not even the extension.
    db.exec(QStringLiteral("DO $$BEGIN IF (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                           " ON n.oid = c.relnamespace WHERE n.nspname = 'public') <> 2"
                           " OR EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citext')"
                           " OR (SELECT count(*) FROM inventory) <> 1 THEN RAISE 'changed'; END IF; END$$"));
}

TEST_CASE("Two processes opening one new PostgreSQL database at once make the schema once", "[pgstore]")
{
    if (!havePgServer())
        return;
    for (int round = 0; round < 3; ++round) {
        TestPgDatabase db;
        constexpr int kOpeners = 3;
        std::latch start(kOpeners);
        std::vector<QString> errors(kOpeners);
        std::vector<std::thread> threads;
        // Threads with connections of their own meet the server as separate processes would.
        for (int i = 0; i < kOpeners; ++i) {
            threads.emplace_back([&, i] {
                start.arrive_and_wait();
                auto opened = Store::open(db.uri());
                errors[static_cast<size_t>(i)] = opened.store ? QString() : opened.error;
            });
        }
        for (std::thread &t : threads)
            t.join();
        for (const QString &error : errors) {
            INFO(error.toStdString());
            CHECK(error.isEmpty());
        }
        auto store = openStoreAt(db.uri());
        CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM schema_version")) == 1);
        CHECK(schemaVersion(*store) == Store::kSchemaVersion);
        CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM change_journal_horizon")) == 1);
    }
}

TEST_CASE("PostgreSQL triggers journal devices and invitations as SQLite's do", "[pgstore][feed]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    auto store = openStoreAt(db.uri());
    QSqlQuery q(store->database());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO users (name, email) VALUES ('Ann', 'ann@example.org')")));
    const qint64 user = q.lastInsertId().toLongLong();
    REQUIRE(q.exec(
        QStringLiteral("INSERT INTO devices (platform, serial, user_id, state) VALUES (0, 'S1', %1, 1)")
            .arg(user)));
    // lastInsertId (lastval()) names the device, not its journal entry.
    const qint64 device = q.lastInsertId().toLongLong();
    CHECK(device == scalar(*store, QStringLiteral("SELECT id FROM devices WHERE serial = 'S1'")));
    REQUIRE(q.exec(QStringLiteral("INSERT INTO invitations (user_id, email, platform, requested_at, sent_at,"
                                  " expires_at) VALUES (%1, 'ann@example.org', 1, 1, 1, 2)")
                       .arg(user)));
    const qint64 invitation = q.lastInsertId().toLongLong();
    CHECK(invitation == scalar(*store, QStringLiteral("SELECT id FROM invitations")));

    exec(*store, QStringLiteral("UPDATE devices SET name = 'Phone' WHERE id = %1").arg(device));
    exec(*store, QStringLiteral("UPDATE devices SET name = 'Phone' WHERE id = %1").arg(device)); // no change
    exec(*store,
         QStringLiteral("UPDATE devices SET invitation_id = %1 WHERE id = %2").arg(invitation).arg(device));
    exec(*store, QStringLiteral("UPDATE invitations SET token_hash = '\\x01' WHERE id = %1").arg(invitation));
    exec(*store, QStringLiteral("UPDATE invitations SET remarks = 'late' WHERE id = %1").arg(invitation));
    exec(*store, QStringLiteral("UPDATE users SET name = 'Anne' WHERE id = %1").arg(user));
    exec(*store, QStringLiteral("UPDATE devices SET invitation_id = NULL WHERE id = %1").arg(device));
    exec(*store, QStringLiteral("DELETE FROM devices WHERE id = %1").arg(device));
    exec(*store, QStringLiteral("DELETE FROM invitations WHERE id = %1").arg(invitation));

    const std::vector<Entry> expected{
        {"device", device, 0},         {"invitation", invitation, 0}, {"device", device, 1},
        {"invitation", invitation, 1}, {"device", device, 1},         {"invitation", invitation, 1},
        {"device", device, 2},         {"invitation", invitation, 2},
    };
    CHECK(entriesAfter(*store, 0) == expected);
    CHECK(ChangeJournal::lastSeq(store->database()) == static_cast<qint64>(expected.size()));

    // The audit log is append-only, for every statement that could change it.
    exec(*store, QStringLiteral("INSERT INTO audit_log (at, actor, action) VALUES (1, 'me', 'x')"));
    CHECK(entriesAfter(*store, static_cast<qint64>(expected.size())) ==
          std::vector<Entry>{{"audit", q.lastInsertId().toLongLong(), 0}});
    for (const char *statement : {"UPDATE audit_log SET actor = 'you'", "DELETE FROM audit_log",
                                  "TRUNCATE audit_log_records", "TRUNCATE audit_log CASCADE"}) {
        INFO(statement);
        CHECK_FALSE(q.exec(QLatin1String(statement)));
        CHECK(sqlErrorText(q.lastError()).contains(QLatin1String("append-only")));
    }
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'me'")) == 1);

    // Addresses compare without case with = and LIKE, as SQLite's NOCASE column does, and the portable
    // search's collation exists.
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM users WHERE email = 'ANN@Example.org'")) == 1);
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM users WHERE email LIKE 'ANN@%'")) == 1);
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM users"
                                        " WHERE lower(email) COLLATE \"binary\" LIKE lower('%EXAMPLE%')")) ==
          1);
}

TEST_CASE("A bulk change on PostgreSQL journals one mark and its journal is back on after", "[pgstore][feed]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    auto store = openStoreAt(db.uri());
    for (const bool commit : {false, true}) {
        QString error;
        const bool ok = store->transaction(
            [&](QString *err) {
                ChangeJournal::BulkChange bulk(store->database());
                REQUIRE(bulk.suspend(err));
                QSqlQuery q(store->database());
                REQUIRE(q.exec(QStringLiteral(
                    "INSERT INTO groups (name) SELECT 'g' || n FROM generate_series(1, 50) n")));
                REQUIRE(bulk.finish(err));
                return commit;
            },
            &error);
        CHECK(ok == commit);
    }
    CHECK(entriesAfter(*store, 0) == std::vector<Entry>{{"*", 0, 1}});
    exec(*store, QStringLiteral("INSERT INTO groups (name) VALUES ('after')"));
    CHECK(entriesAfter(*store, 1).size() == 1);
    CHECK(Store::check(db.uri()).ok);
}

TEST_CASE("A PostgreSQL writer waits the busy timeout for the write lock and is then busy", "[pgstore]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    Store::Options options;
    options.busyTimeoutMs = 300;
    auto first = openStoreAt(db.uri(), options);
    auto secondOpened = first->connectAgain();
    REQUIRE(secondOpened.store);
    Store &second = *secondOpened.store;
    int asked = 0;
    second.setBusyHandler([&] { return ++asked < 2; });

    QString error, innerError;
    bool innerOk = true;
    REQUIRE(first->transaction(
        [&](QString *) {
            QSqlQuery q(first->database());
            REQUIRE(q.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('first')")));
            // The first store holds the write lock until its COMMIT.
            innerOk = second.transaction(
                [&](QString *) {
                    QSqlQuery w(second.database());
                    return w.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('second')"));
                },
                &innerError);
            return true;
        },
        &error));
    CHECK_FALSE(innerOk);
    CHECK(asked == 2);
    INFO(innerError.toStdString());
    CHECK(innerError.contains(QLatin1String("locked by another program")));
    CHECK(scalar(*first, QStringLiteral("SELECT count(*) FROM groups")) == 1);

    // Free again: the second store writes.
    REQUIRE(second.transaction(
        [&](QString *) {
            QSqlQuery w(second.database());
            return w.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('second')"));
        },
        &error));
    CHECK(scalar(*first, QStringLiteral("SELECT count(*) FROM groups")) == 2);
}

TEST_CASE("A committed change notifies mdm_changes and a rollback does not", "[pgstore][feed]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    auto writer = openStoreAt(db.uri());
    auto listenerOpened = writer->connectAgain();
    REQUIRE(listenerOpened.store);
    QSqlDriver *driver = listenerOpened.store->database().driver();
    REQUIRE(driver->subscribeToNotification(QStringLiteral("mdm_changes")));
    QSignalSpy spy(driver, &QSqlDriver::notification);

    auto write = [&](const QString &name, bool commit) {
        QString error;
        writer->transaction(
            [&](QString *) {
                QSqlQuery q(writer->database());
                // Two rows, two entries: one notification for the transaction.
                REQUIRE(
                    q.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('%1a'), ('%1b')").arg(name)));
                return commit;
            },
            &error);
    };
    write(QStringLiteral("one"), true);
    REQUIRE(waitUntil([&] { return spy.count() >= 1; }));
    CHECK(spy.at(0).at(0).toString() == QStringLiteral("mdm_changes"));
    CHECK(spy.at(0).at(2).toString().isEmpty());

    // A rolled-back change sends nothing: the next committed one is the only notification that follows
    // (notifications arrive in commit order, so one from the rollback would come first).
    write(QStringLiteral("two"), false);
    write(QStringLiteral("three"), true);
    REQUIRE(waitUntil([&] { return spy.count() >= 2; }));
    QTest::qWait(200);
    CHECK(spy.count() == 2);
    CHECK(scalar(*writer, QStringLiteral("SELECT count(*) FROM change_journal")) == 4);
}

TEST_CASE("A PostgreSQL store connects again after the server dropped its connection", "[pgstore]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    auto store = openStoreAt(db.uri());
    const qint64 pid = scalar(*store, QStringLiteral("SELECT pg_backend_pid()"));
    // As a server restart would; the call waits until the session has ended.
    db.exec(QStringLiteral("SELECT pg_terminate_backend(%1, 10000)").arg(pid));
    QString error;
    const bool ok = store->transaction(
        [&](QString *) {
            QSqlQuery q(store->database());
            return q.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('after restart')"));
        },
        &error);
    INFO(error.toStdString());
    CHECK(ok);
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM groups")) == 1);
    CHECK(scalar(*store, QStringLiteral("SELECT pg_backend_pid()")) != pid);
}

TEST_CASE("Paths written for SQLite alone refuse a PostgreSQL store clearly", "[pgstore]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    auto store = openStoreAt(db.uri());
    CHECK(nativeHandle(store->database()) == nullptr);
    SqliteReadConnection reader(store->path());
    CHECK(reader.get() == nullptr);
    CHECK(reader.error() == sqliteOnlyText());
    CHECK_FALSE(reader.exec("SELECT 1"));
    SqliteStatement statement(nativeHandle(store->database()), "SELECT 1");
    CHECK_FALSE(statement.ok());
    CHECK_FALSE(statement.next());
    CHECK_FALSE(statement.run());
    CHECK(statement.error() == sqliteOnlyText());

    // The demo fill works on PostgreSQL now (COPY): tests/pg_bulk_tests.cpp.
}

TEST_CASE("The command line opens and creates a PostgreSQL store from --db", "[pgstore]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    const test::ProcessResult result =
        runConsole({QStringLiteral("--db"), db.uri(), QStringLiteral("audit")});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 0);
    auto store = openStoreAt(db.uri());
    CHECK(schemaVersion(*store) == Store::kSchemaVersion);

    const test::ProcessResult check = runConsole({QStringLiteral("--db"), db.uri(), QStringLiteral("check")});
    INFO(check.err.toStdString());
    CHECK(check.exitCode == 0);
    CHECK(check.out.contains(QLatin1String(": ok")));
}

TEST_CASE("PostgreSQL errors are told by their SQLSTATE", "[pgstore]")
{
    auto pgError = [](const char *code, const char *message) {
        return QSqlError(QStringLiteral("QPSQL: Unable to create query"),
                         QStringLiteral("ERROR:  %1\n(%2)").arg(QLatin1String(message), QLatin1String(code)),
                         QSqlError::StatementError, QLatin1String(code));
    };
    const QSqlError lock = pgError("55P03", "canceling statement due to lock timeout");
    CHECK(sqliteBusy(lock));
    CHECK(describeSqlError(lock, 5000).contains(QLatin1String("locked by another program")));
    CHECK(sqliteBusy(pgError("40001", "could not serialize access due to concurrent update")));
    CHECK(sqliteBusy(pgError("40P01", "deadlock detected")));

    const QSqlError full = pgError("53100", "could not extend file: No space left on device");
    CHECK_FALSE(sqliteBusy(full));
    CHECK(sqlitePrimaryCode(full) == 0);
    CHECK(describeSqlError(full, 5000).contains(QLatin1String("disk is full")));
    CHECK(sqlErrorText(full).contains(QLatin1String("disk is full")));

    const QSqlError unique =
        pgError("23505", "duplicate key value violates unique constraint \"users_email_key\"");
    CHECK(sqlErrorText(unique) ==
          QStringLiteral("duplicate key value violates unique constraint \"users_email_key\""));
    CHECK_FALSE(sqliteBusy(unique));
    CHECK(sqlitePrimaryCode(unique) == 0);

    CHECK(describeSqlError(pgError("57P01", "terminating connection due to administrator command"), 5000)
              .contains(QLatin1String("connection to the PostgreSQL server was lost")));
    CHECK(describeSqlError(pgError("28P01", "password authentication failed for user \"x\""), 5000)
              .contains(QLatin1String("refused the login")));
    CHECK(describeSqlError(pgError("XX001", "invalid page in block 3"), 5000)
              .contains(QLatin1String("damaged data")));
    // SQLite's own codes are read as before.
    const QSqlError sqliteFull(QStringLiteral("Unable to fetch row"),
                               QStringLiteral("database or disk is full"), QSqlError::StatementError,
                               QStringLiteral("13"));
    CHECK(sqlitePrimaryCode(sqliteFull) == 13);
    CHECK(describeSqlError(sqliteFull, 5000) == diskFullText());
}

// [direct]: it counts the server's own sessions, which a pooler keeps open for its next clients.
TEST_CASE("Readers connected ahead are taken by the next opens, and one that failed is replaced",
          "[pgstore][reader][direct]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    db.exec(QStringLiteral("CREATE TABLE t (v BIGINT); INSERT INTO t VALUES (7)"));
    const auto readsSeven = [](StoreReader &reader) {
        const auto cursor = reader.prepare("SELECT v FROM t");
        return cursor->next() && cursor->int64(0) == 7;
    };
    const mdm::test::TestPgConnection server(testPgServerUri());
    const auto connections = [&] {
        QSqlQuery q(server.database());
        q.prepare(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                 "'mdm-console reader' AND datname = ?"));
        q.addBindValue(db.name());
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    };

    StoreReader::connectAhead(db.uri(), 2);
    REQUIRE(waitUntil([&] { return connections() == 2; }));
    const auto first = StoreReader::open(db.uri());
    const auto second = StoreReader::open(db.uri());
    REQUIRE(first->error().isEmpty());
    REQUIRE(second->error().isEmpty());
    CHECK(readsSeven(*first));
    CHECK(readsSeven(*second));
    // Both were the ones connected ahead: none was added.
    CHECK(connections() == 2);

    // Ahead of the database (as ahead of a password the keychain still has to give): that one fails, and
    // the open that takes it connects again.
    TestPgDatabase later;
    const QString uri = later.uri() + QStringLiteral("_x");
    StoreReader::connectAhead(uri, 1);
    QTest::qSleep(500); // its try is over by then
    later.exec(QStringLiteral("CREATE DATABASE %1_x").arg(later.name()));
    const auto third = StoreReader::open(uri);
    CHECK(third->error().isEmpty());
    later.exec(QStringLiteral("DROP DATABASE %1_x WITH (FORCE)").arg(later.name()));
}

TEST_CASE("Sample data leaves the PostgreSQL planner's statistics up to date", "[pgstore]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    auto store = openStoreAt(db.uri());
    Clock clock;
    DemoOptions options;
    options.managed = 300;
    REQUIRE(fillDemoData(*store, clock, options).ok);
    // Not left to autovacuum, which looks a minute later at the earliest.
    CHECK(waitUntil([&] {
        return scalar(*store, QStringLiteral(
                                  "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
                                  "('devices', 'users', 'invitations') AND last_analyze IS NOT NULL")) == 3;
    }));
}
