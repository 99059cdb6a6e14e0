#include "store/postgres_lock.h"
#include "store/schema_parts.h"

#include <QRegularExpression>

namespace mdm::schema {

namespace {

QString journalSql(const Dialect &d, const char *kind, const char *id, int change)
{
    return QStringLiteral(
               "INSERT INTO change_journal (kind, record_id, change, at) VALUES ('%1', %2, %3, %4);")
        .arg(QLatin1String(kind), QLatin1String(id))
        .arg(change)
        .arg(d.nowMs());
}

// PostgreSQL only. Entries must become visible in seq order, or a reader that saw seq n could miss a
// smaller seq committed later. SQLite has one writer at a time; on PostgreSQL every statement that
// writes to the journal first takes the store's write lock (which Store::transaction takes at BEGIN
// anyway) and holds it to the end of its transaction. Under that lock seq is the largest + 1, as SQLite's
// rowid is: no sequence, so lastval() (Qt's lastInsertId) still names the row the writer inserted, not
// its journal entry. The NOTIFY wakes every console's watcher at commit (PostgreSQL sends one per
// transaction and channel), never after a rollback.
QStringList postgresJournalSignals()
{
    return {
        QStringLiteral("CREATE FUNCTION change_journal_order() RETURNS trigger LANGUAGE plpgsql AS"
                       " $$BEGIN PERFORM pg_advisory_xact_lock(%1); RETURN NULL; END$$")
            .arg(kPostgresWriteLock),
        QStringLiteral("CREATE TRIGGER change_journal_order BEFORE INSERT ON change_journal"
                       " FOR EACH STATEMENT EXECUTE FUNCTION change_journal_order()"),
        QStringLiteral("CREATE FUNCTION change_journal_seq() RETURNS trigger LANGUAGE plpgsql AS"
                       " $$BEGIN new.seq := (SELECT coalesce(max(seq), 0) + 1 FROM change_journal);"
                       " RETURN new; END$$"),
        QStringLiteral("CREATE TRIGGER change_journal_seq BEFORE INSERT ON change_journal"
                       " FOR EACH ROW EXECUTE FUNCTION change_journal_seq()"),
        QStringLiteral("CREATE FUNCTION change_journal_notify() RETURNS trigger LANGUAGE plpgsql AS"
                       " $$BEGIN IF EXISTS (SELECT 1 FROM added) THEN PERFORM pg_notify('%1', '');"
                       " END IF; RETURN NULL; END$$")
            .arg(QLatin1String(kPostgresChangeChannel)),
        QStringLiteral(
            "CREATE TRIGGER change_journal_notify AFTER INSERT ON change_journal"
            " REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION change_journal_notify()"),
    };
}

// The condition of a journalling trigger. PostgreSQL's also asks whether a bulk write switched the
// journal off for its transaction (ChangeJournal::BulkChange); SQLite's bulk writes drop the triggers.
QString journalling(const Dialect &d, const QString &when)
{
    if (!d.isPostgres())
        return when;
    const QString on = QStringLiteral("current_setting('%1', true) IS DISTINCT FROM 'off'")
                           .arg(QLatin1String(kPostgresJournalSetting));
    return when.isEmpty() ? on : QStringLiteral("(%1) AND %2").arg(when, on);
}

} // namespace

// kind: the record kind's key ("device", "invitation", "group", "outbox", "audit"), or "*" for a bulk
// change that journalled no rows (readers rebuild); change: 0 insert, 1 update, 2 delete; at: ms since
// the epoch by the database's clock.
QStringList journalTables(const Dialect &d)
{
    QStringList all{
        QStringLiteral("CREATE TABLE change_journal ("
                       " seq %1,"
                       " kind TEXT NOT NULL,"
                       " record_id %2 NOT NULL,"
                       " change INTEGER NOT NULL CHECK (change BETWEEN 0 AND 2),"
                       " at %2 NOT NULL)")
            .arg(d.isPostgres() ? QLatin1String("BIGINT PRIMARY KEY") : QLatin1String(d.idColumn),
                 QLatin1String(d.bigint)),
        // The lowest seq still kept: a reader that has not seen every entry below it fell behind.
        QStringLiteral("CREATE TABLE change_journal_horizon (id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " seq %1 NOT NULL)")
            .arg(QLatin1String(d.bigint)),
        QStringLiteral("INSERT INTO change_journal_horizon (id, seq) VALUES (1, 1)"),
    };
    // Every 1024th entry keeps the newest 100,000 and moves the horizon past the rest. The newest entry
    // is never deleted, so seq (the largest + 1) never goes back.
    all << d.trigger(QStringLiteral("change_journal_prune"), QStringLiteral("AFTER INSERT"),
                     QStringLiteral("change_journal"),
                     QStringLiteral("new.seq % 1024 = 0 AND new.seq > 100000"),
                     QStringLiteral("DELETE FROM change_journal WHERE seq <= new.seq - 100000;"
                                    " UPDATE change_journal_horizon SET seq = new.seq - 99999"
                                    " WHERE seq < new.seq - 99999;"));
    if (d.isPostgres())
        all << postgresJournalSignals();
    return all;
}

QString changedSql(const Dialect &d, std::initializer_list<const char *> columns)
{
    QStringList parts;
    for (const char *column : columns)
        parts << QStringLiteral("old.%1 %2 new.%1").arg(QLatin1String(column), QLatin1String(d.isNot));
    return parts.join(QStringLiteral(" OR "));
}

QStringList journalTriggers(const Dialect &d, const char *table, const char *kind, const QString &updateWhen,
                            bool insert, bool update, bool remove)
{
    QStringList out;
    const QString t = QLatin1String(table);
    if (insert)
        out << d.trigger(t + QLatin1String("_journal_insert"), QStringLiteral("AFTER INSERT"), t,
                         journalling(d, {}), journalSql(d, kind, "new.id", 0));
    if (update)
        out << d.trigger(t + QLatin1String("_journal_update"), QStringLiteral("AFTER UPDATE"), t,
                         journalling(d, updateWhen), journalSql(d, kind, "new.id", 1));
    if (remove)
        out << d.trigger(t + QLatin1String("_journal_delete"), QStringLiteral("AFTER DELETE"), t,
                         journalling(d, {}), journalSql(d, kind, "old.id", 2));
    return out;
}

// Only changes a tab, the details pane or the outbox status shows are journalled: an UPDATE that touches
// none of the displayed columns (a new token hash, a retry's next attempt) writes nothing.
QStringList recordJournalTriggers(const Dialect &d)
{
    QStringList all = journalTriggers(
        d, "invitations", "invitation",
        changedSql(d, {"id", "user_id", "email", "platform", "ownership", "group_id", "requested_at",
                       "sent_at", "expires_at", "state", "delivery", "remarks", "resend_count"}),
        true, true, true);
    // The outbox status counts queued (state 0 with a link) and failed messages.
    all << journalTriggers(d, "outbox", "outbox", changedSql(d, {"id", "state", "link_token"}), true, true,
                           true);
    // Group names show in the tabs and their filters: a group is few rows and a rename may concern a
    // whole fleet, so readers get the group and refresh what shows its name.
    all << journalTriggers(d, "groups", "group", changedSql(d, {"id", "name"}), true, true, true);
    // The audit log is append-only; its records (audit_log_records) are written in the same transaction.
    all << journalTriggers(d, "audit_log", "audit", QString(), true, false, false);
    return all;
}

QStringList devicesJournalTriggers(const Dialect &d, bool withRemarks)
{
    const QString changed =
        withRemarks
            ? changedSql(d, {"id", "name", "platform", "ownership", "serial", "imei", "model", "os_version",
                             "user_id", "group_id", "state", "staged_at", "enrolled_at", "last_seen_at",
                             "remarks"})
            : changedSql(d, {"id", "name", "platform", "ownership", "serial", "imei", "model", "os_version",
                             "user_id", "group_id", "state", "staged_at", "enrolled_at", "last_seen_at"});
    return journalTriggers(d, "devices", "device", changed, true, true, true);
}

// A user shows only through their devices and invitations: a new user shows nowhere until one refers to
// them (which is journalled), and a referenced user cannot be deleted. A renamed user or a new address
// journals each of their devices and invitations, which the user_id indexes find.
QStringList usersJournalTrigger(const Dialect &d)
{
    return d.trigger(
        QStringLiteral("users_journal_update"), QStringLiteral("AFTER UPDATE"), QStringLiteral("users"),
        journalling(d, changedSql(d, {"name", "email"})),
        QStringLiteral("INSERT INTO change_journal (kind, record_id, change, at)"
                       "  SELECT 'device', id, 1, %1 FROM devices WHERE user_id = new.id;"
                       " INSERT INTO change_journal (kind, record_id, change, at)"
                       "  SELECT 'invitation', id, 1, %1 FROM invitations WHERE user_id = new.id;")
            .arg(d.nowMs()));
}

namespace {

// One journalling trigger of version 7 (PostgreSQL): the function and a statement trigger over the
// statement's transition tables (journal_old, journal_new), under the row trigger's name (Store::check
// looks for the baseline's names). event: INSERT, UPDATE or DELETE; rows: the FROM and WHERE that give
// the journalled rows as r.id.
QStringList statementTrigger(const QString &name, const QString &table, const char *event, const char *kind,
                             int change, const QString &rows)
{
    const Dialect &d = Dialect::postgres();
    const QString event_ = QLatin1String(event);
    const QString tables = event_ == QLatin1String("INSERT")   ? QStringLiteral("NEW TABLE AS journal_new")
                           : event_ == QLatin1String("DELETE") ? QStringLiteral("OLD TABLE AS journal_old")
                                                               : QStringLiteral("OLD TABLE AS journal_old"
                                                                                " NEW TABLE AS journal_new");
    QStringList out = d.dropTrigger(name, table);
    // The seqs are numbered here, after the write lock (so the max is read by a statement that began
    // under it), not one plpgsql call per row by change_journal_seq.
    // EXECUTE: planned for each statement's transition tables. A static statement would keep the plan
    // made for the session's first call: after a one-row update, a nested loop over journal_old for every
    // row of journal_new, which turns a later 10,000-row update into 10^8 comparisons (10 s).
    out << QStringLiteral(
               "CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN"
               " PERFORM pg_advisory_xact_lock(%6);"
               " EXECUTE $sql$INSERT INTO change_journal (seq, kind, record_id, change, at)"
               " SELECT (SELECT coalesce(max(seq), 0) FROM change_journal)"
               " + row_number() OVER (ORDER BY r.id), '%2', r.id, %3, %4 FROM %5 ORDER BY r.id$sql$;"
               " RETURN NULL; END$$")
               .arg(name, QLatin1String(kind))
               .arg(change)
               .arg(d.nowMs(), rows)
               .arg(kPostgresWriteLock);
    out << QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON %3 REFERENCING %4 FOR EACH STATEMENT WHEN (%5)"
                          " EXECUTE FUNCTION %1()")
               .arg(name, event_, table, tables, journalling(d, {}));
    return out;
}

// The row journalling triggers of one table, replaced by statement triggers. updateWhen is the row
// trigger's condition on old and new (changedSql), here on the old and new row of each ID.
QStringList statementJournalTriggers(const char *table, const char *kind, QString updateWhen, bool insert,
                                     bool update, bool remove)
{
    const QString t = QLatin1String(table);
    QStringList out;
    if (insert)
        out << statementTrigger(t + QLatin1String("_journal_insert"), t, "INSERT", kind, 0,
                                QStringLiteral("journal_new AS r"));
    if (update) {
        // plpgsql would read old and new as its own (empty) row variables: the rows are o and r here.
        updateWhen.replace(QRegularExpression(QStringLiteral("\\bold\\.")), QStringLiteral("o."))
            .replace(QRegularExpression(QStringLiteral("\\bnew\\.")), QStringLiteral("r."));
        out << statementTrigger(
            t + QLatin1String("_journal_update"), t, "UPDATE", kind, 1,
            QStringLiteral("journal_new AS r JOIN journal_old AS o ON o.id = r.id WHERE %1")
                .arg(updateWhen.isEmpty() ? QStringLiteral("true") : updateWhen));
    }
    if (remove)
        out << statementTrigger(t + QLatin1String("_journal_delete"), t, "DELETE", kind, 2,
                                QStringLiteral("journal_old AS r"));
    return out;
}

} // namespace

// Version 7 (PostgreSQL): the records a bulk action writes by the thousand are journalled per statement.
// A row trigger is a plpgsql call and a journal INSERT (with its own statement triggers: the write lock,
// the NOTIFY check) for every row, about 0.1 ms each: seconds for a 10,000-record action. A statement
// trigger reads the statement's transition tables and journals all its rows with one INSERT … SELECT:
// the same entries (each changed row once, an UPDATE only when a counted column changed), the same
// switch for bulk writes, the NOTIFY still once per transaction. Users, enrollments and commands keep
// their row triggers: they change a few rows at a time.
QStringList statementJournalTriggers()
{
    const Dialect &d = Dialect::postgres();
    // An entry that comes with its seq keeps it.
    QStringList all{
        QStringLiteral("DROP TRIGGER change_journal_seq ON change_journal"),
        QStringLiteral("CREATE TRIGGER change_journal_seq BEFORE INSERT ON change_journal FOR EACH ROW"
                       " WHEN (new.seq IS NULL) EXECUTE FUNCTION change_journal_seq()")};
    all << statementJournalTriggers(
        "invitations", "invitation",
        changedSql(d, {"id", "user_id", "email", "platform", "ownership", "group_id", "requested_at",
                       "sent_at", "expires_at", "state", "delivery", "remarks", "resend_count"}),
        true, true, true);
    all << statementJournalTriggers("outbox", "outbox", changedSql(d, {"id", "state", "link_token"}), true,
                                    true, true);
    all << statementJournalTriggers("groups", "group", changedSql(d, {"id", "name"}), true, true, true);
    all << statementJournalTriggers("audit_log", "audit", QString(), true, false, false);
    all << statementJournalTriggers("devices", "device",
                                    changedSql(d, {"id", "name", "platform", "ownership", "serial", "imei",
                                                   "model", "os_version", "user_id", "group_id", "state",
                                                   "staged_at", "enrolled_at", "last_seen_at", "remarks"}),
                                    true, true, true);
    return all;
}

QStringList gatewayJournalTriggers(const Dialect &d)
{
    // The console shows an enrollment through its device (its state, its queued commands).
    QStringList all = d.trigger(QStringLiteral("enrollments_journal_update"), QStringLiteral("AFTER UPDATE"),
                                QStringLiteral("enrollments"),
                                journalling(d, QStringLiteral("new.device_id IS NOT NULL AND (%1)")
                                                   .arg(changedSql(d, {"state", "device_id", "push_dead"}))),
                                journalSql(d, "device", "new.device_id", 1));
    // A command's state, PIN and error show through its device (a new command comes with the device's new
    // state, which is journalled already).
    all << d.trigger(QStringLiteral("commands_journal_update"), QStringLiteral("AFTER UPDATE"),
                     QStringLiteral("commands"),
                     journalling(d, changedSql(d, {"state", "pin", "error", "pushed_at"})),
                     journalSql(d, "device", "new.device_id", 1));
    return all;
}

} // namespace mdm::schema
