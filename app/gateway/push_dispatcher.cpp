#include "push_dispatcher.h"

#include "domain/clock.h"
#include "feed/store_watcher.h"
#include "store/store.h"

#include <QDebug>

namespace mdm::gateway {

PushDispatcher::PushDispatcher(Store &store, const Clock &clock, ApnsClient &client, QObject *parent)
    : QObject(parent), store_(store), clock_(clock), client_(client), watcher_(StoreWatcher::create(store))
{
    sweep_.setInterval(kSweepIntervalMs);
    connect(&sweep_, &QTimer::timeout, this, [this] { scan({}); });
    recordTimer_.setSingleShot(true);
    recordTimer_.setInterval(kRecordDelayMs);
    connect(&recordTimer_, &QTimer::timeout, this, &PushDispatcher::record);
    connect(&client_, &ApnsClient::finished, this, &PushDispatcher::onFinished);
    if (watcher_) {
        connect(watcher_.get(), &StoreWatcher::changes, this, &PushDispatcher::onChanges);
        // Entries were lost (pruned, or a bulk change): look at every device.
        connect(watcher_.get(), &StoreWatcher::fellBehind, this, [this] { scan({}); });
        connect(watcher_.get(), &StoreWatcher::failed, this, [](const QString &message) {
            qWarning().noquote() << tr("Not following the store any more (%1); queued commands are pushed "
                                       "once a minute.")
                                        .arg(message);
        });
    }
}

PushDispatcher::~PushDispatcher()
{
    stop();
}

void PushDispatcher::start()
{
    if (watcher_)
        watcher_->start(-1);
    sweep_.start();
    scan({});
}

void PushDispatcher::stop()
{
    if (watcher_)
        watcher_->stop();
    sweep_.stop();
    record();
}

void PushDispatcher::onChanges(const QList<StoreChange> &changes)
{
    // A new command comes with its device's new state; a revived token with its enrollment's push_dead.
    QSet<qint64> devices;
    for (const StoreChange &change : changes)
        if (change.kind == RecordKind::Device && change.type != StoreChange::Type::Deleted)
            devices.insert(change.id);
    if (!devices.isEmpty())
        scan(devices);
}

void PushDispatcher::scan(const QSet<qint64> &deviceIds)
{
    QList<PushQueue::Due> due;
    QString error;
    if (!PushQueue::due(store_, deviceIds, &due, &error)) {
        qWarning().noquote() << tr("Cannot read the queued commands: %1").arg(error);
        return;
    }
    for (const PushQueue::Due &push : due) {
        if (inFlight_.contains(push.commandId) || unrecorded_.contains(push.commandId) ||
            gaveUp_.contains(push.commandId))
            continue;
        inFlight_.insert(push.commandId, push);
        client_.push(push.commandId, push.token, push.pushMagic);
    }
}

void PushDispatcher::onFinished(qint64 commandId, PushOutcome outcome, const QString &detail)
{
    const auto it = inFlight_.constFind(commandId);
    if (it == inFlight_.constEnd())
        return;
    PushQueue::Result result;
    result.push = it.value();
    inFlight_.erase(it);
    result.detail = detail;
    result.atMs = clock_.nowMs();
    switch (outcome) {
    case PushOutcome::Delivered:
        result.outcome = PushQueue::Outcome::Delivered;
        break;
    case PushOutcome::Unregistered:
        result.outcome = PushQueue::Outcome::Unregistered;
        break;
    case PushOutcome::Rejected:
    case PushOutcome::Failed:
        result.outcome = PushQueue::Outcome::Failed;
        gaveUp_.insert(commandId);
        qWarning().noquote()
            << tr("Push for command %1: %2 (%3)").arg(commandId).arg(pushOutcomeName(outcome), detail);
        break;
    }
    results_.append(result);
    unrecorded_.insert(commandId);
    if (!recordTimer_.isActive())
        recordTimer_.start();
}

void PushDispatcher::record()
{
    recordTimer_.stop();
    if (results_.isEmpty())
        return;
    QString error;
    if (!PushQueue::record(store_, results_, &error)) {
        // The store was busy or failed: try again with the next outcome or the next sweep's.
        qWarning().noquote() << tr("Cannot record push outcomes: %1").arg(error);
        recordTimer_.start();
        return;
    }
    results_.clear();
    unrecorded_.clear();
}

} // namespace mdm::gateway
