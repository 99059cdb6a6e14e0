#pragma once

// Tests against a real PostgreSQL 15: scripts/test starts a throwaway server (scripts/pg-test-server) and
// exports its superuser URI as MDM_TEST_PG_URI; every test gets a database of its own on it.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <optional>

namespace mdm::test {

// MDM_TEST_PG_URI: the test PostgreSQL server's superuser URI; empty when no test server runs.
QString testPgServerUri();

// Whether a test server runs; a case that needs one and finds none says so (a warning) and passes.
bool havePgServer();

// A new, empty database on that server (unique name per process and instance), dropped (WITH (FORCE)) when
// destroyed. uri() is the libpq URI of the new database, same user/host/port as the server URI.
class TestPgDatabase
{
public:
    TestPgDatabase();
    ~TestPgDatabase();
    TestPgDatabase(const TestPgDatabase &) = delete;
    TestPgDatabase &operator=(const TestPgDatabase &) = delete;
    QString uri() const;
    QString name() const;
    // Runs SQL as the superuser on this database (for tests creating roles, inspecting rows).
    void exec(const QString &sql) const;

private:
    QString name_;
    QString uri_;
};

// The store backends a parametrised test runs on: always "sqlite"; "postgresql" too when a test server
// runs (once per process otherwise a WARN that PostgreSQL variants are skipped, naming MDM_TEST_PG_URI).
QStringList storeBackends();

// Where a store of the given backend ("sqlite" or "postgresql", see storeBackends()) lives for one test: a
// file in a fresh folder, or a fresh database on the test server. Pass location() to Store::open.
class TestStoreLocation
{
public:
    explicit TestStoreLocation(const QString &backend);
    QString location() const;
    bool isPostgres() const { return pg_.has_value(); }
    const TestPgDatabase *pg() const { return pg_ ? &*pg_ : nullptr; }

private:
    QTemporaryDir dir_;
    std::optional<TestPgDatabase> pg_;
};

// An open QPSQL connection to a libpq URI (postgresql://user[:password]@host:port/dbname?option=value),
// under a connection name of its own, removed when destroyed. Qt 6.4's QPSQL driver passes
// setDatabaseName() to libpq as a quoted dbname, which libpq does not expand: a URI given there connects to
// the default unix socket instead, so the URI's parts are set one by one here.
class TestPgConnection
{
public:
    explicit TestPgConnection(const QString &uri);
    ~TestPgConnection();
    TestPgConnection(const TestPgConnection &) = delete;
    TestPgConnection &operator=(const TestPgConnection &) = delete;
    QSqlDatabase database() const;

private:
    QString connectionName_;
};

} // namespace mdm::test
