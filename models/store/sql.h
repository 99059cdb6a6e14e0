#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

// The SQL plumbing every part of the store shares: bound IN lists, statement errors as text.
namespace mdm {

// IDs bound into one IN (…) list at a time: far below SQLite's limit on variables, and small enough that
// one statement shape serves every full batch.
constexpr int kIdBatch = 500;

// "?,?,?": n bound values for an IN (...) list.
QByteArray sqlPlaceholders(qsizetype n);

// What the database said, without Qt's driver suffix ("Unable to fetch row").
QString sqlErrorText(const QSqlError &error);

// A readable message for a failed statement, naming a locked or damaged store plainly.
QString describeSqlError(const QSqlError &error, int busyTimeoutMs);

// Runs a prepared statement; false, with what the database said in *error, when it fails.
bool execOrError(QSqlQuery &query, QString *error);

// Runs sqlFor(n), a statement with one IN list of n placeholders, over ids in batches of kIdBatch and
// hands every row to onRow; false, with *error set, when a statement fails.
bool forEachRowIn(const QSqlDatabase &db, const QList<qint64> &ids,
                  const std::function<QString(qsizetype n)> &sqlFor,
                  const std::function<void(const QSqlQuery &row)> &onRow, QString *error);

} // namespace mdm
