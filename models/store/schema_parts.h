#pragma once

#include "store/dialect.h"

#include <QStringList>
#include <initializer_list>

// The pieces the schema is written from, each once for both dialects: the SQLite migrations
// (schema_sqlite.cpp) and the PostgreSQL baseline (schema_postgres.cpp) are made of them.
namespace mdm::schema {

// schema_records.cpp: the records and what belongs to them.
QString groupsTable(const Dialect &d);
QString usersTable(const Dialect &d);
QStringList invitationsTable(const Dialect &d);
// The devices table as of version 4 (states up to 6, remarks), named name.
QString devicesTable(const Dialect &d, const char *name);
QStringList devicesIndexes();
QStringList commandsTable(const Dialect &d);
// What version 4 adds to commands (the enrollments table must exist).
QStringList commandsGatewayColumns(const Dialect &d);
QStringList outboxTable(const Dialect &d);
QStringList enrollmentsTable(const Dialect &d);
QStringList settingsTable();

// schema_audit.cpp: the append-only audit log.
QStringList auditLogTables(const Dialect &d);

// schema_journal.cpp: the change journal (see models/feed/README.md).
QStringList journalTables(const Dialect &d);
// "old.a IS NOT new.a OR …": NULL-safe, and true only for a real change.
QString changedSql(const Dialect &d, std::initializer_list<const char *> columns);
QStringList journalTriggers(const Dialect &d, const char *table, const char *kind, const QString &updateWhen,
                            bool insert, bool update, bool remove);
// The journalling triggers of version 3 on invitations, outbox, groups and the audit log.
QStringList recordJournalTriggers(const Dialect &d);
// The devices' journalling triggers; withRemarks from version 4 on.
QStringList devicesJournalTriggers(const Dialect &d, bool withRemarks);
QStringList usersJournalTrigger(const Dialect &d);
// Version 7 (PostgreSQL): the journalling triggers of invitations, outbox, groups, the audit log and devices
// as statement triggers over transition tables.
QStringList statementJournalTriggers();
// Version 4's: an enrollment or a command shows through its device.
QStringList gatewayJournalTriggers(const Dialect &d);

} // namespace mdm::schema
