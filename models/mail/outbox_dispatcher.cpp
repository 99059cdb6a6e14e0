#include "mail/outbox_dispatcher.h"

#include "domain/clock.h"
#include "domain/invitation_rules.h"
#include "mail/invitation_mail.h"
#include "store/store.h"
#include "store/store_lease.h"

namespace mdm {

namespace {
constexpr int kBatchSize = 200;
constexpr int kSoonMs = 1500;

QByteArray messageIdFor(const OutboxMessage &m, const MailSettings &settings)
{
    const QString domain = settings.fromAddress.section(QLatin1Char('@'), 1);
    return QStringLiteral("<outbox-%1.%2@%3>")
        .arg(m.id)
        .arg(m.createdAt)
        .arg(domain.isEmpty() ? QStringLiteral("mdm-console.invalid") : domain)
        .toLatin1();
}
} // namespace

OutboxDispatcher::OutboxDispatcher(Store &store, const Clock &clock, MailTransport &transport,
                                   QObject *parent)
    : QObject(parent), store_(store), clock_(clock), transport_(transport),
      lease_(store.lease(QStringLiteral("outbox")))
{
    connect(&transport_, &MailTransport::mailFinished, this, &OutboxDispatcher::onMailFinished);
    connect(&transport_, &MailTransport::batchFinished, this, &OutboxDispatcher::sendNextBatch);
    connect(&timer_, &QTimer::timeout, this, [this] { deliverDue(false); });
    soon_.setSingleShot(true);
    soon_.setInterval(kSoonMs);
    connect(&soon_, &QTimer::timeout, this, [this] { deliverDue(false); });
}

OutboxDispatcher::~OutboxDispatcher() = default;

void OutboxDispatcher::setCredentials(const MailSettings &settings, const QString &password)
{
    settings_ = settings;
    password_ = password;
    // The last problem was about the old settings ("No mail server is set up", a refused login): it
    // must not stand for the new ones until their first pass says otherwise.
    lastProblem_.clear();
    emit statusChanged();
}

void OutboxDispatcher::startBackground(int intervalMs)
{
    timer_.start(intervalMs);
    // New invitations, resends: send them soon, not at the next tick.
    connect(&store_, &Store::changed, this, [this](RecordKind kind) {
        if (kind == RecordKind::Invitation && !busy_ && !soon_.isActive())
            soon_.start();
    });
    soon_.start();
}

void OutboxDispatcher::deliverDue(bool ignoreBackoff)
{
    if (busy_)
        return;
    if (!settings_.isConfigured()) {
        lastProblem_ = tr("No mail server is set up (File ▸ Mail Server Settings).");
        emit statusChanged();
        emit finished();
        return;
    }
    // One sender per store at a time, on every machine: the consoles' background delivery and a cron
    // `deliver` would otherwise all pick up the same due messages. A holder that died loses the lease
    // (store_lease.h), so a restart after a crash resumes the outbox.
    QString leaseError;
    if (!lease_->tryTake(&leaseError)) {
        lastProblem_ = !leaseError.isEmpty()
                           ? leaseError
                           : tr("Another console or deliver command is sending this store's mail right now.");
        emit statusChanged();
        emit finished();
        return;
    }
    busy_ = true;
    cancelled_ = false;
    ignoreBackoff_ = ignoreBackoff;
    attempted_.clear();
    reports_.clear();
    sendNextBatch();
}

void OutboxDispatcher::finishPass()
{
    busy_ = false;
    lease_->release();
    emit statusChanged();
    emit finished();
}

void OutboxDispatcher::cancel()
{
    if (busy_)
        cancelled_ = true;
}

void OutboxDispatcher::sendNextBatch()
{
    if (!busy_)
        return;
    batch_.clear();
    if (cancelled_) {
        finishPass();
        return;
    }
    for (const OutboxMessage &m : Outbox(store_, clock_).due(ignoreBackoff_, kBatchSize + attempted_.size()))
        if (!attempted_.contains(m.id) && batch_.size() < kBatchSize)
            batch_ << m;
    if (batch_.isEmpty()) {
        finishPass();
        return;
    }
    QList<OutgoingMail> mails;
    // The 7 days start now, as the mail is written: its "valid until" is what markSent() stores once the
    // server has accepted it, so the link works exactly as long as the mail says.
    const qint64 validUntil = invitationExpiry(clock_.nowMs());
    for (OutboxMessage &m : batch_) {
        m.expiresAt = validUntil;
        attempted_ << m.id;
        const InvitationMail content = InvitationMail::compose(m, settings_);
        mails << OutgoingMail{messageIdFor(m, settings_),
                              m.recipient,
                              m.userName,
                              content.subject,
                              content.text,
                              content.html,
                              clock_.now(),
                              content.images};
    }
    transport_.sendBatch(settings_, password_, mails);
}

void OutboxDispatcher::onMailFinished(int index, const DeliveryResult &result)
{
    if (index < 0 || index >= batch_.size())
        return;
    const OutboxMessage &m = batch_.at(index);
    Outbox outbox(store_, clock_);
    QString error;
    const QString reason = result.serverReply.isEmpty() ? result.error : result.serverReply;
    switch (result.kind) {
    case DeliveryResult::Kind::Sent:
        // The server has accepted the message; until this commits, a crash (or a failed commit) leaves
        // it queued and the next pass sends it again: the one window for a duplicate (see Outbox).
        outbox.markSent(m.id, m.expiresAt, &error);
        lastProblem_.clear();
        break;
    case DeliveryResult::Kind::Permanent:
        outbox.markFailed(m.id, reason, &error);
        break;
    case DeliveryResult::Kind::Transient:
    case DeliveryResult::Kind::ConfigError:
        outbox.markRetry(m.id, reason, &error);
        lastProblem_ = reason;
        break;
    }
    if (!error.isEmpty())
        lastProblem_ = error;
    const Report report{m.id, m.recipient, result, error};
    reports_ << report;
    emit reported(report);
    emit statusChanged();
}

} // namespace mdm
