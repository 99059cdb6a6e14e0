#include "store/schema.h"

#include "store/schema_parts.h"

namespace mdm {

namespace {

// Version 5: each audit entry names the database user that wrote it. On PostgreSQL the server fills it
// in (session_user: the login, whatever SET ROLE came after) and no role may set it (schema_roles.cpp
// grants INSERT on the other columns only); SQLite has no database users, so it stays empty there.
QStringList version5(const Dialect &d)
{
    if (d.isPostgres())
        return {
            QStringLiteral("ALTER TABLE audit_log ADD COLUMN db_user TEXT NOT NULL DEFAULT session_user")};
    return {QStringLiteral("ALTER TABLE audit_log ADD COLUMN db_user TEXT NOT NULL DEFAULT ''")};
}

// Version 6: PostgreSQL journals bulk writes per statement, not per row (schema_journal.cpp). SQLite's
// row triggers run in-process and cost microseconds: nothing changes there.
QStringList version6(const Dialect &d)
{
    return d.isPostgres() ? schema::statementJournalTriggers() : QStringList();
}

// Versions after 4, for both dialects: each a function of the Dialect, appended to both lists.
std::vector<MigrationStep> laterSteps(const Dialect &d)
{
    return {{5, version5(d)}, {6, version6(d)}};
}

} // namespace

std::vector<MigrationStep> migrationSteps(const Dialect &d)
{
    std::vector<MigrationStep> steps;
    if (d.isPostgres()) {
        steps.push_back({4, schema::postgresBaseline()});
    } else {
        int version = 0;
        for (const QStringList &statements : schema::sqliteMigrations())
            steps.push_back({++version, statements});
    }
    for (MigrationStep &step : laterSteps(d))
        steps.push_back(std::move(step));
    return steps;
}

const std::vector<QStringList> &migrations()
{
    return schema::sqliteMigrations();
}

} // namespace mdm
