#include "services/device_service.h"

#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "domain/invitation_rules.h"
#include "mail/outbox.h"
#include "services/bulk_action.h"
#include "store/audit_log.h"
#include "store/directory.h"
#include "store/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {

struct DeviceRow
{
    qint64 id;
    QString name;
    int platform;
    int state;
    qint64 userId;
    qint64 groupId;
    int ownership;
};

QHash<qint64, DeviceRow> readDevices(const QSqlDatabase &db, const QList<qint64> &ids, QString *error)
{
    QHash<qint64, DeviceRow> rows;
    const bool ok = forEachRowIn(
        db, ids,
        [](qsizetype n) {
            return QStringLiteral(
                       "SELECT id, name, platform, state, coalesce(user_id, 0), coalesce(group_id, 0),"
                       " ownership FROM devices WHERE id IN (%1)")
                .arg(QString::fromLatin1(sqlPlaceholders(n)));
        },
        [&rows](const QSqlQuery &q) {
            rows.insert(q.value(0).toLongLong(),
                        {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                         q.value(3).toInt(), q.value(4).toLongLong(), q.value(5).toLongLong(),
                         q.value(6).toInt()});
        },
        error);
    return ok ? rows : QHash<qint64, DeviceRow>();
}

QString deviceLabel(const DeviceRow &row)
{
    return row.name.isEmpty() ? QStringLiteral("#%1").arg(row.id) : row.name;
}

} // namespace

QString DeviceService::validate(const AssignTarget &target)
{
    if (target.userId > 0)
        return {};
    if (target.email.trimmed().isEmpty() && target.name.trimmed().isEmpty() &&
        !target.group.trimmed().isEmpty())
        return {}; // a group change only
    if (target.name.trimmed().isEmpty())
        return tr("The new user's name is empty.");
    if (!isValidEmail(target.email.trimmed()))
        return tr("“%1” is not an email address.").arg(target.email);
    return {};
}

BulkResult DeviceService::reassign(const QList<qint64> &deviceIds, const AssignTarget &target,
                                   const ActionControl &control)
{
    return assign(deviceIds, target, false, control);
}

BulkResult DeviceService::assignStaged(const QList<qint64> &deviceIds, const AssignTarget &target,
                                       const ActionControl &control)
{
    return assign(deviceIds, target, true, control);
}

BulkResult DeviceService::assign(const QList<qint64> &requestedIds, const AssignTarget &target, bool staged,
                                 const ActionControl &control)
{
    const QList<qint64> deviceIds = uniqueIds(requestedIds);
    BulkResult result;
    result.error = validate(target);
    if (!result.error.isEmpty())
        return result;
    const bool groupOnly = target.userId <= 0 && target.email.trimmed().isEmpty();
    const qint64 now = clock_.nowMs();
    QList<qint64> changed;
    QList<qint64> invitations;
    QList<Outcome> outcomes;
    bool nothingChanged = false;
    result.ok = store_.transaction(
        [&](QString *error) {
            QSqlDatabase db = store_.database();
            Directory directory(store_);
            qint64 userId = target.userId;
            if (!groupOnly && userId <= 0) {
                userId = directory.userFor(target.name, target.email, error);
                if (userId == 0)
                    return false;
            }
            if (userId > 0 && directory.user(userId).id == 0) {
                *error = tr("The chosen user no longer exists.");
                return false;
            }
            const qint64 groupId = directory.groupFor(target.group, error);
            if (groupId < 0)
                return false;
            const QHash<qint64, DeviceRow> rows = readDevices(db, deviceIds, error);
            if (!error->isEmpty())
                return false;
            QSqlQuery update(db);
            update.prepare(QStringLiteral("UPDATE devices SET user_id = coalesce(?, user_id),"
                                          " group_id = coalesce(?, group_id) WHERE id = ?"));
            QSqlQuery invite(db);
            invite.prepare(QStringLiteral("INSERT INTO invitations (user_id, email, platform, ownership, "
                                          "group_id, token_hash, requested_at,"
                                          " sent_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            OutboxQueue outbox(store_);
            const UserInfo user = userId > 0 ? directory.user(userId) : UserInfo{};
            qint64 done = 0;
            for (qint64 id : deviceIds) {
                if (control.cancelled()) {
                    result.cancelled = true;
                    *error = tr("Cancelled; no device was changed.");
                    return false;
                }
                control.report(++done, deviceIds.size());
                const auto it = rows.constFind(id);
                if (it == rows.constEnd()) {
                    outcomes.append({id, QStringLiteral("#%1").arg(id), Outcome::Result::Skipped,
                                     tr("No longer exists.")});
                    continue;
                }
                const bool isStaged = it->state == static_cast<int>(DeviceState::Staged);
                if (isStaged != staged) {
                    outcomes.append(
                        {id, deviceLabel(*it), Outcome::Result::Skipped,
                         staged ? tr("No longer staged: it has enrolled.") : tr("Not a managed device.")});
                    continue;
                }
                const bool sameUser = groupOnly || it->userId == userId;
                const bool sameGroup = groupId == 0 || it->groupId == groupId;
                if (sameUser && sameGroup && !(staged && target.sendInvitation)) {
                    outcomes.append(
                        {id, deviceLabel(*it), Outcome::Result::Skipped,
                         tr("Already assigned to %1.").arg(groupOnly ? target.group : user.email)});
                    continue;
                }
                update.addBindValue(groupOnly ? QVariant(QMetaType::fromType<qint64>()) : QVariant(userId));
                update.addBindValue(groupId > 0 ? QVariant(groupId)
                                                : QVariant(QMetaType::fromType<qint64>()));
                update.addBindValue(id);
                if (!execOrError(update, error))
                    return false;
                if (staged && target.sendInvitation && userId > 0) {
                    const EnrollmentToken token = EnrollmentToken::generate();
                    invite.addBindValue(userId);
                    invite.addBindValue(user.email);
                    invite.addBindValue(it->platform);
                    invite.addBindValue(it->ownership);
                    invite.addBindValue(groupId > 0       ? groupId
                                        : it->groupId > 0 ? QVariant(it->groupId)
                                                          : QVariant(QMetaType::fromType<qint64>()));
                    invite.addBindValue(token.hash);
                    invite.addBindValue(now);
                    invite.addBindValue(now);
                    invite.addBindValue(invitationExpiry(now));
                    if (!execOrError(invite, error))
                        return false;
                    const qint64 invitationId = invite.lastInsertId().toLongLong();
                    if (!outbox.enqueue(invitationId, user.email, token.text, now, error))
                        return false;
                    invitations << invitationId;
                }
                changed << id;
                outcomes.append({id, deviceLabel(*it), Outcome::Result::Done, {}});
            }
            if (changed.isEmpty()) {
                // Roll back the user or group made for nothing; the call itself still succeeded.
                nothingChanged = true;
                return false;
            }
            if (!invitations.isEmpty() &&
                !AuditLog::append(
                    db,
                    {now, AuditLog::currentActor(), QStringLiteral("invite.send"),
                     QStringLiteral("invitation"), invitations,
                     AuditLog::details({{QStringLiteral("count"), static_cast<int>(invitations.size())},
                                        {QStringLiteral("email"), user.email}})},
                    error))
                return false;
            QJsonObject details{{QStringLiteral("count"), static_cast<int>(changed.size())}};
            if (!groupOnly)
                details.insert(QStringLiteral("user"), user.email);
            if (groupId > 0)
                details.insert(QStringLiteral("group"), target.group.trimmed());
            if (!invitations.isEmpty())
                details.insert(QStringLiteral("invitations"), static_cast<int>(invitations.size()));
            return AuditLog::append(
                db,
                {now, AuditLog::currentActor(),
                 staged ? QStringLiteral("staged.assign") : QStringLiteral("device.reassign"),
                 QStringLiteral("device"), changed, AuditLog::details(details)},
                error);
        },
        &result.error);
    if (nothingChanged) {
        result.ok = true;
        result.error.clear();
    }
    if (result.ok) {
        result.outcomes = outcomes;
        result.createdIds = invitations;
        if (!changed.isEmpty())
            store_.announce(RecordKind::Device, changed);
        if (!invitations.isEmpty())
            store_.announce(RecordKind::Invitation, invitations);
    }
    return result;
}

BulkResult DeviceService::deprovision(const QList<qint64> &deviceIds, DeprovisionMode mode,
                                      const ActionControl &control)
{
    const qint64 now = clock_.nowMs();
    const DeviceState pendingState =
        mode == DeprovisionMode::FactoryReset ? DeviceState::WipePending : DeviceState::RevokePending;
    QSqlDatabase db = store_.database();
    QSqlQuery command(db);
    command.prepare(QStringLiteral("INSERT INTO commands (device_id, kind, state, created_at, updated_at)"
                                   " VALUES (?, ?, 0, ?, ?)"));
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE devices SET state = ? WHERE id = ?"));
    BulkSteps<DeviceRow> steps;
    steps.read = readDevices;
    steps.label = deviceLabel;
    steps.check = [](const DeviceRow &row, QString *reason, QString *) {
        const auto state = static_cast<DeviceState>(row.state);
        if (state == DeviceState::Staged)
            *reason = tr("Not a managed device.");
        else if (state == DeviceState::RevokePending || state == DeviceState::WipePending)
            *reason = tr("Already queued: %1.").arg(DomainText::deviceState(state));
        return true;
    };
    steps.apply = [&](qint64 id, const DeviceRow &, QString *error) {
        command.addBindValue(id);
        command.addBindValue(static_cast<int>(mode));
        command.addBindValue(now);
        command.addBindValue(now);
        update.addBindValue(static_cast<int>(pendingState));
        update.addBindValue(id);
        return execOrError(command, error) && execOrError(update, error);
    };
    steps.audit = [now, mode](const QList<qint64> &changed) {
        const bool wipe = mode == DeprovisionMode::FactoryReset;
        return AuditEntry{now,
                          AuditLog::currentActor(),
                          wipe ? QStringLiteral("device.factory_reset") : QStringLiteral("device.revoke_mdm"),
                          QStringLiteral("device"),
                          changed,
                          AuditLog::details({{QStringLiteral("count"), static_cast<int>(changed.size())},
                                             {QStringLiteral("mode"), wipe ? QStringLiteral("factory-reset")
                                                                           : QStringLiteral("revoke")}})};
    };
    steps.cancelledMessage = tr("Cancelled; no device was changed.");
    return runBulk(store_, RecordKind::Device, deviceIds, control, steps);
}

BulkResult DeviceService::removeStaged(const QList<qint64> &deviceIds, const ActionControl &control)
{
    const qint64 now = clock_.nowMs();
    QSqlQuery remove(store_.database());
    remove.prepare(QStringLiteral("DELETE FROM devices WHERE id = ? AND state = 0"));
    BulkSteps<DeviceRow> steps;
    steps.read = readDevices;
    steps.label = deviceLabel;
    steps.check = [](const DeviceRow &row, QString *reason, QString *) {
        if (row.state != static_cast<int>(DeviceState::Staged))
            *reason = tr("No longer staged: it has enrolled.");
        return true;
    };
    steps.apply = [&](qint64 id, const DeviceRow &, QString *error) {
        remove.addBindValue(id);
        return execOrError(remove, error);
    };
    steps.audit = [now](const QList<qint64> &changed) {
        return AuditLog::counted(now, QStringLiteral("staged.remove"), QStringLiteral("device"), changed);
    };
    steps.cancelledMessage = tr("Cancelled; no device was removed.");
    return runBulk(store_, RecordKind::Device, deviceIds, control, steps);
}

QList<DeviceInfo> DeviceService::devices(const QList<qint64> &ids, int limit) const
{
    QList<DeviceInfo> out;
    QSqlQuery q(store_.database());
    q.prepare(
        QStringLiteral("SELECT d.id, d.name, d.platform, d.state, coalesce(u.name, ''), coalesce(u.email, '')"
                       " FROM devices d LEFT JOIN users u ON u.id = d.user_id WHERE d.id = ?"));
    for (qint64 id : ids) {
        if (out.size() >= limit)
            break;
        q.addBindValue(id);
        if (q.exec() && q.next())
            out.append(
                {q.value(0).toLongLong(), q.value(1).toString(), static_cast<Platform>(q.value(2).toInt()),
                 static_cast<DeviceState>(q.value(3).toInt()), q.value(4).toString(), q.value(5).toString()});
    }
    return out;
}

} // namespace mdm
