#pragma once

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

    static InvitationMail compose(const OutboxMessage &message, const MailSettings &settings);
};

class InvitationMailText
{
    Q_DECLARE_TR_FUNCTIONS(InvitationMail)

public:
    static QStringList steps(Platform platform);
};

} // namespace mdm
