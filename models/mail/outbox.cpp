#include "mail/outbox.h"

#include "domain/clock.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "store/bound_rows.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {
constexpr qint64 kMinute = 60 * 1000;

qint64 invitationOf(const QSqlDatabase &db, qint64 outboxId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT invitation_id FROM outbox WHERE id = ?"));
    q.addBindValue(outboxId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

OutboxQueue::OutboxQueue(const Store &store)
    : db_(store.database()), insert_(store.database()), cancel_(store.database())
{
    insert_.prepare(
        QStringLiteral("INSERT INTO outbox (invitation_id, recipient, link_token, next_attempt_at,"
                       " created_at) VALUES (?, ?, ?, ?, ?)"));
    cancel_.prepare(QStringLiteral("UPDATE outbox SET state = 3, link_token = NULL WHERE invitation_id = ?"
                                   " AND state IN (0, 2)"));
}

bool OutboxQueue::enqueue(qint64 invitationId, const QString &recipient, const QString &linkToken,
                          qint64 nowMs, QString *error)
{
    insert_.addBindValue(invitationId);
    insert_.addBindValue(recipient);
    insert_.addBindValue(linkToken);
    insert_.addBindValue(nowMs);
    insert_.addBindValue(nowMs);
    return execOrError(insert_, error);
}

bool OutboxQueue::cancelFor(qint64 invitationId, QString *error)
{
    cancel_.addBindValue(invitationId);
    return execOrError(cancel_, error);
}

bool OutboxQueue::enqueueAll(const QList<Mail> &mails, qint64 nowMs, QString *error)
{
    BoundRows rows(db_, QStringLiteral("outbox_mails"),
                   {{QStringLiteral("invitation_id"), QStringLiteral("BIGINT")},
                    {QStringLiteral("recipient"), QStringLiteral("TEXT")},
                    {QStringLiteral("link_token"), QStringLiteral("TEXT")}});
    for (const Mail &mail : mails)
        rows.append({mail.invitationId, mail.recipient, mail.linkToken});
    if (!rows.stage(error))
        return false;
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("INSERT INTO outbox (invitation_id, recipient, link_token, next_attempt_at,"
                             " created_at) SELECT m.invitation_id, m.recipient, m.link_token,"
                             " CAST(? AS BIGINT), CAST(? AS BIGINT) FROM %1 ORDER BY m.ord")
                  .arg(rows.from(QStringLiteral("m"))));
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    rows.bind(q);
    return execOrError(q, error);
}

bool OutboxQueue::cancelForAll(const QList<qint64> &invitationIds, QString *error)
{
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 3, link_token = NULL WHERE invitation_id IN (%1)"
                             " AND state IN (0, 2)")
                  .arg(idSetSql(db_)));
    q.addBindValue(idSetValue(db_, invitationIds));
    return execOrError(q, error);
}

// The Pending tab shows delivery in the invitation's status and remarks.
void Outbox::announceDelivery(qint64 outboxId)
{
    store_.announce(RecordKind::Outbox, {outboxId});
    if (const qint64 invitation = invitationOf(store_.database(), outboxId))
        store_.announce(RecordKind::Invitation, {invitation});
}

qint64 Outbox::backoffMs(int attempts)
{
    static constexpr qint64 steps[] = {1 * kMinute, 5 * kMinute, 15 * kMinute, 60 * kMinute};
    return attempts >= 1 && attempts <= 4 ? steps[attempts - 1] : 60 * kMinute;
}

QList<OutboxMessage> Outbox::due(bool ignoreBackoff, int limit) const
{
    QSqlQuery q(store_.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT o.id, o.invitation_id, o.recipient, coalesce(u.name, ''), o.link_token,"
                             " i.platform, o.attempts, o.created_at"
                             " FROM outbox o JOIN invitations i ON i.id = o.invitation_id"
                             " LEFT JOIN users u ON u.id = i.user_id"
                             " WHERE o.state = 0 AND o.link_token IS NOT NULL"
                             " AND (CAST(? AS INTEGER) = 1 OR o.next_attempt_at <= ?)"
                             " ORDER BY o.next_attempt_at, o.id LIMIT ?"));
    q.addBindValue(ignoreBackoff ? 1 : 0); // an integer: a bound bool means different things to each driver
    q.addBindValue(clock_.nowMs());
    q.addBindValue(limit);
    QList<OutboxMessage> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        OutboxMessage m;
        m.id = q.value(0).toLongLong();
        m.invitationId = q.value(1).toLongLong();
        m.recipient = q.value(2).toString();
        m.userName = q.value(3).toString();
        m.linkToken = q.value(4).toString();
        m.platform = static_cast<Platform>(q.value(5).toInt());
        m.attempts = q.value(6).toInt();
        m.createdAt = q.value(7).toLongLong();
        out << m;
    }
    return out;
}

qint64 Outbox::nextDueAt() const
{
    QSqlQuery q(store_.database());
    q.exec(
        QStringLiteral("SELECT min(next_attempt_at) FROM outbox WHERE state = 0 AND link_token IS NOT NULL"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

// Records a message's end. Only a sent one starts the invitation's 7 days: sent_at and expires_at stay 0
// while the mail waits or after it failed, so no unsent invitation can expire.
bool Outbox::finish(qint64 id, int state, const QString &reason, const QString &remark, qint64 validUntilMs,
                    QString *error)
{
    const qint64 now = clock_.nowMs();
    const bool sent = state == Sent;
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlQuery q(store_.database());
            // The link leaves the store with the mail: only its hash stays on the invitation.
            q.prepare(QStringLiteral("UPDATE outbox SET state = ?, attempts = attempts + 1, sent_at = ?,"
                                     " last_error = ?, link_token = NULL WHERE id = ? AND state = 0"));
            q.addBindValue(state);
            q.addBindValue(sent ? QVariant(now) : QVariant(QMetaType::fromType<qint64>()));
            q.addBindValue(reason.isEmpty() ? QStringLiteral("") : reason); // NOT NULL
            q.addBindValue(id);
            if (!execOrError(q, err))
                return false;
            if (q.numRowsAffected() == 0)
                return true; // cancelled or finished meanwhile: the invitation is not this mail's any more
            q.prepare(
                QStringLiteral("UPDATE invitations SET delivery = ?, remarks = ?, sent_at = ?, expires_at = ?"
                               " WHERE id = (SELECT invitation_id FROM outbox WHERE id = ?) AND state = 0"));
            q.addBindValue(static_cast<int>(sent ? DeliveryState::Sent : DeliveryState::Failed));
            q.addBindValue(remark);
            q.addBindValue(sent ? now : 0);
            q.addBindValue(sent ? (validUntilMs > 0 ? validUntilMs : invitationExpiry(now)) : 0);
            q.addBindValue(id);
            return execOrError(q, err);
        },
        error);
    if (ok)
        announceDelivery(id);
    return ok;
}

// Called once the server has answered 250 to the message's DATA. Until this transaction commits the row
// is still queued: a crash or kill here, or a commit that fails (e.g. the store stayed locked), means the
// next pass sends the message again with the same Message-ID. That, and a 250 lost on the way back, is
// the one window for a duplicate; see the class comment.
bool Outbox::markSent(qint64 id, qint64 validUntilMs, QString *error)
{
    return finish(id, Sent, QString(), InvitationText::sentRemark(clock_.nowMs()), validUntilMs, error);
}

bool Outbox::markFailed(qint64 id, const QString &reply, QString *error)
{
    return finish(id, Failed, reply, InvitationText::failedRemark(reply), 0, error);
}

bool Outbox::markRetry(qint64 id, const QString &reason, QString *error)
{
    QSqlQuery q(store_.database());
    q.prepare(QStringLiteral("SELECT attempts, created_at FROM outbox WHERE id = ? AND state = 0"));
    q.addBindValue(id);
    if (!execOrError(q, error) || !q.next())
        return true; // cancelled or finished meanwhile: nothing to retry
    const int attempts = q.value(0).toInt() + 1;
    const qint64 createdAt = q.value(1).toLongLong();
    const qint64 now = clock_.nowMs();
    const qint64 next = now + backoffMs(attempts);
    if (next - createdAt > kGiveUpAfterMs)
        return finish(id, Failed, reason, InvitationText::gaveUpRemark(reason), 0, error);
    const QString remark = InvitationText::retryRemark(next, reason);
    const bool ok = store_.transaction(
        [&](QString *err) {
            QSqlQuery u(store_.database());
            u.prepare(QStringLiteral("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?"
                                     " WHERE id = ? AND state = 0"));
            u.addBindValue(attempts);
            u.addBindValue(next);
            u.addBindValue(reason);
            u.addBindValue(id);
            if (!execOrError(u, err))
                return false;
            u.prepare(
                QStringLiteral("UPDATE invitations SET delivery = 0, remarks = ?"
                               " WHERE id = (SELECT invitation_id FROM outbox WHERE id = ?) AND state = 0"));
            u.addBindValue(remark);
            u.addBindValue(id);
            return execOrError(u, err);
        },
        error);
    if (ok)
        announceDelivery(id);
    return ok;
}

Outbox::Counts Outbox::counts() const
{
    QSqlQuery q(store_.database());
    // Through the (state, …) index: the status bar asks on every outbox change, also those of other
    // processes, and sent messages pile up in the table over the years.
    q.exec(QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE state = 0 AND link_token IS NOT NULL),"
                          " (SELECT count(*) FROM outbox WHERE state = 2)"));
    Counts c;
    if (q.next()) {
        c.queued = q.value(0).toLongLong();
        c.failed = q.value(1).toLongLong();
    }
    return c;
}

} // namespace mdm
