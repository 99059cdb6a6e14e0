#include "gateway/gateway_status.h"

#include "store/store.h"

#include <QSqlQuery>

namespace mdm {

GatewayStatus GatewayStatus::read(Store &store)
{
    GatewayStatus s;
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, 8) = 'gateway.'")))
        return s;
    while (q.next()) {
        const QString key = q.value(0).toString().mid(8); // after "gateway."
        const QString value = q.value(1).toString();
        if (key == QLatin1String("listen"))
            s.listen = value;
        else if (key == QLatin1String("public_url"))
            s.publicUrl = value;
        else if (key == QLatin1String("started_at"))
            s.startedAt = value.toLongLong();
        else if (key == QLatin1String("stopped_at"))
            s.stoppedAt = value.toLongLong();
        else if (key == QLatin1String("last_request_at"))
            s.lastRequestAt = value.toLongLong();
        else if (key == QLatin1String("last_checkin_at"))
            s.lastCheckinAt = value.toLongLong();
        else if (key == QLatin1String("heartbeat_at"))
            s.heartbeatAt = value.toLongLong();
    }
    return s;
}

bool GatewayStatus::serving(qint64 nowMs) const
{
    const qint64 alive = std::max(heartbeatAt, lastRequestAt);
    return everRan() && stoppedAt < startedAt && nowMs - alive <= kStaleMs;
}

QString GatewayStatus::ago(qint64 thenMs, qint64 nowMs)
{
    const qint64 seconds = std::max<qint64>(0, (nowMs - thenMs) / 1000);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 2 * 86400)
        return tr("%n hour(s) ago", nullptr, static_cast<int>(seconds / 3600));
    return tr("%n day(s) ago", nullptr, static_cast<int>(seconds / 86400));
}

QString GatewayStatus::summary(qint64 nowMs) const
{
    if (!everRan())
        return tr("not started");
    if (!serving(nowMs)) {
        const qint64 last = std::max({stoppedAt, heartbeatAt, lastRequestAt});
        return tr("not running (last seen %1)").arg(ago(last, nowMs));
    }
    const QString checkin =
        lastCheckinAt > 0 ? tr("last check-in %1").arg(ago(lastCheckinAt, nowMs)) : tr("no check-in yet");
    return tr("serving %1 · %2").arg(publicUrl.isEmpty() ? listen : publicUrl, checkin);
}

} // namespace mdm
