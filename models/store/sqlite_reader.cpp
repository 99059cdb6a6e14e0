#include "store/sqlite_reader.h"

#include "store/sqlite_handle.h"

namespace mdm {

namespace {

// SqliteStatement with the cursor's face; the calls go straight to SQLite.
class SqliteCursor final : public ReadCursor
{
public:
    SqliteCursor(sqlite3 *db, const QByteArray &sql) : statement_(db, sql.constData())
    {
        ok_ = statement_.ok();
        error_ = statement_.error();
    }

    void bind(int index, qint64 value) override
    {
        if (ok_)
            statement_.bind(index, value);
    }
    void bind(int index, const QByteArray &utf8) override
    {
        if (ok_)
            statement_.bind(index, utf8);
    }
    bool next() override
    {
        if (!ok_ || done_)
            return false;
        if (statement_.next())
            return true;
        // Stepped again, SQLite would start over: the end stays the end until reset().
        done_ = true;
        error_ = statement_.error();
        return false;
    }
    void reset() override
    {
        if (!ok_)
            return;
        sqlite3_reset(statement_.get());
        sqlite3_clear_bindings(statement_.get());
        done_ = false;
        error_.clear();
    }
    qint64 int64(int column) const override { return statement_.int64(column); }
    QByteArrayView text(int column) const override { return statement_.text(column); }
    bool isNull(int column) const override { return statement_.isNull(column); }
    int columnCount() const override { return sqlite3_column_count(statement_.get()); }

private:
    SqliteStatement statement_;
    bool done_ = false;
};

class SqliteReader final : public StoreReader
{
public:
    explicit SqliteReader(const QString &path) : connection_(path) { error_ = connection_.error(); }

    std::unique_ptr<ReadCursor> prepare(const QByteArray &sql) override
    {
        return std::make_unique<SqliteCursor>(connection_.get(), sql);
    }
    bool beginRead() override
    {
        if (connection_.exec("BEGIN"))
            return true;
        error_ = connection_.error();
        return false;
    }
    void endRead() override { connection_.exec("COMMIT"); }

private:
    SqliteReadConnection connection_;
};

} // namespace

std::unique_ptr<StoreReader> openSqliteReader(const QString &path)
{
    return std::make_unique<SqliteReader>(path);
}

} // namespace mdm
