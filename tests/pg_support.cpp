#include "pg_support.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <catch2/catch.hpp>

namespace mdm::test {

namespace {

QAtomicInt counter;

// The server's URI with another database in its path.
QString withDatabase(const QString &serverUri, const QString &database)
{
    QUrl url(serverUri);
    url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

// Runs statements on database as the superuser, each on its own (CREATE DATABASE cannot be in a
// transaction); empty on success, else what failed.
QString run(const QString &database, const QStringList &statements)
{
    const QUrl url(testPgServerUri());
    const QString name = QStringLiteral("pg-support-%1").arg(counter.fetchAndAddRelaxed(1));
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(database);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            for (const QString &statement : statements) {
                if (!q.exec(statement)) {
                    error = statement + QLatin1String(": ") + q.lastError().text();
                    break;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

} // namespace

QString testPgServerUri()
{
    return qEnvironmentVariable("MDM_TEST_PG_URI");
}

TestPgDatabase::TestPgDatabase()
    : name_(QStringLiteral("mdm_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16)))
{
    REQUIRE_FALSE(testPgServerUri().isEmpty());
    const QString error = run(QStringLiteral("postgres"), {QStringLiteral("CREATE DATABASE %1").arg(name_)});
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
}

TestPgDatabase::~TestPgDatabase()
{
    run(QStringLiteral("postgres"), {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name_)});
}

QString TestPgDatabase::uri() const
{
    return withDatabase(testPgServerUri(), name_);
}

QString TestPgDatabase::name() const
{
    return name_;
}

void TestPgDatabase::exec(const QString &sql) const
{
    const QString error = run(name_, {sql});
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
}

QStringList storeBackends()
{
    QStringList backends{QStringLiteral("sqlite")};
    if (!testPgServerUri().isEmpty())
        backends << QStringLiteral("postgresql");
    return backends;
}

} // namespace mdm::test
