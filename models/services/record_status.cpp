#include "services/record_status.h"

#include "domain/domain.h"
#include "domain/invitation_rules.h"
#include "store/sql.h"
#include "store/store.h"

#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {
// Codes of an invitation past the Pending tab, apart from the displayed statuses.
constexpr int kAccepted = 100;
} // namespace

RecordStatuses RecordStatusReader::of(const Store &store, RecordKind kind, const QList<qint64> &ids,
                                      qint64 nowMs, int limit)
{
    const bool devices = kind == RecordKind::Device;
    RecordStatuses out;
    QString error;
    forEachRowIn(
        store.database(), ids.mid(0, limit),
        [devices](qsizetype n) {
            return (devices ? QStringLiteral("SELECT id, state FROM devices WHERE id IN (%1)")
                            : QStringLiteral("SELECT id, state, delivery, expires_at FROM invitations"
                                             " WHERE id IN (%1)"))
                .arg(QString::fromLatin1(sqlPlaceholders(n)));
        },
        [&out, devices, nowMs](const QSqlQuery &q) {
            const qint64 id = q.value(0).toLongLong();
            const int state = q.value(1).toInt();
            if (devices) {
                out.insert(id, {state, DomainText::deviceState(static_cast<DeviceState>(state))});
                return;
            }
            switch (static_cast<InvitationRecordState>(state)) {
            case InvitationRecordState::Removed:
                return; // gone from the console as a removed record is
            case InvitationRecordState::Accepted:
                out.insert(id, {kAccepted, tr("Enrolled")});
                return;
            case InvitationRecordState::Pending:
                break;
            }
            const InvitationDisplayStatus status =
                inviteStatus(static_cast<DeliveryState>(q.value(2).toInt()), q.value(3).toLongLong(), nowMs);
            out.insert(id, {static_cast<int>(status), DomainText::inviteStatus(status)});
        },
        &error);
    return out;
}

void RecordStatusReader::markChanged(BulkResult *result, const RecordStatuses &selected,
                                     const RecordStatuses &now)
{
    for (Outcome &outcome : result->outcomes) {
        if (outcome.result == Outcome::Result::Done)
            continue;
        const auto before = selected.constFind(outcome.id);
        if (before == selected.constEnd())
            continue;
        const auto after = now.constFind(outcome.id);
        if (after == now.constEnd())
            outcome.reason = tr("Changed since you selected it: removed");
        else if (!(*after == *before))
            outcome.reason = tr("Changed since you selected it: now %1").arg(after->text);
    }
}

} // namespace mdm
