#include "store/store.h"

#include "store/schema.h"
#include "store/sqlite_handle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mdm {

static_assert(kReadBusyTimeoutMs == Store::kDefaultBusyTimeoutMs, "readers wait as long as writers");

namespace {

std::atomic<int> connectionCounter{0};

// Write bits as well as access(): root may write anywhere, but a file or folder with no write bit was
// made read-only on purpose, and the console should respect that.
bool writable(const QFileInfo &info)
{
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return info.isWritable() && (info.permissions() & anyWrite);
}

// Refuses, before SQLite touches anything, a path we must not write to. Existing files are judged by
// stat() alone: opening and closing a descriptor of a store file would release every POSIX lock this
// process holds on it, SQLite's included, and let another process delete the journal under us. Whether
// the file is an SQLite database is SQLite's to say (openConnection).
QString checkPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isDir())
            return Store::tr("“%1” is a folder, not a store file.").arg(path);
        if (!info.isReadable())
            return Store::tr("Cannot read “%1”: permission denied.").arg(path);
        if (!writable(info))
            return Store::tr("“%1” is read-only. The console needs to write to its store; "
                             "check the file's permissions.")
                .arg(path);
        if (!writable(QFileInfo(info.absolutePath())))
            return Store::tr("The folder “%1” is read-only. The console keeps a journal beside the store "
                             "and needs to write there.")
                .arg(info.absolutePath());
        return {};
    }
    QDir dir = info.absoluteDir();
    if (!dir.exists() && !dir.mkpath(QStringLiteral(".")))
        return Store::tr("Cannot create the folder “%1”.").arg(dir.absolutePath());
    if (!writable(QFileInfo(dir.absolutePath())))
        return Store::tr("The folder “%1” is read-only; cannot create a store there.")
            .arg(dir.absolutePath());
    // A new inode, which no connection can hold yet. Owner-only from the first byte: the store holds
    // users' names and addresses (SQLite gives its -wal and -shm files the same mode).
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return Store::tr("Cannot create “%1”: %2.").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
    ::close(fd);
    return {};
}

// What PRAGMA quick_check or integrity_check reports: {"ok"} for a sound store, else up to 20 findings.
// *failure is set when the check itself stopped.
QStringList runCheck(const QSqlDatabase &db, const char *pragma, QSqlError *failure)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QStringList findings;
    if (!q.exec(QStringLiteral("PRAGMA %1(20)").arg(QLatin1String(pragma)))) {
        *failure = q.lastError();
        return findings;
    }
    while (q.next())
        findings << q.value(0).toString();
    if (q.lastError().isValid())
        *failure = q.lastError();
    return findings;
}

// Errors that say nothing about the file's pages: a busy store, a full disk, a failed read or write.
bool damageUnknown(const QSqlError &error)
{
    const int code = sqlitePrimaryCode(error);
    return code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_IOERR || code == SQLITE_FULL ||
           error.databaseText().contains(QLatin1String("disk I/O error"));
}

bool sameFile(const QByteArray &a, const QByteArray &b)
{
    struct stat sa
    {
    }, sb{};
    return ::stat(a.constData(), &sa) == 0 && ::stat(b.constData(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

} // namespace

Store::Store(QString path, Options options)
    : path_(std::move(path)),
      connectionName_(QStringLiteral("mdm-store-%1").arg(connectionCounter.fetch_add(1))), options_(options)
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

    std::unique_ptr<Store> store(new Store(absolute, options));
    if (QString error = store->openConnection(); !error.isEmpty())
        return {nullptr, error};
    if (QString error = store->checkHealth(); !error.isEmpty())
        return {nullptr, error};
    if (QString error = store->configure(); !error.isEmpty())
        return {nullptr, error};
    if (QString error = store->migrate(); !error.isEmpty())
        return {nullptr, error};
    return {std::move(store), {}};
}

Store::OpenResult Store::connectAgain() const
{
    std::unique_ptr<Store> store(new Store(path_, options_));
    if (QString error = store->openConnection(); !error.isEmpty())
        return {nullptr, error};
    if (QString error = store->configure(); !error.isEmpty())
        return {nullptr, error};
    return {std::move(store), {}};
}

Store::CheckResult Store::check(const QString &path)
{
    CheckResult result;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(absolute);
    if (!info.exists() || info.isDir()) {
        result.error = tr("There is no store file “%1”.").arg(absolute);
        return result;
    }
    const QString name = QStringLiteral("mdm-check-%1").arg(connectionCounter.fetch_add(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(absolute);
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kDefaultBusyTimeoutMs));
        if (!db.open()) {
            result.error =
                tr("Cannot open “%1”: %2")
                    .arg(absolute, describeSqlError(db.lastError(), kDefaultBusyTimeoutMs, absolute));
        } else {
            QSqlError failure;
            result.findings = runCheck(db, "integrity_check", &failure);
            // A check that the damage itself stops is a finding too; a full disk or a failed read is not.
            if (failure.isValid() && damageUnknown(failure)) {
                result.findings.clear();
                result.error = tr("Cannot check “%1”: %2")
                                   .arg(absolute, describeSqlError(failure, kDefaultBusyTimeoutMs, absolute));
            } else if (failure.isValid()) {
                result.findings << sqlErrorText(failure);
            }
            result.ok = result.findings == QStringList{QStringLiteral("ok")};
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool Store::isOwnFile(const QString &path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray candidate = QFile::encodeName(absolute);
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        const QString own = path_ + QLatin1String(suffix);
        if (absolute == own || sameFile(candidate, QFile::encodeName(own)))
            return true;
    }
    return false;
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
        return tr("Cannot open “%1”: %2")
            .arg(path_, describeSqlError(db.lastError(), options_.busyTimeoutMs, path_));

    // The first read of the header: SQLite says whether this is a database at all, without writing.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (q.lastError().nativeErrorCode() == QLatin1String("26"))
            return tr("“%1” is not an MDM console store (not an SQLite database file). "
                      "The file was left unchanged.")
                .arg(path_);
        // A header that reads but a schema that does not (a truncated file, a torn page): the same words
        // as a failed check, with what SQLite found.
        if (sqlitePrimaryCode(q.lastError()) == SQLITE_CORRUPT)
            return damagedText(sqlErrorText(q.lastError()));
        return tr("Cannot open “%1”: %2")
            .arg(path_, describeSqlError(q.lastError(), options_.busyTimeoutMs, path_));
    }
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion)
        return tr("“%1” was written by a newer version of the console (store version %2; this version reads "
                  "up "
                  "to %3). Update the console; the file was left unchanged.")
            .arg(path_)
            .arg(version)
            .arg(kSchemaVersion);
    return {};
}

QString Store::checkHealth()
{
    // quick_check reads every page: cheap on the stores most admins have, seconds on a million rows, so
    // larger stores are checked on demand ("check").
    if (QFileInfo(path_).size() > options_.healthCheckMaxBytes)
        return {};
    QSqlError failure;
    const QStringList findings = runCheck(database(), "quick_check", &failure);
    if (!failure.isValid() && findings == QStringList{QStringLiteral("ok")})
        return {};
    // A check the disk or another writer stopped has found nothing wrong with the file.
    if (failure.isValid() && damageUnknown(failure))
        return tr("Cannot open “%1”: %2")
            .arg(path_, describeSqlError(failure, options_.busyTimeoutMs, path_));
    return damagedText(failure.isValid() ? sqlErrorText(failure)
                                         : findings.mid(0, 3).join(QStringLiteral("; ")));
}

QString Store::damagedText(const QString &finding) const
{
    return tr("“%1” is damaged: %2. The file was left unchanged; run “mdm-console --db %1 check” for a full "
              "report and restore the store from a backup.")
        .arg(path_, finding);
}

QString Store::configure()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return sqlErrorText(q.lastError());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return tr("Cannot open “%1”: %2")
            .arg(path_, describeSqlError(q.lastError(), options_.busyTimeoutMs, path_));
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    // A statement that fires triggers (the change journal's) keeps a statement journal so that it can be
    // undone alone; in a file that is a write system call per row, in memory it costs next to nothing.
    q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    return {};
}

QString Store::migrate()
{
    // SQLite's documented way to change a table's constraints (a rebuild, version 4) needs foreign keys
    // off outside the transaction; they are checked before it commits and switched on again after.
    QSqlQuery fk(database());
    fk.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
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
            if (from >= static_cast<int>(all.size()))
                return true;
            if (!q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            if (q.next()) {
                *err = tr("Upgrading the store left a record that refers to a missing one (%1 #%2).")
                           .arg(q.value(0).toString(), q.value(1).toString());
                return false;
            }
            return true;
        },
        &error);
    fk.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return ok ? QString() : tr("Cannot open “%1”: %2").arg(path_, error);
}

bool Store::transaction(const std::function<bool(QString *error)> &work, QString *error)
{
    QSqlQuery q(database());
    // BEGIN IMMEDIATE takes the write lock, so the rest of the transaction never waits for one: a store
    // that another writer holds is met here, and only here.
    while (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (!sqliteBusy(q.lastError()) || !busyHandler_ || !busyHandler_()) {
            *error = describeSqlError(q.lastError(), options_.busyTimeoutMs, path_);
            return false;
        }
    }
    if (!work(error)) {
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        *error = describeSqlError(q.lastError(), options_.busyTimeoutMs, path_);
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
