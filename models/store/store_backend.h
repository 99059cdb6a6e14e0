#pragma once

#include "store/store.h"
#include "store/store_lease.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

class QSqlError;

namespace mdm {

// What differs between the databases a Store can sit on: one implementation per database (an SQLite
// file: sqlite_backend; a PostgreSQL database: postgres_backend). Internal to models/store: everything
// outside sees the Store face only.
class StoreBackend
{
public:
    StoreBackend(QString location, Store::Options options) : location_(std::move(location)), options_(options)
    {
    }
    virtual ~StoreBackend() = default;
    StoreBackend(const StoreBackend &) = delete;
    StoreBackend &operator=(const StoreBackend &) = delete;

    // The backend for location (a file path or a postgresql:// URI); null with *error for one that
    // cannot be used. Nothing is opened yet.
    static std::unique_ptr<StoreBackend> forLocation(const QString &location, const Store::Options &options,
                                                     QString *error);

    // What Store::path() shows: the file's absolute path, or the URI.
    const QString &location() const { return location_; }
    const Store::Options &options() const { return options_; }

    // Before a first connection: refuses a location the console must not write to (and makes a new
    // SQLite file). Not called again by connectAgain.
    virtual QString prepare() { return {}; }
    // Adds and opens the connection connectionName, reads the store's schema version and refuses a store
    // written by a newer console or one that is no store of ours. Writes nothing.
    virtual QString open(const QString &connectionName) = 0;
    // When a store is first opened: refuses a damaged store.
    virtual QString checkHealth(const QSqlDatabase &db) = 0;
    // Every connection's settings (foreign keys, journal mode, lock timeout, …).
    virtual QString configure(const QSqlDatabase &db) = 0;
    // Brings the store to Store::kSchemaVersion in one transaction of store.
    virtual QString migrate(Store &store) = 0;
    // Begins a write transaction holding the store's write lock; false with the database's error.
    virtual bool begin(const QSqlDatabase &db, QSqlError *error) = 0;
    // What the connection's user may do, and its name on the server (empty for SQLite), read after
    // migrate. Writes nothing.
    virtual Store::Access access(const QSqlDatabase &) { return Store::Access::Admin; }
    virtual QString databaseUser(const QSqlDatabase &) { return {}; }
    virtual bool isOwnFile(const QString &path) const = 0;
    // Store::refreshStatistics.
    virtual void refreshStatistics(const QSqlDatabase &) {}
    // Whether open() failed because the server wants a password libpq did not have (or refused the one
    // given): Store::OpenResult::passwordNeeded.
    virtual bool passwordFailure() const { return false; }
    // The same store, for another connection (Store::connectAgain).
    virtual std::unique_ptr<StoreBackend> another() const = 0;
    // Store::lease.
    virtual std::unique_ptr<StoreLease> lease(const QString &name) const = 0;

private:
    QString location_;
    Store::Options options_;
};

// A connection name no other connection of this process has ("<prefix>-<n>").
QString uniqueConnectionName(const char *prefix);

} // namespace mdm
