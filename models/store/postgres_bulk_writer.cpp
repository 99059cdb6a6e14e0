#include "store/postgres_bulk_writer.h"

#include "store/store.h"

#include <QByteArrayList>
#include <QSqlDriver>
#include <QVariant>
#include <libpq-fe.h>

namespace mdm {

namespace {

// What is gathered before the rows go to the server: large enough that a COPY's own cost vanishes,
// small enough not to matter in memory.
constexpr qsizetype kFlushBytes = 8 * 1024 * 1024;
constexpr int kFirstIdBlock = 64;
constexpr int kLargestIdBlock = 65536;

// What the server said: the message and, where there is one, its detail (which key clashed).
QString resultError(const PGresult *result, PGconn *conn)
{
    if (!result)
        return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    const char *primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    if (!primary)
        return QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    QString text = QString::fromUtf8(primary);
    if (const char *detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
        text += QLatin1Char(' ') + QString::fromUtf8(detail);
    return text;
}

// A value as COPY's text format writes it: backslash, tab, newline and carriage return escaped.
void appendEscaped(QByteArray &out, const QByteArray &utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

// A statement's result that owns itself.
struct Result
{
    explicit Result(PGresult *r) : get(r) {}
    ~Result() { PQclear(get); }
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;
    PGresult *get;
};

QByteArray quoted(PGconn *conn, const QByteArray &text)
{
    char *escaped = PQescapeLiteral(conn, text.constData(), static_cast<size_t>(text.size()));
    const QByteArray out(escaped ? escaped : "''");
    PQfreemem(escaped);
    return out;
}

} // namespace

class PostgresBulkTable : public BulkTable
{
public:
    PostgresBulkTable(PostgresBulkWriter &writer, const char *name,
                      std::initializer_list<const char *> columns)
        : writer_(writer), name_(name)
    {
        int index = 0;
        for (const char *column : columns) {
            if (qstrcmp(column, "id") == 0)
                ownId_ = index;
            columns_ << QByteArray(column);
            ++index;
        }
        values_.resize(static_cast<size_t>(columns_.size()), QByteArray("\\N"));
        if (ownId_ < 0)
            columns_.prepend("id");
    }

    void bind(int index, qint64 value) override
    {
        at(index) = QByteArray::number(value);
        if (index - 1 == ownId_)
            ownIdValue_ = value;
    }
    void bind(int index, const QByteArray &utf8) override
    {
        QByteArray &field = at(index);
        field.clear();
        appendEscaped(field, utf8);
    }
    void bindBlob(int index, const QByteArray &bytes) override
    {
        // bytea's hex input, "\x…", with its backslash escaped for COPY.
        at(index) = "\\\\x" + bytes.toHex();
    }
    void bindNull(int index) override { at(index) = "\\N"; }
    void expect(qint64 rows) override { expected_ = rows; }

    qint64 insert() override
    {
        qint64 id = 0;
        if (ownId_ >= 0) {
            id = ownIdValue_;
            largestOwnId_ = std::max(largestOwnId_, id);
        } else {
            if (nextId_ == ids_.size() && !reserveIds())
                return 0;
            id = ids_[nextId_++];
            rows_ += QByteArray::number(id);
            rows_ += '\t';
        }
        const qsizetype before = rows_.size();
        for (size_t i = 0; i < values_.size(); ++i) {
            if (i > 0)
                rows_ += '\t';
            rows_ += values_[i];
        }
        rows_ += '\n';
        return writer_.rowAdded(rows_.size() - before) ? id : 0;
    }

    bool flush()
    {
        if (rows_.isEmpty())
            return true;
        PGconn *conn = writer_.connection();
        const QByteArray copy = "COPY " + name_ + " (" + columns_.join(", ") + ") FROM STDIN";
        {
            const Result started(PQexec(conn, copy.constData()));
            if (PQresultStatus(started.get) != PGRES_COPY_IN)
                return writer_.fail(resultError(started.get, conn));
        }
        const bool sent = PQputCopyData(conn, rows_.constData(), static_cast<int>(rows_.size())) == 1;
        PQputCopyEnd(conn, sent ? nullptr : "the rows could not be sent");
        rows_.clear();
        QString error = sent ? QString() : QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        // The COPY's result, then the end of results.
        while (PGresult *r = PQgetResult(conn)) {
            const Result done(r);
            if (error.isEmpty() && PQresultStatus(r) != PGRES_COMMAND_OK)
                error = resultError(r, conn);
        }
        return error.isEmpty() || writer_.fail(error);
    }

    // Moves the identity sequence past IDs the rows brought, never back (IDs are never reused).
    bool finish()
    {
        if (largestOwnId_ <= 0)
            return true;
        PGconn *conn = writer_.connection();
        const QByteArray sql = "SELECT setval(s, greatest(pg_sequence_last_value(s::regclass), " +
                               QByteArray::number(largestOwnId_) + ")) FROM pg_get_serial_sequence(" +
                               quoted(conn, name_) + ", 'id') AS s";
        const Result r(PQexec(conn, sql.constData()));
        return PQresultStatus(r.get) == PGRES_TUPLES_OK || writer_.fail(resultError(r.get, conn));
    }

private:
    QByteArray &at(int index) { return values_[static_cast<size_t>(index - 1)]; }

    // The next block of IDs from the table's identity sequence; growing blocks keep the gap a small
    // import leaves small and the round trips of a large one few.
    bool reserveIds()
    {
        const int block = expected_ > 0
                              ? static_cast<int>(std::min<qint64>(expected_, kLargestIdBlock))
                              : std::clamp(2 * static_cast<int>(ids_.size()), kFirstIdBlock, kLargestIdBlock);
        expected_ -= std::min<qint64>(expected_, block);
        PGconn *conn = writer_.connection();
        // The sequence's name looked up once: as a constant, nextval's argument is resolved once per query.
        if (sequence_.isEmpty()) {
            const QByteArray find = "SELECT pg_get_serial_sequence(" + quoted(conn, name_) + ", 'id')";
            const Result found(PQexec(conn, find.constData()));
            if (PQresultStatus(found.get) != PGRES_TUPLES_OK || PQntuples(found.get) != 1 ||
                PQgetisnull(found.get, 0, 0))
                return writer_.fail(resultError(found.get, conn));
            sequence_ = quoted(conn, QByteArray(PQgetvalue(found.get, 0, 0)));
        }
        const QByteArray sql = "SELECT nextval(" + sequence_ + "::regclass) FROM generate_series(1, " +
                               QByteArray::number(block) + ")";
        const Result r(PQexec(conn, sql.constData()));
        if (PQresultStatus(r.get) != PGRES_TUPLES_OK)
            return writer_.fail(resultError(r.get, conn));
        ids_.clear();
        nextId_ = 0;
        const int rows = PQntuples(r.get);
        ids_.reserve(static_cast<size_t>(rows));
        for (int i = 0; i < rows; ++i)
            ids_.push_back(QByteArray(PQgetvalue(r.get, i, 0)).toLongLong());
        return !ids_.empty() || writer_.fail(QStringLiteral("no IDs for %1").arg(QString::fromLatin1(name_)));
    }

    PostgresBulkWriter &writer_;
    QByteArray name_;
    QByteArray sequence_;            // the identity sequence's name as an SQL literal, once looked up
    QByteArrayList columns_;         // as COPY names them: "id" first when the writer gives the IDs
    std::vector<QByteArray> values_; // the bound row, each value as COPY text
    int ownId_ = -1;                 // the column of the row's own ID, -1 when the writer gives IDs
    qint64 ownIdValue_ = 0;
    qint64 largestOwnId_ = 0;
    qint64 expected_ = 0; // rows announced by expect() and not yet given IDs
    std::vector<qint64> ids_;
    size_t nextId_ = 0;
    QByteArray rows_;
};

PostgresBulkWriter::PostgresBulkWriter(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt's QPSQL hands its PGconn out under libpq's struct name.
    if (handle.isValid() && qstrcmp(handle.typeName(), "pg_conn*") == 0)
        conn_ = *static_cast<PGconn *const *>(handle.constData());
    if (!conn_)
        error_ = Store::tr("The store's connection cannot take bulk writes.");
    // Its rows belong to the store's transaction: one must be open on this very connection, and idle.
    else if (PQtransactionStatus(conn_) != PQTRANS_INTRANS)
        error_ = Store::tr("Bulk writes need the store's open transaction.");
}

PostgresBulkWriter::~PostgresBulkWriter() = default;

BulkTable *PostgresBulkWriter::table(const char *name, std::initializer_list<const char *> columns)
{
    if (!conn_ || !error_.isEmpty())
        return nullptr;
    tables_.push_back(std::make_unique<PostgresBulkTable>(*this, name, columns));
    return tables_.back().get();
}

bool PostgresBulkWriter::fail(const QString &message)
{
    if (error_.isEmpty())
        error_ = message;
    return false;
}

bool PostgresBulkWriter::rowAdded(qsizetype bytes)
{
    pending_ += bytes;
    return pending_ < kFlushBytes || flush();
}

bool PostgresBulkWriter::flush()
{
    if (!conn_ || !error_.isEmpty())
        return false;
    pending_ = 0;
    for (const auto &table : tables_)
        if (!table->flush())
            return false;
    return true;
}

bool PostgresBulkWriter::finish()
{
    if (!flush())
        return false;
    for (const auto &table : tables_)
        if (!table->finish())
            return false;
    return true;
}

} // namespace mdm
