#include "csv/import_preview_model.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

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
    if (role == Qt::ForegroundRole && index.column() == Result) {
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        if (!row.valid())
            return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
        if (!row.warning.isEmpty())
            return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x4b, 0x00);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Result)
        return row.valid() ? row.warning : row.problem;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Line:
        return row.line;
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
