#include "csv/invite_preview_model.h"

#include "csv/preview_colors.h"

namespace mdm {

void InvitePreviewModel::setRows(const QList<InviteCsvRow> &rows)
{
    beginResetModel();
    rows_ = rows;
    endResetModel();
}

int InvitePreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int InvitePreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InvitePreviewModel::text(const InviteCsvRow &row, int column) const
{
    switch (column) {
    case Line:
        return QString::number(row.line);
    case Result:
        return row.valid() ? (row.warning.isEmpty() ? tr("OK") : tr("OK — %1").arg(row.warning))
                           : row.problem;
    case Email:
        return row.request.email;
    case PlatformColumn:
        return row.readable ? DomainText::platform(row.request.platform) : row.platformText;
    case OwnedBy:
        return row.readable ? DomainText::ownership(row.request.ownership) : QString();
    case User:
        return row.request.name;
    case Group:
        return row.request.group;
    }
    return {};
}

QVariant InvitePreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const InviteCsvRow &row = rows_.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Result)
        return previewResultColor(row.valid(), !row.warning.isEmpty());
    if (role == Qt::DisplayRole && index.column() == Line)
        return row.line;
    // The cells are narrow; the whole text on hover.
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return text(row, index.column());
    return {};
}

QVariant InvitePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case Result:
        return tr("Check");
    case Email:
        return tr("Email");
    case PlatformColumn:
        return tr("Platform");
    case OwnedBy:
        return tr("Owned by");
    case User:
        return tr("User name");
    case Group:
        return tr("Group");
    }
    return {};
}

} // namespace mdm
