#include "store/postgres_schema_state.h"

#include "store/sql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

PostgresSchemaState readPostgresSchemaState(const QSqlDatabase &db)
{
    PostgresSchemaState state;
    QSqlQuery q(db);
    // One statement, one snapshot: another process may commit a new store's schema between two reads,
    // and its tables without its schema_version would look like another program's.
    // Anything of its own in the database (a table, view or sequence outside PostgreSQL's schemas, not
    // part of an extension such as citext) makes it no place for a new store.
    if (!q.exec(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relname = 'schema_version' AND n.nspname = current_schema()),"
            " EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
            " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
            " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
            "  AND d.objid = c.oid AND d.deptype = 'e'))")) ||
        !q.next()) {
        state.error = sqlErrorText(q.lastError());
        return state;
    }
    const bool hasVersion = q.value(0).toBool();
    const bool hasTables = q.value(1).toBool();
    if (!hasVersion) {
        state.kind = hasTables ? PostgresSchemaState::Kind::Foreign : PostgresSchemaState::Kind::Empty;
        return state;
    }
    // schema_version where the store's tables go (current_schema(): the first schema of the search
    // path). Once there, it stays (a store is never removed by the console).
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version WHERE id = 1")) || !q.next()) {
        state.error = q.lastError().isValid() ? sqlErrorText(q.lastError()) : QStringLiteral("no version");
        state.kind = PostgresSchemaState::Kind::Foreign;
        return state;
    }
    state.kind = PostgresSchemaState::Kind::Store;
    state.version = q.value(0).toInt();
    return state;
}

} // namespace mdm
