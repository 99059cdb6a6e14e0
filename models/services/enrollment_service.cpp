#include "services/enrollment_service.h"

#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "domain/invitation_rules.h"
#include "mail/outbox.h"
#include "services/bulk_action.h"
#include "services/record_labels.h"
#include "store/audit_log.h"
#include "store/bound_rows.h"
#include "store/directory.h"
#include "store/portable_sql.h"
#include "store/store.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {

struct PendingRow
{
    qint64 id;
    QString email;
    int platform;
    int state;
    qint64 userId;
    qint64 requestedAt;
    bool enrolledSince = false; // resend only: a device of this platform enrolled since it was requested
};

// Reads the invitations in batches of bound IDs; missing IDs are simply absent from the result.
QHash<qint64, PendingRow> readInvitations(const QSqlDatabase &db, const QList<qint64> &ids, QString *error)
{
    QHash<qint64, PendingRow> rows;
    rows.reserve(ids.size());
    const bool ok = forEachRowIn(
        db, ids,
        [](qsizetype n) {
            return QStringLiteral("SELECT id, email, platform, state, user_id, requested_at FROM invitations"
                                  " WHERE id IN (%1)")
                .arg(QString::fromLatin1(sqlPlaceholders(n)));
        },
        [&rows](const QSqlQuery &q) {
            rows.insert(q.value(0).toLongLong(),
                        {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                         q.value(3).toInt(), q.value(4).toLongLong(), q.value(5).toLongLong()});
        },
        error);
    return ok ? rows : QHash<qint64, PendingRow>();
}

// As readInvitations, and whether the user has enrolled a device of the invitation's platform since it
// was requested (read with the set, not one statement per invitation).
QHash<qint64, PendingRow> readInvitationsToResend(const QSqlDatabase &db, const QList<qint64> &ids,
                                                  QString *error)
{
    QHash<qint64, PendingRow> rows;
    rows.reserve(ids.size());
    const bool ok = forEachRowIn(
        db, ids,
        [](qsizetype n) {
            return QStringLiteral("SELECT i.id, i.email, i.platform, i.state, i.user_id, i.requested_at,"
                                  " EXISTS (SELECT 1 FROM devices d WHERE d.user_id = i.user_id"
                                  " AND d.platform = i.platform AND d.state <> 0"
                                  " AND d.enrolled_at >= i.requested_at)"
                                  " FROM invitations i WHERE i.id IN (%1)")
                .arg(QString::fromLatin1(sqlPlaceholders(n)));
        },
        [&rows](const QSqlQuery &q) {
            rows.insert(q.value(0).toLongLong(),
                        {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                         q.value(3).toInt(), q.value(4).toLongLong(), q.value(5).toLongLong(),
                         q.value(6).toBool()});
        },
        error);
    return ok ? rows : QHash<qint64, PendingRow>();
}

QString invitationLabel(const PendingRow &row)
{
    return RecordLabels::invitation(row.email, static_cast<Platform>(row.platform));
}

} // namespace

QString EnrollmentService::validate(const InviteRequest &request)
{
    if (request.name.trimmed().isEmpty())
        return tr("The user name is empty.");
    if (!isValidEmail(request.email.trimmed()))
        return tr("“%1” is not an email address.").arg(request.email);
    return {};
}

QStringList EnrollmentService::warnings(const InviteRequest &request) const
{
    QStringList out;
    QSqlQuery q(store_.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM invitations WHERE lower(email) = lower(?) AND platform = ?"
                             " AND state = 0 AND (delivery = 0 OR (delivery = 1 AND expires_at > ?))"));
    q.addBindValue(request.email.trimmed());
    q.addBindValue(static_cast<int>(request.platform));
    q.addBindValue(clock_.nowMs());
    if (q.exec() && q.next() && q.value(0).toInt() > 0)
        out << tr("%1 already has a valid pending %2 invitation.")
                   .arg(request.email.trimmed(), DomainText::platform(request.platform));
    q.prepare(QStringLiteral("SELECT count(*) FROM devices d JOIN users u ON u.id = d.user_id"
                             " WHERE u.email = ? AND d.platform = ? AND d.state IN (1, 3, 4)"));
    q.addBindValue(request.email.trimmed());
    q.addBindValue(static_cast<int>(request.platform));
    if (q.exec() && q.next() && q.value(0).toInt() > 0)
        out << tr("%1 already has an enrolled %2 device.")
                   .arg(request.email.trimmed(), DomainText::platform(request.platform));
    return out;
}

BulkResult EnrollmentService::invite(const QList<InviteRequest> &requests, const ActionControl &control,
                                     const QString &sourceName)
{
    BulkResult result;
    // Every request is checked before anything is written: one bad line and nothing is sent.
    QStringList problems;
    for (const InviteRequest &request : requests) {
        const QString problem = validate(request);
        if (!problem.isEmpty())
            problems << (request.line > 0 ? tr("line %1: %2").arg(request.line).arg(problem) : problem);
    }
    if (!problems.isEmpty()) {
        result.error = problems.join(QLatin1Char('\n'));
        return result;
    }
    if (requests.isEmpty()) {
        result.error = tr("There is nobody to invite.");
        return result;
    }
    const qint64 now = clock_.nowMs();
    QList<qint64> created;
    QList<Outcome> outcomes;
    result.ok = store_.transaction(
        [&](QString *error) {
            QSqlDatabase db = store_.database();
            Directory directory(store_);
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral(
                "INSERT INTO invitations (user_id, email, platform, ownership, group_id, token_hash, "
                "requested_at,"
                " sent_at, expires_at, delivery, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '') "
                "RETURNING id"));
            OutboxQueue outbox(store_);
            // The caller checked the file before (InviteCsv::checkAgainst), outside this transaction:
            // another admin or cron run may have sent the same file since. Checked again here, under the
            // write lock, before anything is written (a row must not find the file's own earlier rows).
            if (!sourceName.isEmpty()) {
                QStringList repeats;
                for (const InviteRequest &request : requests) {
                    const QStringList found = warnings(request);
                    if (!found.isEmpty())
                        repeats << tr("line %1: %2").arg(request.line).arg(found.join(QLatin1Char(' ')));
                }
                if (!repeats.isEmpty()) {
                    *error = tr("%n line(s) were invited meanwhile by another console or command:", nullptr,
                                static_cast<int>(repeats.size())) +
                             QLatin1Char('\n') + repeats.join(QLatin1Char('\n'));
                    return false;
                }
            }
            qint64 done = 0;
            for (const InviteRequest &request : requests) {
                if (control.cancelled()) {
                    result.cancelled = true;
                    *error = tr("Cancelled; nothing was sent.");
                    return false;
                }
                const qint64 userId = directory.userFor(request.name, request.email, error);
                const qint64 groupId = directory.groupFor(request.group, error);
                if (userId == 0 || groupId < 0)
                    return false;
                const EnrollmentToken token = EnrollmentToken::generate();
                insert.addBindValue(userId);
                insert.addBindValue(request.email.trimmed());
                insert.addBindValue(static_cast<int>(request.platform));
                insert.addBindValue(static_cast<int>(request.ownership));
                insert.addBindValue(groupId > 0 ? QVariant(groupId)
                                                : QVariant(QMetaType::fromType<qint64>()));
                insert.addBindValue(token.hash);
                insert.addBindValue(now); // not sent yet: no last sending, no expiry (see invitationExpiry)
                const qint64 id = insertReturningId(insert, error);
                if (id == 0)
                    return false;
                if (!outbox.enqueue(id, request.email.trimmed(), token.text, now, error))
                    return false;
                created << id;
                outcomes.append({id,
                                 RecordLabels::invitation(request.email.trimmed(), request.platform),
                                 Outcome::Result::Done,
                                 {}});
                control.report(++done, requests.size());
            }
            QJsonObject details{{QStringLiteral("count"), static_cast<int>(requests.size())}};
            if (requests.size() == 1) {
                details.insert(QStringLiteral("email"), requests.first().email.trimmed());
                details.insert(QStringLiteral("platform"), platformKey(requests.first().platform));
                details.insert(QStringLiteral("ownership"), ownershipKey(requests.first().ownership));
                details.insert(QStringLiteral("group"), requests.first().group.trimmed());
            }
            if (!sourceName.isEmpty())
                details.insert(QStringLiteral("file"), sourceName);
            AuditEntry entry{
                now,     AuditLog::currentActor(),  QStringLiteral("invite.send"), RecordKind::Invitation,
                created, AuditLog::details(details)};
            QStringList addresses;
            for (qsizetype i = 0; i < requests.size() && i < AuditLog::kListedRecords; ++i)
                addresses << requests.at(i).email.trimmed();
            AuditLog::addRecords(&entry, addresses, requests.size());
            return AuditLog::append(db, entry, error);
        },
        &result.error);
    if (result.ok) {
        result.createdIds = created;
        result.outcomes = outcomes;
        store_.announce(RecordKind::Invitation, created);
    }
    return result;
}

BulkResult EnrollmentService::resend(const QList<qint64> &invitationIds, const ActionControl &control)
{
    const qint64 now = clock_.nowMs();
    BulkSteps<PendingRow> steps;
    steps.read = readInvitationsToResend;
    steps.label = invitationLabel;
    steps.check = [](const PendingRow &row, QString *reason, QString *) {
        if (row.state == static_cast<int>(InvitationRecordState::Removed))
            *reason = tr("The request was removed.");
        else if (row.state == static_cast<int>(InvitationRecordState::Accepted))
            *reason = tr("The user has enrolled.");
        else if (row.enrolledSince)
            *reason = tr("The user has enrolled a %1 device since.")
                          .arg(DomainText::platform(static_cast<Platform>(row.platform)));
        return true;
    };
    steps.apply = [this, now](const QList<PendingRow> &rows, QString *error) {
        const QSqlDatabase db = store_.database();
        // A new link for each: its hash on the invitation, its text in the new mail.
        BoundRows tokens(db, QStringLiteral("resend_tokens"),
                         {{QStringLiteral("id"), QStringLiteral("BIGINT")},
                          {QStringLiteral("token_hash"), QStringLiteral("BYTEA")}});
        QList<OutboxQueue::Mail> mails;
        QList<qint64> ids;
        mails.reserve(rows.size());
        for (const PendingRow &row : rows) {
            const EnrollmentToken token = EnrollmentToken::generate();
            tokens.append({row.id, token.hash});
            mails.append({row.id, row.email, token.text});
            ids << row.id;
        }
        if (!tokens.stage(error))
            return false;
        // The new link's 7 days start when its mail is accepted (Outbox::markSent).
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE invitations SET token_hash = t.token_hash, sent_at = 0,"
                                      " expires_at = 0, delivery = 0, remarks = '',"
                                      " resend_count = resend_count + 1 FROM %1 WHERE invitations.id = t.id")
                           .arg(tokens.from(QStringLiteral("t"))));
        tokens.bind(update);
        OutboxQueue outbox(store_);
        return execOrError(update, error) && outbox.cancelForAll(ids, error) &&
               outbox.enqueueAll(mails, now, error);
    };
    steps.audit = [now](const QList<qint64> &changed) {
        return AuditLog::counted(now, QStringLiteral("invite.resend"), RecordKind::Invitation, changed);
    };
    steps.cancelledMessage = tr("Cancelled; no invitation was resent.");
    return runBulk(store_, RecordKind::Invitation, invitationIds, control, steps);
}

QList<qint64> EnrollmentService::expiredInvitationIds() const
{
    QSqlQuery q(store_.database());
    q.setForwardOnly(true);
    // Only a delivered invitation can expire; a queued one has not started its 7 days.
    q.prepare(QStringLiteral(
        "SELECT id FROM invitations WHERE state = 0 AND delivery = 1 AND expires_at <= ? ORDER BY id"));
    q.addBindValue(clock_.nowMs());
    QList<qint64> ids;
    if (q.exec())
        while (q.next())
            ids << q.value(0).toLongLong();
    return ids;
}

BulkResult EnrollmentService::removeRequests(const QList<qint64> &invitationIds, const ActionControl &control)
{
    const qint64 now = clock_.nowMs();
    BulkSteps<PendingRow> steps;
    steps.read = readInvitations;
    steps.label = invitationLabel;
    steps.check = [](const PendingRow &row, QString *reason, QString *) {
        if (row.state == static_cast<int>(InvitationRecordState::Removed))
            *reason = tr("Already removed.");
        else if (row.state == static_cast<int>(InvitationRecordState::Accepted))
            *reason = tr("The user has enrolled.");
        return true;
    };
    steps.apply = [this](const QList<PendingRow> &rows, QString *error) {
        const QSqlDatabase db = store_.database();
        QList<qint64> ids;
        for (const PendingRow &row : rows)
            ids << row.id;
        // The token hash goes: the link in the user's mailbox stops working at once.
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE invitations SET state = 2, token_hash = NULL WHERE id IN (%1)")
                           .arg(idSetSql(db)));
        update.addBindValue(idSetValue(db, ids));
        return execOrError(update, error) && OutboxQueue(store_).cancelForAll(ids, error);
    };
    steps.audit = [now](const QList<qint64> &changed) {
        return AuditLog::counted(now, QStringLiteral("invite.remove"), RecordKind::Invitation, changed);
    };
    steps.cancelledMessage = tr("Cancelled; no request was removed.");
    return runBulk(store_, RecordKind::Invitation, invitationIds, control, steps);
}

InvitationInfo EnrollmentService::invitation(qint64 id) const
{
    QSqlQuery q(store_.database());
    q.prepare(QStringLiteral(
        "SELECT i.id, i.user_id, coalesce(u.name, ''), i.email, i.platform, i.ownership, coalesce(g.name, "
        "''),"
        " i.requested_at, i.sent_at, i.expires_at, i.state, i.delivery, i.remarks, i.resend_count,"
        " (SELECT o.link_token FROM outbox o WHERE o.invitation_id = i.id AND o.link_token IS NOT NULL"
        "  ORDER BY o.id DESC LIMIT 1)"
        " FROM invitations i LEFT JOIN users u ON u.id = i.user_id LEFT JOIN groups g ON g.id = i.group_id"
        " WHERE i.id = ?"));
    q.addBindValue(id);
    InvitationInfo info;
    if (!q.exec() || !q.next())
        return info;
    info.id = q.value(0).toLongLong();
    info.userId = q.value(1).toLongLong();
    info.userName = q.value(2).toString();
    info.email = q.value(3).toString();
    info.platform = static_cast<Platform>(q.value(4).toInt());
    info.ownership = static_cast<Ownership>(q.value(5).toInt());
    info.group = q.value(6).toString();
    info.requestedAt = q.value(7).toLongLong();
    info.sentAt = q.value(8).toLongLong();
    info.expiresAt = q.value(9).toLongLong();
    info.state = static_cast<InvitationRecordState>(q.value(10).toInt());
    info.delivery = static_cast<DeliveryState>(q.value(11).toInt());
    info.remarks = q.value(12).toString();
    info.resendCount = q.value(13).toInt();
    info.linkToken = q.value(14).toString();
    return info;
}

InviteRequest EnrollmentService::additionalDeviceFor(qint64 recordId, bool fromDevice) const
{
    QSqlQuery q(store_.database());
    q.prepare(
        fromDevice
            ? QStringLiteral("SELECT coalesce(u.name, ''), coalesce(u.email, ''), d.platform, d.ownership,"
                             " coalesce(g.name, '') FROM devices d LEFT JOIN users u ON u.id = d.user_id"
                             " LEFT JOIN groups g ON g.id = d.group_id WHERE d.id = ?")
            : QStringLiteral("SELECT coalesce(u.name, ''), i.email, i.platform, i.ownership,"
                             " coalesce(g.name, '') FROM invitations i LEFT JOIN users u ON u.id = i.user_id"
                             " LEFT JOIN groups g ON g.id = i.group_id WHERE i.id = ?"));
    q.addBindValue(recordId);
    InviteRequest request;
    if (q.exec() && q.next()) {
        request.name = q.value(0).toString();
        request.email = q.value(1).toString();
        request.platform = static_cast<Platform>(q.value(2).toInt());
        request.ownership = static_cast<Ownership>(q.value(3).toInt());
        request.group = q.value(4).toString();
        // An additional device is another one: offer the first platform the user has neither an
        // enrolled device nor a valid invitation for, so no duplicate warning comes up by default.
        for (int p = 0; p < kPlatformCount; ++p) {
            InviteRequest other = request;
            other.platform = static_cast<Platform>(p);
            if (warnings(other).isEmpty()) {
                request.platform = other.platform;
                break;
            }
        }
    }
    return request;
}

} // namespace mdm
