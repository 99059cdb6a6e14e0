#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
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

// What the database said, without Qt's driver suffix ("Unable to fetch row") or PostgreSQL's "ERROR:" and
// SQLSTATE around it; a full disk in plain words.
QString sqlErrorText(const QSqlError &error);

// SQLite's primary result code of a failed statement (SQLITE_IOERR for any SQLITE_IOERR_…); 0 for none
// and for a PostgreSQL error.
int sqlitePrimaryCode(const QSqlError &error);

// SQLITE_BUSY or SQLITE_LOCKED: another connection held the lock past the busy timeout. On PostgreSQL:
// the write lock held past the lock timeout (55P03), or a serialization failure or deadlock (40001,
// 40P01), after which the transaction is tried again like one that met a locked store.
bool sqliteBusy(const QSqlError &error);

// SQLITE_FULL in plain words, for every path that reports it (Qt's driver and raw statements).
QString diskFullText();

// A readable message for a failed statement, naming a locked or damaged store, a full disk and a failed
// read or write plainly (on PostgreSQL also a lost connection and a refused login). With the store's path, an
// I/O error on a disk with no room left is told as a full disk (SQLite cannot tell them apart when its -shm
// file cannot grow).
QString describeSqlError(const QSqlError &error, int busyTimeoutMs, const QString &storePath = {});

// Runs a prepared statement; false, with what the database said in *error, when it fails.
bool execOrError(QSqlQuery &query, QString *error);

// Runs a prepared statement and hands every row to onRow; false, with *error set, when it fails, also
// part-way through its rows.
bool execForEachRow(QSqlQuery &query, const std::function<void(const QSqlQuery &row)> &onRow, QString *error);

// Runs sqlFor(n), a statement with one IN list of n placeholders, over ids in batches of kIdBatch and
// hands every row to onRow; false, with *error set, when a statement fails.
bool forEachRowIn(const QSqlDatabase &db, const QList<qint64> &ids,
                  const std::function<QString(qsizetype n)> &sqlFor,
                  const std::function<void(const QSqlQuery &row)> &onRow, QString *error);

// Runs sqlFor(n) over many text values (serial numbers, addresses) n at a time, as forEachRowIn. The batch
// suits the database: small on SQLite (Qt's driver asks each placeholder's name, which costs SQLite time in
// the square of their number), large on PostgreSQL (each statement is a few round trips).
bool forEachRowInTexts(const QSqlDatabase &db, const QStringList &values,
                       const std::function<QString(qsizetype n)> &sqlFor,
                       const std::function<void(const QSqlQuery &row)> &onRow, QString *error);

} // namespace mdm
