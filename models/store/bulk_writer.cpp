#include "store/bulk_writer.h"

#include "store/postgres_bulk_writer.h"
#include "store/sql.h"
#include "store/sqlite_handle.h"

#include <QStringList>

namespace mdm {

namespace {

// A prepared INSERT: SQLite writes a row in a few microseconds this way, no faster path needed.
class SqliteBulkTable : public BulkTable
{
public:
    SqliteBulkTable(sqlite3 *db, const QByteArray &sql, QString *error)
        : db_(db), insert_(db, sql.constData()), error_(error)
    {
    }
    bool ok() const { return insert_.ok(); }
    QString prepareError() const { return insert_.error(); }

    void bind(int index, qint64 value) override { insert_.bind(index, value); }
    void bind(int index, const QByteArray &utf8) override { insert_.bind(index, utf8); }
    void bindBlob(int index, const QByteArray &bytes) override { insert_.bindBlob(index, bytes); }
    void bindNull(int index) override { insert_.bindNull(index); }
    qint64 insert() override
    {
        if (insert_.run())
            return sqlite3_last_insert_rowid(db_);
        *error_ = insert_.error();
        return 0;
    }

private:
    sqlite3 *db_;
    SqliteStatement insert_;
    QString *error_;
};

class SqliteBulkWriter : public BulkWriter
{
public:
    explicit SqliteBulkWriter(sqlite3 *db) : db_(db) {}

    BulkTable *table(const char *name, std::initializer_list<const char *> columns) override
    {
        QStringList names;
        for (const char *column : columns)
            names << QString::fromLatin1(column);
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                .arg(QLatin1String(name), names.join(QStringLiteral(", ")),
                                     QString::fromLatin1(sqlPlaceholders(names.size())));
        auto table = std::make_unique<SqliteBulkTable>(db_, sql.toUtf8(), &error_);
        if (!table->ok()) {
            error_ = table->prepareError();
            return nullptr;
        }
        tables_.push_back(std::move(table));
        return tables_.back().get();
    }
    // Every row is in the database as soon as it is added.
    bool flush() override { return true; }
    bool finish() override { return true; }

private:
    sqlite3 *db_;
    std::vector<std::unique_ptr<SqliteBulkTable>> tables_;
};

} // namespace

std::unique_ptr<BulkWriter> BulkWriter::create(const QSqlDatabase &db)
{
    if (sqlite3 *handle = nativeHandle(db))
        return std::make_unique<SqliteBulkWriter>(handle);
    return std::make_unique<PostgresBulkWriter>(db);
}

} // namespace mdm
