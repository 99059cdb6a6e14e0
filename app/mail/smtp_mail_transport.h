#pragma once

#include "mail/mail_transport.h"
#include "smtp_client.h"

namespace mdm::mail {

// The console's MailTransport over SMTP: settings from the store, the password from the keychain (or
// the command line), one SmtpClient connection per batch.
class SmtpMailTransport : public MailTransport
{
    Q_OBJECT

public:
    explicit SmtpMailTransport(QObject *parent = nullptr);

    void sendBatch(const MailSettings &settings, const QString &password,
                   const QList<OutgoingMail> &mails) override;
    bool isBusy() const override { return client_.isBusy(); }
    // Stops the running batch: every message without a result is reported Transient (asynchronously),
    // then batchFinished().
    void cancel() { client_.cancel(); }
    // For every step of the conversation (connect, TLS, each reply); <= 0: the client's default (30 s).
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }

    // "Send test email": connects, authenticates and sends one message to the given recipient. Reported
    // once the connection is closed, so a test started right after the answer finds the client free.
    void sendTest(const MailSettings &settings, const QString &password, const OutgoingMail &mail) override;
    static SmtpSettings toSmtp(const MailSettings &settings, const QString &password);
    static DeliveryResult toDelivery(const SendResult &result);

private:
    SmtpSettings smtpSettings(const MailSettings &settings, const QString &password) const;

    SmtpClient client_;
    bool testing_ = false;
    DeliveryResult testResult_; // held until the test's connection ends
    int timeoutMs_ = 0;
};

} // namespace mdm::mail
