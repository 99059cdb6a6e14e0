#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace mdm {

// Stored as integers: the numbers are part of the file format and never change meaning.
enum class Platform
{
    Android = 0,
    iOS = 1,
    iPadOS = 2,
    macOS = 3,
    Windows = 4,
    Other = 5
};
inline constexpr int kPlatformCount = 6;

enum class Ownership
{
    Corporate = 0,
    Personal = 1
};

enum class DeviceState
{
    Staged = 0,
    Enrolled = 1,
    Unmanaged = 2,
    RevokePending = 3,
    WipePending = 4,
    // The device refused or failed the deprovision (its answer in the device's remarks); the admin may
    // deprovision it again.
    RevokeFailed = 5,
    WipeFailed = 6
};
inline constexpr int kDeviceStateCount = 7;

// What the store keeps in invitations.state; the tab shows an InvitationDisplayStatus.
enum class InvitationRecordState
{
    Pending = 0,
    Accepted = 1,
    Removed = 2
};

enum class DeliveryState
{
    Queued = 0,
    Sent = 1,
    Failed = 2
};

// What the Enrollment Pending tab shows: derived from the stored state, the delivery and the clock.
enum class InvitationDisplayStatus
{
    Queued = 0,
    Pending = 1,
    Expired = 2,
    DeliveryFailed = 3
};

enum class DeprovisionMode
{
    RevokeMdm = 1,
    FactoryReset = 2
};

class DomainText
{
    Q_DECLARE_TR_FUNCTIONS(DomainText)

public:
    static QString platform(Platform p);
    static QString ownership(Ownership o);
    static QString deviceState(DeviceState s);
    static QString inviteStatus(InvitationDisplayStatus s);
    static QString deprovisionMode(DeprovisionMode m);
};

// Stable lower-case keys used on the command line and in CSV files.
QString platformKey(Platform p);
std::optional<Platform> platformFromText(const QString &text);
QString ownershipKey(Ownership o);
std::optional<Ownership> ownershipFromText(const QString &text);
QString platformIconPath(Platform p);

} // namespace mdm
