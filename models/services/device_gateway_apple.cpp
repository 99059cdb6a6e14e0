#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "services/device_gateway_internal.h"
#include "services/device_gateway_service.h"
#include "services/record_labels.h"
#include "store/audit_log.h"
#include "store/portable_sql.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

namespace mdm {

using namespace gateway_detail;

auto DeviceGatewayService::issueAppleEnrollment(const QString &token) -> AppleIssue
{
    AppleIssue out;
    if (token.isEmpty() || token.size() > 200)
        return out;
    const qint64 now = clock_.nowMs();
    QString error;
    const bool ok = store_.transaction(
        [&](QString *err) {
            qint64 invitationId = 0;
            out.invitation = readInvitation(EnrollmentToken::hashOf(token), &invitationId);
            if (out.invitation.status != GatewayOutcome::Ok)
                return false;
            if (!isApple(out.invitation.platform)) {
                out.invitation.status = GatewayOutcome::Conflict;
                return false;
            }
            const EnrollmentToken secret = EnrollmentToken::generate();
            out.secret = secret.text;
            out.profileIdentifier = QStringLiteral("com.mdm-console.enrollment.%1")
                                        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
            QSqlQuery q(store_.database());
            q.prepare(QStringLiteral("INSERT INTO enrollments (invitation_id, protocol, secret_hash,"
                                     " profile_identifier, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
            q.addBindValue(invitationId);
            q.addBindValue(kAppleProtocol);
            q.addBindValue(secretHash(out.secret));
            q.addBindValue(out.profileIdentifier);
            q.addBindValue(now);
            out.enrollmentId = insertReturningId(q, err);
            if (out.enrollmentId == 0)
                return false;
            return audit(store_.database(), now, QStringLiteral("gateway.profile"), RecordKind::Invitation,
                         {invitationId},
                         {{QStringLiteral("enrollment"), out.enrollmentId},
                          {QStringLiteral("profile"), out.profileIdentifier}},
                         err);
        },
        &error);
    if (!ok) {
        out.secret.clear();
        out.profileIdentifier.clear();
        out.enrollmentId = 0;
        if (out.invitation.status == GatewayOutcome::Ok) {
            out.invitation.status = GatewayOutcome::Failed;
            out.invitation.error = error;
        }
    }
    return out;
}

auto DeviceGatewayService::authenticate(const QString &secret, const DeviceFacts &facts) -> Result
{
    QString error;
    const auto e = findEnrollment(secret, &error);
    if (!error.isEmpty())
        return {GatewayOutcome::Failed, error};
    if (!e || e->protocol != kAppleProtocol || e->state == EnrollmentState::CheckedOut ||
        e->state == EnrollmentState::Ended)
        return {GatewayOutcome::Unauthorized, {}};
    const qint64 now = clock_.nowMs();
    Result result;
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlDatabase db = store_.database();
            if (e->state != EnrollmentState::Enrolled) {
                QSqlQuery usable(db);
                usable.prepare(QStringLiteral("SELECT 1 FROM invitations WHERE id = ? AND %1")
                                   .arg(QLatin1String(kUsableInvitation)));
                usable.addBindValue(e->invitationId);
                usable.addBindValue(now);
                if (!execOrError(usable, err))
                    return false;
                if (!usable.next()) {
                    result.status = GatewayOutcome::Gone;
                    return false;
                }
            }
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "UPDATE enrollments SET udid = coalesce(?, ''), serial = coalesce(?, ''),"
                " imei = coalesce(?, ''), model = coalesce(?, ''), os_version = coalesce(?, ''),"
                " device_name = coalesce(?, ''), last_seen_at = ?,"
                " state = CASE WHEN state < 1 THEN 1 ELSE state END WHERE id = ?"));
            for (const QString &value :
                 {facts.udid, facts.serial, facts.imei, facts.model, facts.osVersion, facts.deviceName})
                q.addBindValue(value);
            q.addBindValue(now);
            q.addBindValue(e->id);
            if (!execOrError(q, err))
                return false;
            return audit(db, now, QStringLiteral("gateway.authenticate"), RecordKind::Invitation,
                         {e->invitationId},
                         {{QStringLiteral("enrollment"), e->id},
                          {QStringLiteral("serial"), facts.serial},
                          {QStringLiteral("model"), facts.model}},
                         err);
        },
        &error);
    if (!ok && result.status == GatewayOutcome::Ok)
        return {GatewayOutcome::Failed, error};
    return result;
}

auto DeviceGatewayService::tokenUpdate(const QString &secret, const PushInfo &push) -> Result
{
    QString error;
    auto e = findEnrollment(secret, &error);
    if (!error.isEmpty())
        return {GatewayOutcome::Failed, error};
    if (!e || e->protocol != kAppleProtocol || e->state == EnrollmentState::CheckedOut ||
        e->state == EnrollmentState::Ended)
        return {GatewayOutcome::Unauthorized, {}};
    if (e->facts.udid.isEmpty() && e->facts.serial.isEmpty())
        return {GatewayOutcome::BadRequest, tr("TokenUpdate before Authenticate.")};
    const qint64 now = clock_.nowMs();
    Result result;
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlDatabase db = store_.database();
            if (e->state != EnrollmentState::Enrolled) {
                // The first TokenUpdate enrolls: the invitation is used once, by whoever gets here first.
                QSqlQuery accept(db);
                accept.prepare(QStringLiteral("UPDATE invitations SET state = 1 WHERE id = ? AND %1")
                                   .arg(QLatin1String(kUsableInvitation)));
                accept.addBindValue(e->invitationId);
                accept.addBindValue(now);
                if (!execOrError(accept, err))
                    return false;
                if (accept.numRowsAffected() != 1) {
                    result.status = GatewayOutcome::Gone;
                    return false;
                }
                if (!bindDevice(*e, e->invitationId, e->platform, e->facts, now, err))
                    return false;
            }
            QSqlQuery q(db);
            q.prepare(
                QStringLiteral("UPDATE enrollments SET device_id = ?, state = 2, push_token = ?,"
                               " push_magic = ?, unlock_token = coalesce(?, unlock_token), push_dead = 0,"
                               " last_seen_at = ? WHERE id = ?"));
            q.addBindValue(e->deviceId);
            q.addBindValue(push.token);
            q.addBindValue(push.pushMagic);
            q.addBindValue(push.unlockToken.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                                      : QVariant(push.unlockToken));
            q.addBindValue(now);
            q.addBindValue(e->id);
            return execOrError(q, err);
        },
        &error);
    if (!ok && result.status == GatewayOutcome::Ok)
        return {GatewayOutcome::Failed, error};
    if (ok)
        noteSeen(*e);
    return result;
}

auto DeviceGatewayService::checkOut(const QString &secret) -> Result
{
    QString error;
    const auto e = findEnrollment(secret, &error);
    if (!error.isEmpty())
        return {GatewayOutcome::Failed, error};
    if (!e || e->state == EnrollmentState::CheckedOut || e->state == EnrollmentState::Ended)
        return {GatewayOutcome::Unauthorized, {}};
    const qint64 now = clock_.nowMs();
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlDatabase db = store_.database();
            QSqlQuery q(db);
            int deviceState = -1;
            if (e->deviceId > 0) {
                q.prepare(QStringLiteral("SELECT state FROM devices WHERE id = ?"));
                q.addBindValue(e->deviceId);
                if (!execOrError(q, err))
                    return false;
                if (q.next())
                    deviceState = q.value(0).toInt();
                q.finish();
            }
            if (!audit(db, now, QStringLiteral("gateway.checkout"),
                       e->deviceId > 0 ? RecordKind::Device : RecordKind::Invitation,
                       {e->deviceId > 0 ? e->deviceId : e->invitationId},
                       {{QStringLiteral("enrollment"), e->id}}, err))
                return false;
            // A device leaving management while a revoke was asked of it has done what was asked.
            if (deviceState == static_cast<int>(DeviceState::RevokePending))
                return removeDevice(*e, QStringLiteral("revoked"), now, err);
            q.prepare(QStringLiteral("UPDATE enrollments SET state = 3, last_seen_at = ? WHERE id = ?"));
            q.addBindValue(now);
            q.addBindValue(e->id);
            if (!execOrError(q, err))
                return false;
            if (deviceState < 0)
                return true;
            q.prepare(QStringLiteral("UPDATE devices SET state = 2, last_seen_at = ? WHERE id = ?"));
            q.addBindValue(now);
            q.addBindValue(e->deviceId);
            if (!execOrError(q, err))
                return false;
            // Nothing can reach the device any more.
            q.prepare(QStringLiteral("UPDATE commands SET state = 2, error = ?, updated_at = ?"
                                     " WHERE device_id = ? AND state = 0"));
            q.addBindValue(tr("The device left management before it carried out the command."));
            q.addBindValue(now);
            q.addBindValue(e->deviceId);
            return execOrError(q, err);
        },
        &error);
    if (!ok)
        return {GatewayOutcome::Failed, error};
    lastSeen_.remove(e->id);
    return {};
}

auto DeviceGatewayService::connect(const QString &secret, CommandReportStatus report,
                                   const QString &commandUuid, const QString &errorText) -> ConnectReply
{
    ConnectReply reply;
    QString error;
    const auto e = findEnrollment(secret, &error);
    if (!error.isEmpty())
        return {GatewayOutcome::Failed, error, std::nullopt};
    if (!e || e->protocol != kAppleProtocol || e->state != EnrollmentState::Enrolled || e->deviceId == 0)
        return {GatewayOutcome::Unauthorized, {}, std::nullopt};
    noteSeen(*e);
    const qint64 now = clock_.nowMs();
    qint64 notNow = 0;
    if (report != CommandReportStatus::Idle && !commandUuid.isEmpty()) {
        bool removed = false;
        const bool ok = store_.transaction(
            [&](QString *err) {
                QSqlQuery q(store_.database());
                q.prepare(QStringLiteral("SELECT id FROM commands WHERE uuid = ? AND device_id = ?"));
                q.addBindValue(commandUuid);
                q.addBindValue(e->deviceId);
                if (!execOrError(q, err))
                    return false;
                if (!q.next())
                    return true;
                const qint64 id = q.value(0).toLongLong();
                q.finish();
                if (report == CommandReportStatus::NotNow)
                    notNow = id;
                if (!applyResult(*e, id, report, errorText, now, err))
                    return false;
                QSqlQuery gone(store_.database());
                gone.prepare(QStringLiteral("SELECT 1 FROM devices WHERE id = ?"));
                gone.addBindValue(e->deviceId);
                if (!execOrError(gone, err))
                    return false;
                removed = !gone.next();
                return true;
            },
            &error);
        if (!ok)
            return {GatewayOutcome::Failed, error, std::nullopt};
        if (removed) {
            lastSeen_.remove(e->id);
            return reply;
        }
    }
    QList<GatewayCommand> commands;
    if (!queuedCommands(*e, &commands, &error))
        return {GatewayOutcome::Failed, error, std::nullopt};
    for (GatewayCommand &command : commands) {
        if (command.id == notNow)
            continue;
        if (command.uuid.isEmpty()) {
            const bool ok =
                store_.transaction([&](QString *err) { return markOffered(*e, &command, now, err); }, &error);
            if (!ok)
                return {GatewayOutcome::Failed, error, std::nullopt};
        }
        reply.command = command;
        break;
    }
    return reply;
}

} // namespace mdm
