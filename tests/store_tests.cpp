// The store's face on both databases: each case runs on SQLite and, when MDM_TEST_PG_URI names a test
// server, on PostgreSQL. The cases about SQLite's file itself (permissions, WAL, a file that is no
// database, the lock taken at opening) run on SQLite only; PostgreSQL's own refusals are in
// pg_store_tests.cpp.
#include "backend_store.h"
#include "store/audit_log.h"
#include "store/dialect.h"
#include "store/schema.h"
#include "store/store.h"
#include "test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::fileBytes;
using mdm::test::OtherWriter;
using mdm::test::schemaVersion;
using mdm::test::storeBackends;
using mdm::test::storeSnapshot;
using mdm::test::TempDir;
using mdm::test::TestStoreLocation;

namespace {

int userVersion(Store &store)
{
    QSqlQuery q(store.database());
    q.exec(QStringLiteral("PRAGMA user_version"));
    return q.next() ? q.value(0).toInt() : -1;
}

// A second writer, as another program would hold the store.
class RawConnection
{
public:
    explicit RawConnection(const QString &path) { sqlite3_open(path.toUtf8().constData(), &db_); }
    ~RawConnection() { sqlite3_close(db_); }
    int exec(const char *sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

private:
    sqlite3 *db_ = nullptr;
};

// UPDATE and DELETE on the audit tables are refused by the store's triggers, for every user.
void checkAuditLogIsAppendOnly(Store &store)
{
    QString error;
    REQUIRE(store.transaction(
        [&](QString *err) {
            return AuditLog::append(store.database(),
                                    {1000,
                                     QStringLiteral("admin"),
                                     QStringLiteral("invite.send"),
                                     RecordKind::Invitation,
                                     {1, 2},
                                     QStringLiteral("{}")},
                                    err);
        },
        &error));

    QSqlQuery q(store.database());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory'")));
    CHECK(q.lastError().text().contains(QStringLiteral("append-only")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM audit_log")));
    CHECK(q.lastError().text().contains(QStringLiteral("append-only")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM audit_log_records")));

    REQUIRE(q.exec(QStringLiteral("SELECT actor, action, record_ids FROM audit_log")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("admin"));
    CHECK(q.value(2).toString() == QStringLiteral("1,2"));
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM audit_log_records")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 2);
}

} // namespace

TEST_CASE("A new store is created owner-only in WAL mode at the current schema version", "[store]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("sub/console.db"));
    auto opened = Store::open(path);
    REQUIRE(opened.error.isEmpty());
    REQUIRE(opened.store);
    CHECK(userVersion(*opened.store) == Store::kSchemaVersion);
    CHECK(QFileInfo(path).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser));

    QSqlQuery q(opened.store->database());
    REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wal"));
    REQUIRE(q.exec(QStringLiteral("PRAGMA foreign_keys")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    CHECK_FALSE(opened.store->hasRecords());
}

TEST_CASE("A store keeps its records and version across reopening", "[store]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            QString error;
            REQUIRE(store->transaction(
                [&](QString *err) {
                    QSqlQuery q(store->database());
                    q.prepare(QStringLiteral("INSERT INTO users (name, email) VALUES (?, ?)"));
                    q.addBindValue(QStringLiteral("Ana Silva"));
                    q.addBindValue(QStringLiteral("ana@contoso.example"));
                    if (!q.exec()) {
                        *err = q.lastError().text();
                        return false;
                    }
                    return true;
                },
                &error));
            store.reopen();
            CHECK(schemaVersion(*store) == Store::kSchemaVersion);
            QSqlQuery q(store->database());
            REQUIRE(q.exec(QStringLiteral("SELECT name FROM users WHERE email = 'ANA@contoso.example'")));
            REQUIRE(q.next());
            CHECK(q.value(0).toString() == QStringLiteral("Ana Silva"));
        }
    }
}

TEST_CASE("A file that is not an SQLite database is refused and left untouched", "[store][bad-input]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("notes.db"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("name,email\nAna,ana@contoso.example\n");
    file.close();
    const QByteArray before = fileBytes(path);

    auto opened = Store::open(path);
    CHECK_FALSE(opened.store);
    CHECK(opened.error.contains(QStringLiteral("not an MDM console store")));
    CHECK(fileBytes(path) == before);
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("A store written by a newer version is refused and left untouched", "[store][bad-input]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            if (where.isPostgres()) {
                // PostgreSQL keeps the version in the one row of schema_version.
                where.pg()->exec(QStringLiteral("CREATE TABLE future (x integer)"));
                where.pg()->exec(QStringLiteral("CREATE TABLE schema_version (id INTEGER PRIMARY KEY,"
                                                " version INTEGER NOT NULL)"));
                where.pg()->exec(QStringLiteral("INSERT INTO schema_version VALUES (1, 99)"));
            } else {
                RawConnection raw(where.location());
                REQUIRE(raw.exec("CREATE TABLE future (x); PRAGMA user_version = 99;") == SQLITE_OK);
            }
            const QByteArray before = storeSnapshot(where);

            auto opened = Store::open(where.location());
            CHECK_FALSE(opened.store);
            INFO(opened.error.toStdString());
            CHECK(opened.error.contains(QStringLiteral("newer version")));
            CHECK(opened.error.contains(QStringLiteral("99")));
            CHECK(storeSnapshot(where) == before);
        }
    }
}

TEST_CASE("A read-only store file is refused with a clear message", "[store][bad-input]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("console.db"));
    {
        REQUIRE(Store::open(path).store);
    }
    const QByteArray before = fileBytes(path);
    QFile::setPermissions(path, QFileDevice::ReadOwner);

    auto opened = Store::open(path);
    CHECK_FALSE(opened.store);
    CHECK(opened.error.contains(QStringLiteral("read-only")));
    CHECK(fileBytes(path) == before);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("A read-only folder is refused with a clear message", "[store][bad-input]")
{
    TempDir dir;
    const QString folder = dir.file(QStringLiteral("locked"));
    REQUIRE(QDir().mkpath(folder));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);

    auto opened = Store::open(folder + QStringLiteral("/console.db"));
    CHECK_FALSE(opened.store);
    CHECK(opened.error.contains(QStringLiteral("read-only")));
    CHECK_FALSE(QFileInfo::exists(folder + QStringLiteral("/console.db")));
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

TEST_CASE("A store locked by another writer past the timeout is refused and unchanged", "[store][bad-input]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            // SQLite checks its schema under the write lock at every opening: an existing store. PostgreSQL
            // takes the write lock when it has a schema to make or migrate: a new, empty database.
            TestStoreLocation where(backend);
            if (!where.isPostgres())
                REQUIRE(Store::open(where.location()).store);

            OtherWriter other(where.location());
            other.lock();
            const QByteArray before = storeSnapshot(where);

            Store::Options options;
            options.busyTimeoutMs = 200;
            auto opened = Store::open(where.location(), options);
            CHECK_FALSE(opened.store);
            INFO(opened.error.toStdString());
            CHECK(opened.error.contains(QStringLiteral("locked by another program")));
            CHECK(storeSnapshot(where) == before);

            other.release();
            CHECK(Store::open(where.location(), options).store);
        }
    }
}

TEST_CASE("A write while another program holds the store fails clearly and changes nothing",
          "[store][bad-input]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            Store::Options options;
            options.busyTimeoutMs = 200;
            BackendStore store(backend, options);

            OtherWriter other(store.location());
            other.lock();
            QString error;
            bool ran = false;
            CHECK_FALSE(store->transaction(
                [&](QString *) {
                    ran = true;
                    return true;
                },
                &error));
            CHECK_FALSE(ran);
            INFO(error.toStdString());
            CHECK(error.contains(QStringLiteral("locked by another program")));
        }
    }
}

TEST_CASE("The audit log refuses UPDATE and DELETE", "[store][audit]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore opened(backend);
            checkAuditLogIsAppendOnly(*opened);
        }
    }
}

TEST_CASE("A failed transaction rolls back every statement", "[store]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore opened(backend);
            Store &store = *opened;
            QString error;
            CHECK_FALSE(store.transaction(
                [&](QString *err) {
                    QSqlQuery q(store.database());
                    CHECK(q.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('Sales')")));
                    *err = QStringLiteral("second step failed");
                    return false;
                },
                &error));
            CHECK(error == QStringLiteral("second step failed"));
            QSqlQuery q(store.database());
            REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM groups")));
            REQUIRE(q.next());
            CHECK(q.value(0).toInt() == 0);
        }
    }
}

TEST_CASE("The store tells listeners which records changed", "[store]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            QSignalSpy spy(&*store, &Store::changed);
            store->announce(RecordKind::Invitation, {7, 9});
            REQUIRE(spy.size() == 1);
            CHECK(spy.at(0).at(0).value<RecordKind>() == RecordKind::Invitation);
            CHECK(spy.at(0).at(1).value<QList<qint64>>() == QList<qint64>{7, 9});
        }
    }
}

TEST_CASE("A store of an older schema version is migrated in one step and keeps its records", "[store]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            // What the oldest version wrote: SQLite's version 1; PostgreSQL's baseline (version 4).
            const MigrationStep oldest =
                migrationSteps(where.isPostgres() ? Dialect::postgres() : Dialect::sqlite()).front();
            {
                OtherWriter raw(where.location());
                raw.lock();
                for (const QString &statement : oldest.statements)
                    raw.exec(statement);
                raw.exec(QStringLiteral("INSERT INTO groups (name) VALUES ('Sales')"));
                raw.exec(where.isPostgres()
                             ? QStringLiteral("UPDATE schema_version SET version = %1").arg(oldest.toVersion)
                             : QStringLiteral("PRAGMA user_version = %1").arg(oldest.toVersion));
                raw.release();
            }
            REQUIRE(oldest.toVersion < Store::kSchemaVersion);
            auto opened = Store::open(where.location());
            INFO(opened.error.toStdString());
            REQUIRE(opened.store);
            CHECK(schemaVersion(*opened.store) == Store::kSchemaVersion);
            QSqlQuery q(opened.store->database());
            CHECK(q.exec(QStringLiteral("SELECT count(*) FROM settings")));
            REQUIRE(q.exec(QStringLiteral("SELECT name FROM groups")));
            REQUIRE(q.next());
            CHECK(q.value(0).toString() == QStringLiteral("Sales"));
        }
    }
}
