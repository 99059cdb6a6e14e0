#include "services/device_service.h"

#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "domain/invitation_rules.h"
#include "mail/outbox.h"
#include "services/bulk_action.h"
#include "services/record_labels.h"
#include "store/audit_log.h"
#include "store/bound_rows.h"
#include "store/directory.h"
#include "store/portable_sql.h"
#include "store/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {

struct DeviceRow
{
    qint64 id;
    QString name;
    QString serial;
    QString imei;
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
                       "SELECT id, name, coalesce(serial, ''), coalesce(imei, ''), platform, state,"
                       " coalesce(user_id, 0), coalesce(group_id, 0), ownership FROM devices WHERE id IN "
                       "(%1)")
                .arg(QString::fromLatin1(sqlPlaceholders(n)));
        },
        [&rows](const QSqlQuery &q) {
            rows.insert(q.value(0).toLongLong(),
                        {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString(), q.value(4).toInt(), q.value(5).toInt(),
                         q.value(6).toLongLong(), q.value(7).toLongLong(), q.value(8).toInt()});
        },
        error);
    return ok ? rows : QHash<qint64, DeviceRow>();
}

// Six random digits.
QString erasePin()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
}

QString deviceLabel(const DeviceRow &row)
{
    return RecordLabels::device(row.id, row.name, row.serial, row.imei);
}

// The invitation (and its mail) for one staged device assigned to a user, inside the caller's transaction.
class StagedInvitations
{
public:
    StagedInvitations(const Store &store, qint64 nowMs)
        : insert_(store.database()), outbox_(store), now_(nowMs)
    {
        insert_.prepare(
            QStringLiteral("INSERT INTO invitations (user_id, email, platform, ownership, group_id,"
                           " token_hash, requested_at, sent_at, expires_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0) RETURNING id"));
    }

    // The new invitation's ID; 0 (and *error) on failure.
    qint64 forDevice(const DeviceRow &device, const DeviceService::ResolvedTarget &to, QString *error)
    {
        const EnrollmentToken token = EnrollmentToken::generate();
        insert_.addBindValue(to.userId);
        insert_.addBindValue(to.user.email);
        insert_.addBindValue(device.platform);
        insert_.addBindValue(device.ownership);
        insert_.addBindValue(to.groupId > 0       ? to.groupId
                             : device.groupId > 0 ? QVariant(device.groupId)
                                                  : QVariant(QMetaType::fromType<qint64>()));
        insert_.addBindValue(token.hash);
        insert_.addBindValue(now_); // not sent yet: the 7 days start when the mail is accepted

        const qint64 id = insertReturningId(insert_, error);
        return id != 0 && outbox_.enqueue(id, to.user.email, token.text, now_, error) ? id : 0;
    }

private:
    QSqlQuery insert_;
    OutboxQueue outbox_;
    qint64 now_;
};

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

// What sets re-assigning managed devices apart from assigning staged ones.
struct DeviceService::AssignRules
{
    bool staged;          // the devices this applies to: staged ones, or managed ones
    QString wrongState;   // why a device of the other kind is skipped
    QString auditAction;  // "device.reassign" or "staged.assign"
    bool sendInvitations; // staged devices only: invite the user to enroll each one
};

BulkResult DeviceService::reassign(const QList<qint64> &deviceIds, const AssignTarget &target,
                                   const ActionControl &control)
{
    return assign(deviceIds, target,
                  {false, tr("Not a managed device."), QStringLiteral("device.reassign"), false}, control);
}

BulkResult DeviceService::assignStaged(const QList<qint64> &deviceIds, const AssignTarget &target,
                                       const ActionControl &control)
{
    return assign(deviceIds, target,
                  {true, tr("No longer staged: it has enrolled."), QStringLiteral("staged.assign"),
                   target.sendInvitation},
                  control);
}

// The user and group the devices go to, made on first use; false (and *error) when they cannot be.
bool DeviceService::resolveTarget(const AssignTarget &target, ResolvedTarget *resolved, QString *error)
{
    Directory directory(store_);
    resolved->groupOnly = target.userId <= 0 && target.email.trimmed().isEmpty();
    resolved->userId = target.userId;
    if (!resolved->groupOnly && resolved->userId <= 0) {
        resolved->userId = directory.userFor(target.name, target.email, error);
        if (resolved->userId == 0)
            return false;
    }
    if (resolved->userId > 0) {
        resolved->user = directory.user(resolved->userId);
        if (resolved->user.id == 0) {
            *error = tr("The chosen user no longer exists.");
            return false;
        }
    }
    resolved->groupId = directory.groupFor(target.group, error);
    return resolved->groupId >= 0;
}

BulkResult DeviceService::assign(const QList<qint64> &requestedIds, const AssignTarget &target,
                                 const AssignRules &rules, const ActionControl &control)
{
    const QList<qint64> deviceIds = uniqueIds(requestedIds);
    BulkResult result;
    result.error = validate(target);
    if (!result.error.isEmpty())
        return result;
    const qint64 now = clock_.nowMs();
    QList<qint64> changed;
    QStringList records;
    QList<qint64> invitations;
    QList<Outcome> outcomes;
    bool nothingChanged = false;
    result.ok = store_.transaction(
        [&](QString *error) {
            QSqlDatabase db = store_.database();
            ResolvedTarget to;
            if (!resolveTarget(target, &to, error))
                return false;
            const QHash<qint64, DeviceRow> rows = readDevices(db, deviceIds, error);
            if (!error->isEmpty())
                return false;
            StagedInvitations invite(store_, now);
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
                if ((it->state == static_cast<int>(DeviceState::Staged)) != rules.staged) {
                    outcomes.append({id, deviceLabel(*it), Outcome::Result::Skipped, rules.wrongState});
                    continue;
                }
                // Checked here, in the transaction: another process may have deprovisioned the device
                // while the dialog was open, and a device leaving management gets no new user.
                const auto state = static_cast<DeviceState>(it->state);
                if (state == DeviceState::RevokePending || state == DeviceState::WipePending) {
                    outcomes.append({id, deviceLabel(*it), Outcome::Result::Skipped,
                                     tr("Being deprovisioned: %1.").arg(DomainText::deviceState(state))});
                    continue;
                }
                const bool sameUser = to.groupOnly || it->userId == to.userId;
                const bool sameGroup = to.groupId == 0 || it->groupId == to.groupId;
                if (sameUser && sameGroup && !rules.sendInvitations) {
                    outcomes.append(
                        {id, deviceLabel(*it), Outcome::Result::Skipped,
                         tr("Already assigned to %1.").arg(to.groupOnly ? target.group : to.user.email)});
                    continue;
                }
                if (rules.sendInvitations && to.userId > 0) {
                    const qint64 invitationId = invite.forDevice(*it, to, error);
                    if (invitationId == 0)
                        return false;
                    invitations << invitationId;
                }
                changed << id;
                if (records.size() < AuditLog::kListedRecords)
                    records << deviceLabel(*it);
                outcomes.append({id, deviceLabel(*it), Outcome::Result::Done, {}});
            }
            if (changed.isEmpty()) {
                // Roll back the user or group made for nothing; the call itself still succeeded.
                nothingChanged = true;
                return false;
            }
            // Every device that passed gets the same user and group: one statement for all of them.
            QSqlQuery update(db);
            update.prepare(
                QStringLiteral("UPDATE devices SET user_id = coalesce(CAST(? AS BIGINT), user_id),"
                               " group_id = coalesce(CAST(? AS BIGINT), group_id) WHERE id IN (%1)")
                    .arg(idSetSql(db)));
            update.addBindValue(to.groupOnly ? QVariant(QMetaType::fromType<qint64>()) : QVariant(to.userId));
            update.addBindValue(to.groupId > 0 ? QVariant(to.groupId)
                                               : QVariant(QMetaType::fromType<qint64>()));
            update.addBindValue(idSetValue(db, changed));
            if (!execOrError(update, error))
                return false;
            return auditAssignment(rules, target, to, {changed, records}, invitations, now, error);
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

// One entry for the devices, and one for the invitations sent with them.
bool DeviceService::auditAssignment(const AssignRules &rules, const AssignTarget &target,
                                    const ResolvedTarget &to, const AuditedRecords &devices,
                                    const QList<qint64> &invitations, qint64 now, QString *error)
{
    const QList<qint64> &changed = devices.ids;
    const QSqlDatabase db = store_.database();
    if (!invitations.isEmpty() &&
        !AuditLog::append(db,
                          {now, AuditLog::currentActor(), QStringLiteral("invite.send"),
                           RecordKind::Invitation, invitations,
                           AuditLog::details({{QStringLiteral("count"), static_cast<int>(invitations.size())},
                                              {QStringLiteral("email"), to.user.email}})},
                          error))
        return false;
    QJsonObject details{{QStringLiteral("count"), static_cast<int>(changed.size())}};
    if (!to.groupOnly)
        details.insert(QStringLiteral("user"), to.user.email);
    if (to.groupId > 0)
        details.insert(QStringLiteral("group"), target.group.trimmed());
    if (!invitations.isEmpty())
        details.insert(QStringLiteral("invitations"), static_cast<int>(invitations.size()));
    AuditEntry entry{now,     AuditLog::currentActor(),  rules.auditAction, RecordKind::Device,
                     changed, AuditLog::details(details)};
    AuditLog::addRecords(&entry, devices.records, changed.size());
    return AuditLog::append(db, entry, error);
}

BulkResult DeviceService::deprovision(const QList<qint64> &deviceIds, DeprovisionMode mode,
                                      const ActionControl &control)
{
    const qint64 now = clock_.nowMs();
    const DeviceState pendingState =
        mode == DeprovisionMode::FactoryReset ? DeviceState::WipePending : DeviceState::RevokePending;
    BulkSteps<DeviceRow> steps;
    steps.read = readDevices;
    steps.label = deviceLabel;
    steps.record = deviceLabel;
    steps.check = [](const DeviceRow &row, QString *reason, QString *) {
        const auto state = static_cast<DeviceState>(row.state);
        if (state == DeviceState::Staged)
            *reason = tr("Not a managed device.");
        else if (state == DeviceState::RevokePending || state == DeviceState::WipePending)
            *reason = tr("Already queued: %1.").arg(DomainText::deviceState(state));
        return true;
    };
    steps.apply = [this, now, mode, pendingState](const QList<DeviceRow> &rows, QString *error) {
        const QSqlDatabase db = store_.database();
        BoundRows commands(db, QStringLiteral("deprovision_commands"),
                           {{QStringLiteral("device_id"), QStringLiteral("BIGINT")},
                            {QStringLiteral("pin"), QStringLiteral("TEXT")}});
        QList<qint64> ids;
        for (const DeviceRow &row : rows) {
            // A Mac erased by MDM is locked with a PIN the admin gives its user (Apple's EraseDevice).
            commands.append({row.id, mode == DeprovisionMode::FactoryReset &&
                                             row.platform == static_cast<int>(Platform::macOS)
                                         ? QVariant(erasePin())
                                         : QVariant(QMetaType::fromType<QString>())});
            ids << row.id;
        }
        if (!commands.stage(error))
            return false;
        QSqlQuery command(db);
        command.prepare(
            QStringLiteral("INSERT INTO commands (device_id, kind, state, created_at, updated_at, pin)"
                           " SELECT c.device_id, CAST(? AS INTEGER), 0, CAST(? AS BIGINT), CAST(? AS BIGINT),"
                           " c.pin FROM %1 ORDER BY c.ord")
                .arg(commands.from(QStringLiteral("c"))));
        command.addBindValue(static_cast<int>(mode));
        command.addBindValue(now);
        command.addBindValue(now);
        commands.bind(command);
        // A new attempt: the answer to a failed one (in remarks) no longer describes the device.
        QSqlQuery update(db);
        update.prepare(
            QStringLiteral("UPDATE devices SET state = ?, remarks = '' WHERE id IN (%1)").arg(idSetSql(db)));
        update.addBindValue(static_cast<int>(pendingState));
        update.addBindValue(idSetValue(db, ids));
        return execOrError(command, error) && execOrError(update, error);
    };
    steps.audit = [now, mode](const QList<qint64> &changed) {
        const bool wipe = mode == DeprovisionMode::FactoryReset;
        return AuditEntry{now,
                          AuditLog::currentActor(),
                          wipe ? QStringLiteral("device.factory_reset") : QStringLiteral("device.revoke_mdm"),
                          RecordKind::Device,
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
    BulkSteps<DeviceRow> steps;
    steps.read = readDevices;
    steps.label = deviceLabel;
    steps.record = deviceLabel;
    steps.check = [](const DeviceRow &row, QString *reason, QString *) {
        if (row.state != static_cast<int>(DeviceState::Staged))
            *reason = tr("No longer staged: it has enrolled.");
        return true;
    };
    steps.apply = [this](const QList<DeviceRow> &rows, QString *error) {
        const QSqlDatabase db = store_.database();
        QList<qint64> ids;
        for (const DeviceRow &row : rows)
            ids << row.id;
        QSqlQuery remove(db);
        remove.prepare(
            QStringLiteral("DELETE FROM devices WHERE id IN (%1) AND state = 0").arg(idSetSql(db)));
        remove.addBindValue(idSetValue(db, ids));
        return execOrError(remove, error);
    };
    steps.audit = [now](const QList<qint64> &changed) {
        return AuditLog::counted(now, QStringLiteral("staged.remove"), RecordKind::Device, changed);
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
