#pragma once

#include "domain/domain.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace mdm {

class Clock;
class Store;

// One enrollment mail waiting to leave (or that has left).
struct OutboxMessage
{
    qint64 id = 0;
    qint64 invitationId = 0;
    QString recipient;
    QString userName;
    QString linkToken;
    Platform platform = Platform::Other;
    // When the link stops working: set by the dispatcher as it renders the mail (7 days from then), so
    // that the mail's "valid until" and the expiry markSent() stores are one and the same time.
    qint64 expiresAt = 0;
    int attempts = 0;
    qint64 createdAt = 0;
};

// The persistent outbox. Actions only queue (in their own transaction); delivery marks each message
// sent only after the server accepted it (250 to the end of DATA). The one window in which a message can
// go out twice lies between the server taking the message and markSent() committing: a crash or kill in
// that span, a lost 250 (timeout or dropped connection after the final dot, reported as Transient and so
// retried) or a failed commit leaves the row queued, and a later pass sends it again. It is one message
// wide (the one in flight when delivery stops) and the copy carries the same Message-ID. A restart resumes
// with whatever is still queued.
// How every service puts an invitation mail in the outbox, inside the service's own transaction so that
// the invitation and its mail are written together. Prepared once, bound per message.
class OutboxQueue
{
public:
    explicit OutboxQueue(const Store &store);

    bool enqueue(qint64 invitationId, const QString &recipient, const QString &linkToken, qint64 nowMs,
                 QString *error);
    // Withdraws what is still queued or failed for an invitation: its link was replaced or revoked.
    bool cancelFor(qint64 invitationId, QString *error);

    // The same for many invitations at once, one statement each (a bulk action's set-based path).
    struct Mail
    {
        qint64 invitationId;
        QString recipient;
        QString linkToken;
    };
    // Queued in the order given (their outbox IDs ascend in it).
    bool enqueueAll(const QList<Mail> &mails, qint64 nowMs, QString *error);
    bool cancelForAll(const QList<qint64> &invitationIds, QString *error);

private:
    QSqlDatabase db_;
    QSqlQuery insert_;
    QSqlQuery cancel_;
};

class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    enum State
    {
        Queued = 0,
        Sent = 1,
        Failed = 2,
        Cancelled = 3
    };
    static constexpr qint64 kGiveUpAfterMs = qint64(24) * 3600 * 1000;

    Outbox(Store &store, const Clock &clock) : store_(store), clock_(clock) {}

    // Queued messages whose next attempt is due (all queued ones with ignoreBackoff), oldest first.
    QList<OutboxMessage> due(bool ignoreBackoff, int limit = 1000) const;
    qint64 nextDueAt() const; // 0 when nothing is queued

    // The server accepted the message: the invitation's last sending is now and its link is valid until
    // validUntilMs, the time the mail names (invitationExpiry(now) when 0).
    bool markSent(qint64 id, qint64 validUntilMs, QString *error);
    // A 4xx reply, a refused or dropped connection, a timeout: try again later, or give up after 24 h.
    bool markRetry(qint64 id, const QString &reason, QString *error);
    // A 5xx reply for this message: no retry until the admin resends.
    bool markFailed(qint64 id, const QString &reply, QString *error);

    struct Counts
    {
        qint64 queued = 0;
        qint64 failed = 0;
    };
    Counts counts() const;

    // 1, 5, 15, 60 minutes, then hourly.
    static qint64 backoffMs(int attempts);

private:
    bool finish(qint64 id, int state, const QString &reason, const QString &remark, qint64 validUntilMs,
                QString *error);
    void announceDelivery(qint64 outboxId);

    Store &store_;
    const Clock &clock_;
};

} // namespace mdm
