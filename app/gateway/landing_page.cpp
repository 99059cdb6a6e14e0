#include "landing_page.h"

#include "mail/help_steps.h"
#include "mail/invitation_mail.h"

namespace mdm::gateway {

namespace {

// language: the page's BCP 47 language code, as lang on <html>.
// platform: the platform key (domain.h's platformKey()) the invitation is for, as data-platform on
// <html>, so a device agent or test client can tell from the page how to enroll; empty: none.
QByteArray page(const QString &title, const QString &body, const QString &language,
                const QString &platform = {})
{
    QString htmlTag = QStringLiteral("<html lang=\"%1\"").arg(language.toHtmlEscaped());
    if (!platform.isEmpty())
        htmlTag += QStringLiteral(" data-platform=\"%1\"").arg(platform.toHtmlEscaped());
    htmlTag += QLatin1Char('>');
    // Inline style only: the page loads nothing else.
    const QString html =
        QStringLiteral("<!DOCTYPE html>%3<head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                       "<title>%1</title><style>body{font-family:sans-serif;max-width:36em;margin:2em auto;"
                       "padding:0 1em;line-height:1.5;color:#222}h1{font-size:1.4em}"
                       "a.button{display:inline-block;padding:.6em 1.2em;background:#0b5cad;color:#fff;"
                       "border-radius:.3em;text-decoration:none}img{image-rendering:pixelated}</style>"
                       "</head><body><h1>%1</h1>%2</body></html>")
            .arg(title.toHtmlEscaped(), body, htmlTag);
    return html.toUtf8();
}

bool isApple(Platform p)
{
    return p == Platform::iOS || p == Platform::iPadOS || p == Platform::macOS;
}

} // namespace

QByteArray LandingPage::invitation(const LandingPageInput &in)
{
    QString body;
    body +=
        QStringLiteral("<p>%1</p>")
            .arg((in.firstName.isEmpty() ? tr("Hello,") : tr("Hello %1,").arg(in.firstName)).toHtmlEscaped());
    body += QStringLiteral("<p>%1</p>")
                .arg(tr("This invitation enrolls one %1 device in your organisation's device management.")
                         .arg(DomainText::platform(in.platform))
                         .toHtmlEscaped());
    body += QStringLiteral("<ol>");
    for (const QString &step : InvitationMailText::steps(in.platform))
        body += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    body += QStringLiteral("</ol>");
    if (isApple(in.platform)) {
        body +=
            QStringLiteral("<p><a class=\"button\" href=\"%1\">%2</a></p>")
                .arg(in.profileUrl.toHtmlEscaped(), tr("Download the enrollment profile").toHtmlEscaped());
        body +=
            QStringLiteral("<p>%1</p>")
                .arg((in.platform == Platform::macOS
                          ? tr("Next: open System Settings, choose the downloaded profile and install it.")
                          : tr("Next: open Settings, tap “Profile Downloaded” and install it."))
                         .toHtmlEscaped());
    } else {
        body += QStringLiteral("<p>%1</p>")
                    .arg(tr("Next: open this link in the device management app on your device; it enrolls "
                            "the device.")
                             .toHtmlEscaped());
    }
    if (!in.qrPng.isEmpty()) {
        body += QStringLiteral("<p>%1</p><p><img alt=\"%2\" width=\"200\" height=\"200\" "
                               "src=\"data:image/png;base64,%3\"></p>")
                    .arg(tr("Or scan this code with the device you want to enroll:").toHtmlEscaped(),
                         tr("QR code of the enrollment link").toHtmlEscaped(),
                         QString::fromLatin1(in.qrPng.toBase64()));
    }
    // The whole of what the bundled help says for the platform, folded: the short steps above are
    // usually enough.
    if (const QString steps = helpUserSteps(in.platform, in.language); !steps.isEmpty())
        body += QStringLiteral("<details><summary>%1</summary>%2</details>")
                    .arg(tr("Step by step, with what you need before you start").toHtmlEscaped(), steps);
    body += QStringLiteral("<p><small>%1</small></p>")
                .arg(tr("The link works for one device only.").toHtmlEscaped());
    return page(tr("Enroll your device"), body, in.language, platformKey(in.platform));
}

QByteArray LandingPage::notFound(const QString &language)
{
    return page(tr("Unknown enrollment link"),
                QStringLiteral("<p>%1</p>")
                    .arg(tr("This enrollment link is not known. Check that you opened the whole link from "
                            "your invitation, or ask your IT department for a new invitation.")
                             .toHtmlEscaped()),
                language);
}

QByteArray LandingPage::gone(Gone why, const QString &language)
{
    QString text;
    switch (why) {
    case Gone::Expired:
        text = tr("This invitation has expired.");
        break;
    case Gone::Removed:
        text = tr("This invitation was withdrawn by your IT department.");
        break;
    case Gone::Used:
        text = tr("This invitation has already been used to enroll a device.");
        break;
    }
    return page(tr("Invitation no longer valid"),
                QStringLiteral("<p>%1</p><p>%2</p>")
                    .arg(text.toHtmlEscaped(),
                         tr("Please ask your IT department for a new invitation.").toHtmlEscaped()),
                language);
}

} // namespace mdm::gateway
