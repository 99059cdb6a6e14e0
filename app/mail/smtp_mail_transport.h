#pragma once

#include "mail_transport.h"
#include "smtp_client.h"

namespace mdm::mail {

// The console's MailTransport over SMTP: settings from the store, the password from the keychain (or
// the command line), one SmtpClient connection per batch.
class SmtpMailTransport : public MailTransport
{
    Q_OBJECT

public:
    explicit SmtpMailTransport(QObject *parent = nullptr);

    void sendBatch(const MailSettings &settings, const QString &password, const QList<OutgoingMail> &mails) override;
    bool isBusy() const override { return client_.isBusy(); }

    // "Send test email": connects, authenticates and sends one message to the sender's own address.
    void sendTest(const MailSettings &settings, const QString &password, const OutgoingMail &mail);
    static SmtpSettings toSmtp(const MailSettings &settings, const QString &password);
    static DeliveryResult toDelivery(const SendResult &result);

signals:
    void testFinished(const mdm::DeliveryResult &result);

private:
    SmtpClient client_;
    bool testing_ = false;
};

} // namespace mdm::mail
