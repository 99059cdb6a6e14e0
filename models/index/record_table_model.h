#pragma once

#include "domain/domain.h"
#include "index/index_worker.h"
#include "index/tab_spec.h"
#include "store/store.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QItemSelection>
#include <QTimer>
#include <QVariant>
#include <memory>
#include <vector>

namespace mdm {

class Clock;

// One tab's records as a table for 1,000,000 rows: the row order comes from the tab's IndexWorker
// (search, filters and sort run there, off the UI thread), and the text of the rows a view shows is
// read from the store a page at a time. A change to a few records updates just those rows.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64 record ID
        SortValueRole,             // raw value of the cell (number, timestamp or text)
        StatusRole,                // the row's derived status (int)
        PlatformRole,              // Platform as int
    };

    RecordTableModel(Store &store, const Clock &clock, TabKind kind, QObject *parent = nullptr);
    ~RecordTableModel() override;

    TabKind kind() const { return kind_; }
    const TabSpec &spec() const { return TabSpec::of(kind_); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Search text and filters; the current sort is kept.
    void setFilter(const IndexQuery &filter);
    IndexQuery currentQuery() const { return query_; }

    qint64 idAt(int row) const;
    int rowOf(qint64 id) const; // -1 when not shown; linear
    std::vector<qint64> idsOf(const QItemSelection &selection) const;
    std::vector<qint64> shownIds() const { return ids_; }

    qint64 totalCount() const { return total_; }
    bool isLoading() const { return loading_; }
    bool isQueryPending() const { return appliedGeneration_ != requestedGeneration_; }
    QStringList groups() const { return groups_; }

    // One record's display values by column, as the row cache holds them (for details panes).
    QVariantList recordValues(qint64 id) const;
    // Every field of one record as label and text, including those that have no column.
    QList<QPair<QString, QString>> details(qint64 id) const;
    // A device's queued command and how it reaches the device ("Revoke MDM queued — push sent …"), from the
    // row query's packed field and the gateway's push topic; empty when none is queued.
    static QString queuedCommandText(const QString &packed, const QString &pushTopic);
    // Values typical of a column as it shows them (every status, a long date, a 15-digit IMEI…), so that a
    // view can size the column to its kind of content before any row is read.
    QStringList typicalTexts(int column) const;
    // Device or Invitation: what this tab's records are.
    RecordKind recordKind() const;
    // Why reading the tab failed (a page of rows or the index; a damaged store), the first such failure since
    // the last full reload; empty while every read succeeded. failed() tells each failure as it happens.
    QString readError() const { return readError_; }

signals:
    void countsChanged();
    void queryApplied();
    void loadingChanged(bool loading);
    void failed(const QString &message);

private:
    struct Row
    {
        QVariantList values; // as the tab's rowSql returns them, after the id
    };

    void requestQuery();
    void takeShownRows(std::vector<ShownRow> &rows, quint64 stamp);
    void onChunk(std::vector<qint64> &&ids, std::vector<ShownRow> &&rows);
    void onQueryFinished(QueryResult &&result);
    void onRefreshed(IndexDelta &&delta);
    void onStoreChanged(RecordKind kind, const QList<qint64> &ids);
    void onMinuteTick();
    const Row *rowFor(int row) const;
    void fetchAround(int row) const;
    void fetchIds(const QList<qint64> &ids) const;
    QVariant displayValue(int column, const Row &row) const;
    QVariant decoration(int column, const Row &row) const;
    QVariant foreground(int column, const Row &row) const;
    QVariant toolTip(int column, const Row &row) const;
    int statusOf(const Row &row) const;
    static DeliveryState deliveryOf(const Row &row);
    int platformOf(const Row &row) const;

    Store &store_;
    const Clock &clock_;
    TabKind kind_;
    IndexQuery query_;
    std::vector<qint64> ids_;
    qint64 total_ = 0;
    QStringList groups_;
    bool loading_ = true;
    quint64 requestedGeneration_ = 0;
    quint64 appliedGeneration_ = 0;
    mutable QHash<qint64, Row> cache_;
    // Rows the worker read come with the stamp of the request they were read for: a record announced
    // changed at or after that stamp may have been read before its change, and is read anew instead.
    static constexpr quint64 kLoadStamp = 1; // the load at start
    quint64 stamp_ = kLoadStamp;
    QHash<qint64, quint64> changedAt_;
    quint64 allChangedAt_ = 0;
    mutable QString readError_;
    QTimer minuteTimer_;
    std::unique_ptr<IndexWorker> worker_; // last: stops before the members its callbacks reach
};

} // namespace mdm
