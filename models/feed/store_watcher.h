#pragma once

#include "domain/record_kind.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
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

    ~StoreWatcher() override = default;

    // Reports every change after afterSeq (ChangeJournal::lastSeq read before the caller loaded its
    // records), or, for afterSeq < 0, every change from now on. Restarting drops what the old run had not
    // delivered yet.
    virtual void start(qint64 afterSeq) = 0;
    // Stops reading; no signal of this run arrives after it returns.
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;

signals:
    void changes(const QList<mdm::StoreChange> &changes);
    void fellBehind();
    // The store was locked for longer than the watcher waits; it tries again shortly.
    void busy();
    // It could not read the store (message for the admin); the watcher has stopped. The PostgreSQL
    // watcher first tries for a while to reconnect to a server it lost.
    void failed(const QString &message);

protected:
    explicit StoreWatcher(QObject *parent) : QObject(parent) {}
};

} // namespace mdm

Q_DECLARE_METATYPE(mdm::StoreChange)
