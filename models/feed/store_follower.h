#pragma once

#include "feed/store_watcher.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <memory>

namespace mdm {

class Store;

// Makes the changes other processes commit to the store look exactly like this process's own: every
// journal entry is announced through Store::changed, so the tabs, the details pane, the status bar and the
// audit log follow them the same way they follow an action of this window. Changes this process made itself
// come back too; re-reading a row is idempotent.
class StoreFollower : public QObject
{
    Q_OBJECT

public:
    explicit StoreFollower(Store &store, QObject *parent = nullptr);
    ~StoreFollower() override;

    // From the newest journal entry on: call before the tabs load, so that nothing committed while they
    // load is missed (what they already read is re-read, which changes nothing).
    void start();
    void stop();

signals:
    // The store was locked by another writer for longer than the watcher waits; it tries again.
    void busy();
    // Following stopped; the message says why.
    void failed(const QString &message);

private:
    void apply(const QList<StoreChange> &changes);
    void flush();
    void rebuild();

    Store &store_;
    std::unique_ptr<StoreWatcher> watcher_;
    // Changes received but not yet announced, by kind in the order the kinds first came.
    QList<RecordKind> order_;
    QHash<int, QList<qint64>> pending_;
    bool flushScheduled_ = false;
};

} // namespace mdm
