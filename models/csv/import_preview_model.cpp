#include "csv/import_preview_model.h"

#include "csv/preview_colors.h"

namespace mdm {

void ImportPreviewModel::setRows(const QList<StagedImportRow> &rows)
{
    beginResetModel();
    rows_ = rows;
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const StagedImportRow &row = rows_.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Result)
        return previewResultColor(row.valid(), !row.warning.isEmpty());
    // The cells are narrow (the Check column above all): the whole text on hover.
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Line:
        return role == Qt::DisplayRole ? QVariant(row.line) : QVariant(QString::number(row.line));
    case Result:
        return row.valid() ? (row.warning.isEmpty() ? tr("OK") : tr("OK — %1").arg(row.warning))
                           : row.problem;
    case Name:
        return row.name;
    case Serial:
        return row.serial;
    case Imei:
        return row.imei;
    case PlatformColumn:
        return row.platform ? DomainText::platform(*row.platform) : row.platformText;
    case User:
        return row.userName;
    case Email:
        return row.email;
    case Group:
        return row.group;
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case Result:
        return tr("Check");
    case Name:
        return tr("Device name");
    case Serial:
        return tr("Serial number");
    case Imei:
        return tr("IMEI");
    case PlatformColumn:
        return tr("Platform");
    case User:
        return tr("User name");
    case Email:
        return tr("Email");
    case Group:
        return tr("Group");
    }
    return {};
}

} // namespace mdm
