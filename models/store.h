#pragma once

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>

namespace mdm {

enum class RecordKind
{
    Device,
    Invitation,
    User,
    Group,
    Outbox,
    Audit
};

// One SQLite file: opened with checks that never alter a file we should not touch, migrated in one
// transaction, and the place that announces which records changed.
class Store : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSchemaVersion = 2;
    static constexpr int kDefaultBusyTimeoutMs = 5000;

    struct Options
    {
        int busyTimeoutMs = kDefaultBusyTimeoutMs;
    };

    struct OpenResult
    {
        std::unique_ptr<Store> store;
        QString error; // set when store is null
    };

    static OpenResult open(const QString &path, const Options &options);
    static OpenResult open(const QString &path) { return open(path, Options{}); }
    static QString defaultPath();

    ~Store() override;

    QString path() const { return path_; }
    QSqlDatabase database() const;
    int busyTimeoutMs() const { return options_.busyTimeoutMs; }

    // Runs work inside BEGIN IMMEDIATE ... COMMIT; work returns false (and sets *error) to roll back.
    bool transaction(const std::function<bool(QString *error)> &work, QString *error);

    bool hasRecords() const;

    void announce(RecordKind kind, const QList<qint64> &ids) { emit changed(kind, ids); }

signals:
    void changed(mdm::RecordKind kind, const QList<qint64> &ids);

private:
    Store(QString path, QString connectionName, Options options);
    QString openConnection();
    QString migrate();

    QString path_;
    QString connectionName_;
    Options options_;
};

// "?,?,?": n bound values for an IN (...) list.
QByteArray sqlPlaceholders(qsizetype n);

// What the database said, without Qt's driver suffix ("Unable to fetch row").
QString sqlErrorText(const class QSqlError &error);

// A readable message for a failed statement, naming a locked store plainly.
QString describeSqlError(const class QSqlError &error, int busyTimeoutMs);

} // namespace mdm
