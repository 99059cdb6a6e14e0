#pragma once

#include "feed/store_watcher.h"

namespace mdm {

// Follows a PostgreSQL store from a thread and a connection of its own, woken by LISTEN mdm_changes: the
// store's journal trigger NOTIFYs in the writer's transaction, so the server tells this connection at
// commit. Then it reads the horizon and the journal past the last entry it reported in one REPEATABLE
// READ transaction. A quiet store costs nothing: no statement runs until a notification arrives.
//
// A lost connection (server restart, network) is reconnected with a growing delay; after reconnecting it
// reads the journal past the last entry it reported, so nothing committed meanwhile is missed (or
// fellBehind() when the entries were pruned). failed() only when the server stays unreachable for
// kGiveUpMs, or a statement fails for any reason other than a lost connection or a lock.
//
// Seq numbers that are missing below the newest entry seen (a writer that drew its seq and has not
// committed yet, or one that rolled back) are read again until no transaction that could hold them is
// still running: see models/feed/README.md.
class PgStoreWatcher final : public StoreWatcher
{
public:
    // uri: the store's libpq URI (postgresql://user@host:port/database?…), as Store::path() shows it.
    explicit PgStoreWatcher(QString uri, QObject *parent = nullptr);

    // The channel the store's journal trigger notifies on (payload empty).
    static constexpr const char *kChannel = "mdm_changes";
    // Entries per changes() signal, so that a large burst reaches the receiver in pieces.
    static constexpr int kBatch = 10000;
    // Notifications arriving within this time after the first are answered by one read.
    static constexpr int kCoalesceMs = 20;
    // How long a read waits for a lock (only DDL such as a migration takes one the read conflicts with)
    // before it reports busy() and tries again after kBusyRetryMs.
    static constexpr int kLockWaitMs = 200;
    static constexpr int kBusyRetryMs = 250;
    // Reconnecting: first after kReconnectFirstMs, doubling up to kReconnectMaxMs; failed() once the
    // store has been unreachable for kGiveUpMs.
    static constexpr int kReconnectFirstMs = 250;
    static constexpr int kReconnectMaxMs = 4000;
    static constexpr int kGiveUpMs = 30000;
    // libpq's connect timeout for the watcher's connection: a reconnection attempt to a host that does not
    // answer blocks the watcher's thread, and stop() waits for it, this long at most.
    static constexpr int kConnectTimeoutS = 3;
    // A missing seq is awaited at least this long before the transactions that could hold it are
    // asked about (a writer may draw its seq a moment before its transaction id).
    static constexpr int kGapGraceMs = 1000;
    // More missing seqs than this at once: fellBehind() rather than an unbounded list.
    static constexpr int kMaxGaps = 100000;

private:
    StoreWatcherReader *createReader(qint64 afterSeq, StoreWatcherSink sink) override;

    QString uri_;
};

} // namespace mdm
