#include "store.h"

#include "schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <atomic>

namespace mdm {

namespace {

class StoreText
{
    Q_DECLARE_TR_FUNCTIONS(Store)
};

std::atomic<int> connectionCounter{0};

// Write bits as well as access(): root may write anywhere, but a file or folder with no write bit was
// made read-only on purpose, and the console should respect that.
bool writable(const QFileInfo &info)
{
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return info.isWritable() && (info.permissions() & anyWrite);
}

constexpr char kSqliteMagic[] = "SQLite format 3";

// Refuses, before SQLite touches anything, a path we must not write to or that is not ours to open.
QString checkPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isDir())
            return StoreText::tr("“%1” is a folder, not a store file.").arg(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return StoreText::tr("Cannot read “%1”: %2.").arg(path, file.errorString());
        const QByteArray head = file.read(16);
        if (!head.isEmpty() && !head.startsWith(QByteArray(kSqliteMagic)))
            return StoreText::tr("“%1” is not an MDM console store (not an SQLite database file). "
                                 "The file was left unchanged.")
                .arg(path);
        if (!writable(info))
            return StoreText::tr("“%1” is read-only. The console needs to write to its store; "
                                 "check the file's permissions.")
                .arg(path);
        if (!writable(QFileInfo(info.absolutePath())))
            return StoreText::tr("The folder “%1” is read-only. The console keeps a journal beside the store "
                                 "and needs to write there.")
                .arg(info.absolutePath());
        return {};
    }
    QDir dir = info.absoluteDir();
    if (!dir.exists() && !dir.mkpath(QStringLiteral(".")))
        return StoreText::tr("Cannot create the folder “%1”.").arg(dir.absolutePath());
    if (!writable(QFileInfo(dir.absolutePath())))
        return StoreText::tr("The folder “%1” is read-only; cannot create a store there.")
            .arg(dir.absolutePath());
    QFile file(path);
    // Owner-only from the first byte: the store holds users' names and addresses.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return StoreText::tr("Cannot create “%1”: %2.").arg(path, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.close();
    return {};
}

bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") ||
           error.databaseText().contains(QLatin1String("locked"));
}

} // namespace

QByteArray sqlPlaceholders(qsizetype n)
{
    QByteArray marks;
    marks.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        marks.append(i ? ",?" : "?");
    return marks;
}

QString sqlErrorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

QString describeSqlError(const QSqlError &error, int busyTimeoutMs)
{
    if (isBusy(error))
        return StoreText::tr(
                   "The store is locked by another program that is writing to it; gave up after %1 s. "
                   "Try again when it has finished.")
            .arg(busyTimeoutMs / 1000.0, 0, 'f', 1);
    return sqlErrorText(error);
}

Store::Store(QString path, QString connectionName, Options options)
    : path_(std::move(path)), connectionName_(std::move(connectionName)), options_(options)
{
}

Store::~Store()
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName_, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName_);
}

QString Store::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("console.db"));
}

Store::OpenResult Store::open(const QString &path, const Options &options)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QString error = checkPath(absolute); !error.isEmpty())
        return {nullptr, error};

    const QString name = QStringLiteral("mdm-store-%1").arg(connectionCounter.fetch_add(1));
    std::unique_ptr<Store> store(new Store(absolute, name, options));
    if (QString error = store->openConnection(); !error.isEmpty())
        return {nullptr, error};
    if (QString error = store->migrate(); !error.isEmpty())
        return {nullptr, error};
    return {std::move(store), {}};
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(connectionName_, false);
}

QString Store::openConnection()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName_);
    db.setDatabaseName(path_);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options_.busyTimeoutMs));
    if (!db.open())
        return tr("Cannot open “%1”: %2").arg(path_, sqlErrorText(db.lastError()));

    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return tr("“%1” is not an MDM console store: %2").arg(path_, sqlErrorText(q.lastError()));
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion)
        return tr("“%1” was written by a newer version of the console (store version %2; this version reads "
                  "up "
                  "to %3). Update the console; the file was left unchanged.")
            .arg(path_)
            .arg(version)
            .arg(kSchemaVersion);

    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return sqlErrorText(q.lastError());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return tr("Cannot open “%1”: %2").arg(path_, describeSqlError(q.lastError(), options_.busyTimeoutMs));
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    return {};
}

QString Store::migrate()
{
    QString error;
    const bool ok = transaction(
        [this](QString *err) {
            QSqlQuery q(database());
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            const int from = q.value(0).toInt();
            const auto &all = migrations();
            for (int v = from; v < static_cast<int>(all.size()); ++v) {
                for (const QString &statement : all[static_cast<size_t>(v)]) {
                    if (!q.exec(statement)) {
                        *err = tr("Upgrading the store to version %1 failed: %2")
                                   .arg(v + 1)
                                   .arg(sqlErrorText(q.lastError()));
                        return false;
                    }
                }
            }
            if (from < static_cast<int>(all.size()) &&
                !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(all.size()))) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            return true;
        },
        &error);
    return ok ? QString() : tr("Cannot open “%1”: %2").arg(path_, error);
}

bool Store::transaction(const std::function<bool(QString *error)> &work, QString *error)
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = describeSqlError(q.lastError(), options_.busyTimeoutMs);
        return false;
    }
    if (!work(error)) {
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        *error = describeSqlError(q.lastError(), options_.busyTimeoutMs);
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

bool Store::hasRecords() const
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM devices) OR EXISTS (SELECT 1 FROM invitations)"));
    return q.next() && q.value(0).toBool();
}

} // namespace mdm
