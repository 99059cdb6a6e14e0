#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <initializer_list>
#include <memory>
#include <vector>

namespace mdm {

// One table's rows in a BulkWriter. bind() numbers the columns from 1, in the order given to
// BulkWriter::table(); a binding stays until bound again (as a prepared statement's).
class BulkTable
{
public:
    virtual ~BulkTable() = default;
    BulkTable(const BulkTable &) = delete;
    BulkTable &operator=(const BulkTable &) = delete;

    virtual void bind(int index, qint64 value) = 0;
    virtual void bind(int index, const QByteArray &utf8) = 0;
    virtual void bindBlob(int index, const QByteArray &bytes) = 0;
    virtual void bindNull(int index) = 0;
    // Adds the bound row: its ID (the one bound for a column "id", else the new one), or 0 on error
    // (BulkWriter::error()).
    virtual qint64 insert() = 0;
    // How many rows are still to come, when known: PostgreSQL then takes that many IDs at once, so that a
    // fresh store's IDs run from 1 without gaps, as SQLite's do.
    virtual void expect(qint64 rows) { Q_UNUSED(rows) }

protected:
    BulkTable() = default;
};

// Many rows into a few tables inside the caller's Store::transaction, by each database's fastest path:
// SQLite: a prepared INSERT per table through SQLite's own interface; PostgreSQL: the rows as COPY text,
// sent with COPY … FROM STDIN on the store's own connection (so in its open transaction) a few MB at a
// time. A row's ID is known when it is added on both (SQLite: the rowid; PostgreSQL: taken ahead from the
// table's identity sequence), so later rows can refer to it. The rows go to the database in the order
// the tables were made: make a referenced table (users) before the tables referring to it (devices).
// Queries on the store's connection see the rows added so far only after flush().
class BulkWriter
{
public:
    virtual ~BulkWriter() = default;
    BulkWriter(const BulkWriter &) = delete;
    BulkWriter &operator=(const BulkWriter &) = delete;

    // The writer for the store's connection db (inside a transaction of its Store).
    static std::unique_ptr<BulkWriter> create(const QSqlDatabase &db);

    // The table's rows; null (and error()) when the table cannot be written this way. Owned by the writer.
    virtual BulkTable *table(const char *name, std::initializer_list<const char *> columns) = 0;
    // Writes every row added so far. false with error().
    virtual bool flush() = 0;
    // flush(), and what a table needs after rows with IDs of their own (PostgreSQL: its identity sequence
    // moved past them). Call it once, as the writer's last step in the transaction.
    virtual bool finish() = 0;

    QString error() const { return error_; }

protected:
    BulkWriter() = default;
    QString error_;
};

} // namespace mdm
