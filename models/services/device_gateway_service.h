#pragma once

#include "domain/domain.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <optional>

namespace mdm {

class Clock;
class Store;

// What the device side of the product answers, whatever the protocol (the HTTP layer maps it to a status
// code): Ok 200, Created 201, NotFound 404, Gone 410, Conflict 409, Unauthorized 401, BadRequest 400,
// Failed 500 (the store failed; error says why).
enum class GatewayOutcome
{
    Ok,
    Created,
    NotFound,
    Gone,
    Conflict,
    Unauthorized,
    BadRequest,
    Failed
};

// Why an invitation link no longer works.
enum class InvitationGone
{
    None,
    Expired,
    Removed,
    Used
};

// What a device tells about itself (Apple's Authenticate, the agent's enroll). Empty when not sent.
struct DeviceFacts
{
    QString udid;
    QString serial;
    QString imei;
    QString model; // Apple: ProductName or Model
    QString osVersion;
    QString deviceName;
};

// An enrollment's state, as enrollments.state stores it.
enum class EnrollmentState
{
    Issued = 0,
    Authenticated = 1,
    Enrolled = 2,
    CheckedOut = 3,
    Ended = 4
};

enum class CommandReportStatus
{
    Idle,
    Acknowledged,
    Error,
    NotNow
};

// A command for a device: Revoke MDM (Apple: RemoveProfile of the enrollment's profile) or Factory reset
// (Apple: EraseDevice, with a PIN on macOS).
struct GatewayCommand
{
    qint64 id = 0;
    QString uuid; // Apple's CommandUUID
    DeprovisionMode mode = DeprovisionMode::RevokeMdm;
    QString pin;               // macOS erase only
    QString profileIdentifier; // the enrollment's profile, for RemoveProfile
};

// The device protocol's state machine, for Apple devices (MDM check-in) and the JSON agent alike: no HTTP
// here. Every call that changes something is one transaction with its audit entries (program as set by
// AuditLog::setProgram); last-seen times are batched in memory and written by flush() (call it every
// second and before exit). Secrets are stored only as their SHA-256.
class DeviceGatewayService
{
    Q_DECLARE_TR_FUNCTIONS(DeviceGatewayService)

public:
    static constexpr int kAgentPollSeconds = 60;

    DeviceGatewayService(Store &store, const Clock &clock);
    ~DeviceGatewayService();
    DeviceGatewayService(const DeviceGatewayService &) = delete;
    DeviceGatewayService &operator=(const DeviceGatewayService &) = delete;

    // The landing page's view of an invitation link: Ok with the first name and platform, NotFound,
    // or Gone with the reason.
    struct InvitationView
    {
        GatewayOutcome status = GatewayOutcome::NotFound;
        InvitationGone gone = InvitationGone::None;
        QString firstName;
        Platform platform = Platform::Other;
        QString error;
    };
    InvitationView viewInvitation(const QString &token) const;

    // A new Apple enrollment for a valid link: a new secret (for the profile's URLs) and a profile
    // identifier unique to it. The invitation stays pending until the first TokenUpdate.
    struct AppleIssue
    {
        InvitationView invitation;
        qint64 enrollmentId = 0;
        QString secret;
        QString profileIdentifier;
    };
    AppleIssue issueAppleEnrollment(const QString &token);

    // Apple check-in messages. error: why (for BadRequest / Failed).
    struct Result
    {
        GatewayOutcome status = GatewayOutcome::Ok;
        QString error;
    };
    Result authenticate(const QString &secret, const DeviceFacts &facts);
    struct PushInfo
    {
        QByteArray token;
        QString pushMagic;
        QByteArray unlockToken; // empty: keep the stored one
    };
    Result tokenUpdate(const QString &secret, const PushInfo &push);
    Result checkOut(const QString &secret);

    // Apple's connect: the report of the last command (or Idle) and the next command to send, if any.
    // A command answered NotNow is not offered again in the same answer.
    struct ConnectReply
    {
        GatewayOutcome status = GatewayOutcome::Ok;
        QString error;
        std::optional<GatewayCommand> command;
    };
    ConnectReply connect(const QString &secret, CommandReportStatus report, const QString &commandUuid,
                         const QString &errorText);

    // The agent API.
    struct AgentEnrollment
    {
        GatewayOutcome status = GatewayOutcome::Created;
        InvitationGone gone = InvitationGone::None;
        QString error;
        qint64 deviceId = 0;
        QString secret;
        int pollSeconds = kAgentPollSeconds;
    };
    AgentEnrollment enrollAgent(const QString &token, Platform platform, const DeviceFacts &facts);
    struct AgentCheckin
    {
        GatewayOutcome status = GatewayOutcome::Ok;
        QString error;
        QList<GatewayCommand> commands;
    };
    AgentCheckin agentCheckin(const QString &secret);
    Result agentResult(const QString &secret, qint64 commandId, CommandReportStatus status,
                       const QString &errorText);
    Result agentCheckout(const QString &secret) { return checkOut(secret); }

    // Writes the batched last-seen times, and settings (key, value) beside them, in one transaction.
    bool flush(const QList<QPair<QString, QString>> &settings, QString *error);
    bool flush(QString *error) { return flush({}, error); }
    qsizetype pendingLastSeen() const { return lastSeen_.size(); }

    // The request with this secret's enrollment, for tests and the log: 0 when none.
    qint64 enrollmentIdOf(const QString &secret) const;

private:
    struct Enrollment;
    struct Context;
    std::optional<Enrollment> findEnrollment(const QString &secret, QString *error) const;
    void noteSeen(const Enrollment &enrollment);
    InvitationView readInvitation(const QByteArray &tokenHash, qint64 *invitationId) const;
    bool queuedCommands(const Enrollment &enrollment, QList<GatewayCommand> *commands, QString *error) const;
    bool markOffered(const Enrollment &enrollment, GatewayCommand *command, qint64 now, QString *error);
    bool applyResult(const Enrollment &enrollment, qint64 commandId, CommandReportStatus status,
                     const QString &errorText, qint64 now, QString *error);
    bool removeDevice(const Enrollment &enrollment, const QString &why, qint64 now, QString *error);
    bool bindDevice(Enrollment &enrollment, qint64 invitationId, Platform platform, const DeviceFacts &facts,
                    qint64 now, QString *error);

    Store &store_;
    const Clock &clock_;
    mutable QSqlQuery findEnrollment_;
    mutable QSqlQuery queued_;
    // enrollment ID -> (device ID, ms)
    QHash<qint64, QPair<qint64, qint64>> lastSeen_;
};

// "Ana" of "Ana Lima": the first word of a display name.
QString firstNameOf(const QString &name);

} // namespace mdm
