#include "services/push_queue.h"

#include "services/record_labels.h"
#include "store/audit_log.h"
#include "store/sql.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace mdm {

namespace {

// The enrollment that speaks for a device: enrolled, Apple's protocol (0), a push token not known dead.
// commands_queued (state = 0) and enrollments_device keep this cheap however large the fleet.
const char kDueSql[] = "SELECT c.id, c.device_id, e.id, e.push_token, e.push_magic FROM commands c"
                       " JOIN enrollments e ON e.device_id = c.device_id AND e.state = 2 AND e.protocol = 0"
                       " WHERE c.state = 0 AND c.pushed_at IS NULL AND e.push_dead = 0"
                       " AND e.push_token IS NOT NULL AND length(e.push_token) > 0"
                       " AND e.push_magic IS NOT NULL AND e.push_magic <> ''";

// More changed devices than this: one scan of all queued commands beats that many bound IDs.
constexpr qsizetype kMaxBoundIds = 500;

} // namespace

bool PushQueue::due(const Store &store, const QSet<qint64> &deviceIds, QList<Due> *out, QString *error)
{
    out->clear();
    QString sql = QString::fromLatin1(kDueSql);
    const bool some = !deviceIds.isEmpty() && deviceIds.size() <= kMaxBoundIds;
    if (some) {
        QStringList marks;
        marks.fill(QStringLiteral("?"), deviceIds.size());
        sql += QStringLiteral(" AND c.device_id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY c.id");
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(sql);
    if (some)
        for (qint64 id : deviceIds)
            q.addBindValue(id);
    if (!execOrError(q, error))
        return false;
    while (q.next()) {
        Due due;
        due.commandId = q.value(0).toLongLong();
        due.deviceId = q.value(1).toLongLong();
        due.enrollmentId = q.value(2).toLongLong();
        due.token = q.value(3).toByteArray();
        due.pushMagic = q.value(4).toString();
        out->append(due);
    }
    return true;
}

bool PushQueue::record(Store &store, const QList<Result> &results, QString *error)
{
    if (results.isEmpty())
        return true;
    return store.transaction(
        [&](QString *err) {
            QSqlDatabase db = store.database();
            QSqlQuery delivered(db);
            delivered.prepare(QStringLiteral("UPDATE commands SET pushed_at = ? WHERE id = ? AND state = 0"));
            // Only the token that was pushed dies: a TokenUpdate since then brought a live one.
            QSqlQuery dead(db);
            dead.prepare(
                QStringLiteral("UPDATE enrollments SET push_dead = 1 WHERE id = ? AND push_token = ?"));
            QList<qint64> failedDevices;
            QJsonArray reasons;
            qint64 lastAt = 0;
            for (const Result &result : results) {
                lastAt = qMax(lastAt, result.atMs);
                switch (result.outcome) {
                case Outcome::Delivered:
                    delivered.addBindValue(result.atMs);
                    delivered.addBindValue(result.push.commandId);
                    if (!execOrError(delivered, err))
                        return false;
                    break;
                case Outcome::Unregistered:
                    dead.addBindValue(result.push.enrollmentId);
                    dead.addBindValue(result.push.token);
                    if (!execOrError(dead, err))
                        return false;
                    break;
                case Outcome::Failed:
                    if (!failedDevices.contains(result.push.deviceId)) {
                        failedDevices << result.push.deviceId;
                        if (reasons.size() < 10)
                            reasons.append(result.detail);
                    }
                    break;
                }
            }
            if (failedDevices.isEmpty())
                return true;
            // One entry for the batch: at a high rate of failures (the push service down) the log gets one
            // line per batch, and each device's history still shows it.
            AuditEntry entry{lastAt,
                             AuditLog::currentActor(),
                             QStringLiteral("gateway.push_failed"),
                             RecordKind::Device,
                             failedDevices,
                             AuditLog::details({{QStringLiteral("count"), int(failedDevices.size())},
                                                {QStringLiteral("reasons"), reasons}})};
            AuditLog::addRecords(
                &entry, RecordLabels::of(store, RecordKind::Device, failedDevices, AuditLog::kListedRecords),
                failedDevices.size());
            return AuditLog::append(db, entry, err);
        },
        error);
}

} // namespace mdm
