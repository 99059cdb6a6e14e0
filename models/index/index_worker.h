#pragma once

#include "index/table_index.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>

namespace mdm {

class StoreReader;

// A record's display values, as its tab's rowSql returns them after the ID.
struct ShownRow
{
    qint64 id = 0;
    QVariantList values;
};

struct QueryResult
{
    quint64 generation = 0;
    std::vector<qint64> ids; // the rows to show, in order
    qint64 total = 0;        // every record of the tab, whatever the filter
    QStringList groups;
    // The display values of the first rows, read after the request was made (its stamp): the view shows
    // them without a statement on the UI thread. Empty when they could not be read.
    std::vector<ShownRow> rows;
    quint64 stamp = 0;
};

// How changed records now stand against the query the worker ran last.
struct IndexDelta
{
    quint64 generation = 0;
    std::vector<std::pair<qint64, bool>> records; // id, shown under the current query
    // Records that now match and were not shown, each with the row it takes once the rows that left are
    // gone and the earlier insertions are made: ascending rows, at its place in the query's sort order.
    std::vector<std::pair<int, qint64>> inserted;
    qint64 total = 0;
};

// Owns a tab's TableIndex on a thread of its own, so that loading a million rows, searching and
// sorting never block the UI. Requests are handled in order; a query superseded by a newer one
// before it started is skipped. Callbacks run on the worker thread.
class IndexWorker
{
public:
    struct Callbacks
    {
        // The first chunk comes with the display values of its first rows, read in the same snapshot: the
        // view shows them without a statement of its own on the UI thread (on PostgreSQL, a cold
        // connection's first statement costs as much as the whole load's first rows).
        std::function<void(std::vector<qint64> &&ids, std::vector<ShownRow> &&rows)> loadedChunk;
        std::function<void(QueryResult &&)> queryFinished;
        std::function<void(IndexDelta &&)> refreshed;
        std::function<void(const QString &)> failed;
    };

    // The rows whose values come with the first chunk and with a query's result: a tall window's
    // screenful. More would cost each search on PostgreSQL about 2 ms per 100 rows, for rows not shown yet.
    static constexpr size_t kShownRows = 64;

    // location: the store's (Store::path()): an SQLite file or a PostgreSQL URI.
    IndexWorker(const QString &location, const TabSpec &spec, Callbacks callbacks);
    ~IndexWorker();
    IndexWorker(const IndexWorker &) = delete;
    IndexWorker &operator=(const IndexWorker &) = delete;

    // stamp: the caller's count of its requests, handed back with the rows read for this one, so that it
    // can tell them from values of records it heard changed after asking (and the worker may have read
    // before the change). The load at start counts as the first request (stamp 1).
    void requestQuery(const IndexQuery &query, quint64 generation, quint64 stamp);
    // Empty ids: everything may have changed; reload the tab and rerun the last query.
    void requestRefresh(const QList<qint64> &ids, qint64 nowMs, quint64 stamp);

private:
    struct Query
    {
        IndexQuery query;
        quint64 generation;
        quint64 stamp;
    };
    struct Refresh
    {
        QList<qint64> ids;
        qint64 nowMs;
        quint64 stamp;
    };
    using Task = std::variant<Query, Refresh>;

    void run();
    bool openConnection();
    std::vector<ShownRow> readShownRows(const std::vector<qint64> &ids);
    void handle(Query &task);
    void handle(Refresh &task);
    void placeAdded(const QList<qint64> &ids, IndexDelta &delta, const IndexQuery &now);

    QString location_;
    TableIndex index_;
    Callbacks callbacks_;
    std::unique_ptr<StoreReader> db_; // used on the worker thread only
    bool loaded_ = false;
    Query last_{{}, 0, 0};
    // The rows the model shows for last_: the query's result as sent, then every delta applied to it the
    // way the model applies it, so that new records are placed without asking the UI thread.
    std::vector<qint64> shown_;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Task> tasks_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace mdm
