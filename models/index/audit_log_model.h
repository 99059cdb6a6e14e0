#pragma once

#include "store/audit_log.h"

#include <QAbstractTableModel>

namespace mdm {

class Store;

// The audit log, newest first, for the Audit Log window: read-only by construction.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        When,
        Who,
        Action,
        Records,
        Details,
        ColumnCount
    };
    static constexpr int kLimit = 5000;

    explicit AuditLogModel(Store &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSearch(const QString &text);
    void reload();
    qint64 totalCount() const { return total_; }
    qint64 matchCount() const { return matches_; }

private:
    Store &store_;
    QString search_;
    QList<AuditEntry> entries_;
    qint64 total_ = 0;
    qint64 matches_ = 0;
};

} // namespace mdm
