#include "feed/sqlite_store_watcher.h"

#include "store/change_journal.h"
#include "store/sqlite_handle.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace mdm {

namespace {

class WatcherText
{
    Q_DECLARE_TR_FUNCTIONS(StoreWatcher)
};

// Lives on the watcher's thread, owns the connection, and is deleted there when the thread finishes.
class JournalPoller : public StoreWatcherReader
{
public:
    JournalPoller(QString path, qint64 afterSeq, int intervalMs, StoreWatcherSink sink)
        : path_(std::move(path)), afterSeq_(afterSeq), intervalMs_(intervalMs), sink_(std::move(sink))
    {
    }

    // On the thread: open, catch up, then poll.
    void begin() override
    {
        connection_.emplace(path_);
        if (!connection_->get()) {
            fail(connection_->error());
            return;
        }
        sqlite3_busy_timeout(connection_->get(), SqliteStoreWatcher::kBusyWaitMs);
        timer_ = new QTimer(this);
        timer_->setInterval(intervalMs_);
        QObject::connect(timer_, &QTimer::timeout, this, [this] { poll(); });
        timer_->start();
        poll();
    }

private:
    enum class Read
    {
        Ok,
        Busy,
        Failed
    };

    void poll()
    {
        qint64 version = 0;
        Read r = dataVersion(&version);
        if (r == Read::Ok && version == seenVersion_ && caughtUp_)
            return;
        if (r == Read::Ok) {
            r = readJournal();
            if (r == Read::Ok) {
                seenVersion_ = version;
                caughtUp_ = true;
            }
        }
        if (r == Read::Busy)
            sink_.busy();
    }

    Read dataVersion(qint64 *version)
    {
        SqliteStatement q(connection_->get(), "PRAGMA data_version");
        if (q.ok() && q.next()) {
            *version = q.int64(0);
            return Read::Ok;
        }
        return failure(q.error());
    }

    Read readJournal()
    {
        sqlite3 *db = connection_->get();
        if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
            return failure(QString::fromUtf8(sqlite3_errmsg(db)));
        const Read r = readInTransaction(db);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        return r;
    }

    // One snapshot: the horizon and the entries agree with each other.
    Read readInTransaction(sqlite3 *db)
    {
        qint64 horizon = 0, newest = 0;
        {
            SqliteStatement q(db, "SELECT (SELECT seq FROM change_journal_horizon),"
                                  " (SELECT coalesce(max(seq), 0) FROM change_journal)");
            if (!q.ok() || !q.next())
                return failure(q.error());
            horizon = q.int64(0);
            newest = q.int64(1);
        }
        if (afterSeq_ < 0) {
            afterSeq_ = newest;
            return Read::Ok;
        }
        if (afterSeq_ >= newest)
            return Read::Ok;
        if (afterSeq_ + 1 < horizon) {
            afterSeq_ = newest;
            sink_.fellBehind();
            return Read::Ok;
        }
        SqliteStatement q(db, "SELECT seq, kind, record_id, change, at FROM change_journal WHERE seq > ?"
                              " ORDER BY seq");
        if (!q.ok())
            return failure(q.error());
        q.bind(1, afterSeq_);
        QList<StoreChange> batch;
        while (q.next()) {
            const QByteArrayView key = q.text(1);
            if (key == QByteArrayView(ChangeJournal::kEverythingKey)) {
                // A bulk change without entries: whatever came before or after it, the reader rebuilds.
                afterSeq_ = newest;
                sink_.fellBehind();
                return Read::Ok;
            }
            const auto kind = recordKindFromKey(QString::fromLatin1(key));
            if (kind) {
                batch.append(
                    {q.int64(0), *kind, q.int64(2), static_cast<StoreChange::Type>(q.int64(3)), q.int64(4)});
                if (batch.size() >= SqliteStoreWatcher::kBatch) {
                    afterSeq_ = batch.last().seq;
                    sink_.changes(std::exchange(batch, {}));
                }
            }
        }
        if (!q.error().isEmpty())
            return failure(q.error());
        if (!batch.isEmpty())
            sink_.changes(batch);
        afterSeq_ = newest;
        return Read::Ok;
    }

    Read failure(const QString &message)
    {
        const int code = sqlite3_errcode(connection_->get()) & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            return Read::Busy;
        fail(message);
        return Read::Failed;
    }

    void fail(const QString &message)
    {
        if (timer_)
            timer_->stop();
        sink_.failed(WatcherText::tr("Cannot follow changes to the store “%1”: %2").arg(path_, message));
    }

    QString path_;
    qint64 afterSeq_;
    int intervalMs_;
    StoreWatcherSink sink_;
    std::optional<SqliteReadConnection> connection_;
    QTimer *timer_ = nullptr;
    qint64 seenVersion_ = 0;
    bool caughtUp_ = false;
};

} // namespace

SqliteStoreWatcher::SqliteStoreWatcher(QString path, QObject *parent, int pollIntervalMs)
    : StoreWatcher(parent), path_(std::move(path)), pollIntervalMs_(pollIntervalMs)
{
}

StoreWatcherReader *SqliteStoreWatcher::createReader(qint64 afterSeq, StoreWatcherSink sink)
{
    return new JournalPoller(path_, afterSeq, pollIntervalMs_, std::move(sink));
}

} // namespace mdm
