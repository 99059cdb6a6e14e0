#pragma once

#include <QString>
#include <QtGlobal>
#include <functional>

namespace mdm::bench {

// What the naive peer (QSqlQueryModel + QSortFilterProxyModel over the Managed devices) costs, measured
// at the same end points as our own models. Times are wall-clock milliseconds; -1 means "not measured"
// (see `error`).
struct NaiveFigures
{
    double openFirstRowsMs = -1; // open the connection .. proxy has rows and data(index(0, 0)) is read
    double searchMs = -1;        // fetch every row (loadAllMs) + setFilterFixedString + first 50 rows read
    double searchClearMs = -1;   // setFilterFixedString("") .. rowCount final + first 50 rows read
    double sortEmailMs = -1;     // proxy->sort(email) .. first 50 rows read
    double scrollEndMs = -1;     // data() of the last 50 rows of the proxy
    qint64 rowCount = -1;        // proxy rows without a filter (= managed devices)
    qint64 matchCount = -1;      // proxy rows with the search filter applied
    double loadAllMs = -1;       // the fetchMore() loop alone; already included in searchMs
    QString error;               // empty on success; otherwise why the figures above are missing
};

// Opens `dbPath` read-only through its own QSqlDatabase connection (QSQLITE), builds the naive peer for
// the Managed tab and measures it. Needs a QCoreApplication (for the SQL driver plugin); no event loop
// and no widgets. Progress lines go to `log` (may be empty). The connection is removed again on return.
NaiveFigures measureNaivePeer(const QString &dbPath, const QString &searchFragment,
                              const std::function<void(const QString &)> &log);

// Column order of the naive peer's model (exposed so the caller can label figures / cross-check).
enum NaiveColumn
{
    NaiveDeviceName = 0,
    NaivePlatform,
    NaiveUserName,
    NaiveEmail,
    NaiveStatus,
    NaiveSerial,
    NaiveImei,
    NaiveModel,
    NaiveOsVersion,
    NaiveGroup,
    NaiveDeviceId, // not shown in the Managed tab, but part of the query (and so searched by the proxy)
    NaiveColumnCount
};

} // namespace mdm::bench
