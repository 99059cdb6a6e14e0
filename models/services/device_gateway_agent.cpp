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

auto DeviceGatewayService::enrollAgent(const QString &token, Platform platform, const DeviceFacts &facts)
    -> AgentEnrollment
{
    AgentEnrollment out;
    if (token.isEmpty() || token.size() > 200) {
        out.status = GatewayOutcome::NotFound;
        return out;
    }
    if (facts.serial.trimmed().isEmpty() && facts.imei.trimmed().isEmpty()) {
        out.status = GatewayOutcome::BadRequest;
        out.error = tr("A serial number or an IMEI is needed.");
        return out;
    }
    const qint64 now = clock_.nowMs();
    QString error;
    Enrollment e;
    e.protocol = kAgentProtocol;
    e.platform = platform;
    const bool ok = store_.transaction(
        [&](QString *err) {
            qint64 invitationId = 0;
            const InvitationView view = readInvitation(EnrollmentToken::hashOf(token), &invitationId);
            out.status = view.status;
            out.gone = view.gone;
            if (view.status == GatewayOutcome::Failed)
                *err = view.error;
            if (view.status != GatewayOutcome::Ok)
                return false;
            if (view.platform != platform) {
                out.status = GatewayOutcome::Conflict;
                out.error = tr("This invitation is for %1, not %2.")
                                .arg(DomainText::platform(view.platform), DomainText::platform(platform));
                return false;
            }
            QSqlDatabase db = store_.database();
            QSqlQuery accept(db);
            accept.prepare(QStringLiteral("UPDATE invitations SET state = 1 WHERE id = ? AND %1")
                               .arg(QLatin1String(kUsableInvitation)));
            accept.addBindValue(invitationId);
            accept.addBindValue(now);
            if (!execOrError(accept, err))
                return false;
            if (accept.numRowsAffected() != 1) {
                out.status = GatewayOutcome::Gone;
                out.gone = InvitationGone::Used;
                return false;
            }
            const EnrollmentToken secret = EnrollmentToken::generate();
            out.secret = secret.text;
            QSqlQuery q(db);
            q.prepare(
                QStringLiteral("INSERT INTO enrollments (invitation_id, protocol, secret_hash, state,"
                               " created_at, last_seen_at, serial, imei, model, os_version, device_name)"
                               " VALUES (?, ?, ?, 2, ?, ?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''),"
                               " coalesce(?, ''), coalesce(?, '')) RETURNING id"));
            q.addBindValue(invitationId);
            q.addBindValue(kAgentProtocol);
            q.addBindValue(secretHash(out.secret));
            q.addBindValue(now);
            q.addBindValue(now);
            for (const QString &value :
                 {facts.serial, facts.imei, facts.model, facts.osVersion, facts.deviceName})
                q.addBindValue(value.trimmed());
            e.id = insertReturningId(q, err);
            if (e.id == 0)
                return false;
            e.invitationId = invitationId;
            if (!bindDevice(e, invitationId, platform, facts, now, err))
                return false;
            q.prepare(QStringLiteral("UPDATE enrollments SET device_id = ? WHERE id = ?"));
            q.addBindValue(e.deviceId);
            q.addBindValue(e.id);
            return execOrError(q, err);
        },
        &error);
    if (!ok) {
        out.secret.clear();
        if (out.status == GatewayOutcome::Ok || out.status == GatewayOutcome::Created ||
            out.status == GatewayOutcome::Failed) {
            out.status = GatewayOutcome::Failed;
            out.error = error;
        }
        return out;
    }
    out.status = GatewayOutcome::Created;
    out.deviceId = e.deviceId;
    return out;
}

auto DeviceGatewayService::agentCheckin(const QString &secret) -> AgentCheckin
{
    AgentCheckin out;
    QString error;
    const auto e = findEnrollment(secret, &error);
    if (!error.isEmpty())
        return {GatewayOutcome::Failed, error, {}};
    if (!e || e->protocol != kAgentProtocol || e->state != EnrollmentState::Enrolled || e->deviceId == 0)
        return {GatewayOutcome::Unauthorized, {}, {}};
    noteSeen(*e);
    if (!queuedCommands(*e, &out.commands, &error))
        return {GatewayOutcome::Failed, error, {}};
    bool fresh = false;
    for (const GatewayCommand &c : std::as_const(out.commands))
        fresh = fresh || c.uuid.isEmpty();
    if (fresh) {
        const qint64 now = clock_.nowMs();
        const bool ok = store_.transaction(
            [&](QString *err) {
                for (GatewayCommand &c : out.commands)
                    if (c.uuid.isEmpty() && !markOffered(*e, &c, now, err))
                        return false;
                return true;
            },
            &error);
        if (!ok)
            return {GatewayOutcome::Failed, error, {}};
    }
    return out;
}

auto DeviceGatewayService::agentResult(const QString &secret, qint64 commandId, CommandReportStatus status,
                                       const QString &errorText) -> Result
{
    QString error;
    const auto e = findEnrollment(secret, &error);
    if (!error.isEmpty())
        return {GatewayOutcome::Failed, error};
    if (!e || e->protocol != kAgentProtocol || e->state != EnrollmentState::Enrolled || e->deviceId == 0)
        return {GatewayOutcome::Unauthorized, {}};
    noteSeen(*e);
    Result result;
    bool removed = false;
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlQuery q(store_.database());
            q.prepare(QStringLiteral("SELECT 1 FROM commands WHERE id = ? AND device_id = ?"));
            q.addBindValue(commandId);
            q.addBindValue(e->deviceId);
            if (!execOrError(q, err))
                return false;
            if (!q.next()) {
                result.status = GatewayOutcome::NotFound;
                return false;
            }
            q.finish();
            if (!applyResult(*e, commandId, status, errorText, clock_.nowMs(), err))
                return false;
            q.prepare(QStringLiteral("SELECT 1 FROM devices WHERE id = ?"));
            q.addBindValue(e->deviceId);
            if (!execOrError(q, err))
                return false;
            removed = !q.next();
            return true;
        },
        &error);
    if (!ok && result.status == GatewayOutcome::Ok)
        return {GatewayOutcome::Failed, error};
    if (removed)
        lastSeen_.remove(e->id);
    return result;
}

} // namespace mdm
