#include "store/postgres_reader.h"

#include "store/postgres_password.h"

#include <QCoreApplication>
#include <charconv>
#include <cstring>
#include <libpq-fe.h>
#include <vector>

namespace mdm {

namespace postgres_reader {

QByteArray numberedPlaceholders(const QByteArray &sql, int *count)
{
    QByteArray out;
    out.reserve(sql.size() + sql.size() / 4);
    int n = 0;
    char quote = 0; // inside '…' or "…"
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            out.append(c);
            if (c == quote)
                quote = 0; // a doubled quote closes and opens again: the same result
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out.append(c);
            continue;
        }
        if (c != '?') {
            out.append(c);
            continue;
        }
        qsizetype end = i + 1;
        while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9')
            ++end;
        // As SQLite numbers them: ?NNN is parameter NNN, a plain ? the one after the highest so far.
        const int number = end > i + 1 ? sql.mid(i + 1, end - i - 1).toInt() : n + 1;
        n = std::max(n, number);
        out.append('$').append(QByteArray::number(number));
        i = end - 1;
    }
    *count = n;
    return out;
}

qsizetype unescapeCopyField(char *data, qsizetype size)
{
    qsizetype to = 0;
    for (qsizetype from = 0; from < size; ++from) {
        char c = data[from];
        if (c != '\\' || from + 1 == size) {
            data[to++] = c;
            continue;
        }
        c = data[++from];
        switch (c) {
        case 'b':
            c = '\b';
            break;
        case 'f':
            c = '\f';
            break;
        case 'n':
            c = '\n';
            break;
        case 'r':
            c = '\r';
            break;
        case 't':
            c = '\t';
            break;
        case 'v':
            c = '\v';
            break;
        case 'x': {
            int value = 0;
            int digits = 0;
            while (digits < 2 && from + 1 < size &&
                   std::isxdigit(static_cast<unsigned char>(data[from + 1]))) {
                const char h = data[++from];
                value = value * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                ++digits;
            }
            c = digits ? static_cast<char>(value) : 'x';
            break;
        }
        default:
            if (c >= '0' && c <= '7') {
                int value = c - '0';
                for (int digits = 1;
                     digits < 3 && from + 1 < size && data[from + 1] >= '0' && data[from + 1] <= '7';
                     ++digits)
                    value = value * 8 + (data[++from] - '0');
                c = static_cast<char>(value);
            }
            break; // any other character stands for itself (\\ among them)
        }
        data[to++] = c;
    }
    return to;
}

} // namespace postgres_reader

namespace {

class PgText
{
    Q_DECLARE_TR_FUNCTIONS(PgText)

public:
    static QString connectionLost() { return tr("The connection to the PostgreSQL server was lost."); }
};

// What the server or libpq said, without "ERROR:" and the trailing newline.
QString resultError(const PGresult *result, PGconn *conn)
{
    if (result)
        if (const char *primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY))
            return QString::fromUtf8(primary);
    QString text = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    if (text.startsWith(QLatin1String("ERROR:")))
        text = text.mid(6).trimmed();
    return text.isEmpty() ? PgText::connectionLost() : text;
}

qint64 parseInt64(const char *data, qsizetype size)
{
    qint64 value = 0;
    if (size <= 0)
        return 0;
    const auto [end, ec] = std::from_chars(data, data + size, value);
    if (ec == std::errc() && end == data + size)
        return value;
    if (size == 1 && (data[0] == 't' || data[0] == 'f')) // a boolean, as SQLite gives it
        return data[0] == 't';
    // A numeric or double value: its integer part, as SQLite's sqlite3_column_int64 gives.
    return ec == std::errc() ? value : 0;
}

// The reader's connection, shared with its cursors (which never outlive the reader). A COPY left before
// its end (a cancelled export) is not cancelled (a cancel request that arrives late would cancel the next
// statement instead) but read to its end before the next statement, or cut off with the connection.
struct Connection
{
    PGconn *conn = nullptr;
    bool copyLeft = false;

    void settle()
    {
        if (!copyLeft)
            return;
        char *rest = nullptr;
        while (PQgetCopyData(conn, &rest, 0) > 0)
            PQfreemem(rest);
        while (PGresult *result = PQgetResult(conn))
            PQclear(result);
        copyLeft = false;
    }
};

struct Field
{
    const char *data;
    qsizetype size;
    bool null;
};

// One statement on the reader's connection. Without parameters its rows stream through COPY (SELECT …)
// TO STDOUT in text format, parsed in place: one allocation per row (libpq's), none per field. With
// parameters it is a named prepared statement; each run's rows arrive as one result.
class PgCursor final : public ReadCursor
{
public:
    PgCursor(Connection &connection, const QByteArray &sql, int serial)
        : connection_(connection), conn_(connection.conn)
    {
        sql_ = postgres_reader::numberedPlaceholders(sql, &params_);
        if (params_ == 0)
            return;
        connection_.settle();
        name_ = "mdm_reader_" + QByteArray::number(serial);
        PGresult *prepared = PQprepare(conn_, name_.constData(), sql_.constData(), params_, nullptr);
        if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
            ok_ = false;
            error_ = resultError(prepared, conn_);
            name_.clear();
        }
        PQclear(prepared);
        values_.resize(static_cast<size_t>(params_));
    }

    ~PgCursor() override
    {
        finish();
        if (!name_.isEmpty() && !connection_.copyLeft)
            PQclear(PQexec(conn_, ("DEALLOCATE " + name_).constData()));
    }

    void bind(int index, qint64 value) override
    {
        if (index >= 1 && index <= params_)
            values_[static_cast<size_t>(index - 1)] = QByteArray::number(value);
    }
    void bind(int index, const QByteArray &utf8) override
    {
        if (index >= 1 && index <= params_)
            values_[static_cast<size_t>(index - 1)] = utf8;
    }

    bool next() override
    {
        if (!ok_ || done_)
            return false;
        if (params_ == 0)
            return nextCopied();
        if (!result_ && !run())
            return false;
        if (++row_ < PQntuples(result_))
            return true;
        done_ = true;
        return false;
    }

    void reset() override
    {
        finish();
        done_ = false;
        error_.clear();
        for (QByteArray &value : values_)
            value.clear();
    }

    qint64 int64(int column) const override
    {
        if (params_ == 0) {
            const Field &f = fields_[static_cast<size_t>(column)];
            return f.null ? 0 : parseInt64(f.data, f.size);
        }
        return parseInt64(PQgetvalue(result_, row_, column), PQgetlength(result_, row_, column));
    }
    QByteArrayView text(int column) const override
    {
        if (params_ == 0) {
            const Field &f = fields_[static_cast<size_t>(column)];
            return f.null ? QByteArrayView() : QByteArrayView(f.data, f.size);
        }
        if (PQgetisnull(result_, row_, column))
            return {};
        return QByteArrayView(PQgetvalue(result_, row_, column), PQgetlength(result_, row_, column));
    }
    bool isNull(int column) const override
    {
        if (params_ == 0)
            return fields_[static_cast<size_t>(column)].null;
        return PQgetisnull(result_, row_, column) != 0;
    }

    int columnCount() const override
    {
        return params_ == 0 ? static_cast<int>(fields_.size()) : PQnfields(result_);
    }

private:
    bool run()
    {
        std::vector<const char *> values(values_.size());
        for (size_t i = 0; i < values_.size(); ++i)
            values[i] = values_[i].isNull() ? nullptr : values_[i].constData();
        connection_.settle();
        result_ = PQexecPrepared(conn_, name_.constData(), params_, values.data(), nullptr, nullptr, 0);
        row_ = -1;
        if (PQresultStatus(result_) == PGRES_TUPLES_OK)
            return true;
        error_ = resultError(result_, conn_);
        done_ = true;
        return false;
    }

    bool nextCopied()
    {
        if (!copying_) {
            connection_.settle();
            const QByteArray copy = "COPY (" + sql_ + ") TO STDOUT";
            PGresult *started = PQexec(conn_, copy.constData());
            const bool ok = PQresultStatus(started) == PGRES_COPY_OUT;
            if (!ok)
                error_ = resultError(started, conn_);
            PQclear(started);
            if (!ok) {
                done_ = true;
                return false;
            }
            copying_ = true;
        }
        if (line_) {
            PQfreemem(line_);
            line_ = nullptr;
        }
        const int size = PQgetCopyData(conn_, &line_, 0);
        if (size > 0) {
            split(line_, size);
            return true;
        }
        copying_ = false;
        done_ = true;
        // -1: the rows are over and the command's result follows; -2: a failure.
        while (PGresult *result = PQgetResult(conn_)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && error_.isEmpty())
                error_ = resultError(result, conn_);
            PQclear(result);
        }
        if (size == -2 && error_.isEmpty())
            error_ = resultError(nullptr, conn_);
        return false;
    }

    // A COPY text row: fields separated by tabs, \N for NULL, backslash escapes, a newline at the end.
    void split(char *line, int size)
    {
        fields_.clear();
        char *end = line + size;
        if (end > line && end[-1] == '\n')
            --end;
        char *start = line;
        for (;;) {
            char *tab = static_cast<char *>(std::memchr(start, '\t', static_cast<size_t>(end - start)));
            char *stop = tab ? tab : end;
            const qsizetype length = stop - start;
            if (length == 2 && start[0] == '\\' && start[1] == 'N')
                fields_.push_back({nullptr, 0, true});
            else if (std::memchr(start, '\\', static_cast<size_t>(length)))
                fields_.push_back({start, postgres_reader::unescapeCopyField(start, length), false});
            else
                fields_.push_back({start, length, false});
            if (!tab)
                break;
            start = tab + 1;
        }
    }

    // Ends a run; a COPY left early is the connection's to finish (Connection::settle).
    void finish()
    {
        if (line_) {
            PQfreemem(line_);
            line_ = nullptr;
        }
        if (copying_) {
            connection_.copyLeft = true;
            copying_ = false;
        }
        PQclear(result_);
        result_ = nullptr;
        row_ = -1;
        fields_.clear();
    }

    Connection &connection_;
    PGconn *conn_;
    QByteArray sql_;
    QByteArray name_;
    int params_ = 0;
    std::vector<QByteArray> values_;
    bool done_ = false;
    PGresult *result_ = nullptr;
    int row_ = -1;
    bool copying_ = false;
    char *line_ = nullptr;
    std::vector<Field> fields_;
};

class PostgresReader final : public StoreReader
{
public:
    explicit PostgresReader(const QString &uri)
    {
        const QByteArray utf8 = uri.toUtf8();
        // The keychain's password, when the app found one for the store; else libpq finds its own.
        const QByteArray password = postgresPassword(uri).toUtf8();
        // Later keywords win over the URI's: the reader always speaks UTF-8. Earlier ones are defaults.
        const char *keywords[] = {"application_name",
                                  "connect_timeout",
                                  "dbname",
                                  "client_encoding",
                                  password.isEmpty() ? nullptr : "password",
                                  nullptr};
        const char *values[] = {"mdm-console reader", "10",   utf8.constData(), "UTF8",
                                password.constData(), nullptr};
        connection_.conn = conn_ = PQconnectdbParams(keywords, values, 1);
        if (PQstatus(conn_) != CONNECTION_OK) {
            error_ = resultError(nullptr, conn_);
            return;
        }
        // A reader never writes, whatever statement it is given.
        if (!exec("SET default_transaction_read_only = on"))
            return;
    }
    ~PostgresReader() override { PQfinish(conn_); }

    std::unique_ptr<ReadCursor> prepare(const QByteArray &sql) override
    {
        return std::make_unique<PgCursor>(connection_, sql, ++serial_);
    }
    // One snapshot for every statement of the read, as SQLite's read transaction gives.
    bool beginRead() override { return exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"); }
    void endRead() override { exec("COMMIT"); }

private:
    bool exec(const char *sql)
    {
        connection_.settle();
        PGresult *result = PQexec(conn_, sql);
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        if (!ok)
            error_ = resultError(result, conn_);
        PQclear(result);
        return ok;
    }

    Connection connection_;
    PGconn *conn_ = nullptr;
    int serial_ = 0;
};

} // namespace

std::unique_ptr<StoreReader> openPostgresReader(const QString &uri)
{
    return std::make_unique<PostgresReader>(uri);
}

} // namespace mdm
