#include "audit_log.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace mdm {

QString AuditLog::currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

bool AuditLog::append(const QSqlDatabase &db, const AuditEntry &entry, QString *error)
{
    QStringList ids;
    ids.reserve(entry.recordIds.size());
    for (qint64 id : entry.recordIds)
        ids << QString::number(id);

    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, record_kind, record_ids, details)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.atMs);
    q.addBindValue(entry.actor);
    q.addBindValue(entry.action);
    // A null QString binds as NULL; the columns say "nothing" with an empty string.
    q.addBindValue(entry.recordKind.isNull() ? QStringLiteral("") : entry.recordKind);
    q.addBindValue(ids.isEmpty() ? QStringLiteral("") : ids.join(QLatin1Char(',')));
    q.addBindValue(entry.details.isNull() ? QStringLiteral("") : entry.details);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    const qint64 auditId = q.lastInsertId().toLongLong();
    q.prepare(QStringLiteral("INSERT INTO audit_log_records (audit_id, record_kind, record_id) VALUES (?, ?, ?)"));
    for (qint64 id : entry.recordIds) {
        q.addBindValue(auditId);
        q.addBindValue(entry.recordKind);
        q.addBindValue(id);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace mdm
