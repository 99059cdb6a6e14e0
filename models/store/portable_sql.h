#pragma once

#include <QString>

class QSqlQuery;

// Statement pieces that mean the same on SQLite (3.40) and PostgreSQL (15), so that the services run
// unchanged on either store. See models/store/README.md ("Portable SQL").
namespace mdm {

// Runs a prepared "INSERT … RETURNING id" and gives the new row's id; 0 (and *error) when it fails.
// Reading the id from the statement works on both databases (PostgreSQL's lastInsertId() is not the
// new id), and the statement is finished so that it holds nothing open and can run again.
qint64 insertReturningId(QSqlQuery &query, QString *error);

// The bound value for "lower(col) LIKE lower(?) ESCAPE '\'": text anywhere in the column, its own %, _
// and \ matching themselves. (SQLite's LIKE ignores ASCII case and PostgreSQL's does not; lower() on
// both sides makes them agree.)
QString likeContains(const QString &text);

// The ESCAPE clause that goes with likeContains().
inline constexpr char kLikeEscape[] = " ESCAPE '\\'";

} // namespace mdm
