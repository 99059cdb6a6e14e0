#include "store/sql.h"

#include "store/dialect.h"
#include "store/postgres_error.h"
#include "store/postgres_location.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <sys/statvfs.h>

namespace mdm {

int sqlitePrimaryCode(const QSqlError &error)
{
    // A PostgreSQL SQLSTATE such as 40001 is no SQLite code.
    if (isPostgresError(error))
        return 0;
    // Extended codes (SQLITE_IOERR_SHMSIZE = 4874) carry the primary code in their low byte.
    return error.nativeErrorCode().toInt() & 0xff;
}

bool sqliteBusy(const QSqlError &error)
{
    if (isPostgresError(error)) {
        const PostgresFailure failure = postgresFailure(error);
        return failure == PostgresFailure::Busy || failure == PostgresFailure::Conflict;
    }
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") ||
           error.databaseText().contains(QLatin1String("locked"));
}

namespace {

// SQLITE_CORRUPT and SQLITE_NOTADB: the file's pages are not what SQLite wrote.
bool isDamaged(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("11") || code == QLatin1String("26") ||
           error.databaseText().contains(QLatin1String("malformed"));
}

// SQLITE_FULL: a write found no room on the disk (SQLite's "database or disk is full").
bool isFull(const QSqlError &error)
{
    return sqlitePrimaryCode(error) == 13 || error.databaseText().contains(QLatin1String("disk is full"));
}

// SQLITE_IOERR: the operating system refused a read or write of the store, its -wal or its -shm file.
bool isIoError(const QSqlError &error)
{
    return sqlitePrimaryCode(error) == 10 || error.databaseText().contains(QLatin1String("disk I/O error"));
}

// Whether the file system that holds path has (almost) no room left. SQLite reports a -shm file that
// cannot be sized on a full disk as a plain I/O error; the free space tells the two apart.
bool noSpaceLeft(const QString &path)
{
    if (isPostgresLocation(path))
        return false;
    struct statvfs fs
    {
    };
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    constexpr unsigned long long kNearlyFull = 1024 * 1024; // less than one large write needs
    return ::statvfs(folder.constData(), &fs) == 0 &&
           static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < kNearlyFull;
}

} // namespace

QString diskFullText()
{
    return Store::tr("the disk is full (no space left on the device); free some space and try again");
}

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
    if (isPostgresError(error))
        // A full disk and a viewer's refused write are told in plain words wherever they are shown.
        return postgresFailure(error) == PostgresFailure::DiskFull ||
                       postgresFailure(error) == PostgresFailure::NotAllowed
                   ? describePostgresError(error, 0)
                   : postgresErrorText(error);
    if (isFull(error))
        return diskFullText();
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

QString describeSqlError(const QSqlError &error, int busyTimeoutMs, const QString &storePath)
{
    if (isPostgresError(error))
        return describePostgresError(error, busyTimeoutMs);
    if (isFull(error) || (isIoError(error) && !storePath.isEmpty() && noSpaceLeft(storePath)))
        return diskFullText();
    if (isIoError(error))
        return Store::tr(
            "reading or writing the store failed (disk I/O error). The file itself may be sound: "
            "check that its disk is present and healthy, then try again");
    if (isDamaged(error))
        return Store::tr("The store is damaged (%1). Run “mdm-console --db STORE check” for a full report "
                         "and restore the store from a backup.")
            .arg(sqlErrorText(error));
    if (sqliteBusy(error))
        return Store::tr("The store is locked by another program that is writing to it; gave up after %1 s. "
                         "Try again when it has finished.")
            .arg(busyTimeoutMs / 1000.0, 0, 'f', 1);
    return sqlErrorText(error);
}

bool execOrError(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = sqlErrorText(query.lastError());
    return false;
}

bool execForEachRow(QSqlQuery &query, const std::function<void(const QSqlQuery &row)> &onRow, QString *error)
{
    if (!execOrError(query, error))
        return false;
    while (query.next())
        onRow(query);
    if (!query.lastError().isValid())
        return true;
    *error = sqlErrorText(query.lastError());
    return false;
}

namespace {

// Runs sqlFor(n) over values, batch of them bound at a time, and hands every row to onRow.
template <typename Values>
bool forEachRowInBatches(const QSqlDatabase &db, const Values &values, qsizetype batch,
                         const std::function<QString(qsizetype n)> &sqlFor,
                         const std::function<void(const QSqlQuery &row)> &onRow, QString *error)
{
    for (qsizetype from = 0; from < values.size(); from += batch) {
        const qsizetype n = std::min<qsizetype>(batch, values.size() - from);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(sqlFor(n));
        for (qsizetype i = 0; i < n; ++i)
            q.addBindValue(values[from + i]);
        if (!execForEachRow(q, onRow, error))
            return false;
    }
    return true;
}

} // namespace

bool forEachRowIn(const QSqlDatabase &db, const QList<qint64> &ids,
                  const std::function<QString(qsizetype n)> &sqlFor,
                  const std::function<void(const QSqlQuery &row)> &onRow, QString *error)
{
    return forEachRowInBatches(db, ids, kIdBatch, sqlFor, onRow, error);
}

bool forEachRowInTexts(const QSqlDatabase &db, const QStringList &values,
                       const std::function<QString(qsizetype n)> &sqlFor,
                       const std::function<void(const QSqlQuery &row)> &onRow, QString *error)
{
    return forEachRowInBatches(db, values, dialectOf(db).isPostgres() ? 5000 : 100, sqlFor, onRow, error);
}

} // namespace mdm
