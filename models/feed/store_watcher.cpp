#include "feed/store_watcher.h"

#include "feed/pg_store_watcher.h"
#include "feed/sqlite_store_watcher.h"
#include "store/postgres_location.h"
#include "store/store.h"

namespace mdm {

StoreWatcher::StoreWatcher(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<StoreChange>();
    qRegisterMetaType<QList<StoreChange>>();
    thread_.setObjectName(QStringLiteral("store watcher"));
}

StoreWatcher::~StoreWatcher()
{
    stop();
}

std::unique_ptr<StoreWatcher> StoreWatcher::create(const Store &store, QObject *parent)
{
    // A PostgreSQL store shows its libpq URI as its path; an SQLite store its file's absolute path.
    const QString location = store.path();
    if (isPostgresLocation(location))
        return std::make_unique<PgStoreWatcher>(location, parent);
    return std::make_unique<SqliteStoreWatcher>(location, parent);
}

void StoreWatcher::start(qint64 afterSeq)
{
    stop();
    const quint64 generation = ++generation_;
    // Each report is queued to this object's thread and dropped if a later start or stop came between.
    const auto post = [this, generation](std::function<void()> report) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, report = std::move(report)] {
                if (generation == generation_)
                    report();
            },
            Qt::QueuedConnection);
    };
    StoreWatcherSink sink{
        [this, post](QList<StoreChange> list) { post([this, list] { emit changes(list); }); },
        [this, post] { post([this] { emit fellBehind(); }); },
        [this, post] { post([this] { emit busy(); }); },
        [this, post](QString message) {
            post([this, message] {
                stop();
                emit failed(message);
            });
        },
    };
    StoreWatcherReader *reader = createReader(afterSeq, std::move(sink));
    reader->moveToThread(&thread_);
    connect(&thread_, &QThread::started, reader, [reader] { reader->begin(); });
    connect(&thread_, &QThread::finished, reader, &QObject::deleteLater);
    running_ = true;
    thread_.start();
}

void StoreWatcher::stop()
{
    ++generation_;
    running_ = false;
    if (!thread_.isRunning())
        return;
    thread_.quit();
    thread_.wait();
}

} // namespace mdm
