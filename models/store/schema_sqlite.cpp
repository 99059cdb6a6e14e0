#include "store/schema.h"
#include "store/schema_parts.h"

// The SQLite store's migrations as released: versions 1 to 4. Their text is what stores were made with;
// never edit it (a test compares it with what was released), add a version instead.
namespace mdm::schema {

namespace {

const Dialect &d = Dialect::sqlite();

QStringList version1()
{
    QStringList all{groupsTable(d), usersTable(d)};
    all << invitationsTable(d);
    // Version 1's devices: states up to 4, no remarks (version 4 rebuilds the table).
    all << QStringLiteral("CREATE TABLE devices ("
                          " id INTEGER PRIMARY KEY,"
                          " name TEXT NOT NULL DEFAULT '',"
                          " platform INTEGER NOT NULL CHECK (platform BETWEEN 0 AND 5),"
                          " ownership INTEGER NOT NULL DEFAULT 0 CHECK (ownership IN (0, 1)),"
                          " serial TEXT,"
                          " imei TEXT,"
                          " model TEXT NOT NULL DEFAULT '',"
                          " os_version TEXT NOT NULL DEFAULT '',"
                          " user_id INTEGER REFERENCES users(id),"
                          " group_id INTEGER REFERENCES groups(id),"
                          " invitation_id INTEGER REFERENCES invitations(id),"
                          " state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 4),"
                          " staged_at INTEGER,"
                          " enrolled_at INTEGER,"
                          " last_seen_at INTEGER,"
                          " CHECK (coalesce(serial, '') <> '' OR coalesce(imei, '') <> ''))");
    all << devicesIndexes();
    all << commandsTable(d);
    all << outboxTable(d);
    all << auditLogTables(d);
    return all;
}

// Version 2: settings shared by the window and the command line (never a password).
QStringList version2()
{
    return settingsTable();
}

// Version 3: the change journal. Triggers write one row per changed record in the writer's own
// transaction, so that every open console (and any other reader) can follow the store whoever wrote it:
// the window, the command line, an import, the demo fill, later the gateway. See models/feed/README.md.
// A bulk path (demo fill, large import) may suspend the per-row triggers inside its transaction and write
// one "*" mark instead (ChangeJournal::BulkChange).
QStringList version3()
{
    QStringList all = journalTables(d);
    all << devicesJournalTriggers(d, false);
    all << recordJournalTriggers(d);
    all << usersJournalTrigger(d);
    return all;
}

// Version 4: the enrollment gateway. Devices get two states (a deprovision the device refused) and
// remarks; enrollments hold what a device's protocol needs (Apple MDM check-in, or the JSON agent);
// commands get what the protocols carry.
//
// Widening the devices' CHECK is SQLite's documented table rebuild (create new, copy, drop old, rename,
// recreate indexes and triggers). Store::migrate runs every migration with foreign keys off and checks
// them (PRAGMA foreign_key_check) before it commits, as that procedure asks. users_journal_update names
// devices, so it is dropped before and made again after (a rename checks every trigger of the schema).
QStringList version4()
{
    const char *columns = "id, name, platform, ownership, serial, imei, model, os_version, user_id, group_id,"
                          " invitation_id, state, staged_at, enrolled_at, last_seen_at";
    QStringList all{
        devicesTable(d, "devices_v4"),
        QStringLiteral("INSERT INTO devices_v4 (%1) SELECT %1 FROM devices").arg(QLatin1String(columns)),
    };
    all << d.dropTrigger(QStringLiteral("users_journal_update"), QStringLiteral("users"));
    all << QStringLiteral("DROP TABLE devices");
    all << QStringLiteral("ALTER TABLE devices_v4 RENAME TO devices");
    all << devicesIndexes();
    all << devicesJournalTriggers(d, true);
    all << usersJournalTrigger(d);
    all << enrollmentsTable(d);
    all << gatewayJournalTriggers(d).first();
    all << commandsGatewayColumns(d);
    all << gatewayJournalTriggers(d).last();
    return all;
}

} // namespace

const std::vector<QStringList> &sqliteMigrations()
{
    static const std::vector<QStringList> all{version1(), version2(), version3(), version4()};
    return all;
}

} // namespace mdm::schema
