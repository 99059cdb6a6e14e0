#pragma once

#include <QString>
#include <QStringList>

// A PostgreSQL test server for the store's tests: MDM_TEST_PG_URI names a superuser URI of a running
// server (CI starts one); without it the PostgreSQL cases are left out.
namespace mdm::test {

// The server's superuser URI, or empty when no test server runs.
QString testPgServerUri();

// A fresh, empty database on the test server, dropped (with every connection to it) when destroyed.
class TestPgDatabase
{
public:
    TestPgDatabase();
    ~TestPgDatabase();
    TestPgDatabase(const TestPgDatabase &) = delete;
    TestPgDatabase &operator=(const TestPgDatabase &) = delete;

    // The database's URI: the server's with this database's name.
    QString uri() const;
    QString name() const;
    // Runs sql in this database as the server's superuser; fails the test when it fails.
    void exec(const QString &sql) const;

private:
    QString name_;
};

// The stores a parametrised test runs on: {"sqlite"}, plus "postgresql" when a test server runs.
QStringList storeBackends();

} // namespace mdm::test
