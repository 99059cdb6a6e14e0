#include "services/record_labels.h"

#include "store/sql.h"
#include "store/store.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

QString RecordLabels::device(qint64 id, const QString &name, const QString &serial, const QString &imei)
{
    const QString identifier = !serial.isEmpty() ? serial
                               : !imei.isEmpty() ? tr("IMEI %1").arg(imei)
                                                 : QString();
    if (name.isEmpty())
        return identifier.isEmpty() ? QStringLiteral("#%1").arg(id) : identifier;
    return identifier.isEmpty() ? name : tr("%1 (%2)", "device name (serial or IMEI)").arg(name, identifier);
}

QString RecordLabels::invitation(const QString &email, Platform platform)
{
    return tr("%1 (%2)", "email address (platform)").arg(email, DomainText::platform(platform));
}

QStringList RecordLabels::of(const Store &store, RecordKind kind, const QList<qint64> &ids, int limit)
{
    const QList<qint64> wanted = ids.mid(0, limit);
    const bool devices = kind == RecordKind::Device;
    QHash<qint64, QString> labels;
    QString error;
    forEachRowIn(
        store.database(), wanted,
        [devices](qsizetype n) {
            return (devices ? QStringLiteral("SELECT id, name, coalesce(serial, ''), coalesce(imei, '')"
                                             " FROM devices WHERE id IN (%1)")
                            : QStringLiteral("SELECT id, email, platform FROM invitations WHERE id IN (%1)"))
                .arg(QString::fromLatin1(sqlPlaceholders(n)));
        },
        [&labels, devices](const QSqlQuery &q) {
            const qint64 id = q.value(0).toLongLong();
            labels.insert(
                id, devices ? device(id, q.value(1).toString(), q.value(2).toString(), q.value(3).toString())
                            : invitation(q.value(1).toString(), static_cast<Platform>(q.value(2).toInt())));
        },
        &error);
    QStringList out;
    for (qint64 id : wanted)
        if (labels.contains(id))
            out << labels.value(id);
    return out;
}

} // namespace mdm
