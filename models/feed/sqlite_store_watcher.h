#pragma once

#include "feed/store_watcher.h"

#include <QThread>

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
    ~SqliteStoreWatcher() override;

    void start(qint64 afterSeq) override;
    void stop() override;
    bool isRunning() const override { return running_; }

    // How long a read waits for a locked store before it reports busy() and retries at the next poll.
    static constexpr int kBusyWaitMs = 200;
    // Entries per changes() signal, so that a large burst reaches the receiver in pieces.
    static constexpr int kBatch = 10000;

private:
    QString path_;
    int pollIntervalMs_;
    QThread thread_;
    // Bumped by every start and stop: what an earlier run had queued for this thread is dropped.
    quint64 generation_ = 0;
    bool running_ = false;
};

} // namespace mdm
