#include "index/audit_log_model.h"

#include "store/audit_action.h"
#include "store/store.h"

#include <QDateTime>
#include <QLocale>
#include <QVariant>

namespace mdm {

AuditLogModel::AuditLogModel(Store &store, QObject *parent) : QAbstractTableModel(parent), store_(store)
{
    reload();
    // Every action writes its entry with its records; a delivery pass (outbox) writes none.
    connect(&store_, &Store::changed, this, [this](RecordKind kind) {
        if (kind != RecordKind::Outbox)
            reload();
    });
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditEntry &e = entries_.at(index.row());
    switch (index.column()) {
    case When:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.atMs).toLocalTime(), QLocale::ShortFormat);
    case Who:
        return AuditLog::who(e);
    case Action:
        return AuditAction::text(e.action);
    case Records: {
        QStringList ids;
        for (qint64 id : e.recordIds.mid(0, 20))
            ids << QString::number(id);
        QString text = e.recordKind
                           ? recordKindKey(*e.recordKind) + QLatin1Char(' ') + ids.join(QStringLiteral(", "))
                           : QString();
        if (e.recordIds.size() > 20)
            text += tr(" … (%1 in all)").arg(QLocale().toString(e.recordIds.size()));
        return text;
    }
    case Details:
        return e.details;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Action:
        return tr("Action");
    case Records:
        return tr("Records");
    case Details:
        return tr("Parameters");
    }
    return {};
}

void AuditLogModel::setSearch(const QString &text)
{
    search_ = text.trimmed();
    reload();
}

void AuditLogModel::reload()
{
    total_ = AuditLog::count(store_, QString());
    matches_ = search_.isEmpty() ? total_ : AuditLog::count(store_, search_);
    QList<AuditEntry> entries = AuditLog::search(store_, search_, kLimit);
    beginResetModel();
    entries_ = std::move(entries);
    endResetModel();
}

} // namespace mdm
