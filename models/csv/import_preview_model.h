#pragma once

#include "csv/staged_import.h"

#include <QAbstractTableModel>

namespace mdm {

// The rows of a staged-device CSV as validated, for the import dialog's preview: each row's line,
// whether it can be imported and why not.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Line,
        Result,
        Name,
        Serial,
        Imei,
        PlatformColumn,
        User,
        Email,
        Group,
        ColumnCount
    };

    explicit ImportPreviewModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(const QList<StagedImportRow> &rows);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StagedImportRow> rows_;
};

} // namespace mdm
