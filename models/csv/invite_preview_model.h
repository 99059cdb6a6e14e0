#pragma once

#include "csv/invite_csv.h"

#include <QAbstractTableModel>

namespace mdm {

// The rows of a bulk-enrollment CSV as checked, for the Send Invites from CSV preview: each row's line,
// whether an invitation would be sent and why not, and what it asks for.
class InvitePreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Line,
        Result,
        Email,
        PlatformColumn,
        OwnedBy,
        User,
        Group,
        ColumnCount
    };

    explicit InvitePreviewModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(const QList<InviteCsvRow> &rows);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const InviteCsvRow &row, int column) const;

    QList<InviteCsvRow> rows_;
};

} // namespace mdm
