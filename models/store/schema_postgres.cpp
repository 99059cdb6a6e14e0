#include "store/schema.h"
#include "store/schema_parts.h"

// The PostgreSQL store starts at version 4: one baseline with the tables, indexes and triggers SQLite's
// migrations 1 to 4 end with, made of the same pieces. Versions after 4 are written once for both.
namespace mdm::schema {

QStringList postgresBaseline()
{
    const Dialect &d = Dialect::postgres();
    QStringList all{
        // The case-insensitive names and addresses (Dialect::nocaseText). A trusted extension: the
        // database's owner may create it; it is part of Debian's postgresql package.
        QStringLiteral("CREATE EXTENSION IF NOT EXISTS citext"),
        // The services' portable SQL names SQLite's own collation for a byte-wise LIKE on a
        // case-insensitive column (lower(email) COLLATE "binary" LIKE …): the same name here.
        QStringLiteral("CREATE COLLATION IF NOT EXISTS \"binary\" (provider = libc, locale = 'C')"),
        // PostgreSQL has no user_version: the store's version is this one row.
        QStringLiteral("CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " version INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO schema_version (id, version) VALUES (1, 0)"),
        groupsTable(d),
        usersTable(d),
    };
    all << invitationsTable(d);
    all << devicesTable(d, "devices");
    all << devicesIndexes();
    all << commandsTable(d);
    all << outboxTable(d);
    all << auditLogTables(d);
    all << settingsTable();
    all << journalTables(d);
    all << devicesJournalTriggers(d, true);
    all << recordJournalTriggers(d);
    all << usersJournalTrigger(d);
    all << enrollmentsTable(d);
    all << commandsGatewayColumns(d);
    all << gatewayJournalTriggers(d);
    return all;
}

} // namespace mdm::schema
