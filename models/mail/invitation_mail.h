#pragma once

#include "mail/mail_transport.h"
#include "mail/outbox.h"

#include <QCoreApplication>
#include <QString>

namespace mdm {

struct MailSettings;

// The enrollment mail for one outbox message: the user's name, the link, the expiry and the
// platform's steps, as plain text and HTML. Translatable.
struct InvitationMail
{
    QString subject;
    QString text;
    QString html;
    // What the HTML shows inline: the link's QR code, for a user who reads the mail on another screen.
    QList<OutgoingImage> images;

    static InvitationMail compose(const OutboxMessage &message, const MailSettings &settings);
};

class InvitationMailText
{
    Q_DECLARE_TR_FUNCTIONS(InvitationMail)

public:
    static QStringList steps(Platform platform);
};

} // namespace mdm
