#pragma once

#include "domain/record_kind.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>

namespace mdm {

class Store;

// One entry of the store's change journal: this record was inserted, updated or deleted, by whichever
// process wrote it, in a transaction that has committed.
struct StoreChange
{
    enum class Type
    {
        Inserted = 0,
        Updated = 1,
        Deleted = 2
    };

    qint64 seq = 0; // ascending in commit order, never reused
    RecordKind kind = RecordKind::Device;
    qint64 id = 0;
    Type type = Type::Updated;
    qint64 atMs = 0; // when it was written, by the writer's clock

    bool operator==(const StoreChange &) const = default;
};

// What a watcher's reader, on the watcher's thread, reports. StoreWatcher queues each call to the thread
// that owns the watcher, and drops it there when a later start() or stop() came between.
struct StoreWatcherSink
{
    std::function<void(QList<StoreChange>)> changes;
    std::function<void()> fellBehind;
    std::function<void()> busy;
    std::function<void(QString)> failed;
};

// The reader of one run: created on the owner's thread, moved to the watcher's thread, begun there, and
// deleted there when the run ends.
class StoreWatcherReader : public QObject
{
public:
    virtual void begin() = 0;
};

// Follows the store's change journal off the caller's thread and reports what other writers (and this
// process) committed. The interface is kept small on purpose: the SQLite store polls, the PostgreSQL store
// is woken by LISTEN/NOTIFY (PgStoreWatcher); consumers see the same four signals.
//
// Signals arrive on the thread that owns the watcher, in seq order. After fellBehind() the entries up to
// now are not available (pruned, or a bulk change wrote a single mark): rebuild from the store; the
// watcher goes on after the newest entry it saw, and a change made while rebuilding may be reported too.
class StoreWatcher : public QObject
{
    Q_OBJECT

public:
    // How often the SQLite watcher asks whether another connection committed.
    static constexpr int kPollIntervalMs = 250;

    // The watcher that suits this store; it reads on a connection of its own.
    static std::unique_ptr<StoreWatcher> create(const Store &store, QObject *parent = nullptr);

    ~StoreWatcher() override;

    // Reports every change after afterSeq (ChangeJournal::lastSeq read before the caller loaded its
    // records), or, for afterSeq < 0, every change from now on. Restarting drops what the old run had not
    // delivered yet.
    void start(qint64 afterSeq);
    // Stops reading; no signal of this run arrives after it returns.
    void stop();
    bool isRunning() const { return running_; }

signals:
    void changes(const QList<mdm::StoreChange> &changes);
    void fellBehind();
    // The store was locked for longer than the watcher waits; it tries again shortly.
    void busy();
    // It could not read the store (message for the admin); the watcher has stopped. The PostgreSQL
    // watcher first tries for a while to reconnect to a server it lost.
    void failed(const QString &message);

protected:
    explicit StoreWatcher(QObject *parent);

    // The reader of a new run, reporting to sink (the SQLite poller, the PostgreSQL listener).
    virtual StoreWatcherReader *createReader(qint64 afterSeq, StoreWatcherSink sink) = 0;

private:
    QThread thread_;
    // Bumped by every start and stop: what an earlier run had queued for this thread is dropped.
    quint64 generation_ = 0;
    bool running_ = false;
};

} // namespace mdm

Q_DECLARE_METATYPE(mdm::StoreChange)
