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

// Version 6: on PostgreSQL, users' addresses stay unique without case in a cheaper way. citext's unique
// index lowers both sides of every comparison as it descends the tree (a dozen per new row), which made
// the users' part of a 100,000-row import cost seconds. Now the address is lowered once per row, as
// citext lowers it (lower() in the database's default collation), and compared byte-wise (COLLATE "C")
// in a unique index; a hash index on the citext column keeps "email = ?" (citext's equality) found by
// index. The column stays citext, so =, LIKE and ORDER BY compare as before. SQLite's NOCASE index is
// cheap already: nothing to do there.
QStringList version6(const Dialect &d)
{
    if (!d.isPostgres())
        return {};
    return {
        QStringLiteral("CREATE UNIQUE INDEX users_email_lower ON users ((lower(email::text)) COLLATE \"C\")"),
        QStringLiteral("CREATE INDEX users_email ON users USING hash (email)"),
        QStringLiteral("ALTER TABLE users DROP CONSTRAINT users_email_key"),
    };
}

// Version 7: PostgreSQL journals bulk writes per statement, not per row (schema_journal.cpp). SQLite's
// row triggers run in-process and cost microseconds: nothing changes there.
QStringList version7(const Dialect &d)
{
    return d.isPostgres() ? schema::statementJournalTriggers() : QStringList();
}

// Versions after 4, for both dialects: each a function of the Dialect, appended to both lists.
std::vector<MigrationStep> laterSteps(const Dialect &d)
{
    return {{5, version5(d)}, {6, version6(d)}, {7, version7(d)}};
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
