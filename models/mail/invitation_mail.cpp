#include "mail/invitation_mail.h"

#include "mail/link_qr_code.h"
#include "mail/mail_settings.h"

#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QUrl>

namespace mdm {

QStringList InvitationMailText::steps(Platform platform)
{
    switch (platform) {
    case Platform::Android:
        return {tr("Open this email on the Android device you want to enroll."),
                tr("Tap the enrollment link and install the device management app when asked."),
                tr("Follow the app: accept the terms and set up the work profile.")};
    case Platform::iOS:
    case Platform::iPadOS:
        return {tr("Open this email on the iPhone or iPad you want to enroll, in Safari."),
                tr("Tap the enrollment link and allow the configuration profile to download."),
                tr("Open Settings ▸ Profile Downloaded, tap Install and enter the device passcode.")};
    case Platform::macOS:
        return {tr("Open this email on the Mac you want to enroll."),
                tr("Click the enrollment link and download the enrollment profile."),
                tr("Open System Settings ▸ Privacy & Security ▸ Profiles, double-click the profile and "
                   "install it.")};
    case Platform::Windows:
        return {tr("Open this email on the Windows PC you want to enroll."),
                tr("Click the enrollment link, or open Settings ▸ Accounts ▸ Access work or school."),
                tr("Choose “Enroll only in device management” and sign in with your work address.")};
    case Platform::Other:
        break;
    }
    return {tr("Open this email on the device you want to enroll."),
            tr("Open the enrollment link and follow the steps.")};
}

InvitationMail InvitationMail::compose(const OutboxMessage &message, const MailSettings &settings)
{
    const QString link = settings.enrollmentLink(message.linkToken);
    const QString expiry = QLocale().toString(QDateTime::fromMSecsSinceEpoch(message.expiresAt).toLocalTime(),
                                              QLocale::LongFormat);
    const QString platform = DomainText::platform(message.platform);
    const QString name = message.userName.isEmpty() ? message.recipient : message.userName;
    const QStringList steps = InvitationMailText::steps(message.platform);

    // "Other" is no brand to put before "device".
    const bool named = message.platform != Platform::Other;
    const QString invitation =
        named ? InvitationMailText::tr(
                    "your organisation invites you to enroll your %1 device in device management.")
                    .arg(platform)
              : InvitationMailText::tr(
                    "your organisation invites you to enroll your device in device management.");

    InvitationMail mail;
    mail.subject = named ? InvitationMailText::tr("Enroll your %1 device").arg(platform)
                         : InvitationMailText::tr("Enroll your device");

    QStringList text{InvitationMailText::tr("Hello %1,").arg(name), QString(), invitation, QString()};
    for (int i = 0; i < steps.size(); ++i)
        text << QStringLiteral("%1. %2").arg(i + 1).arg(steps[i]);
    text << QString() << InvitationMailText::tr("Enrollment link: %1").arg(link)
         << InvitationMailText::tr("The link is valid until %1.").arg(expiry) << QString()
         << InvitationMailText::tr("If you did not expect this email, ask your IT department.");
    mail.text = text.join(QLatin1Char('\n')) + QLatin1Char('\n');

    QString html =
        QStringLiteral("<p>%1</p><p>%2</p><ol>")
            .arg(InvitationMailText::tr("Hello %1,").arg(name).toHtmlEscaped(), invitation.toHtmlEscaped());
    for (const QString &step : steps)
        html += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    html += QStringLiteral("</ol><p><a href=\"%1\">%2</a></p>")
                .arg(link.toHtmlEscaped(), InvitationMailText::tr("Enroll this device").toHtmlEscaped());
    // The QR code rides along as an inline part (no external resources: mail clients block those).
    const QImage qr = linkQrImage(link);
    const QByteArray png = linkQrPng(link);
    if (!png.isEmpty()) {
        const QString host = QUrl(link).host();
        const QByteArray contentId =
            "enrollment-qr@" + (host.isEmpty() ? QByteArrayLiteral("mdm.invalid") : QUrl::toAce(host));
        mail.images << OutgoingImage{contentId, png};
        html += QStringLiteral("<p>%1</p><p><img src=\"cid:%2\" alt=\"%3\" width=\"%4\" height=\"%4\" "
                               "style=\"image-rendering:pixelated\"></p>")
                    .arg(InvitationMailText::tr("Reading this on another screen? Scan this code with the "
                                                "device's camera to open the link there.")
                             .toHtmlEscaped(),
                         QString::fromLatin1(contentId),
                         InvitationMailText::tr("QR code of the enrollment link").toHtmlEscaped())
                    .arg(qr.width());
    }
    html += QStringLiteral("<p>%1</p><p style=\"color:#666\">%2</p>")
                .arg(InvitationMailText::tr("The link is valid until %1.").arg(expiry).toHtmlEscaped(),
                     InvitationMailText::tr("If you did not expect this email, ask your IT department.")
                         .toHtmlEscaped());
    mail.html = QStringLiteral("<!DOCTYPE html><html><body>%1</body></html>").arg(html);
    return mail;
}

} // namespace mdm
