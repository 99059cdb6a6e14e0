#pragma once

#include "domain/domain.h"
#include "services/bulk_result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdm {

class Clock;
class Store;

struct InviteRequest
{
    QString name;
    QString email;
    Platform platform = Platform::Android;
    Ownership ownership = Ownership::Corporate;
    QString group;
    int line = 0; // the CSV line it came from, 0 when typed
};

struct InvitationInfo
{
    qint64 id = 0;
    qint64 userId = 0;
    QString userName;
    QString email;
    Platform platform = Platform::Other;
    Ownership ownership = Ownership::Corporate;
    QString group;
    qint64 requestedAt = 0;
    qint64 sentAt = 0;
    qint64 expiresAt = 0;
    InvitationRecordState state = InvitationRecordState::Pending;
    DeliveryState delivery = DeliveryState::Queued;
    QString remarks;
    int resendCount = 0;
    QString linkToken; // while a message with the link waits in the outbox, else empty
};

// The invitation use cases: invite (one, many, additional device), resend, remove request. Each call is
// one transaction with its outbox rows and audit entries; records the action does not apply to are
// skipped and named, and on any error nothing changes.
class EnrollmentService
{
    Q_DECLARE_TR_FUNCTIONS(EnrollmentService)

public:
    EnrollmentService(Store &store, const Clock &clock) : store_(store), clock_(clock) {}

    static QString validate(const InviteRequest &request);
    QStringList warnings(const InviteRequest &request) const;

    // sourceName: the CSV file the requests came from, for the audit log (empty when typed). A file's
    // requests are refused as a whole when any of them has a warning (an invitation or enrolled device
    // already there), checked inside the transaction: the same file sent twice at once mails nobody twice.
    BulkResult invite(const QList<InviteRequest> &requests, const ActionControl &control = {},
                      const QString &sourceName = {});
    BulkResult resend(const QList<qint64> &invitationIds, const ActionControl &control = {});
    QList<qint64> expiredInvitationIds() const;
    BulkResult removeRequests(const QList<qint64> &invitationIds, const ActionControl &control = {});

    InvitationInfo invitation(qint64 id) const;
    // A new invitation for the same user, prefilled from a managed device or a pending invitation, on
    // the first platform the user has no enrolled device or valid invitation for (else the record's).
    InviteRequest additionalDeviceFor(qint64 recordId, bool fromDevice) const;

private:
    Store &store_;
    const Clock &clock_;
};

} // namespace mdm
