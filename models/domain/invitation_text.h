#pragma once

#include "domain/domain.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace mdm {

// How an invitation's times and remarks read, in one place for the table, its details, the CSV export and
// the enrollment steps. Remarks are stored as data (a small JSON object: what happened, when, the server's
// reply) and worded only when shown, so that they follow the UI language and locale of whoever reads them.
class InvitationText
{
    Q_DECLARE_TR_FUNCTIONS(InvitationText)

public:
    // "in 7 days", "in 47 hours", "in 30 minutes", "expired 3 days ago": two days and more in days
    // (rounded to the nearest), from one hour in hours, below that in minutes.
    static QString countdown(qint64 expiresMs, qint64 nowMs);
    // The Expires cell: a countdown once the mail has left, "7 days after sending" while it waits,
    // "Not sent" when delivery failed.
    static QString expires(DeliveryState delivery, qint64 expiresMs, qint64 nowMs);
    // Why an unsent invitation has no expiry yet (the Expires cell's tooltip).
    static QString expiresToolTip(DeliveryState delivery);
    // The expiry time in the locale's words, or what stands for it while the mail has not left.
    static QString expiresOn(DeliveryState delivery, qint64 expiresMs, QLocale::FormatType format,
                             const QLocale &locale = QLocale());
    // "Not sent yet" while queued, "Not sent" when delivery failed, else the time the server accepted it.
    static QString lastSent(DeliveryState delivery, qint64 sentAtMs, QLocale::FormatType format,
                            const QLocale &locale = QLocale());

    // What the store keeps in invitations.remarks.
    static QString sentRemark(qint64 atMs);
    static QString failedRemark(const QString &reply);
    static QString gaveUpRemark(const QString &reason); // retried for 24 hours without success
    static QString retryRemark(qint64 nextAttemptMs, const QString &reason);
    static QString expiredRemark(qint64 atMs);

    enum class Times
    {
        Local, // the locale's short date and time, in local time
        Iso,   // ISO 8601 in UTC ("2026-12-04T15:02:00+00:00"), as the CSV export writes times
    };
    // A stored remark in words ("Sent 4 Dec 2026 15:02"); a plain-text remark of an older store as it is.
    static QString remark(const QString &stored, Times times = Times::Local,
                          const QLocale &locale = QLocale());

    // The two remarks most rows carry, read without a JSON parser (the CSV export words a million):
    // "Sent %1" or "Expired %1" with the time in *atMs, or an empty string for any other remark.
    static QString timedTemplate(QByteArrayView stored, qint64 *atMs);

private:
    static QString sentTemplate();
    static QString expiredTemplate();
};

} // namespace mdm
