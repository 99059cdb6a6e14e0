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

// One SQLite file: opened with checks that never alter a file we should not touch, migrated in one
// transaction, and the place that announces which records changed.
class Store : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSchemaVersion = 4;
    static constexpr int kDefaultBusyTimeoutMs = 5000;
    static constexpr qint64 kHealthCheckMaxBytes = 64 * 1024 * 1024;

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
    };

    static OpenResult open(const QString &path, const Options &options);
    static OpenResult open(const QString &path) { return open(path, Options{}); }
    static QString defaultPath();

    // Another connection to this store, for the calling thread (connections must not cross threads).
    // The file was checked and migrated when this store was opened, and nothing here touches it again
    // outside SQLite.
    OpenResult connectAgain() const;

    struct CheckResult
    {
        bool ok = false;
        QStringList findings; // PRAGMA integrity_check's lines ({"ok"} for a sound store), or why it stopped
        QString error;        // set when the file could not be opened at all
    };
    // The full integrity check of the file at path, on a read-only connection: never writes.
    static CheckResult check(const QString &path);

    // Whether path names this store's file or SQLite's files beside it (-wal, -shm, -journal). Such a
    // file must never be opened by anything but SQLite: closing any descriptor of it would release the
    // process's locks on the store.
    bool isOwnFile(const QString &path) const;

    ~Store() override;

    QString path() const { return path_; }
    QSqlDatabase database() const;
    int busyTimeoutMs() const { return options_.busyTimeoutMs; }

    // Runs work inside BEGIN IMMEDIATE ... COMMIT; work returns false (and sets *error) to roll back.
    // A store locked by another writer past the busy timeout is tried again for as long as the busy
    // handler, if one is set, returns true; without one the transaction fails at once.
    bool transaction(const std::function<bool(QString *error)> &work, QString *error);
    // Called on this connection's thread each time BEGIN IMMEDIATE gave up on a locked store.
    void setBusyHandler(std::function<bool()> handler) { busyHandler_ = std::move(handler); }

    bool hasRecords() const;

    void announce(RecordKind kind, const QList<qint64> &ids) { emit changed(kind, ids); }

signals:
    void changed(mdm::RecordKind kind, const QList<qint64> &ids);

private:
    Store(QString path, Options options);
    QString openConnection();
    QString checkHealth();
    // "<path> is damaged: <finding>. …", for a failed check and for a schema that cannot be read.
    QString damagedText(const QString &finding) const;
    QString configure();
    QString migrate();

    QString path_;
    QString connectionName_;
    Options options_;
    std::function<bool()> busyHandler_;
};

} // namespace mdm
