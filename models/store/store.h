#pragma once

#include "domain/record_kind.h"
#include "store/sql.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace mdm {

class StoreBackend;
class StoreLease;

// The store: an SQLite file or, for a team, a PostgreSQL database (a postgresql:// URI). Opened with
// checks that never alter a store we should not touch, migrated in one transaction, and the place that
// announces which records changed. Callers see this face only; which database it is stays inside
// models/store (store_backend.h).
class Store : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSchemaVersion = 7;
    static constexpr int kDefaultBusyTimeoutMs = 5000;
    static constexpr qint64 kHealthCheckMaxBytes = 64 * 1024 * 1024;

    // What this connection's database user may do. SQLite: always Admin (the file's permissions decide).
    // PostgreSQL: Admin when the user may change the records (the owner, a superuser, a member of
    // mdm_admin); Viewer when it may only read them (a member of mdm_viewer: browse, search, export).
    // The server refuses a viewer's writes anyway; this only lets the console say so beforehand.
    enum class Access
    {
        Admin,
        Viewer
    };

    struct Options
    {
        int busyTimeoutMs = kDefaultBusyTimeoutMs;
        // PRAGMA quick_check when opened, for store files up to this size; larger ones on demand (check).
        qint64 healthCheckMaxBytes = kHealthCheckMaxBytes;
    };

    struct OpenResult
    {
        std::unique_ptr<Store> store;
        QString error; // set when store is null
        // PostgreSQL: the server wants a password that libpq did not find, or refused the one it had. The
        // app may then hand one in from the OS keychain (postgres_password.h) and open again.
        bool passwordNeeded = false;
    };

    // location: a file path, or a libpq connection URI (postgresql://user@host:port/database?sslmode=…)
    // with no password in it (libpq reads it from ~/.pgpass, PGPASSFILE or PGPASSWORD; or the app hands in
    // the keychain's, postgres_password.h).
    static OpenResult open(const QString &location, const Options &options);
    static OpenResult open(const QString &location) { return open(location, Options{}); }
    static QString defaultPath();

    // Another connection to this store, for the calling thread (connections must not cross threads).
    // The store was checked and migrated when this store was opened, and nothing here touches a file
    // again outside SQLite.
    OpenResult connectAgain() const;

    struct CheckResult
    {
        bool ok = false;
        QStringList findings; // PRAGMA integrity_check's lines ({"ok"} for a sound store), or why it stopped
        QString error;        // set when the file could not be opened at all
    };
    // The full integrity check of the file at location, on a read-only connection: never writes. For a
    // PostgreSQL store: its schema's tables and triggers (the server keeps its pages sound itself).
    static CheckResult check(const QString &location);

    // Whether path names this store's file or SQLite's files beside it (-wal, -shm, -journal). Such a
    // file must never be opened by anything but SQLite: closing any descriptor of it would release the
    // process's locks on the store. Always false for a PostgreSQL store.
    bool isOwnFile(const QString &path) const;

    ~Store() override;

    // The file's absolute path, or the PostgreSQL URI (which never holds a password).
    QString path() const { return path_; }
    QSqlDatabase database() const;
    int busyTimeoutMs() const { return options_.busyTimeoutMs; }

    // Runs work inside BEGIN IMMEDIATE ... COMMIT (PostgreSQL: BEGIN, the store's write lock, COMMIT;
    // READ COMMITTED); work returns false (and sets *error) to roll back. A store locked by another writer
    // past the busy timeout is tried again for as long as the busy handler, if one is set, returns true;
    // without one the transaction fails at once.
    bool transaction(const std::function<bool(QString *error)> &work, QString *error);
    // Called on this connection's thread each time BEGIN gave up on a locked store.
    void setBusyHandler(std::function<bool()> handler) { busyHandler_ = std::move(handler); }

    // A store-wide right one holder at a time has, on every machine that opens this store (store_lease.h):
    // the outbox's one sender. name is a plain word ("outbox"); the lease is not taken yet.
    std::unique_ptr<StoreLease> lease(const QString &name) const;

    bool hasRecords() const;

    // After a bulk write (sample data, a copied store): the planner's statistics of every table brought up
    // to date at once, rather than when the server's autovacuum next looks (PostgreSQL; until then, minutes
    // later, its plans would take a full tab for a few rows: 260 ms for a page instead of 5). Best effort.
    void refreshStatistics();

    // Read when the store was opened (and for each connectAgain).
    Access access() const { return access_; }
    // The database user the server knows this connection as (PostgreSQL); empty for SQLite.
    QString databaseUser() const { return databaseUser_; }

    void announce(RecordKind kind, const QList<qint64> &ids) { emit changed(kind, ids); }

signals:
    void changed(mdm::RecordKind kind, const QList<qint64> &ids);

private:
    explicit Store(std::unique_ptr<StoreBackend> backend);
    QString openConnection();
    void readAccess();

    std::unique_ptr<StoreBackend> backend_;
    QString path_;
    QString connectionName_;
    Options options_;
    std::function<bool()> busyHandler_;
    Access access_ = Access::Admin;
    QString databaseUser_;
};

} // namespace mdm
