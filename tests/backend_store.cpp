#include "backend_store.h"

#include "store/postgres_lock.h"
#include "test_support.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>
#include <catch2/catch.hpp>

namespace mdm::test {
namespace {

std::atomic<int> nextWriter{0};

bool isPostgresLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

} // namespace

std::unique_ptr<Store> openStoreAt(const QString &location, const Store::Options &options)
{
    auto opened = Store::open(location, options);
    INFO("opening " << location.toStdString() << ": " << opened.error.toStdString());
    REQUIRE(opened.store);
    return std::move(opened.store);
}

BackendStore::BackendStore(const QString &backend, const Store::Options &options) : where_(backend)
{
    store_ = openStoreAt(where_.location(), options);
}

BackendStore::~BackendStore() = default;

void BackendStore::reopen(const Store::Options &options)
{
    store_.reset();
    store_ = openStoreAt(where_.location(), options);
}

QByteArray storeSnapshot(const TestStoreLocation &where)
{
    if (!where.isPostgres())
        return fileBytes(where.location());
    TestPgConnection connection(where.location());
    QSqlQuery q(connection.database());
    REQUIRE(q.exec(QStringLiteral(
        "SELECT 'relation ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public'"
        " UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal"
        " UNION ALL SELECT 'extension ' || extname FROM pg_extension ORDER BY 1")));
    QByteArray out;
    while (q.next())
        out += q.value(0).toString().toUtf8() + '\n';
    REQUIRE(q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")));
    REQUIRE(q.next());
    if (q.value(0).toBool()) {
        REQUIRE(q.exec(QStringLiteral("SELECT id, version FROM schema_version ORDER BY id")));
        while (q.next())
            out += "version " + q.value(0).toByteArray() + '=' + q.value(1).toByteArray() + '\n';
    }
    return out;
}

bool isPostgres(const Store &store)
{
    return store.database().driverName() == QLatin1String("QPSQL");
}

int schemaVersion(const Store &store)
{
    return static_cast<int>(scalar(store, isPostgres(store)
                                              ? QStringLiteral("SELECT version FROM schema_version")
                                              : QStringLiteral("PRAGMA user_version")));
}

qint64 triggerCount(const Store &store)
{
    return scalar(store, isPostgres(store)
                             ? QStringLiteral("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")
                             : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"));
}

QString blobLiteral(const Store &store, const QByteArray &bytes)
{
    const QString hex = QString::fromLatin1(bytes.toHex());
    return isPostgres(store) ? QStringLiteral("'\\x%1'::bytea").arg(hex) : QStringLiteral("x'%1'").arg(hex);
}

OtherWriter::OtherWriter(const QString &location)
    : connectionName_(QStringLiteral("mdm-test-other-writer-%1").arg(nextWriter.fetch_add(1)))
{
    if (isPostgresLocation(location)) {
        pg_ = std::make_unique<TestPgConnection>(location);
        return;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName_);
    db.setDatabaseName(location);
    REQUIRE(db.open());
}

OtherWriter::~OtherWriter()
{
    if (locked_) {
        QSqlQuery q(pg_ ? pg_->database() : QSqlDatabase::database(connectionName_, false));
        q.exec(QStringLiteral("ROLLBACK"));
    }
    if (pg_)
        return; // TestPgConnection removes its own connection
    QSqlDatabase::database(connectionName_, false).close();
    QSqlDatabase::removeDatabase(connectionName_);
}

void OtherWriter::lock()
{
    if (pg_) {
        exec(QStringLiteral("BEGIN"));
        exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kPostgresWriteLock));
    } else {
        exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    locked_ = true;
}

void OtherWriter::exec(const QString &sql)
{
    QSqlQuery q(pg_ ? pg_->database() : QSqlDatabase::database(connectionName_, false));
    const bool ok = q.exec(sql);
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
}

void OtherWriter::release()
{
    exec(QStringLiteral("COMMIT"));
    locked_ = false;
}

} // namespace mdm::test
