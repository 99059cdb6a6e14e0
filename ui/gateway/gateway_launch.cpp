#include "gateway/gateway_launch.h"

#include <QFileInfo>
#include <QUrl>

namespace mdm {

namespace {
SettingValue<QString> listenSetting()
{
    return {QStringLiteral("gateway/listen"), QStringLiteral("127.0.0.1:8443")};
}
SettingValue<QString> publicUrlSetting()
{
    return {QStringLiteral("gateway/publicUrl")};
}
SettingValue<QString> certSetting()
{
    return {QStringLiteral("gateway/cert")};
}
SettingValue<QString> keySetting()
{
    return {QStringLiteral("gateway/key")};
}
SettingValue<bool> insecureSetting()
{
    return {QStringLiteral("gateway/insecureHttp"), false};
}
} // namespace

GatewayLaunch GatewayLaunch::remembered()
{
    GatewayLaunch launch;
    launch.listen = listenSetting().get();
    launch.publicUrl = publicUrlSetting().get();
    launch.certFile = certSetting().get();
    launch.keyFile = keySetting().get();
    launch.insecureHttp = insecureSetting().get();
    return launch;
}

void GatewayLaunch::remember() const
{
    listenSetting().set(listen.trimmed());
    publicUrlSetting().set(publicUrl.trimmed());
    certSetting().set(certFile.trimmed());
    keySetting().set(keyFile.trimmed());
    insecureSetting().set(insecureHttp);
}

QString GatewayLaunch::problem() const
{
    const QString address = listen.trimmed();
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? address.mid(colon + 1).toInt(&portOk) : 0;
    QString host = colon > 0 ? address.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (!portOk || port < 1 || port > 65535 || host.isEmpty() || host.contains(QLatin1Char(' ')))
        return tr("Listen on: give an address and a port, e.g. 127.0.0.1:8443 or 0.0.0.0:443.");
    if (!publicUrl.trimmed().isEmpty()) {
        const QUrl url(publicUrl.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return tr("Public URL: give the address devices use, e.g. https://mdm.example.com.");
    }
    if (insecureHttp)
        return QString();
    if (certFile.trimmed().isEmpty() || keyFile.trimmed().isEmpty())
        return tr("Choose the gateway's TLS certificate and its private key (PEM files).");
    for (const QString &file : {certFile.trimmed(), keyFile.trimmed()})
        if (!QFileInfo(file).isReadable())
            return tr("Cannot read %1.").arg(file);
    return QString();
}

QStringList GatewayLaunch::arguments(const QString &storePath) const
{
    QStringList out{QStringLiteral("--db"), storePath, QStringLiteral("serve"), QStringLiteral("--listen"),
                    listen.trimmed()};
    if (!publicUrl.trimmed().isEmpty())
        out << QStringLiteral("--public-url") << publicUrl.trimmed();
    if (insecureHttp)
        out << QStringLiteral("--insecure-http");
    else
        out << QStringLiteral("--cert") << certFile.trimmed() << QStringLiteral("--key") << keyFile.trimmed();
    return out;
}

} // namespace mdm
