#pragma once

#include "feed/store_watcher.h"

namespace mdm {

// Follows an SQLite store from a thread and a read-only connection of its own: every poll interval it
// asks PRAGMA data_version, which changes only when another connection has committed, and then reads the
// journal past the last entry it reported, in one read transaction. An idle store costs one cheap
// statement per poll.
class SqliteStoreWatcher final : public StoreWatcher
{
public:
    explicit SqliteStoreWatcher(QString path, QObject *parent = nullptr,
                                int pollIntervalMs = kPollIntervalMs);

    // How long a read waits for a locked store before it reports busy() and retries at the next poll.
    static constexpr int kBusyWaitMs = 200;
    // Entries per changes() signal, so that a large burst reaches the receiver in pieces.
    static constexpr int kBatch = 10000;

private:
    StoreWatcherReader *createReader(qint64 afterSeq, StoreWatcherSink sink) override;

    QString path_;
    int pollIntervalMs_;
};

} // namespace mdm
