#include "services/device_gateway_service.h"

#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "services/device_gateway_internal.h"
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

QString firstNameOf(const QString &name)
{
    const QStringList words = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return words.value(0);
}

DeviceGatewayService::DeviceGatewayService(Store &store, const Clock &clock)
    : store_(store), clock_(clock), findEnrollment_(store.database()), queued_(store.database())
{
    findEnrollment_.prepare(QStringLiteral(
        "SELECT e.id, e.invitation_id, coalesce(e.device_id, 0), e.protocol, e.state,"
        " coalesce(e.profile_identifier, ''), i.platform, e.secret_hash, e.serial, e.imei, e.model,"
        " e.os_version, e.device_name, coalesce(e.udid, '')"
        " FROM enrollments e JOIN invitations i ON i.id = e.invitation_id WHERE e.secret_hash = ?"));
    queued_.prepare(QStringLiteral("SELECT id, kind, coalesce(uuid, ''), coalesce(pin, ''),"
                                   " CASE WHEN offered_at IS NULL THEN 1 ELSE 0 END"
                                   " FROM commands WHERE device_id = ? AND state = 0 ORDER BY id"));
}

DeviceGatewayService::~DeviceGatewayService()
{
    QString error;
    flush(&error);
}
auto DeviceGatewayService::findEnrollment(const QString &secret, QString *error) const
    -> std::optional<Enrollment>
{
    if (secret.isEmpty() || secret.size() > 200)
        return std::nullopt;
    const QByteArray hash = secretHash(secret);
    findEnrollment_.addBindValue(hash);
    if (!findEnrollment_.exec()) {
        *error = sqlErrorText(findEnrollment_.lastError());
        return std::nullopt;
    }
    if (!findEnrollment_.next() || !sameHash(findEnrollment_.value(7).toByteArray(), hash)) {
        findEnrollment_.finish();
        return std::nullopt;
    }
    const QSqlQuery &q = findEnrollment_;
    Enrollment e;
    e.id = q.value(0).toLongLong();
    e.invitationId = q.value(1).toLongLong();
    e.deviceId = q.value(2).toLongLong();
    e.protocol = q.value(3).toInt();
    e.state = static_cast<EnrollmentState>(q.value(4).toInt());
    e.profileIdentifier = q.value(5).toString();
    e.platform = static_cast<Platform>(q.value(6).toInt());
    e.facts.serial = q.value(8).toString();
    e.facts.imei = q.value(9).toString();
    e.facts.model = q.value(10).toString();
    e.facts.osVersion = q.value(11).toString();
    e.facts.deviceName = q.value(12).toString();
    e.facts.udid = q.value(13).toString();
    findEnrollment_.finish();
    return e;
}

qint64 DeviceGatewayService::enrollmentIdOf(const QString &secret) const
{
    QString error;
    const auto e = findEnrollment(secret, &error);
    return e ? e->id : 0;
}

void DeviceGatewayService::noteSeen(const Enrollment &enrollment)
{
    lastSeen_.insert(enrollment.id, {enrollment.deviceId, clock_.nowMs()});
}

auto DeviceGatewayService::readInvitation(const QByteArray &tokenHash, qint64 *invitationId) const
    -> InvitationView
{
    InvitationView view;
    QSqlQuery q(store_.database());
    q.prepare(
        QStringLiteral("SELECT i.id, i.state, i.delivery, i.expires_at, i.platform, coalesce(u.name, ''),"
                       " i.token_hash FROM invitations i LEFT JOIN users u ON u.id = i.user_id"
                       " WHERE i.token_hash = ?"));
    q.addBindValue(tokenHash);
    if (!q.exec()) {
        view.status = GatewayOutcome::Failed;
        view.error = sqlErrorText(q.lastError());
        return view;
    }
    if (!q.next() || !sameHash(q.value(6).toByteArray(), tokenHash))
        return view; // NotFound
    *invitationId = q.value(0).toLongLong();
    view.platform = static_cast<Platform>(q.value(4).toInt());
    view.firstName = firstNameOf(q.value(5).toString());
    const auto state = static_cast<InvitationRecordState>(q.value(1).toInt());
    const auto delivery = static_cast<DeliveryState>(q.value(2).toInt());
    if (state == InvitationRecordState::Accepted)
        view.gone = InvitationGone::Used;
    else if (state == InvitationRecordState::Removed)
        view.gone = InvitationGone::Removed;
    else if (delivery == DeliveryState::Sent && clock_.nowMs() >= q.value(3).toLongLong())
        view.gone = InvitationGone::Expired;
    view.status = view.gone == InvitationGone::None ? GatewayOutcome::Ok : GatewayOutcome::Gone;
    return view;
}

auto DeviceGatewayService::viewInvitation(const QString &token) const -> InvitationView
{
    qint64 id = 0;
    if (token.isEmpty() || token.size() > 200)
        return {};
    return readInvitation(EnrollmentToken::hashOf(token), &id);
}

bool DeviceGatewayService::bindDevice(Enrollment &enrollment, qint64 invitationId, Platform platform,
                                      const DeviceFacts &facts, qint64 now, QString *error)
{
    QSqlDatabase db = store_.database();
    QSqlQuery inv(db);
    inv.prepare(QStringLiteral("SELECT user_id, group_id, ownership FROM invitations WHERE id = ?"));
    inv.addBindValue(invitationId);
    if (!execOrError(inv, error))
        return false;
    if (!inv.next()) {
        *error = tr("The invitation no longer exists.");
        return false;
    }
    const qint64 userId = inv.value(0).toLongLong();
    const qint64 groupId = inv.value(1).toLongLong();
    const int ownership = inv.value(2).toInt();

    QString serial = facts.serial.trimmed();
    const QString imei = facts.imei.trimmed();
    if (serial.isEmpty() && imei.isEmpty())
        serial = facts.udid.trimmed(); // an Apple device that sent no serial: its UDID identifies it
    const QString name = !facts.deviceName.trimmed().isEmpty() ? facts.deviceName.trimmed()
                         : !facts.model.trimmed().isEmpty()    ? facts.model.trimmed()
                                                               : serial;

    // A staged device (or an earlier record of this one) with the same serial or IMEI becomes this
    // device: a staged record brings its user and group. "serial <> ''" lets SQLite use the partial
    // unique indexes: without it, every enrollment would scan the whole fleet.
    QSqlQuery existing(db);
    existing.prepare(QStringLiteral(
        "SELECT id, state, user_id, group_id FROM ("
        " SELECT id, state, coalesce(user_id, 0) AS user_id, coalesce(group_id, 0) AS group_id FROM devices"
        "  WHERE serial = ? AND serial <> ''"
        " UNION ALL"
        " SELECT id, state, coalesce(user_id, 0), coalesce(group_id, 0) FROM devices"
        "  WHERE imei = ? AND imei <> '') AS candidates"
        " ORDER BY CASE WHEN state = 0 THEN 0 ELSE 1 END, id LIMIT 1"));
    existing.addBindValue(serial);
    existing.addBindValue(imei);
    if (!execOrError(existing, error))
        return false;
    qint64 deviceId = 0;
    qint64 deviceUser = userId;
    qint64 deviceGroup = groupId;
    bool tookOverStaged = false;
    if (existing.next()) {
        deviceId = existing.value(0).toLongLong();
        if (existing.value(1).toInt() == static_cast<int>(DeviceState::Staged)) {
            tookOverStaged = true;
            if (existing.value(2).toLongLong() > 0)
                deviceUser = existing.value(2).toLongLong();
            if (existing.value(3).toLongLong() > 0)
                deviceGroup = existing.value(3).toLongLong();
        }
    }
    existing.finish();
    QSqlQuery q(db);
    if (deviceId > 0) {
        q.prepare(QStringLiteral(
            "UPDATE devices SET name = ?, platform = ?, ownership = ?,"
            " serial = coalesce(?, serial), imei = coalesce(?, imei), model = coalesce(?, ''),"
            " os_version = coalesce(?, ''), user_id = ?, group_id = ?, invitation_id = ?, state = 1,"
            " enrolled_at = ?, last_seen_at = ?, remarks = '' WHERE id = ?"));
    } else {
        q.prepare(QStringLiteral(
            "INSERT INTO devices (name, platform, ownership, serial, imei, model,"
            " os_version, user_id, group_id, invitation_id, state, enrolled_at,"
            " last_seen_at) VALUES (?, ?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?, 1, ?, ?)"
            " RETURNING id"));
    }
    q.addBindValue(name);
    q.addBindValue(static_cast<int>(platform));
    q.addBindValue(ownership);
    q.addBindValue(nullIfEmpty(serial));
    q.addBindValue(nullIfEmpty(imei));
    q.addBindValue(facts.model.trimmed());
    q.addBindValue(facts.osVersion.trimmed());
    q.addBindValue(nullIfZero(deviceUser));
    q.addBindValue(nullIfZero(deviceGroup));
    q.addBindValue(invitationId);
    q.addBindValue(now);
    q.addBindValue(now);
    if (deviceId > 0)
        q.addBindValue(deviceId);
    if (deviceId > 0) {
        if (!execOrError(q, error))
            return false;
    } else if ((deviceId = insertReturningId(q, error)) == 0) {
        return false;
    }

    // An earlier enrollment of the same device (re-enrolled after a wipe) no longer speaks for it.
    QSqlQuery others(db);
    others.prepare(
        QStringLiteral("UPDATE enrollments SET state = 4 WHERE device_id = ? AND id <> ? AND state < 3"));
    others.addBindValue(deviceId);
    others.addBindValue(enrollment.id);
    if (!execOrError(others, error))
        return false;
    enrollment.deviceId = deviceId;
    enrollment.state = EnrollmentState::Enrolled;
    QJsonObject details{{QStringLiteral("enrollment"), enrollment.id},
                        {QStringLiteral("invitation"), invitationId},
                        {QStringLiteral("protocol"), enrollment.protocol == kAppleProtocol
                                                         ? QStringLiteral("apple")
                                                         : QStringLiteral("agent")}};
    if (tookOverStaged)
        details.insert(QStringLiteral("staged"), true);
    AuditEntry entry{
        now,        AuditLog::currentActor(),  QStringLiteral("gateway.enroll"), RecordKind::Device,
        {deviceId}, AuditLog::details(details)};
    AuditLog::addRecords(&entry, {RecordLabels::device(deviceId, name, serial, imei)}, 1);
    return AuditLog::append(db, entry, error);
}

bool DeviceGatewayService::removeDevice(const Enrollment &enrollment, const QString &why, qint64 now,
                                        QString *error)
{
    QSqlDatabase db = store_.database();
    const QStringList labels = RecordLabels::of(store_, RecordKind::Device, {enrollment.deviceId}, 1);
    AuditEntry entry{
        now,
        AuditLog::currentActor(),
        QStringLiteral("gateway.device_removed"),
        RecordKind::Device,
        {enrollment.deviceId},
        AuditLog::details({{QStringLiteral("enrollment"), enrollment.id}, {QStringLiteral("reason"), why}})};
    AuditLog::addRecords(&entry, labels, 1);
    if (!AuditLog::append(db, entry, error))
        return false;
    QSqlQuery q(db);
    // Every enrollment of the device ends: none of them may speak for it again.
    q.prepare(QStringLiteral("UPDATE enrollments SET state = 4, device_id = NULL WHERE device_id = ?"));
    q.addBindValue(enrollment.deviceId);
    if (!execOrError(q, error))
        return false;
    q.prepare(QStringLiteral("DELETE FROM commands WHERE device_id = ?"));
    q.addBindValue(enrollment.deviceId);
    if (!execOrError(q, error))
        return false;
    q.prepare(QStringLiteral("DELETE FROM devices WHERE id = ?"));
    q.addBindValue(enrollment.deviceId);
    return execOrError(q, error);
}

bool DeviceGatewayService::queuedCommands(const Enrollment &enrollment, QList<GatewayCommand> *commands,
                                          QString *error) const
{
    if (enrollment.deviceId == 0)
        return true;
    queued_.addBindValue(enrollment.deviceId);
    if (!queued_.exec()) {
        *error = sqlErrorText(queued_.lastError());
        return false;
    }
    while (queued_.next()) {
        GatewayCommand c;
        c.id = queued_.value(0).toLongLong();
        c.mode = queued_.value(1).toInt() == static_cast<int>(DeprovisionMode::FactoryReset)
                     ? DeprovisionMode::FactoryReset
                     : DeprovisionMode::RevokeMdm;
        c.uuid = queued_.value(2).toString();
        c.pin = queued_.value(3).toString();
        c.profileIdentifier = enrollment.profileIdentifier;
        // Not offered yet: markOffered gives it a UUID and logs it.
        if (queued_.value(4).toBool())
            c.uuid.clear();
        commands->append(c);
    }
    queued_.finish();
    return true;
}

// The first time a command goes to the device: its UUID (Apple's CommandUUID), the enrollment it went
// to, a PIN for a Mac's erase when it has none yet, and an audit entry. Inside the caller's transaction.
bool DeviceGatewayService::markOffered(const Enrollment &enrollment, GatewayCommand *command, qint64 now,
                                       QString *error)
{
    command->uuid = QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
    if (command->mode == DeprovisionMode::FactoryReset && command->pin.isEmpty() &&
        enrollment.platform == Platform::macOS)
        command->pin = erasePin();
    QSqlQuery q(store_.database());
    q.prepare(QStringLiteral("UPDATE commands SET uuid = ?, enrollment_id = ?, offered_at = ?, pin = ?"
                             " WHERE id = ? AND state = 0"));
    q.addBindValue(command->uuid);
    q.addBindValue(enrollment.id);
    q.addBindValue(now);
    q.addBindValue(nullIfEmpty(command->pin));
    q.addBindValue(command->id);
    if (!execOrError(q, error))
        return false;
    return audit(store_.database(), now, QStringLiteral("gateway.command"), RecordKind::Device,
                 {enrollment.deviceId},
                 {{QStringLiteral("command"), command->id},
                  {QStringLiteral("type"), modeKey(command->mode)},
                  {QStringLiteral("uuid"), command->uuid}},
                 error);
}

bool DeviceGatewayService::applyResult(const Enrollment &enrollment, qint64 commandId,
                                       CommandReportStatus status, const QString &errorText, qint64 now,
                                       QString *error)
{
    QSqlDatabase db = store_.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, state FROM commands WHERE id = ? AND device_id = ?"));
    q.addBindValue(commandId);
    q.addBindValue(enrollment.deviceId);
    if (!execOrError(q, error))
        return false;
    if (!q.next())
        return true; // not this device's (or gone): nothing to record
    const auto mode = q.value(0).toInt() == static_cast<int>(DeprovisionMode::FactoryReset)
                          ? DeprovisionMode::FactoryReset
                          : DeprovisionMode::RevokeMdm;
    const bool queued = q.value(1).toInt() == 0;
    q.finish();
    if (!queued)
        return true; // answered before: a repeated report changes nothing
    QJsonObject details{{QStringLiteral("command"), commandId},
                        {QStringLiteral("type"), modeKey(mode)},
                        {QStringLiteral("status"), statusKey(status)}};
    if (!errorText.isEmpty())
        details.insert(QStringLiteral("error"), errorText.left(2000));
    if (!audit(db, now, QStringLiteral("gateway.result"), RecordKind::Device, {enrollment.deviceId}, details,
               error))
        return false;
    switch (status) {
    case CommandReportStatus::Idle:
    case CommandReportStatus::NotNow:
        return true; // stays queued, offered again at the next check-in
    case CommandReportStatus::Acknowledged:
        if (mode == DeprovisionMode::FactoryReset)
            return removeDevice(enrollment, QStringLiteral("erased"), now, error);
        // A revoke is done when the device checks out (Apple: after removing the profile).
        q.prepare(QStringLiteral("UPDATE commands SET state = 1, updated_at = ? WHERE id = ?"));
        q.addBindValue(now);
        q.addBindValue(commandId);
        return execOrError(q, error);
    case CommandReportStatus::Error: {
        const QString text = errorText.trimmed().isEmpty()
                                 ? tr("The device reported an error without a description.")
                                 : errorText.trimmed();
        q.prepare(QStringLiteral("UPDATE commands SET state = 2, error = ?, updated_at = ? WHERE id = ?"));
        q.addBindValue(text.left(2000));
        q.addBindValue(now);
        q.addBindValue(commandId);
        if (!execOrError(q, error))
            return false;
        const DeviceState failed =
            mode == DeprovisionMode::FactoryReset ? DeviceState::WipeFailed : DeviceState::RevokeFailed;
        q.prepare(QStringLiteral("UPDATE devices SET state = ?, remarks = ? WHERE id = ?"));
        q.addBindValue(static_cast<int>(failed));
        q.addBindValue(text.left(2000));
        q.addBindValue(enrollment.deviceId);
        return execOrError(q, error);
    }
    }
    return true;
}

bool DeviceGatewayService::flush(const QList<QPair<QString, QString>> &settings, QString *error)
{
    if (lastSeen_.isEmpty() && settings.isEmpty())
        return true;
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlDatabase db = store_.database();
            QSqlQuery device(db);
            device.prepare(QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"
                                          " AND coalesce(last_seen_at, 0) < ?"));
            QSqlQuery enrollment(db);
            enrollment.prepare(QStringLiteral("UPDATE enrollments SET last_seen_at = ? WHERE id = ?"));
            for (auto it = lastSeen_.cbegin(); it != lastSeen_.cend(); ++it) {
                if (it->first > 0) {
                    device.addBindValue(it->second);
                    device.addBindValue(it->first);
                    device.addBindValue(it->second);
                    if (!execOrError(device, err))
                        return false;
                }
                enrollment.addBindValue(it->second);
                enrollment.addBindValue(it.key());
                if (!execOrError(enrollment, err))
                    return false;
            }
            QSqlQuery setting(db);
            setting.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
            for (const auto &[key, value] : settings) {
                setting.addBindValue(key);
                setting.addBindValue(value);
                if (!execOrError(setting, err))
                    return false;
            }
            return true;
        },
        error);
    if (ok)
        lastSeen_.clear();
    return ok;
}

} // namespace mdm
