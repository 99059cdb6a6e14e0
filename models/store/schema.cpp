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
    const QString now = QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)");
    // "old.a IS NOT new.a OR old.b IS NOT new.b …": NULL-safe, and true only for a real change.
    const auto changed = [](std::initializer_list<const char *> columns) {
        QStringList parts;
        for (const char *column : columns)
            parts << QStringLiteral("old.%1 IS NOT new.%1").arg(QLatin1String(column));
        return parts.join(QStringLiteral(" OR "));
    };
    const auto journal = [&now](const char *kind, const char *id, int change) {
        return QStringLiteral(
                   "INSERT INTO change_journal (kind, record_id, change, at) VALUES ('%1', %2, %3, %4);")
            .arg(QLatin1String(kind), QLatin1String(id))
            .arg(change)
            .arg(now);
    };
    const auto triggers = [&](const char *table, const char *kind, const QString &updateWhen, bool insert,
                              bool update, bool remove) {
        QStringList out;
        const QString t = QLatin1String(table);
        if (insert)
            out << QStringLiteral("CREATE TRIGGER %1_journal_insert AFTER INSERT ON %1 BEGIN %2 END")
                       .arg(t, journal(kind, "new.id", 0));
        if (update)
            out << QStringLiteral("CREATE TRIGGER %1_journal_update AFTER UPDATE ON %1 WHEN %2 BEGIN %3 END")
                       .arg(t, updateWhen, journal(kind, "new.id", 1));
        if (remove)
            out << QStringLiteral("CREATE TRIGGER %1_journal_delete AFTER DELETE ON %1 BEGIN %2 END")
                       .arg(t, journal(kind, "old.id", 2));
        return out;
    };

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
    all << triggers("devices", "device",
                    changed({"id", "name", "platform", "ownership", "serial", "imei", "model", "os_version",
                             "user_id", "group_id", "state", "staged_at", "enrolled_at", "last_seen_at"}),
                    true, true, true);
    all << triggers("invitations", "invitation",
                    changed({"id", "user_id", "email", "platform", "ownership", "group_id", "requested_at",
                             "sent_at", "expires_at", "state", "delivery", "remarks", "resend_count"}),
                    true, true, true);
    // The outbox status counts queued (state 0 with a link) and failed messages.
    all << triggers("outbox", "outbox", changed({"id", "state", "link_token"}), true, true, true);
    // Group names show in the tabs and their filters: a group is few rows and a rename may concern a
    // whole fleet, so readers get the group and refresh what shows its name.
    all << triggers("groups", "group", changed({"id", "name"}), true, true, true);
    // The audit log is append-only; its records (audit_log_records) are written in the same transaction.
    all << triggers("audit_log", "audit", QString(), true, false, false);
    // A user shows only through their devices and invitations: a new user shows nowhere until one
    // refers to them (which is journalled), and a referenced user cannot be deleted. A renamed user or
    // a new address journals each of their devices and invitations, which the user_id indexes find.
    all << QStringLiteral("CREATE TRIGGER users_journal_update AFTER UPDATE ON users WHEN %1 BEGIN"
                          " INSERT INTO change_journal (kind, record_id, change, at)"
                          "  SELECT 'device', id, 1, %2 FROM devices WHERE user_id = new.id;"
                          " INSERT INTO change_journal (kind, record_id, change, at)"
                          "  SELECT 'invitation', id, 1, %2 FROM invitations WHERE user_id = new.id;"
                          " END")
               .arg(changed({"name", "email"}), now);
    return all;
}

} // namespace

const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> all{version1(), version2(), version3()};
    return all;
}

} // namespace mdm
