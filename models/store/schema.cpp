#include "store/schema.h"

namespace mdm {

namespace {

QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE groups ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0))"),
        QStringLiteral("CREATE TABLE users ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (instr(email, '@') > 1))"),
        QStringLiteral("CREATE TABLE invitations ("
                       " id INTEGER PRIMARY KEY,"
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " email TEXT NOT NULL,"
                       " platform INTEGER NOT NULL CHECK (platform BETWEEN 0 AND 5),"
                       " ownership INTEGER NOT NULL DEFAULT 0 CHECK (ownership IN (0, 1)),"
                       " group_id INTEGER REFERENCES groups(id),"
                       " token_hash BLOB UNIQUE,"
                       " requested_at INTEGER NOT NULL,"
                       " sent_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL,"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
                       " delivery INTEGER NOT NULL DEFAULT 0 CHECK (delivery BETWEEN 0 AND 2),"
                       " remarks TEXT NOT NULL DEFAULT '',"
                       " resend_count INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX invitations_state ON invitations(state, expires_at)"),
        QStringLiteral("CREATE INDEX invitations_user ON invitations(user_id)"),
        QStringLiteral("CREATE TABLE devices ("
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
                       " CHECK (coalesce(serial, '') <> '' OR coalesce(imei, '') <> ''))"),
        QStringLiteral("CREATE UNIQUE INDEX devices_serial ON devices(serial) WHERE serial <> ''"),
        QStringLiteral("CREATE UNIQUE INDEX devices_imei ON devices(imei) WHERE imei <> ''"),
        QStringLiteral("CREATE INDEX devices_state ON devices(state)"),
        QStringLiteral("CREATE INDEX devices_user ON devices(user_id)"),
        QStringLiteral("CREATE TABLE commands ("
                       " id INTEGER PRIMARY KEY,"
                       " device_id INTEGER NOT NULL REFERENCES devices(id),"
                       " kind INTEGER NOT NULL CHECK (kind IN (1, 2)),"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX commands_device ON commands(device_id)"),
        QStringLiteral("CREATE TABLE outbox ("
                       " id INTEGER PRIMARY KEY,"
                       " invitation_id INTEGER REFERENCES invitations(id),"
                       " recipient TEXT NOT NULL,"
                       " link_token TEXT,"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at INTEGER NOT NULL,"
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL,"
                       " sent_at INTEGER)"),
        QStringLiteral("CREATE INDEX outbox_due ON outbox(state, next_attempt_at)"),
        QStringLiteral("CREATE INDEX outbox_invitation ON outbox(invitation_id)"),
        QStringLiteral("CREATE TABLE audit_log ("
                       " id INTEGER PRIMARY KEY,"
                       " at INTEGER NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " record_kind TEXT NOT NULL DEFAULT '',"
                       " record_ids TEXT NOT NULL DEFAULT '',"
                       " details TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
        QStringLiteral("CREATE TABLE audit_log_records ("
                       " audit_id INTEGER NOT NULL REFERENCES audit_log(id),"
                       " record_kind TEXT NOT NULL,"
                       " record_id INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX audit_log_records_record ON audit_log_records(record_kind, record_id)"),
        QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_records_no_update BEFORE UPDATE ON audit_log_records"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_records_no_delete BEFORE DELETE ON audit_log_records"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
    };
}

// Version 2: settings shared by the window and the command line (never a password).
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    };
}

// The journal's SQL pieces, shared by the versions that create journalling triggers (3, and 4, which
// rebuilds the devices table and so recreates its triggers).
QString nowMsSql()
{
    return QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)");
}

// "old.a IS NOT new.a OR old.b IS NOT new.b …": NULL-safe, and true only for a real change.
QString changedSql(std::initializer_list<const char *> columns)
{
    QStringList parts;
    for (const char *column : columns)
        parts << QStringLiteral("old.%1 IS NOT new.%1").arg(QLatin1String(column));
    return parts.join(QStringLiteral(" OR "));
}

QString journalSql(const char *kind, const char *id, int change)
{
    return QStringLiteral(
               "INSERT INTO change_journal (kind, record_id, change, at) VALUES ('%1', %2, %3, %4);")
        .arg(QLatin1String(kind), QLatin1String(id))
        .arg(change)
        .arg(nowMsSql());
}

QStringList journalTriggers(const char *table, const char *kind, const QString &updateWhen, bool insert,
                            bool update, bool remove)
{
    QStringList out;
    const QString t = QLatin1String(table);
    if (insert)
        out << QStringLiteral("CREATE TRIGGER %1_journal_insert AFTER INSERT ON %1 BEGIN %2 END")
                   .arg(t, journalSql(kind, "new.id", 0));
    if (update)
        out << QStringLiteral("CREATE TRIGGER %1_journal_update AFTER UPDATE ON %1 WHEN %2 BEGIN %3 END")
                   .arg(t, updateWhen, journalSql(kind, "new.id", 1));
    if (remove)
        out << QStringLiteral("CREATE TRIGGER %1_journal_delete AFTER DELETE ON %1 BEGIN %2 END")
                   .arg(t, journalSql(kind, "old.id", 2));
    return out;
}

// A renamed user or a new address journals each of their devices and invitations.
QString usersJournalTrigger()
{
    return QStringLiteral("CREATE TRIGGER users_journal_update AFTER UPDATE ON users WHEN %1 BEGIN"
                          " INSERT INTO change_journal (kind, record_id, change, at)"
                          "  SELECT 'device', id, 1, %2 FROM devices WHERE user_id = new.id;"
                          " INSERT INTO change_journal (kind, record_id, change, at)"
                          "  SELECT 'invitation', id, 1, %2 FROM invitations WHERE user_id = new.id;"
                          " END")
        .arg(changedSql({"name", "email"}), nowMsSql());
}

// Version 3: the change journal. Triggers write one row per changed record in the writer's own
// transaction, so that every open console (and any other reader) can follow the store whoever wrote it:
// the window, the command line, an import, the demo fill, later the gateway. Only changes a tab, the
// details pane or the outbox status shows are journalled: an UPDATE that touches none of the displayed
// columns (a new token hash, a retry's next attempt) writes nothing. See models/feed/README.md.
//
// kind: the record kind's key ("device", "invitation", "group", "outbox", "audit"), or "*" for a bulk
// change that journalled no rows (readers rebuild); change: 0 insert, 1 update, 2 delete; at: ms since
// the epoch, as SQLite's clock says. A bulk path (demo fill, large import) may suspend the per-row
// triggers inside its transaction and write one "*" mark instead (ChangeJournal::BulkChange).
QStringList version3()
{
    QStringList all{
        QStringLiteral("CREATE TABLE change_journal ("
                       " seq INTEGER PRIMARY KEY,"
                       " kind TEXT NOT NULL,"
                       " record_id INTEGER NOT NULL,"
                       " change INTEGER NOT NULL CHECK (change BETWEEN 0 AND 2),"
                       " at INTEGER NOT NULL)"),
        // The lowest seq still kept: a reader that has not seen every entry below it fell behind.
        QStringLiteral("CREATE TABLE change_journal_horizon (id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " seq INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO change_journal_horizon (id, seq) VALUES (1, 1)"),
        // Every 1024th entry keeps the newest 100,000 and moves the horizon past the rest. The newest
        // entry is never deleted, so seq (the rowid) never goes back.
        QStringLiteral("CREATE TRIGGER change_journal_prune AFTER INSERT ON change_journal"
                       " WHEN new.seq % 1024 = 0 AND new.seq > 100000 BEGIN"
                       " DELETE FROM change_journal WHERE seq <= new.seq - 100000;"
                       " UPDATE change_journal_horizon SET seq = new.seq - 99999 WHERE seq < new.seq - 99999;"
                       " END"),
    };
    all << journalTriggers(
        "devices", "device",
        changedSql({"id", "name", "platform", "ownership", "serial", "imei", "model", "os_version", "user_id",
                    "group_id", "state", "staged_at", "enrolled_at", "last_seen_at"}),
        true, true, true);
    all << journalTriggers(
        "invitations", "invitation",
        changedSql({"id", "user_id", "email", "platform", "ownership", "group_id", "requested_at", "sent_at",
                    "expires_at", "state", "delivery", "remarks", "resend_count"}),
        true, true, true);
    // The outbox status counts queued (state 0 with a link) and failed messages.
    all << journalTriggers("outbox", "outbox", changedSql({"id", "state", "link_token"}), true, true, true);
    // Group names show in the tabs and their filters: a group is few rows and a rename may concern a
    // whole fleet, so readers get the group and refresh what shows its name.
    all << journalTriggers("groups", "group", changedSql({"id", "name"}), true, true, true);
    // The audit log is append-only; its records (audit_log_records) are written in the same transaction.
    all << journalTriggers("audit_log", "audit", QString(), true, false, false);
    // A user shows only through their devices and invitations: a new user shows nowhere until one
    // refers to them (which is journalled), and a referenced user cannot be deleted. A renamed user or
    // a new address journals each of their devices and invitations, which the user_id indexes find.
    all << usersJournalTrigger();
    return all;
}

// The devices table of version 4: version 1's, with states up to 6 (Revoke failed, Wipe failed) and the
// remarks a failed command leaves (the device's answer, e.g. Apple's ErrorChain).
QString devicesTable(const char *name)
{
    return QStringLiteral("CREATE TABLE %1 ("
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
                          " state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 6),"
                          " staged_at INTEGER,"
                          " enrolled_at INTEGER,"
                          " last_seen_at INTEGER,"
                          " remarks TEXT NOT NULL DEFAULT '',"
                          " CHECK (coalesce(serial, '') <> '' OR coalesce(imei, '') <> ''))")
        .arg(QLatin1String(name));
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
        devicesTable("devices_v4"),
        QStringLiteral("INSERT INTO devices_v4 (%1) SELECT %1 FROM devices").arg(QLatin1String(columns)),
        QStringLiteral("DROP TRIGGER users_journal_update"),
        QStringLiteral("DROP TABLE devices"),
        QStringLiteral("ALTER TABLE devices_v4 RENAME TO devices"),
        QStringLiteral("CREATE UNIQUE INDEX devices_serial ON devices(serial) WHERE serial <> ''"),
        QStringLiteral("CREATE UNIQUE INDEX devices_imei ON devices(imei) WHERE imei <> ''"),
        QStringLiteral("CREATE INDEX devices_state ON devices(state)"),
        QStringLiteral("CREATE INDEX devices_user ON devices(user_id)"),
    };
    all << journalTriggers(
        "devices", "device",
        changedSql({"id", "name", "platform", "ownership", "serial", "imei", "model", "os_version", "user_id",
                    "group_id", "state", "staged_at", "enrolled_at", "last_seen_at", "remarks"}),
        true, true, true);
    all << usersJournalTrigger();

    // One row per enrollment of a device: made when an Apple profile is issued or an agent enrolls,
    // bound to its device at the first TokenUpdate (Apple) or at once (agent). secret_hash: SHA-256 of
    // the secret the device presents on every request (never the emailed token). state: 0 issued,
    // 1 authenticated, 2 enrolled, 3 checked out, 4 ended (after a completed revoke or erase).
    // protocol: 0 Apple MDM, 1 agent. The facts are those the device sent at Authenticate / enroll.
    all << QStringLiteral("CREATE TABLE enrollments ("
                          " id INTEGER PRIMARY KEY,"
                          " invitation_id INTEGER NOT NULL REFERENCES invitations(id),"
                          " device_id INTEGER REFERENCES devices(id),"
                          " protocol INTEGER NOT NULL CHECK (protocol IN (0, 1)),"
                          " secret_hash BLOB NOT NULL UNIQUE,"
                          " profile_identifier TEXT UNIQUE,"
                          " udid TEXT,"
                          " push_token BLOB,"
                          " push_magic TEXT,"
                          " unlock_token BLOB,"
                          " push_dead INTEGER NOT NULL DEFAULT 0,"
                          " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 4),"
                          " created_at INTEGER NOT NULL,"
                          " last_seen_at INTEGER,"
                          " serial TEXT NOT NULL DEFAULT '',"
                          " imei TEXT NOT NULL DEFAULT '',"
                          " model TEXT NOT NULL DEFAULT '',"
                          " os_version TEXT NOT NULL DEFAULT '',"
                          " device_name TEXT NOT NULL DEFAULT '')");
    all << QStringLiteral("CREATE INDEX enrollments_invitation ON enrollments(invitation_id)");
    all << QStringLiteral("CREATE INDEX enrollments_device ON enrollments(device_id)");
    // The console shows an enrollment through its device (its state, its queued commands).
    all << QStringLiteral("CREATE TRIGGER enrollments_journal_update AFTER UPDATE ON enrollments"
                          " WHEN new.device_id IS NOT NULL AND (%1) BEGIN %2 END")
               .arg(changedSql({"state", "device_id", "push_dead"}),
                    journalSql("device", "new.device_id", 1));

    // commands.state: 0 queued, 1 acknowledged, 2 failed. uuid: Apple's CommandUUID; pin: the 6-digit PIN
    // of a macOS EraseDevice, shown to the admin; error: the device's answer to a failed command.
    all << QStringLiteral("ALTER TABLE commands ADD COLUMN uuid TEXT");
    all << QStringLiteral("ALTER TABLE commands ADD COLUMN enrollment_id INTEGER REFERENCES enrollments(id)");
    all << QStringLiteral("ALTER TABLE commands ADD COLUMN pin TEXT");
    all << QStringLiteral("ALTER TABLE commands ADD COLUMN error TEXT NOT NULL DEFAULT ''");
    all << QStringLiteral("ALTER TABLE commands ADD COLUMN offered_at INTEGER");
    all << QStringLiteral("ALTER TABLE commands ADD COLUMN pushed_at INTEGER");
    all << QStringLiteral("CREATE UNIQUE INDEX commands_uuid ON commands(uuid) WHERE uuid IS NOT NULL");
    all << QStringLiteral("CREATE INDEX commands_queued ON commands(device_id) WHERE state = 0");
    // A command's state, PIN and error show through its device (a new command comes with the device's
    // new state, which is journalled already).
    all << QStringLiteral(
               "CREATE TRIGGER commands_journal_update AFTER UPDATE ON commands WHEN %1 BEGIN %2 END")
               .arg(changedSql({"state", "pin", "error", "pushed_at"}),
                    journalSql("device", "new.device_id", 1));
    return all;
}

} // namespace

const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> all{version1(), version2(), version3(), version4()};
    return all;
}

} // namespace mdm
