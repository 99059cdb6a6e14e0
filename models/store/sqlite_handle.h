#pragma once

#include "store/postgres_location.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <sqlite3.h>

namespace mdm {

constexpr int kReadBusyTimeoutMs = 5000;

// The raw sqlite3 connection behind a Qt connection, for the few bulk paths (demo fill, table index
// load) where QSqlQuery's per-row overhead would dominate; everything else goes through QSqlQuery.
// Null for a connection that is not SQLite's (a PostgreSQL store): SqliteStatement then fails with
// sqliteOnlyText().
sqlite3 *nativeHandle(const QSqlDatabase &db);

// Why a path written for SQLite's own interface refuses a PostgreSQL store.
QString sqliteOnlyText();

// A read-only connection of its own, for a reader on another thread (table index, export): WAL lets it
// read while the console writes. It waits for a busy store as long as the store's own connections do.
// For a PostgreSQL store it opens nothing: get() is null and error() says why.
class SqliteReadConnection
{
public:
    explicit SqliteReadConnection(const QString &path)
    {
        if (isPostgresLocation(path))
            error_ = sqliteOnlyText();
        else if (sqlite3_open_v2(path.toUtf8().constData(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                                 nullptr) != SQLITE_OK)
            error_ = QString::fromUtf8(sqlite3_errmsg(db_));
        else
            sqlite3_busy_timeout(db_, kReadBusyTimeoutMs);
    }
    ~SqliteReadConnection() { sqlite3_close(db_); }
    SqliteReadConnection(const SqliteReadConnection &) = delete;
    SqliteReadConnection &operator=(const SqliteReadConnection &) = delete;

    sqlite3 *get() const { return error_.isEmpty() ? db_ : nullptr; }
    QString error() const { return error_; }
    bool exec(const char *sql)
    {
        if (!db_)
            return false;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
            return true;
        error_ = QString::fromUtf8(sqlite3_errmsg(db_));
        return false;
    }

private:
    sqlite3 *db_ = nullptr;
    QString error_;
};

// A prepared statement that finalizes itself.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool ok() const { return stmt_ != nullptr; }
    sqlite3_stmt *get() const { return stmt_; }
    QString error() const { return error_; }

    void bind(int index, qint64 value) { sqlite3_bind_int64(stmt_, index, value); }
    void bindNull(int index) { sqlite3_bind_null(stmt_, index); }
    void bind(int index, const QByteArray &utf8)
    {
        sqlite3_bind_text(stmt_, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    }
    void bindBlob(int index, const QByteArray &bytes)
    {
        sqlite3_bind_blob(stmt_, index, bytes.constData(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    }

    // Steps once; true while a row is available. Sets error() on failure.
    bool next();
    // Steps to completion and resets for reuse; false on failure.
    bool run();

    qint64 int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    bool isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    QByteArrayView text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
        return QByteArrayView(data, sqlite3_column_bytes(stmt_, column));
    }

private:
    sqlite3 *db_;
    sqlite3_stmt *stmt_ = nullptr;
    QString error_;
};

} // namespace mdm
