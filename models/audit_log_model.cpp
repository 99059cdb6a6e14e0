#include "audit_log_model.h"

#include "store.h"

#include <QDateTime>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

AuditLogModel::AuditLogModel(Store &store, QObject *parent) : QAbstractTableModel(parent), store_(store)
{
    reload();
    connect(&store_, &Store::changed, this, [this](RecordKind) { reload(); });
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditLogModel::describe(const QString &action)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("invite.send"), QT_TR_NOOP("Enrollment invite sent")},
        {QStringLiteral("invite.resend"), QT_TR_NOOP("Enrollment invite resent")},
        {QStringLiteral("invite.remove"), QT_TR_NOOP("Enrollment request removed")},
        {QStringLiteral("device.reassign"), QT_TR_NOOP("User re-assigned")},
        {QStringLiteral("device.revoke_mdm"), QT_TR_NOOP("Revoke MDM queued")},
        {QStringLiteral("device.factory_reset"), QT_TR_NOOP("Factory reset queued")},
        {QStringLiteral("staged.remove"), QT_TR_NOOP("Staged device removed")},
        {QStringLiteral("staged.assign"), QT_TR_NOOP("Staged device assigned")},
        {QStringLiteral("staged.import"), QT_TR_NOOP("Staged devices imported")},
        {QStringLiteral("demo.fill"), QT_TR_NOOP("Sample data added")},
    };
    const auto it = names.constFind(action);
    return it == names.constEnd() ? action : tr(it.value());
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
        return e.actor;
    case Action:
        return describe(e.action);
    case Records: {
        QStringList ids;
        for (qint64 id : e.recordIds.mid(0, 20))
            ids << QString::number(id);
        QString text = e.recordKind.isEmpty() ? QString() : e.recordKind + QLatin1Char(' ') + ids.join(QStringLiteral(", "));
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
    QSqlQuery q(store_.database());
    q.exec(QStringLiteral("SELECT count(*) FROM audit_log"));
    total_ = q.next() ? q.value(0).toLongLong() : 0;

    const QString where = search_.isEmpty() ? QString()
                                            : QStringLiteral(" WHERE actor LIKE ?1 OR action LIKE ?1 OR details LIKE ?1"
                                                             " OR record_ids LIKE ?1 OR record_kind LIKE ?1");
    q.prepare(QStringLiteral("SELECT count(*) FROM audit_log") + where);
    if (!search_.isEmpty())
        q.bindValue(0, QLatin1Char('%') + search_ + QLatin1Char('%'));
    matches_ = q.exec() && q.next() ? q.value(0).toLongLong() : 0;

    q.prepare(QStringLiteral("SELECT at, actor, action, record_kind, record_ids, details FROM audit_log") + where +
              QStringLiteral(" ORDER BY at DESC, id DESC LIMIT %1").arg(kLimit));
    if (!search_.isEmpty())
        q.bindValue(0, QLatin1Char('%') + search_ + QLatin1Char('%'));
    QList<AuditEntry> entries;
    if (q.exec()) {
        while (q.next()) {
            AuditEntry e;
            e.atMs = q.value(0).toLongLong();
            e.actor = q.value(1).toString();
            e.action = q.value(2).toString();
            e.recordKind = q.value(3).toString();
            for (const QString &id : q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                e.recordIds << id.toLongLong();
            e.details = q.value(5).toString();
            entries << e;
        }
    }
    beginResetModel();
    entries_ = entries;
    endResetModel();
}

} // namespace mdm
