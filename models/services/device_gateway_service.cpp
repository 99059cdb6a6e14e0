#include "services/device_gateway_service.h"

#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "services/record_labels.h"
#include "store/audit_log.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

namespace mdm {

namespace {

constexpr int kAppleProtocol = 0;
constexpr int kAgentProtocol = 1;

// Compares two hashes in time that does not depend on where they differ.
bool sameHash(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray secretHash(const QString &secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256);
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullIfZero(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

bool isApple(Platform p)
{
    return p == Platform::iOS || p == Platform::iPadOS || p == Platform::macOS;
}

QString erasePin()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
}

QString statusKey(CommandReportStatus status)
{
    switch (status) {
    case CommandReportStatus::Idle:
        return QStringLiteral("Idle");
    case CommandReportStatus::Acknowledged:
        return QStringLiteral("Acknowledged");
    case CommandReportStatus::Error:
        return QStringLiteral("Error");
    case CommandReportStatus::NotNow:
        break;
    }
    return QStringLiteral("NotNow");
}

QString modeKey(DeprovisionMode mode)
{
    return mode == DeprovisionMode::FactoryReset ? QStringLiteral("FactoryReset")
                                                 : QStringLiteral("RevokeMdm");
}

bool audit(const QSqlDatabase &db, qint64 now, const QString &action, RecordKind kind,
           const QList<qint64> &ids, const QJsonObject &details, QString *error)
{
    return AuditLog::append(
        db, {now, AuditLog::currentActor(), action, kind, ids, AuditLog::details(details)}, error);
}

// The SQL condition of an invitation whose link still works: pending, and not a delivered one past its
// 7 days (a queued or failed mail has not started them; its link can be handed over from the console).
const char kUsableInvitation[] = "state = 0 AND NOT (delivery = 1 AND expires_at <= ?)";

} // namespace

QString firstNameOf(const QString &name)
{
    const QStringList words = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return words.value(0);
}

struct DeviceGatewayService::Enrollment
{
    qint64 id = 0;
    qint64 invitationId = 0;
    qint64 deviceId = 0;
    int protocol = kAppleProtocol;
    EnrollmentState state = EnrollmentState::Issued;
    QString profileIdentifier;
    Platform platform = Platform::Other;
    DeviceFacts facts;
};

DeviceGatewayService::DeviceGatewayService(Store &store, const Clock &clock)
    : store_(store), clock_(clock), findEnrollment_(store.database()), queued_(store.database())
{
    findEnrollment_.prepare(QStringLiteral(
        "SELECT e.id, e.invitation_id, coalesce(e.device_id, 0), e.protocol, e.state,"
        " coalesce(e.profile_identifier, ''), i.platform, e.secret_hash, e.serial, e.imei, e.model,"
        " e.os_version, e.device_name, coalesce(e.udid, '')"
        " FROM enrollments e JOIN invitations i ON i.id = e.invitation_id WHERE e.secret_hash = ?"));
    queued_.prepare(
        QStringLiteral("SELECT id, kind, coalesce(uuid, ''), coalesce(pin, ''), offered_at IS NULL"
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
                                     " profile_identifier, created_at) VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(invitationId);
            q.addBindValue(kAppleProtocol);
            q.addBindValue(secretHash(out.secret));
            q.addBindValue(out.profileIdentifier);
            q.addBindValue(now);
            if (!execOrError(q, err))
                return false;
            out.enrollmentId = q.lastInsertId().toLongLong();
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
                " state = max(state, 1) WHERE id = ?"));
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
        "  WHERE imei = ? AND imei <> '')"
        " ORDER BY state = 0 DESC, id LIMIT 1"));
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
            " last_seen_at) VALUES (?, ?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?, 1, ?, ?)"));
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
    if (!execOrError(q, error))
        return false;
    if (deviceId == 0)
        deviceId = q.lastInsertId().toLongLong();

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
                               " coalesce(?, ''), coalesce(?, ''))"));
            q.addBindValue(invitationId);
            q.addBindValue(kAgentProtocol);
            q.addBindValue(secretHash(out.secret));
            q.addBindValue(now);
            q.addBindValue(now);
            for (const QString &value :
                 {facts.serial, facts.imei, facts.model, facts.osVersion, facts.deviceName})
                q.addBindValue(value.trimmed());
            if (!execOrError(q, err))
                return false;
            e.id = q.lastInsertId().toLongLong();
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
