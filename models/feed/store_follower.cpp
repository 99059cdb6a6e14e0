#include "feed/store_follower.h"

#include "store/change_journal.h"
#include "store/store.h"

#include <QHash>
#include <QTimer>
#include <array>
#include <utility>

namespace mdm {

StoreFollower::StoreFollower(Store &store, QObject *parent)
    : QObject(parent), store_(store), watcher_(StoreWatcher::create(store, this))
{
    connect(watcher_.get(), &StoreWatcher::changes, this, &StoreFollower::apply);
    connect(watcher_.get(), &StoreWatcher::fellBehind, this, &StoreFollower::rebuild);
    connect(watcher_.get(), &StoreWatcher::busy, this, &StoreFollower::busy);
    connect(watcher_.get(), &StoreWatcher::failed, this, &StoreFollower::failed);
}

StoreFollower::~StoreFollower()
{
    stop();
}

void StoreFollower::start()
{
    QString error;
    const qint64 after = ChangeJournal::lastSeq(store_.database(), &error);
    if (after < 0) {
        emit failed(error);
        return;
    }
    watcher_->start(after);
}

void StoreFollower::stop()
{
    if (watcher_ && watcher_->isRunning())
        watcher_->stop();
}

void StoreFollower::apply(const QList<StoreChange> &changes)
{
    // One announcement per kind for everything that arrived together: a large commit comes in several
    // signals of the watcher, and each announcement costs a tab a pass over its rows.
    for (const StoreChange &change : changes) {
        const int key = static_cast<int>(change.kind);
        auto it = pending_.find(key);
        if (it == pending_.end()) {
            order_ << change.kind;
            it = pending_.insert(key, {});
        }
        if (it->isEmpty() || it->constLast() != change.id)
            it->append(change.id);
    }
    if (!flushScheduled_) {
        flushScheduled_ = true;
        // After the signals already queued behind this one.
        QTimer::singleShot(0, this, &StoreFollower::flush);
    }
}

void StoreFollower::flush()
{
    flushScheduled_ = false;
    const QList<RecordKind> order = std::exchange(order_, {});
    const QHash<int, QList<qint64>> ids = std::exchange(pending_, {});
    for (RecordKind kind : order)
        store_.announce(kind, ids.value(static_cast<int>(kind)));
}

void StoreFollower::rebuild()
{
    // An empty list means "anything of this kind may have changed": each tab reloads its index in the
    // background and keeps its selection, sort and filters.
    for (RecordKind kind :
         std::array{RecordKind::Device, RecordKind::Invitation, RecordKind::Outbox, RecordKind::Audit})
        store_.announce(kind, {});
}

} // namespace mdm
