#include "request_log.h"

#include <QDateTime>
#include <QUrlQuery>

namespace mdm::gateway {

QString redactedPath(const QUrl &url)
{
    QStringList parts = url.path().split(QLatin1Char('/'));
    // ["", "enroll", "<token>", …]
    if (parts.size() >= 3 && parts[1] == QLatin1String("enroll"))
        parts[2] = QStringLiteral("…");
    QString path = parts.join(QLatin1Char('/'));
    if (path.size() > 200)
        path = path.left(200) + QStringLiteral("…");
    if (url.hasQuery()) {
        QStringList items;
        const auto pairs = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
        for (const auto &pair : pairs)
            items << pair.first.left(40) + QStringLiteral("=…");
        path += QLatin1Char('?') + items.join(QLatin1Char('&'));
    }
    return path;
}

QString requestLogLine(qint64 atMs, const QString &method, const QString &path, int status, qint64 elapsedMs)
{
    return QStringLiteral("%1 %2 %3 %4 %5 ms")
        .arg(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs), method, path)
        .arg(status)
        .arg(elapsedMs);
}

} // namespace mdm::gateway
