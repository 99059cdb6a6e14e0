#include "store/store_import.h"

#include "domain/clock.h"
#include "store/audit_log.h"
#include "store/change_journal.h"
#include "store/dialect.h"
#include "store/postgres_location.h"
#include "store/sql.h"
#include "store/sqlite_handle.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <libpq-fe.h>

namespace mdm::StoreImport {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(StoreImport)
};

// COPY's data goes to the server in pieces of about this size.
constexpr qsizetype kCopyChunkBytes = 1 << 20;
constexpr qint64 kProgressEveryRows = 10000;

// Not copied: the change journal (the import writes one bulk mark instead, so open consoles rebuild)
// and PostgreSQL's version row (the target's own).
bool isLeftOut(const QString &table)
{
    return table == QLatin1String("change_journal") || table == QLatin1String("change_journal_horizon") ||
           table == QLatin1String("schema_version");
}

struct Column
{
    QString name;
    bool bytea = false;
    bool identity = false;
};

struct Table
{
    QString name;
    QList<Column> columns; // the PostgreSQL table's, in its order; the SQLite table has the same names
    qint64 rows = 0;       // in the source
    qint64 sequence = 0;   // the source's AUTOINCREMENT counter (sqlite_sequence), 0 if none
};

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QString sqliteError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

QString postgresError(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

// The raw libpq connection behind the PostgreSQL store's Qt connection: COPY is libpq's, not Qt's.
PGconn *postgresHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    // Qt's QPSQL names the type by libpq's struct tag (PGconn is a typedef of pg_conn).
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

bool sqliteTableNames(sqlite3 *db, QStringList *names, QString *error)
{
    SqliteStatement q(db,
                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                      "ESCAPE '\\' ORDER BY name");
    if (!q.ok()) {
        *error = q.error();
        return false;
    }
    int rc;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
        names->append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 0))));
    if (rc != SQLITE_DONE) {
        *error = sqliteError(db);
        return false;
    }
    return true;
}

bool sqliteColumnNames(sqlite3 *db, const QString &table, QSet<QString> *names, QString *error)
{
    const QByteArray sql = QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)).toUtf8();
    SqliteStatement q(db, sql.constData());
    if (!q.ok()) {
        *error = q.error();
        return false;
    }
    int rc;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
        names->insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 1))));
    if (rc != SQLITE_DONE) {
        *error = sqliteError(db);
        return false;
    }
    return true;
}

// One value of "SELECT …" as a text COPY field: \N for NULL, bytea as \x and hex digits, text with
// backslash, tab, newline and carriage return escaped (COPY's own delimiters).
void appendField(QByteArray *out, sqlite3_stmt *stmt, int i, bool bytea)
{
    const int type = sqlite3_column_type(stmt, i);
    if (type == SQLITE_NULL) {
        out->append("\\N");
        return;
    }
    const char *data = type == SQLITE_BLOB ? static_cast<const char *>(sqlite3_column_blob(stmt, i))
                                           : reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
    const int size = sqlite3_column_bytes(stmt, i);
    if (bytea) {
        out->append("\\\\x");
        out->append(QByteArray::fromRawData(data, size).toHex());
        return;
    }
    for (int k = 0; k < size; ++k) {
        const char c = data[k];
        switch (c) {
        case '\\':
            out->append("\\\\");
            break;
        case '\t':
            out->append("\\t");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\r':
            out->append("\\r");
            break;
        default:
            out->append(c);
        }
    }
}

// Ends a COPY (with failure, a reason given) and reads its results; false with the server's error.
bool endCopy(PGconn *conn, const char *failure, QString *error)
{
    bool ok = PQputCopyEnd(conn, failure) == 1;
    if (!ok)
        *error = postgresError(conn);
    while (PGresult *result = PQgetResult(conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && ok) {
            *error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
            ok = false;
        }
        PQclear(result);
    }
    return ok && !failure;
}

class Importer
{
public:
    Importer(Store &target, Store &source, const Progress &progress)
        : target_(target), source_(source), db_(target.database()), sqlite_(nativeHandle(source.database())),
          progress_(progress)
    {
    }

    bool run(Result *result, QString *error)
    {
        if (!sqlite_) {
            *error = sqliteOnlyText();
            return false;
        }
        // One snapshot of the source for every table, while its console may go on writing (WAL).
        if (sqlite3_exec(sqlite_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
            *error = sqliteError(sqlite_);
            return false;
        }
        const bool ok =
            readSchemas(error) && target_.transaction([&](QString *e) { return copy(result, e); }, error);
        sqlite3_exec(sqlite_, "ROLLBACK", nullptr, nullptr, nullptr);
        return ok;
    }

private:
    // The tables and their columns, from the two schemas themselves: a column added by a later migration
    // is copied without being named here. Either store holding a table not in tables() (or lacking one),
    // or the two disagreeing on a table's columns, is refused.
    bool readSchemas(QString *error)
    {
        QStringList sourceTables;
        if (!sqliteTableNames(sqlite_, &sourceTables, error))
            return false;
        QSqlQuery q(db_);
        if (!q.exec(QStringLiteral("SELECT table_name FROM information_schema.tables"
                                   " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
        QStringList targetTables;
        while (q.next())
            targetTables << q.value(0).toString();
        const QSet<QString> known(tables().cbegin(), tables().cend());
        for (const auto &[list, store] :
             {std::pair{&sourceTables, &source_}, std::pair{&targetTables, &target_}}) {
            QSet<QString> present;
            for (const QString &name : std::as_const(*list)) {
                if (isLeftOut(name))
                    continue;
                if (!known.contains(name)) {
                    *error = Text::tr("%1 holds a table import-store does not know: “%2”. Use the console "
                                      "version that wrote it.")
                                 .arg(store->path(), name);
                    return false;
                }
                present.insert(name);
            }
            for (const QString &name : tables()) {
                if (!present.contains(name)) {
                    *error = Text::tr("%1 lacks the table “%2”; it is not a complete store.")
                                 .arg(store->path(), name);
                    return false;
                }
            }
        }

        // AUTOINCREMENT's counters; the statement fails (and nothing is read) in a store without any.
        QHash<QString, qint64> sequences;
        SqliteStatement seq(sqlite_, "SELECT name, seq FROM sqlite_sequence");
        if (seq.ok()) {
            while (sqlite3_step(seq.get()) == SQLITE_ROW)
                sequences.insert(
                    QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(seq.get(), 0))),
                    sqlite3_column_int64(seq.get(), 1));
        }

        q.prepare(QStringLiteral("SELECT column_name, udt_name, is_identity FROM information_schema.columns"
                                 " WHERE table_schema = current_schema() AND table_name = ?"
                                 " ORDER BY ordinal_position"));
        for (const QString &name : tables()) {
            Table table{name, {}, 0, sequences.value(name)};
            q.addBindValue(name);
            if (!q.exec()) {
                *error = sqlErrorText(q.lastError());
                return false;
            }
            QSet<QString> targetColumns;
            while (q.next()) {
                table.columns.append({q.value(0).toString(), q.value(1).toString() == QLatin1String("bytea"),
                                      q.value(2).toString() == QLatin1String("YES")});
                targetColumns.insert(table.columns.last().name);
            }
            QSet<QString> sourceColumns;
            if (!sqliteColumnNames(sqlite_, name, &sourceColumns, error))
                return false;
            if (sourceColumns != targetColumns) {
                QStringList a(sourceColumns.cbegin(), sourceColumns.cend());
                QStringList b(targetColumns.cbegin(), targetColumns.cend());
                a.sort();
                b.sort();
                *error = Text::tr("The table “%1” has other columns in %2 (%3) than in %4 (%5).")
                             .arg(name, source_.path(), a.join(QStringLiteral(", ")), target_.path(),
                                  b.join(QStringLiteral(", ")));
                return false;
            }
            const QByteArray count = QStringLiteral("SELECT count(*) FROM %1").arg(quoted(name)).toUtf8();
            SqliteStatement c(sqlite_, count.constData());
            if (!c.ok() || sqlite3_step(c.get()) != SQLITE_ROW) {
                *error = c.ok() ? sqliteError(sqlite_) : c.error();
                return false;
            }
            table.rows = sqlite3_column_int64(c.get(), 0);
            total_ += table.rows;
            tables_.append(table);
        }
        return true;
    }

    // Inside the target's write transaction (its advisory lock held).
    bool copy(Result *result, QString *error)
    {
        if (!refuseNonEmpty(error))
            return false;
        PGconn *conn = postgresHandle(db_);
        // COPY must run in the transaction Store::transaction began on the same session.
        if (!conn || PQtransactionStatus(conn) != PQTRANS_INTRANS) {
            *error = Text::tr("The PostgreSQL store's connection is not inside the import's transaction.");
            return false;
        }
        ChangeJournal::BulkChange bulk(db_);
        if (!bulk.suspend(error))
            return false;
        for (const Table &table : std::as_const(tables_)) {
            qint64 copied = 0;
            if (!copyTable(conn, table, &copied, error))
                return false;
            if (copied != table.rows) {
                *error = Text::tr("%1 rows of “%2” were read, %3 expected.")
                             .arg(copied)
                             .arg(table.name)
                             .arg(table.rows);
                return false;
            }
            result->tables.append({table.name, copied});
            result->rows += copied;
            if (!moveSequence(table, error))
                return false;
        }
        if (!bulk.finish(error))
            return false;
        return audit(*result, error);
    }

    bool refuseNonEmpty(QString *error)
    {
        QStringList held;
        QSqlQuery q(db_);
        for (const QString &name : tables()) {
            if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(quoted(name))) || !q.next()) {
                *error = sqlErrorText(q.lastError());
                return false;
            }
            if (const qint64 n = q.value(0).toLongLong(); n > 0)
                held << QStringLiteral("%1 (%2)").arg(name).arg(n);
        }
        if (held.isEmpty())
            return true;
        *error =
            Text::tr("%1 is not empty: it holds rows in %2. import-store copies only into an empty store; "
                     "nothing was changed.")
                .arg(target_.path(), held.join(QStringLiteral(", ")));
        return false;
    }

    bool copyTable(PGconn *conn, const Table &table, qint64 *copied, QString *error)
    {
        QStringList names;
        for (const Column &column : table.columns)
            names << quoted(column.name);
        const QString columns = names.join(QStringLiteral(", "));
        const QByteArray select =
            QStringLiteral("SELECT %1 FROM %2").arg(columns, quoted(table.name)).toUtf8();
        SqliteStatement rows(sqlite_, select.constData());
        if (!rows.ok()) {
            *error = rows.error();
            return false;
        }
        const QByteArray copySql =
            QStringLiteral("COPY %1 (%2) FROM STDIN").arg(quoted(table.name), columns).toUtf8();
        PGresult *started = PQexec(conn, copySql.constData());
        const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
        if (!copying)
            *error = QString::fromUtf8(PQresultErrorMessage(started)).trimmed();
        PQclear(started);
        if (!copying)
            return false;

        QByteArray buffer;
        buffer.reserve(kCopyChunkBytes + 64 * 1024);
        const int n = static_cast<int>(table.columns.size());
        int rc;
        while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
            for (int i = 0; i < n; ++i) {
                if (i)
                    buffer.append('\t');
                appendField(&buffer, rows.get(), i, table.columns[i].bytea);
            }
            buffer.append('\n');
            if (buffer.size() >= kCopyChunkBytes) {
                if (PQputCopyData(conn, buffer.constData(), static_cast<int>(buffer.size())) != 1) {
                    *error = postgresError(conn);
                    endCopy(conn, "send failed", error);
                    return false;
                }
                buffer.clear();
            }
            if (++*copied % kProgressEveryRows == 0 && progress_)
                progress_(table.name, done_ + *copied, total_);
        }
        if (rc != SQLITE_DONE) {
            *error = sqliteError(sqlite_);
            QString ignored;
            endCopy(conn, "the source could not be read", &ignored);
            return false;
        }
        if (!buffer.isEmpty() &&
            PQputCopyData(conn, buffer.constData(), static_cast<int>(buffer.size())) != 1) {
            *error = postgresError(conn);
            endCopy(conn, "send failed", error);
            return false;
        }
        if (!endCopy(conn, nullptr, error))
            return false;
        done_ += *copied;
        if (progress_)
            progress_(table.name, done_, total_);
        return true;
    }

    // New rows must not take a copied row's ID: the identity's next value goes past the largest ID,
    // and past the source's AUTOINCREMENT counter (IDs of deleted rows are never given again there).
    bool moveSequence(const Table &table, QString *error)
    {
        for (const Column &column : table.columns) {
            if (!column.identity)
                continue;
            QSqlQuery q(db_);
            q.prepare(
                QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), m) FROM"
                               " (SELECT greatest(coalesce(max(%1), 0), CAST(? AS BIGINT)) AS m FROM %2) AS x"
                               " WHERE m > 0")
                    .arg(quoted(column.name), quoted(table.name)));
            q.addBindValue(table.name);
            q.addBindValue(column.name);
            q.addBindValue(table.sequence);
            if (!execOrError(q, error))
                return false;
        }
        return true;
    }

    bool audit(const Result &result, QString *error)
    {
        QJsonObject counts;
        for (const auto &[name, rows] : result.tables)
            counts.insert(name, rows);
        AuditEntry entry;
        entry.atMs = Clock().nowMs();
        entry.actor = AuditLog::currentActor();
        entry.action = QStringLiteral("store.import");
        entry.details = AuditLog::details({{QStringLiteral("source"), source_.path()},
                                           {QStringLiteral("rows"), result.rows},
                                           {QStringLiteral("tables"), counts}});
        return AuditLog::append(db_, entry, error);
    }

    Store &target_;
    Store &source_;
    QSqlDatabase db_;
    sqlite3 *sqlite_;
    const Progress &progress_;
    QList<Table> tables_;
    qint64 total_ = 0;
    qint64 done_ = 0;
};

} // namespace

const QStringList &tables()
{
    static const QStringList all{
        QStringLiteral("groups"),   QStringLiteral("users"),       QStringLiteral("invitations"),
        QStringLiteral("devices"),  QStringLiteral("enrollments"), QStringLiteral("commands"),
        QStringLiteral("outbox"),   QStringLiteral("audit_log"),   QStringLiteral("audit_log_records"),
        QStringLiteral("settings"),
    };
    return all;
}

Result run(const QString &target, const QString &source, const Progress &progress)
{
    Result result;
    if (!isPostgresLocation(target)) {
        result.error = Text::tr("import-store copies into a PostgreSQL store: give --db postgresql://…");
        return result;
    }
    if (isPostgresLocation(source)) {
        result.error =
            Text::tr("“%1” is not an SQLite store file: import-store copies from a store file.").arg(source);
        return result;
    }
    // Store::open would make a new, empty store of a missing file.
    const QFileInfo file(source);
    if (!file.exists()) {
        result.error = Text::tr("The store file “%1” does not exist.").arg(source);
        return result;
    }
    if (!file.isFile()) {
        result.error = Text::tr("“%1” is not a store file.").arg(source);
        return result;
    }
    auto from = Store::open(source);
    if (!from.store) {
        result.error = Text::tr("The store file “%1” cannot be copied: %2").arg(source, from.error);
        return result;
    }
    auto to = Store::open(target);
    if (!to.store) {
        result.error = to.error;
        return result;
    }
    QString error;
    Importer importer(*to.store, *from.store, progress);
    if (!importer.run(&result, &error)) {
        result = Result{};
        result.error = error;
        return result;
    }
    to.store->refreshStatistics();
    result.ok = true;
    return result;
}

} // namespace mdm::StoreImport
