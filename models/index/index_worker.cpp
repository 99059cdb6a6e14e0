#include "index/index_worker.h"

#include "store/bound_rows.h"
#include "store/store_reader.h"

#include <algorithm>

namespace mdm {

IndexWorker::IndexWorker(const QString &location, const TabSpec &spec, Callbacks callbacks)
    : location_(location), index_(spec), callbacks_(std::move(callbacks))
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

void IndexWorker::requestQuery(const IndexQuery &query, quint64 generation, quint64 stamp)
{
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(Query{query, generation, stamp});
    }
    wake_.notify_one();
}

void IndexWorker::requestRefresh(const QList<qint64> &ids, qint64 nowMs, quint64 stamp)
{
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(Refresh{ids, nowMs, stamp});
    }
    wake_.notify_one();
}

bool IndexWorker::openConnection()
{
    db_ = StoreReader::open(location_);
    if (db_->error().isEmpty())
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
    std::function<void(std::vector<qint64> &&)> onChunk;
    if (callbacks_.loadedChunk)
        onChunk = [this, first = true](std::vector<qint64> &&ids) mutable {
            std::vector<ShownRow> rows;
            if (first)
                rows = readShownRows(ids);
            first = false;
            callbacks_.loadedChunk(std::move(ids), std::move(rows));
        };
    if (!index_.load(*db_, onChunk, &error) && callbacks_.failed)
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

// A failure here costs only the head start: the model then reads the rows itself, and says what fails.
std::vector<ShownRow> IndexWorker::readShownRows(const std::vector<qint64> &ids)
{
    std::vector<ShownRow> rows;
    const size_t count = std::min<size_t>(kShownRows, ids.size());
    if (count == 0)
        return rows;
    // The IDs as one bound array, as the model's own reads: PostgreSQL plans a list of placeholders value
    // by value.
    const bool postgres = StoreReader::isPostgres(location_);
    const auto cursor = db_->prepare(index_.spec().rowSqlIn(idSetSql(postgres)));
    cursor->bind(1, idSetText(postgres, std::span(ids.data(), count)));
    rows.reserve(count);
    while (cursor->next()) {
        ShownRow row{cursor->int64(0), {}};
        const int columns = cursor->columnCount();
        row.values.reserve(columns - 1);
        for (int c = 1; c < columns; ++c) {
            const QByteArrayView text = cursor->text(c);
            row.values << (cursor->isNull(c) ? QVariant() : QVariant(QString::fromUtf8(text)));
        }
        rows.push_back(std::move(row));
    }
    return cursor->error().isEmpty() ? rows : std::vector<ShownRow>();
}

void IndexWorker::handle(Query &task)
{
    last_ = task;
    QueryResult result;
    result.generation = task.generation;
    result.ids = index_.query(task.query);
    shown_ = result.ids;
    result.total = index_.liveCount();
    result.groups = index_.groups();
    result.rows = readShownRows(result.ids);
    result.stamp = task.stamp;
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
        if (!index_.load(*db_, {}, &error)) {
            if (callbacks_.failed)
                callbacks_.failed(error);
            return;
        }
        Query again = last_;
        again.query.nowMs = task.nowMs;
        again.stamp = task.stamp;
        handle(again);
        return;
    }
    if (!index_.refresh(*db_, task.ids, &error)) {
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
    placeAdded(task.ids, delta, now);
    delta.total = index_.liveCount();
    if (callbacks_.refreshed)
        callbacks_.refreshed(std::move(delta));
}

// Mirrors the model's handling of a delta on shown_: rows that no longer match leave, changed rows keep
// their place (re-sorting under the admin's cursor would lose it), and each newly matching record enters
// where a binary search by the query's order puts it among the rows kept. Kept rows that changed their
// sort key may leave the rows out of order; the search then still gives a place near its sorted one.
// Cost: one pass over the shown rows plus O(log n) comparisons per new record.
void IndexWorker::placeAdded(const QList<qint64> &ids, IndexDelta &delta, const IndexQuery &now)
{
    // ids are sorted and unique, delta.records in the same order.
    std::vector<uint8_t> wasShown(delta.records.size(), 0);
    std::vector<qint64> kept;
    kept.reserve(shown_.size() + delta.records.size());
    for (qint64 id : shown_) {
        const auto it = std::lower_bound(ids.begin(), ids.end(), id);
        if (it != ids.end() && *it == id) {
            const auto i = static_cast<size_t>(it - ids.begin());
            wasShown[i] = 1;
            if (!delta.records[i].second)
                continue;
        }
        kept.push_back(id);
    }
    std::vector<qint64> added;
    for (size_t i = 0; i < delta.records.size(); ++i)
        if (delta.records[i].second && !wasShown[i])
            added.push_back(delta.records[i].first);
    if (added.empty()) {
        shown_ = std::move(kept);
        return;
    }
    const auto less = [&](qint64 a, qint64 b) { return index_.less(a, b, now); };
    std::sort(added.begin(), added.end(), less);
    // The first kept row not before the record. Written out rather than std::lower_bound, which wants a
    // range partitioned by the record, and kept rows may not be.
    const auto placeOf = [&](qint64 id) {
        size_t first = 0;
        size_t count = kept.size();
        while (count > 0) {
            const size_t step = count / 2;
            if (less(kept[first + step], id)) {
                first += step + 1;
                count -= step + 1;
            } else {
                count = step;
            }
        }
        return first;
    };
    delta.inserted.reserve(added.size());
    std::vector<qint64> next;
    next.reserve(kept.size() + added.size());
    size_t from = 0;
    for (qint64 id : added) {
        const size_t place = std::max(placeOf(id), from); // added records keep their own order
        next.insert(next.end(), kept.begin() + static_cast<std::ptrdiff_t>(from),
                    kept.begin() + static_cast<std::ptrdiff_t>(place));
        from = place;
        delta.inserted.emplace_back(static_cast<int>(next.size()), id);
        next.push_back(id);
    }
    next.insert(next.end(), kept.begin() + static_cast<std::ptrdiff_t>(from), kept.end());
    shown_ = std::move(next);
}

} // namespace mdm
