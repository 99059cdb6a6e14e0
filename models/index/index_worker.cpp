#include "index/index_worker.h"

#include "store/sqlite_handle.h"

#include <algorithm>

namespace mdm {

IndexWorker::IndexWorker(const QString &dbPath, const TabSpec &spec, Callbacks callbacks)
    : dbPath_(dbPath), index_(spec), callbacks_(std::move(callbacks))
{
    thread_ = std::thread([this] { run(); });
}

IndexWorker::~IndexWorker()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void IndexWorker::requestQuery(const IndexQuery &query, quint64 generation)
{
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(Query{query, generation});
    }
    wake_.notify_one();
}

void IndexWorker::requestRefresh(const QList<qint64> &ids, qint64 nowMs)
{
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(Refresh{ids, nowMs});
    }
    wake_.notify_one();
}

bool IndexWorker::openConnection()
{
    db_ = std::make_unique<SqliteReadConnection>(dbPath_);
    if (db_->get())
        return true;
    if (callbacks_.failed)
        callbacks_.failed(db_->error());
    return false;
}

void IndexWorker::run()
{
    if (!openConnection())
        return;
    QString error;
    if (!index_.load(db_->get(), callbacks_.loadedChunk, &error) && callbacks_.failed)
        callbacks_.failed(error);
    loaded_ = true;

    for (;;) {
        Task task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (stopping_)
                return;
            task = std::move(tasks_.front());
            tasks_.pop_front();
            // Only the newest of the waiting queries matters.
            if (std::holds_alternative<Query>(task)) {
                bool superseded = false;
                for (const Task &later : tasks_)
                    superseded = superseded || std::holds_alternative<Query>(later);
                if (superseded)
                    continue;
            }
        }
        std::visit([this](auto &t) { handle(t); }, task);
    }
}

void IndexWorker::handle(Query &task)
{
    last_ = task;
    QueryResult result;
    result.generation = task.generation;
    result.ids = index_.query(task.query);
    result.total = index_.liveCount();
    result.groups = index_.groups();
    if (callbacks_.queryFinished)
        callbacks_.queryFinished(std::move(result));
}

void IndexWorker::handle(Refresh &task)
{
    // The same record announced twice is one change.
    std::sort(task.ids.begin(), task.ids.end());
    task.ids.erase(std::unique(task.ids.begin(), task.ids.end()), task.ids.end());
    QString error;
    if (task.ids.isEmpty()) {
        if (!index_.load(db_->get(), {}, &error)) {
            if (callbacks_.failed)
                callbacks_.failed(error);
            return;
        }
        Query again = last_;
        again.query.nowMs = task.nowMs;
        handle(again);
        return;
    }
    if (!index_.refresh(db_->get(), task.ids, &error)) {
        if (callbacks_.failed)
            callbacks_.failed(error);
        return;
    }
    IndexDelta delta;
    delta.generation = last_.generation;
    IndexQuery now = last_.query;
    now.nowMs = task.nowMs;
    delta.records.reserve(static_cast<size_t>(task.ids.size()));
    for (qint64 id : task.ids)
        delta.records.emplace_back(id, index_.matches(id, now));
    delta.total = index_.liveCount();
    if (callbacks_.refreshed)
        callbacks_.refreshed(std::move(delta));
}

} // namespace mdm
