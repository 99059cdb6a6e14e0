#pragma once
// The page a user sees when opening the invitation link: small, localized, no external resources.

#include "domain/domain.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mdm::gateway {

struct LandingPageInput
{
    QString firstName;
    Platform platform = Platform::Other;
    QString link;       // the invitation link itself (for the QR code's caption)
    QString profileUrl; // Apple platforms: where the enrollment profile is downloaded
    QByteArray qrPng;   // a QR code of the link; left out when empty
};

class LandingPage
{
    Q_DECLARE_TR_FUNCTIONS(LandingPage)

public:
    enum class Gone
    {
        Expired,
        Removed,
        Used
    };
    static QByteArray invitation(const LandingPageInput &in);
    static QByteArray notFound();
    static QByteArray gone(Gone why);
};

} // namespace mdm::gateway
