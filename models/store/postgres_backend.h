#pragma once

#include "store/postgres_location.h"
#include "store/store_backend.h"

namespace mdm {

// The store in a PostgreSQL database (Qt's QPSQL driver over libpq), for a team: the same schema and
// journal as SQLite's (schema_postgres.cpp), the version in schema_version, writers taking turns on
// the store's advisory write lock (postgres_lock.h) at BEGIN, bounded by lock_timeout.
class PostgresBackend final : public StoreBackend
{
public:
    PostgresBackend(PostgresLocation location, Store::Options options);

    QString open(const QString &connectionName) override;
    QString checkHealth(const QSqlDatabase &) override { return {}; }
    QString configure(const QSqlDatabase &db) override;
    QString migrate(Store &store) override;
    bool begin(const QSqlDatabase &db, QSqlError *error) override;
    Store::Access access(const QSqlDatabase &db) override;
    QString databaseUser(const QSqlDatabase &db) override;
    void refreshStatistics(const QSqlDatabase &db) override;
    bool isOwnFile(const QString &) const override { return false; }
    bool passwordFailure() const override { return passwordFailure_; }
    std::unique_ptr<StoreBackend> another() const override;
    std::unique_ptr<StoreLease> lease(const QString &name) const override;

    // Store::check for a URI: the schema's version and tables, read only.
    static Store::CheckResult check(const QString &uri);

private:
    // check's reading, its queries gone before the connection closes.
    static void checkSchema(const QSqlDatabase &db, const QString &uri, Store::CheckResult *result);

    PostgresLocation loc_;
    int version_ = 0;              // the schema version open() read
    bool passwordFailure_ = false; // open() failed for want of a (right) password
};

} // namespace mdm
