#include "naive_peer.h"

#include <QElapsedTimer>
#include <QModelIndex>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <memory>
#include <utility>

namespace mdm::bench {

namespace {

constexpr int kVisibleRows = 50;               // rows a table view shows at once
constexpr int kDisplayColumns = NaiveDeviceId; // the id column is part of the query but not shown
constexpr qint64 kProgressEvery = 250000;      // rows between "still loading" log lines

// The Managed tab as a naive application would write it: one SELECT joining users and groups, with
// the stored integers turned into (English) text in SQL so that the proxy can search and sort them.
// Column order: see NaiveColumn.
QString managedDevicesSql()
{
    return QStringLiteral(
        "SELECT d.name,"
        " CASE d.platform WHEN 0 THEN 'Android' WHEN 1 THEN 'iOS' WHEN 2 THEN 'iPadOS'"
        " WHEN 3 THEN 'macOS' WHEN 4 THEN 'Windows' ELSE 'Other' END AS platform,"
        " u.name AS user_name,"
        " u.email,"
        " CASE d.state WHEN 1 THEN 'Enrolled' WHEN 2 THEN 'Unmanaged' WHEN 3 THEN 'Revoke pending'"
        " WHEN 4 THEN 'Wipe pending' ELSE 'Staged' END AS status,"
        " d.serial,"
        " d.imei,"
        " d.model,"
        " d.os_version,"
        " g.name AS group_name,"
        " d.id"
        " FROM devices d"
        " LEFT JOIN users u ON u.id = d.user_id"
        " LEFT JOIN groups g ON g.id = d.group_id"
        " WHERE d.state <> 0");
}

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1.0e6;
}

// Reads what a table view would paint for `count` proxy rows starting at `first`; returns a checksum
// so that the reads cannot be optimised away.
qint64 readRows(const QAbstractItemModel &model, int first, int count)
{
    qint64 sum = 0;
    const int last = std::min(first + count, model.rowCount());
    for (int row = std::max(first, 0); row < last; ++row) {
        for (int column = 0; column < kDisplayColumns; ++column) {
            sum += model.data(model.index(row, column), Qt::DisplayRole).toString().size();
        }
    }
    return sum;
}

QString connectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("mdm-bench-naive-%1").arg(counter.fetch_add(1));
}

} // namespace

NaiveFigures measureNaivePeer(const QString &dbPath, const QString &searchFragment,
                              const std::function<void(const QString &)> &log)
{
    const auto say = [&log](const QString &line) {
        if (log) {
            log(line);
        }
    };
    const auto ms = [](double value) { return QString::number(value, 'f', 1); };

    NaiveFigures figures;
    qint64 checksum = 0;
    const QString name = connectionName();
    {
        QElapsedTimer timer;
        say(QStringLiteral("naive: opening %1 read-only").arg(dbPath));
        timer.start();

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            figures.error = QStringLiteral("cannot open %1: %2").arg(dbPath, db.lastError().text());
            say(QStringLiteral("naive: ") + figures.error);
        } else {
            // Declared before the proxy, so that the proxy is destroyed first.
            auto source = std::make_unique<QSqlQueryModel>();
            auto proxy = std::make_unique<QSortFilterProxyModel>();

            QSqlQuery query(db);
            // Not forward-only: QSqlQueryModel needs to seek back and forth, which makes the SQLite
            // driver cache every row fetched so far (that cache is the naive peer's memory use).
            if (!query.exec(managedDevicesSql())) {
                figures.error = QStringLiteral("query failed: %1").arg(query.lastError().text());
            } else {
                source->setQuery(std::move(query)); // fetches the first batch (255 rows)
                if (source->lastError().isValid()) {
                    figures.error = QStringLiteral("model failed: %1").arg(source->lastError().text());
                }
            }
            if (!figures.error.isEmpty()) {
                say(QStringLiteral("naive: ") + figures.error);
            } else {
                proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
                proxy->setFilterKeyColumn(-1); // search every column
                proxy->setSourceModel(source.get());

                // 1. First rows: the proxy has rows and the first cell can be painted.
                const bool hasRows = proxy->rowCount() > 0;
                checksum += proxy->data(proxy->index(0, 0)).toString().size();
                figures.openFirstRowsMs = elapsedMs(timer);
                say(QStringLiteral("naive: first rows after %1 ms (%2)")
                        .arg(ms(figures.openFirstRowsMs),
                             hasRows ? QStringLiteral("has rows") : QStringLiteral("empty")));

                // 2. Search. A QSortFilterProxyModel only filters (and sorts) the rows its source has
                //    fetched, so before the first search can be correct the naive peer must fetch every
                //    row. That load is counted inside searchMs (the first operation that needs it) and
                //    also reported on its own as loadAllMs. The proxy stays attached while loading, as
                //    it would under a real view, so its mapping updates are part of the cost.
                say(QStringLiteral("naive: loading all rows (fetchMore loop)..."));
                timer.restart();
                qint64 nextProgress = kProgressEvery;
                while (source->canFetchMore()) {
                    source->fetchMore();
                    if (source->rowCount() >= nextProgress) {
                        say(QStringLiteral("naive:   %1 rows after %2 ms")
                                .arg(source->rowCount())
                                .arg(ms(elapsedMs(timer))));
                        nextProgress += kProgressEvery;
                    }
                }
                figures.loadAllMs = elapsedMs(timer);
                if (source->lastError().isValid()) {
                    figures.error = QStringLiteral("fetch failed: %1").arg(source->lastError().text());
                    say(QStringLiteral("naive: ") + figures.error);
                }
                figures.rowCount = proxy->rowCount();
                say(QStringLiteral("naive: loaded %1 rows in %2 ms; searching for \"%3\"...")
                        .arg(figures.rowCount)
                        .arg(ms(figures.loadAllMs), searchFragment));

                proxy->setFilterFixedString(searchFragment);
                figures.matchCount = proxy->rowCount(); // filtering is synchronous: this is final
                checksum += readRows(*proxy, 0, kVisibleRows);
                figures.searchMs = elapsedMs(timer); // includes loadAllMs
                say(QStringLiteral("naive: %1 matches; search %2 ms (filter alone %3 ms)")
                        .arg(figures.matchCount)
                        .arg(ms(figures.searchMs), ms(figures.searchMs - figures.loadAllMs)));

                // 3. Clear the search.
                say(QStringLiteral("naive: clearing the search..."));
                timer.restart();
                proxy->setFilterFixedString(QString());
                const qint64 clearedCount = proxy->rowCount();
                checksum += readRows(*proxy, 0, kVisibleRows);
                figures.searchClearMs = elapsedMs(timer);
                say(QStringLiteral("naive: %1 rows again; clear %2 ms")
                        .arg(clearedCount)
                        .arg(ms(figures.searchClearMs)));

                // 4. Sort by email (ascending, the proxy's default case-sensitive string compare).
                say(QStringLiteral("naive: sorting by email..."));
                timer.restart();
                proxy->sort(NaiveEmail, Qt::AscendingOrder);
                checksum += readRows(*proxy, 0, kVisibleRows);
                figures.sortEmailMs = elapsedMs(timer);
                say(QStringLiteral("naive: sort %1 ms").arg(ms(figures.sortEmailMs)));

                // 5. Jump to the end of the (sorted) table.
                timer.restart();
                checksum += readRows(*proxy, proxy->rowCount() - kVisibleRows, kVisibleRows);
                figures.scrollEndMs = elapsedMs(timer);
                say(QStringLiteral("naive: scroll to end %1 ms (checksum %2)")
                        .arg(ms(figures.scrollEndMs))
                        .arg(checksum));

                say(QStringLiteral("naive: releasing the models..."));
            }
            proxy.reset();
            source.reset();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return figures;
}

} // namespace mdm::bench
