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
    QString language;   // the BCP 47 code the texts are in, for <html lang>
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
    // Texts come from tr(): the caller installs the translation for language (see page_language.h).
    static QByteArray invitation(const LandingPageInput &in);
    static QByteArray notFound(const QString &language);
    static QByteArray gone(Gone why, const QString &language);
};

} // namespace mdm::gateway
