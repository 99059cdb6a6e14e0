#pragma once

// What the three parts of DeviceGatewayService share (device_gateway_service.cpp: lookups, binding,
// results, last seen; device_gateway_apple.cpp: the Apple check-in protocol; device_gateway_agent.cpp: the
// agent API). Only those three files include it.

#include "services/device_gateway_service.h"
#include "store/audit_log.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QVariant>

namespace mdm::gateway_detail {

constexpr int kAppleProtocol = 0;
constexpr int kAgentProtocol = 1;

// Compares two hashes in time that does not depend on where they differ.
inline bool sameHash(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

inline QByteArray secretHash(const QString &secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256);
}

inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

inline QVariant nullIfZero(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

inline bool isApple(Platform p)
{
    return p == Platform::iOS || p == Platform::iPadOS || p == Platform::macOS;
}

inline QString erasePin()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
}

inline QString statusKey(CommandReportStatus status)
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

inline QString modeKey(DeprovisionMode mode)
{
    return mode == DeprovisionMode::FactoryReset ? QStringLiteral("FactoryReset")
                                                 : QStringLiteral("RevokeMdm");
}

inline bool audit(const QSqlDatabase &db, qint64 now, const QString &action, RecordKind kind,
                  const QList<qint64> &ids, const QJsonObject &details, QString *error)
{
    return AuditLog::append(
        db, {now, AuditLog::currentActor(), action, kind, ids, AuditLog::details(details)}, error);
}

// The SQL condition of an invitation whose link still works: pending, and not a delivered one past its
// 7 days (a queued or failed mail has not started them; its link can be handed over from the console).
inline constexpr char kUsableInvitation[] = "state = 0 AND NOT (delivery = 1 AND expires_at <= ?)";

} // namespace mdm::gateway_detail

namespace mdm {

struct DeviceGatewayService::Enrollment
{
    qint64 id = 0;
    qint64 invitationId = 0;
    qint64 deviceId = 0;
    int protocol = gateway_detail::kAppleProtocol;
    EnrollmentState state = EnrollmentState::Issued;
    QString profileIdentifier;
    Platform platform = Platform::Other;
    DeviceFacts facts;
};

} // namespace mdm
