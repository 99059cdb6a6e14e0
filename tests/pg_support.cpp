#include "pg_support.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <atomic>
#include <catch2/catch.hpp>

namespace mdm::test {
namespace {

std::atomic<int> nextConnection{0};
std::atomic<int> nextDatabase{0};

// Sets the parts of a libpq URI on a QPSQL connection (see TestPgConnection for why not the URI itself).
void configure(QSqlDatabase &db, const QString &uri)
{
    const QUrl url(uri);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(url.path(QUrl::FullyDecoded).mid(1));
    QStringList options;
    bool timeout = false;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        // libpq's quoting; Qt turns every ';' of the options into a space, so a value cannot hold one.
        options << key + QStringLiteral("='") +
                       QString(value)
                           .replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                           .replace(QLatin1Char('\''), QStringLiteral("\\'")) +
                       QLatin1Char('\'');
        timeout = timeout || key == QLatin1String("connect_timeout");
    }
    // A server that died mid-run fails the test in seconds instead of hanging it.
    if (!timeout)
        options << QStringLiteral("connect_timeout=10");
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

// Adds and opens a QPSQL connection; on failure removes it again and returns the error, else empty.
QString openConnection(const QString &connectionName, const QString &uri)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        configure(db, uri);
        if (!db.open())
            error = db.lastError().text();
    }
    if (!error.isEmpty())
        QSqlDatabase::removeDatabase(connectionName);
    return error;
}

QString newConnectionName()
{
    return QStringLiteral("mdm-test-pg-%1").arg(nextConnection.fetch_add(1));
}

// Runs sql on its own short-lived connection; returns the error, empty when it worked. Never throws: the
// database's destructor uses it.
QString runSql(const QString &uri, const QString &sql)
{
    const QString connectionName = newConnectionName();
    QString error = openConnection(connectionName, uri);
    if (!error.isEmpty())
        return error;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        {
            QSqlQuery query(db);
            if (!query.exec(sql))
                error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return error;
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

} // namespace

bool havePgServer()
{
    if (!testPgServerUri().isEmpty())
        return true;
    WARN("MDM_TEST_PG_URI is not set: the PostgreSQL case is skipped (scripts/pg-test-server start DIR "
         "prints the URI)");
    return false;
}

QString testPgServerUri()
{
    return qEnvironmentVariable("MDM_TEST_PG_URI").trimmed();
}

TestPgConnection::TestPgConnection(const QString &uri) : connectionName_(newConnectionName())
{
    // On failure the connection is removed already (the destructor does not run for a throwing constructor).
    const QString error = openConnection(connectionName_, uri);
    if (!error.isEmpty())
        FAIL("Cannot connect to the test PostgreSQL server at " << uri.toStdString() << ": "
                                                                << error.toStdString());
}

TestPgConnection::~TestPgConnection()
{
    database().close();
    // Every QSqlDatabase handle of the connection is gone here, as removeDatabase() requires.
    QSqlDatabase::removeDatabase(connectionName_);
}

QSqlDatabase TestPgConnection::database() const
{
    return QSqlDatabase::database(connectionName_, false);
}

TestPgDatabase::TestPgDatabase()
{
    const QString server = testPgServerUri();
    REQUIRE_FALSE(server.isEmpty());
    // The process ID keeps parallel test processes apart, the counter the instances of one process; the
    // random part keeps a new process clear of a database a killed one (same ID, long ago) left behind.
    name_ = QStringLiteral("mdm_test_%1_%2_%3")
                .arg(QCoreApplication::applicationPid())
                .arg(nextDatabase.fetch_add(1))
                .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
    QUrl url(server);
    url.setPath(QLatin1Char('/') + name_);
    uri_ = url.toString(QUrl::FullyEncoded);
    // FILE_COPY: for a nearly empty template it is about three times faster than PostgreSQL 15's default
    // (WAL_LOG), and the test server runs without fsync, so its checkpoint costs little.
    const QString error =
        runSql(server, QStringLiteral("CREATE DATABASE %1 STRATEGY FILE_COPY").arg(quoted(name_)));
    INFO("Creating a test database on " << server.toStdString()
                                        << " (MDM_TEST_PG_URI): " << error.toStdString());
    REQUIRE(error.isEmpty());
}

TestPgDatabase::~TestPgDatabase()
{
    // FORCE: a connection the test left open (a store it did not close, a listener) must not keep the
    // database alive. CHECK, not REQUIRE: a destructor must not throw.
    const QString error = runSql(
        testPgServerUri(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quoted(name_)));
    INFO(error.toStdString());
    CHECK(error.isEmpty());
}

QString TestPgDatabase::uri() const
{
    return uri_;
}

QString TestPgDatabase::name() const
{
    return name_;
}

void TestPgDatabase::exec(const QString &sql) const
{
    const QString error = runSql(uri_, sql);
    INFO(sql.toStdString() << "\n" << error.toStdString());
    REQUIRE(error.isEmpty());
}

QStringList storeBackends()
{
    if (!testPgServerUri().isEmpty())
        return {QStringLiteral("sqlite"), QStringLiteral("postgresql")};
    static std::atomic<bool> warned{false};
    if (!warned.exchange(true))
        WARN("PostgreSQL variants skipped: MDM_TEST_PG_URI is not set (scripts/test starts a test server and "
             "sets it; by hand: scripts/pg-test-server start DIR prints the URI to export)");
    return {QStringLiteral("sqlite")};
}

TestStoreLocation::TestStoreLocation(const QString &backend)
{
    if (backend == QLatin1String("postgresql"))
        pg_.emplace();
}

QString TestStoreLocation::location() const
{
    return pg_ ? pg_->uri() : dir_.filePath(QStringLiteral("console.db"));
}

} // namespace mdm::test
