#pragma once

#include "domain/record_kind.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace mdm {

class Store;

struct AuditEntry
{
    qint64 atMs = 0;
    QString actor;
    QString action;                       // stable key, e.g. "invite.resend"
    std::optional<RecordKind> recordKind; // none for an entry about the store as a whole (demo.fill)
    QList<qint64> recordIds;
    QString details; // JSON object with the action's parameters
    // The database user that wrote the entry, as the server knows it (PostgreSQL fills it in; never
    // given by the writer). Empty on SQLite, which has no database users.
    QString dbUser = {};
};

// Append-only: the schema's triggers refuse UPDATE and DELETE. Call inside the action's transaction.
class AuditLog
{
public:
    // Who made a change and from where, as every entry records it: "alice@host (console)", so that a
    // change arriving from another process or machine can be traced. The program is set once at start.
    static QString currentActor();
    // "alice@pc7 (console) · database user alice": the actor and, when known, the database user.
    static QString who(const AuditEntry &entry);
    static void setProgram(const QString &program); // "console", "cli", later "gateway"
    // Parameters as the compact JSON the details column holds.
    static QString details(const QJsonObject &parameters);
    // The usual entry of a bulk action: who, when, what, which records, and how many.
    static AuditEntry counted(qint64 atMs, const QString &action, RecordKind kind, const QList<qint64> &ids);
    // Readable identifiers of the records (device name and serial, email) beside their IDs, so that a
    // search finds an entry by what the admin knows, even after the record is gone. At most
    // kListedRecords are listed, then "…and N more": a 200,000-row import stays cheap to log.
    static constexpr int kListedRecords = 1000;
    static QJsonArray recordList(const QStringList &records, qsizetype total);
    // Adds that list to the entry's details as "records".
    static void addRecords(AuditEntry *entry, const QStringList &records, qsizetype total);
    static bool append(const QSqlDatabase &db, const AuditEntry &entry, QString *error);
    // The newest entries whose actor, action, records or parameters contain text (all when empty).
    static QList<AuditEntry> search(const Store &store, const QString &text, int limit);
    static qint64 count(const Store &store, const QString &text);
    // Every entry from sinceMs on, oldest first; *error is set when the log could not be read whole.
    static QList<AuditEntry> since(const Store &store, qint64 sinceMs, QString *error);
    // The entries that name one record, newest first.
    static QList<AuditEntry> history(const Store &store, RecordKind kind, qint64 id, int limit = 50);
};

} // namespace mdm
