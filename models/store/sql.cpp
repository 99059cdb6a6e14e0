#include "store/sql.h"

#include "store/store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {

bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") ||
           error.databaseText().contains(QLatin1String("locked"));
}

// SQLITE_CORRUPT and SQLITE_NOTADB: the file's pages are not what SQLite wrote.
bool isDamaged(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("11") || code == QLatin1String("26") ||
           error.databaseText().contains(QLatin1String("malformed"));
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
    if (isDamaged(error))
        return Store::tr("The store is damaged (%1). Run “mdm-console --db STORE check” for a full report "
                         "and restore the store from a backup.")
            .arg(sqlErrorText(error));
    if (isBusy(error))
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

bool forEachRowIn(const QSqlDatabase &db, const QList<qint64> &ids,
                  const std::function<QString(qsizetype n)> &sqlFor,
                  const std::function<void(const QSqlQuery &row)> &onRow, QString *error)
{
    for (qsizetype from = 0; from < ids.size(); from += kIdBatch) {
        const qsizetype n = std::min<qsizetype>(kIdBatch, ids.size() - from);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(sqlFor(n));
        for (qsizetype i = 0; i < n; ++i)
            q.addBindValue(ids[from + i]);
        if (!execOrError(q, error))
            return false;
        while (q.next())
            onRow(q);
        if (q.lastError().isValid()) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
    }
    return true;
}

} // namespace mdm
