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
    // schema_version where the store's tables go: the first schema of the search path.
    if (!q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !q.next()) {
        state.error = sqlErrorText(q.lastError());
        return state;
    }
    if (q.value(0).toBool()) {
        if (!q.exec(QStringLiteral("SELECT version FROM schema_version WHERE id = 1")) || !q.next()) {
            state.error =
                q.lastError().isValid() ? sqlErrorText(q.lastError()) : QStringLiteral("no version");
            state.kind = PostgresSchemaState::Kind::Foreign;
            return state;
        }
        state.kind = PostgresSchemaState::Kind::Store;
        state.version = q.value(0).toInt();
        return state;
    }
    // Anything of its own in the database (a table, view or sequence outside PostgreSQL's schemas, not
    // part of an extension such as citext) makes it no place for a new store.
    if (!q.exec(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
            " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
            " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
            "  AND d.objid = c.oid AND d.deptype = 'e'))")) ||
        !q.next()) {
        state.error = sqlErrorText(q.lastError());
        return state;
    }
    state.kind = q.value(0).toBool() ? PostgresSchemaState::Kind::Foreign : PostgresSchemaState::Kind::Empty;
    return state;
}

} // namespace mdm
