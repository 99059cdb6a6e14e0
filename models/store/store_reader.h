#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

namespace mdm {

class Store;

// One statement's rows, read forward. Bind values (1-based, `?` in the SQL), then next() until false;
// afterwards error() tells a failure from the end. reset() makes the statement ready for new values.
// Column values are valid until the next call of next(); a NULL reads as 0 and as an empty (null) view.
class ReadCursor
{
public:
    virtual ~ReadCursor() = default;
    ReadCursor(const ReadCursor &) = delete;
    ReadCursor &operator=(const ReadCursor &) = delete;

    // False when the statement could not be prepared (error() says why); next() then returns false.
    bool ok() const { return ok_; }
    QString error() const { return error_; }

    virtual void bind(int index, qint64 value) = 0;
    virtual void bind(int index, const QByteArray &utf8) = 0;
    virtual bool next() = 0;
    virtual void reset() = 0;

    virtual qint64 int64(int column) const = 0;
    virtual QByteArrayView text(int column) const = 0; // UTF-8
    virtual bool isNull(int column) const = 0;
    // The columns of the current row (once next() has returned true).
    virtual int columnCount() const = 0;

protected:
    ReadCursor() = default;
    bool ok_ = true;
    QString error_;
};

// A read-only connection of its own to the store, for bulk reads (table index, CSV export) on the thread
// that opened it. SQLite: a read-only connection to the file, WAL letting it read while the console
// writes. PostgreSQL: a libpq connection of its own; statements without parameters stream their rows
// with COPY … TO STDOUT, statements with parameters (looked-up IDs) run as one parametrised query.
class StoreReader
{
public:
    virtual ~StoreReader() = default;
    StoreReader(const StoreReader &) = delete;
    StoreReader &operator=(const StoreReader &) = delete;

    // Opens a reader on location: a postgresql:// or postgres:// URI, or else an SQLite file. Never null;
    // check error() (empty when the connection is open).
    static std::unique_ptr<StoreReader> open(const QString &location);
    static std::unique_ptr<StoreReader> open(const Store &store);
    // Starts count connections to a PostgreSQL location on threads of their own, for the next opens of a
    // reader there to take (an SQLite file opens at once: nothing to do). A process that will open
    // readers right after the store, as the window does for its tabs, calls it before Store::open: each
    // connection costs the server a new process (15 ms on the CI machine), which then overlaps the
    // store's own. One that fails (a password not known yet) is dropped, and open connects anew.
    static void connectAhead(const QString &location, int count);
    static bool isPostgres(const QString &location);

    QString error() const { return error_; }

    // Prepares sql (`?` placeholders on both databases); check the cursor's ok().
    virtual std::unique_ptr<ReadCursor> prepare(const QByteArray &sql) = 0;

    // A read transaction: every statement until endRead() sees the same snapshot of the store.
    virtual bool beginRead() = 0;
    virtual void endRead() = 0;

protected:
    StoreReader() = default;
    QString error_;
};

} // namespace mdm
