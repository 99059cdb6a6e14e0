#include "store/audit_log.h"

#include "store/dialect.h"
#include "store/portable_sql.h"
#include "store/sql.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QSysInfo>
#include <QVariant>
#include <algorithm>
#include <pwd.h>
#include <unistd.h>

namespace mdm {

namespace {

QString &program()
{
    static QString name = QStringLiteral("console");
    return name;
}

QString osUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    // Services and cron jobs often run without USER; the account database still knows who we are.
    if (user.isEmpty())
        if (const passwd *account = getpwuid(geteuid()))
            user = QString::fromLocal8Bit(account->pw_name);
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

// SQLite inserts a prepared row in microseconds, in its own process.
bool appendRecordsByRow(QSqlQuery &q, qint64 auditId, const QString &kind, const QList<qint64> &ids,
                        QString *error)
{
    q.prepare(
        QStringLiteral("INSERT INTO audit_log_records (audit_id, record_kind, record_id) VALUES (?, ?, ?)"));
    for (qint64 id : ids) {
        q.addBindValue(auditId);
        q.addBindValue(kind);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
    }
    return true;
}

// PostgreSQL: a round trip per record would cost a bulk action or an import of 100,000 devices many
// seconds, so the IDs go as one array per statement (in slices, to keep each statement's text small).
bool appendRecordsAtOnce(QSqlQuery &q, qint64 auditId, const QString &kind, const QList<qint64> &ids,
                         QString *error)
{
    constexpr qsizetype kSlice = 50000;
    q.prepare(QStringLiteral("INSERT INTO audit_log_records (audit_id, record_kind, record_id)"
                             " SELECT ?, ?, unnest(CAST(? AS BIGINT[]))"));
    for (qsizetype from = 0; from < ids.size(); from += kSlice) {
        QByteArray array("{");
        for (qsizetype i = from; i < std::min(ids.size(), from + kSlice); ++i) {
            if (i > from)
                array += ',';
            array += QByteArray::number(ids[i]);
        }
        array += '}';
        q.addBindValue(auditId);
        q.addBindValue(kind);
        q.addBindValue(QString::fromLatin1(array));
        if (!q.exec()) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
    }
    return true;
}

} // namespace

void AuditLog::setProgram(const QString &name)
{
    program() = name;
}

QString AuditLog::currentActor()
{
    static const QString who = osUser() + QLatin1Char('@') + QSysInfo::machineHostName();
    return QStringLiteral("%1 (%2)").arg(who, program());
}

QString AuditLog::who(const AuditEntry &entry)
{
    if (entry.dbUser.isEmpty())
        return entry.actor;
    return Store::tr("%1 · database user %2").arg(entry.actor, entry.dbUser);
}

QString AuditLog::details(const QJsonObject &parameters)
{
    return QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact));
}

AuditEntry AuditLog::counted(qint64 atMs, const QString &action, RecordKind kind, const QList<qint64> &ids)
{
    return {atMs,   currentActor(),
            action, kind,
            ids,    details({{QStringLiteral("count"), static_cast<int>(ids.size())}})};
}

QJsonArray AuditLog::recordList(const QStringList &records, qsizetype total)
{
    QJsonArray list;
    const qsizetype listed = std::min<qsizetype>(records.size(), kListedRecords);
    for (qsizetype i = 0; i < listed; ++i)
        list.append(records.at(i));
    // Stored data, read by any console in any language: the marker stays English like the codes.
    if (total > listed)
        list.append(QStringLiteral("…and %1 more").arg(total - listed));
    return list;
}

void AuditLog::addRecords(AuditEntry *entry, const QStringList &records, qsizetype total)
{
    if (records.isEmpty())
        return;
    QJsonObject parameters = QJsonDocument::fromJson(entry->details.toUtf8()).object();
    parameters.insert(QStringLiteral("records"), recordList(records, total));
    entry->details = details(parameters);
}

bool AuditLog::append(const QSqlDatabase &db, const AuditEntry &entry, QString *error)
{
    QStringList ids;
    ids.reserve(entry.recordIds.size());
    for (qint64 id : entry.recordIds)
        ids << QString::number(id);

    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, record_kind, record_ids, details)"
                             " VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(entry.atMs);
    q.addBindValue(entry.actor);
    q.addBindValue(entry.action);
    // The columns say "nothing" with an empty string, never NULL.
    const QString kind = entry.recordKind ? recordKindKey(*entry.recordKind) : QStringLiteral("");
    q.addBindValue(kind);
    q.addBindValue(ids.isEmpty() ? QStringLiteral("") : ids.join(QLatin1Char(',')));
    q.addBindValue(entry.details.isNull() ? QStringLiteral("") : entry.details);
    const qint64 auditId = insertReturningId(q, error);
    if (auditId == 0)
        return false;
    return dialectOf(db).isPostgres() ? appendRecordsAtOnce(q, auditId, kind, entry.recordIds, error)
                                      : appendRecordsByRow(q, auditId, kind, entry.recordIds, error);
}

namespace {
QList<AuditEntry> readEntries(QSqlQuery &q, QString *error = nullptr)
{
    QList<AuditEntry> out;
    if (!q.exec()) {
        if (error)
            *error = describeSqlError(q.lastError(), Store::kDefaultBusyTimeoutMs);
        return out;
    }
    while (q.next()) {
        AuditEntry entry;
        entry.atMs = q.value(0).toLongLong();
        entry.actor = q.value(1).toString();
        entry.action = q.value(2).toString();
        entry.recordKind = recordKindFromKey(q.value(3).toString());
        for (const QString &part : q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            entry.recordIds << part.toLongLong();
        entry.details = q.value(5).toString();
        entry.dbUser = q.value(6).toString();
        out << entry;
    }
    if (error && q.lastError().isValid())
        *error = describeSqlError(q.lastError(), Store::kDefaultBusyTimeoutMs);
    return out;
}
} // namespace

namespace {
QString searchClause(const QString &text)
{
    if (text.isEmpty())
        return {};
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    QStringList any;
    for (const char *column : {"actor", "action", "details", "record_ids", "record_kind"})
        any << QStringLiteral("lower(%1) LIKE lower(?)%2")
                   .arg(QLatin1String(column), QLatin1String(kLikeEscape));
    return QStringLiteral(" WHERE ") + any.join(QStringLiteral(" OR "));
}

void bindSearch(QSqlQuery &q, const QString &text)
{
    if (text.isEmpty())
        return;
    const QString pattern = likeContains(text);
    for (int i = 0; i < 5; ++i)
        q.addBindValue(pattern);
}
} // namespace

QList<AuditEntry> AuditLog::search(const Store &store, const QString &text, int limit)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT at, actor, action, record_kind, record_ids, details, db_user FROM audit_log") +
        searchClause(text) + QStringLiteral(" ORDER BY at DESC, id DESC LIMIT %1").arg(limit));
    bindSearch(q, text);
    return readEntries(q);
}

qint64 AuditLog::count(const Store &store, const QString &text)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM audit_log") + searchClause(text));
    bindSearch(q, text);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QList<AuditEntry> AuditLog::since(const Store &store, qint64 sinceMs, QString *error)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT at, actor, action, record_kind, record_ids, details, db_user FROM audit_log"
                       " WHERE at >= ? ORDER BY at, id"));
    q.addBindValue(sinceMs);
    return readEntries(q, error);
}

QList<AuditEntry> AuditLog::history(const Store &store, RecordKind kind, qint64 id, int limit)
{
    QSqlQuery q(store.database());
    q.prepare(
        QStringLiteral("SELECT a.at, a.actor, a.action, a.record_kind, a.record_ids, a.details, a.db_user"
                       " FROM audit_log_records r JOIN audit_log a ON a.id = r.audit_id"
                       " WHERE r.record_kind = ? AND r.record_id = ? ORDER BY a.at DESC, a.id DESC LIMIT ?"));
    q.addBindValue(recordKindKey(kind));
    q.addBindValue(id);
    q.addBindValue(limit);
    return readEntries(q);
}

} // namespace mdm
