#pragma once
// The bodies an Apple device sends to the MDM server, and the command bodies it receives, without any
// HTTP: a check-in (PUT to the CheckInURL: Authenticate, TokenUpdate, CheckOut) and a command report
// (PUT to the ServerURL: Idle, or the result of the last command). Key names as in Apple's
// device-management documentation (mdm/checkin/*.yaml, mdm/commands/*.yaml).
#include <QByteArray>
#include <QString>
#include <QVariantMap>

namespace mdm::gateway {

enum class CheckinType
{
    Unknown,
    Authenticate,
    TokenUpdate,
    CheckOut
};

struct CheckinMessage
{
    CheckinType type = CheckinType::Unknown;
    QString messageType; // as sent, also when Unknown
    QString udid;        // required in every message
    QString topic;
    QString serialNumber;
    QString productName; // "iPhone14,2"
    QString model;       // "MLPF3"
    QString modelName;   // "iPhone"
    QString osVersion;
    QString buildVersion;
    QString imei;
    QString deviceName;
    QByteArray token;  // TokenUpdate, required there: the APNs device token (hex of it in the push path)
    QString pushMagic; // TokenUpdate, required there: goes into the push body
    QByteArray unlockToken;
    bool hasUnlockToken = false; // a TokenUpdate without it keeps the stored one
    QString error;               // empty when the body is a well-formed, known check-in
    bool ok() const { return error.isEmpty(); }
};

// A malformed plist, a root that is not a dict, a key of the wrong type, a missing required key or an
// unknown MessageType (type Unknown, messageType kept) → error set.
CheckinMessage parseCheckin(const QByteArray &body);

enum class CommandStatus
{
    Unknown,
    Idle,
    Acknowledged,
    Error,
    CommandFormatError,
    NotNow
};

struct ConnectReport
{
    QString udid;
    CommandStatus status = CommandStatus::Unknown;
    QString statusText;  // as sent, also when Unknown
    QString commandUuid; // required unless Idle
    QString errorChain;  // ErrorChain as one readable line; empty when none was sent
    QString error;       // empty when the body is a well-formed report
    bool ok() const { return error.isEmpty(); }
};

ConnectReport parseConnect(const QByteArray &body);

// ErrorChain entries (ErrorCode, ErrorDomain, LocalizedDescription, USEnglishDescription) as one line:
// "The profile could not be removed. (MCProfileErrorDomain 1000); …".
QString flattenErrorChain(const QVariantList &chain);

// {CommandUUID, Command: {RequestType, …extra}}: e.g. RemoveProfile with {"Identifier": …},
// EraseDevice with {"PIN": "123456"}.
QByteArray commandPlist(const QString &commandUuid, const QString &requestType,
                        const QVariantMap &extra = {});

} // namespace mdm::gateway
