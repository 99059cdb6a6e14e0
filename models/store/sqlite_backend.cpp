#include "store/sqlite_backend.h"

#include "store/schema.h"
#include "store/sql.h"
#include "store/sqlite_handle.h"
#include "store/sqlite_lease.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mdm {

static_assert(kReadBusyTimeoutMs == Store::kDefaultBusyTimeoutMs, "readers wait as long as writers");

namespace {

// Write bits as well as access(): root may write anywhere, but a file or folder with no write bit was
// made read-only on purpose, and the console should respect that.
bool writable(const QFileInfo &info)
{
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return info.isWritable() && (info.permissions() & anyWrite);
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

// Refuses, before SQLite touches anything, a path we must not write to. Existing files are judged by
// stat() alone: opening and closing a descriptor of a store file would release every POSIX lock this
// process holds on it, SQLite's included, and let another process delete the journal under us. Whether
// the file is an SQLite database is SQLite's to say (open).
QString SqliteBackend::prepare()
{
    const QString &path = location();
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

QString SqliteBackend::open(const QString &connectionName)
{
    const QString &path = location();
    const int busyTimeoutMs = options().busyTimeoutMs;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open())
        return Store::tr("Cannot open “%1”: %2")
            .arg(path, describeSqlError(db.lastError(), busyTimeoutMs, path));

    // The first read of the header: SQLite says whether this is a database at all, without writing.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (q.lastError().nativeErrorCode() == QLatin1String("26"))
            return Store::tr("“%1” is not an MDM console store (not an SQLite database file). "
                             "The file was left unchanged.")
                .arg(path);
        // A header that reads but a schema that does not (a truncated file, a torn page): the same words
        // as a failed check, with what SQLite found.
        if (sqlitePrimaryCode(q.lastError()) == SQLITE_CORRUPT)
            return damagedText(sqlErrorText(q.lastError()));
        return Store::tr("Cannot open “%1”: %2")
            .arg(path, describeSqlError(q.lastError(), busyTimeoutMs, path));
    }
    const int version = q.value(0).toInt();
    if (version > Store::kSchemaVersion)
        return Store::tr("“%1” was written by a newer version of the console (store version %2; this version "
                         "reads "
                         "up "
                         "to %3). Update the console; the file was left unchanged.")
            .arg(path)
            .arg(version)
            .arg(Store::kSchemaVersion);
    return {};
}

QString SqliteBackend::checkHealth(const QSqlDatabase &db)
{
    const QString &path = location();
    // quick_check reads every page: cheap on the stores most admins have, seconds on a million rows, so
    // larger stores are checked on demand ("check").
    if (QFileInfo(path).size() > options().healthCheckMaxBytes)
        return {};
    QSqlError failure;
    const QStringList findings = runCheck(db, "quick_check", &failure);
    if (!failure.isValid() && findings == QStringList{QStringLiteral("ok")})
        return {};
    // A check the disk or another writer stopped has found nothing wrong with the file.
    if (failure.isValid() && damageUnknown(failure))
        return Store::tr("Cannot open “%1”: %2")
            .arg(path, describeSqlError(failure, options().busyTimeoutMs, path));
    return damagedText(failure.isValid() ? sqlErrorText(failure)
                                         : findings.mid(0, 3).join(QStringLiteral("; ")));
}

QString SqliteBackend::damagedText(const QString &finding) const
{
    return Store::tr(
               "“%1” is damaged: %2. The file was left unchanged; run “mdm-console --db %1 check” for a "
               "full "
               "report and restore the store from a backup.")
        .arg(location(), finding);
}

QString SqliteBackend::configure(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return sqlErrorText(q.lastError());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return Store::tr("Cannot open “%1”: %2")
            .arg(location(), describeSqlError(q.lastError(), options().busyTimeoutMs, location()));
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    // A statement that fires triggers (the change journal's) keeps a statement journal so that it can be
    // undone alone; in a file that is a write system call per row, in memory it costs next to nothing.
    q.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    return {};
}

QString SqliteBackend::migrate(Store &store)
{
    // SQLite's documented way to change a table's constraints (a rebuild, version 4) needs foreign keys
    // off outside the transaction; they are checked before it commits and switched on again after.
    QSqlQuery fk(store.database());
    fk.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    QString error;
    const bool ok = store.transaction(
        [&store](QString *err) {
            QSqlQuery q(store.database());
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            const int from = q.value(0).toInt();
            int to = from;
            for (const MigrationStep &step : migrationSteps(Dialect::sqlite())) {
                if (step.toVersion <= from)
                    continue;
                for (const QString &statement : step.statements) {
                    if (!q.exec(statement)) {
                        *err = Store::tr("Upgrading the store to version %1 failed: %2")
                                   .arg(step.toVersion)
                                   .arg(sqlErrorText(q.lastError()));
                        return false;
                    }
                }
                to = step.toVersion;
            }
            if (to == from)
                return true;
            if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(to))) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            if (!q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            if (q.next()) {
                *err = Store::tr("Upgrading the store left a record that refers to a missing one (%1 #%2).")
                           .arg(q.value(0).toString(), q.value(1).toString());
                return false;
            }
            return true;
        },
        &error);
    fk.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return ok ? QString() : Store::tr("Cannot open “%1”: %2").arg(location(), error);
}

bool SqliteBackend::begin(const QSqlDatabase &db, QSqlError *error)
{
    // BEGIN IMMEDIATE takes the write lock, so the rest of the transaction never waits for one: a store
    // that another writer holds is met here, and only here.
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    *error = q.lastError();
    return false;
}

bool SqliteBackend::isOwnFile(const QString &path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray candidate = QFile::encodeName(absolute);
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        const QString own = location() + QLatin1String(suffix);
        if (absolute == own || sameFile(candidate, QFile::encodeName(own)))
            return true;
    }
    return false;
}

std::unique_ptr<StoreBackend> SqliteBackend::another() const
{
    return std::make_unique<SqliteBackend>(location(), options());
}

std::unique_ptr<StoreLease> SqliteBackend::lease(const QString &name) const
{
    // "<store>.outbox-lock": the file every console version before the lease used, so an older console
    // and this one still take turns.
    return std::make_unique<SqliteLease>(location() + QLatin1Char('.') + name + QStringLiteral("-lock"));
}

Store::CheckResult SqliteBackend::check(const QString &path)
{
    Store::CheckResult result;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(absolute);
    if (!info.exists() || info.isDir()) {
        result.error = Store::tr("There is no store file “%1”.").arg(absolute);
        return result;
    }
    const QString name = uniqueConnectionName("mdm-check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(absolute);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1")
                                 .arg(Store::kDefaultBusyTimeoutMs));
        if (!db.open()) {
            result.error =
                Store::tr("Cannot open “%1”: %2")
                    .arg(absolute, describeSqlError(db.lastError(), Store::kDefaultBusyTimeoutMs, absolute));
        } else {
            QSqlError failure;
            result.findings = runCheck(db, "integrity_check", &failure);
            // A check that the damage itself stops is a finding too; a full disk or a failed read is not.
            if (failure.isValid() && damageUnknown(failure)) {
                result.findings.clear();
                result.error =
                    Store::tr("Cannot check “%1”: %2")
                        .arg(absolute, describeSqlError(failure, Store::kDefaultBusyTimeoutMs, absolute));
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

} // namespace mdm
