#include "store/sqlite_handle.h"

#include "store/sql.h"
#include "store/store.h"

#include <QSqlDriver>
#include <QVariant>

namespace mdm {

namespace {

// What SQLite said, with a full disk told plainly (as sqlErrorText does for Qt's driver).
QString errorText(sqlite3 *db, int rc)
{
    return rc == SQLITE_FULL ? diskFullText() : QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

QString sqliteOnlyText()
{
    return Store::tr("This is not available on a PostgreSQL store yet; it works on an SQLite store file.");
}

sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql) : db_(db)
{
    if (!db_)
        error_ = sqliteOnlyText();
    else if (sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
        error_ = QString::fromUtf8(sqlite3_errmsg(db_));
        stmt_ = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(stmt_);
}

bool SqliteStatement::next()
{
    if (!stmt_)
        return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        error_ = errorText(db_, rc);
    return false;
}

bool SqliteStatement::run()
{
    if (!stmt_)
        return false;
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    error_ = errorText(db_, rc);
    return false;
}

} // namespace mdm
