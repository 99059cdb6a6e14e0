#pragma once

#include "window/layout_settings.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mdm {

// How the console starts a gateway of its own for a one-machine setup: what File ▸ Enrollment
// Gateway… asks for, remembered per user between runs.
struct GatewayLaunch
{
    Q_DECLARE_TR_FUNCTIONS(GatewayLaunch)

public:
    QString listen = QStringLiteral("127.0.0.1:8443");
    QString publicUrl; // empty: the mail settings' link base
    QString certFile;
    QString keyFile;
    bool insecureHttp = false;

    static GatewayLaunch remembered();
    void remember() const;

    // Empty when it can start; else what to fix, in words for the admin.
    QString problem() const;
    // The arguments after the program: `--db STORE serve --listen … `.
    QStringList arguments(const QString &storePath) const;
};

} // namespace mdm
