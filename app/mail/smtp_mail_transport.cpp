#include "smtp_mail_transport.h"

namespace mdm::mail {

SmtpMailTransport::SmtpMailTransport(QObject *parent) : MailTransport(parent), client_(SmtpSettings{})
{
    connect(&client_, &SmtpClient::messageFinished, this, [this](int index, const SendResult &result) {
        if (testing_)
            testResult_ = toDelivery(result);
        else
            emit mailFinished(index, toDelivery(result));
    });
    connect(&client_, &SmtpClient::batchFinished, this, [this] {
        if (testing_) {
            testing_ = false;
            emit testFinished(testResult_);
        } else
            emit batchFinished();
    });
}

SmtpSettings SmtpMailTransport::toSmtp(const MailSettings &settings, const QString &password)
{
    SmtpSettings smtp;
    smtp.host = settings.host;
    smtp.port = static_cast<quint16>(settings.port);
    smtp.security = settings.security == MailSettings::Security::ImplicitTls
                        ? SmtpSettings::Security::ImplicitTls
                    : settings.security == MailSettings::Security::None ? SmtpSettings::Security::None
                                                                        : SmtpSettings::Security::StartTls;
    smtp.user = settings.user;
    smtp.password = password;
    smtp.fromAddress = settings.fromAddress;
    smtp.fromName = settings.fromName;
    smtp.caFile = settings.caFile;
    return smtp;
}

DeliveryResult SmtpMailTransport::toDelivery(const SendResult &result)
{
    DeliveryResult out;
    switch (result.kind) {
    case SendResult::Kind::Sent:
        out.kind = DeliveryResult::Kind::Sent;
        break;
    case SendResult::Kind::Transient:
        out.kind = DeliveryResult::Kind::Transient;
        break;
    case SendResult::Kind::Permanent:
        out.kind = DeliveryResult::Kind::Permanent;
        break;
    case SendResult::Kind::ConfigError:
        out.kind = DeliveryResult::Kind::ConfigError;
        break;
    }
    out.serverReply = result.serverReply;
    out.error = result.error;
    return out;
}

SmtpSettings SmtpMailTransport::smtpSettings(const MailSettings &settings, const QString &password) const
{
    SmtpSettings smtp = toSmtp(settings, password);
    if (timeoutMs_ > 0)
        smtp.timeoutMs = timeoutMs_;
    return smtp;
}

namespace {
QList<MailMessage> toMessages(const QList<OutgoingMail> &mails)
{
    QList<MailMessage> messages;
    for (const OutgoingMail &m : mails) {
        QList<InlineImage> images;
        for (const OutgoingImage &image : m.images)
            images << InlineImage{image.contentId, QByteArrayLiteral("image/png"),
                                  QStringLiteral("enrollment-qr-code.png"), image.png};
        messages << MailMessage{m.messageId, m.to, m.toName, m.subject, m.text, m.html, m.date, images};
    }
    return messages;
}
} // namespace

void SmtpMailTransport::sendBatch(const MailSettings &settings, const QString &password,
                                  const QList<OutgoingMail> &mails)
{
    // While a test (or batch) runs, leave testing_ alone: its results must keep their destination.
    if (client_.isBusy()) {
        for (int i = 0; i < mails.size(); ++i)
            emit mailFinished(i, {DeliveryResult::Kind::Transient, {}, tr("The mail client is busy.")});
        // As the interface promises: batchFinished after the results (later, like every other batch), or
        // the dispatcher would stay busy for good.
        QMetaObject::invokeMethod(
            this, [this] { emit batchFinished(); }, Qt::QueuedConnection);
        return;
    }
    testing_ = false;
    client_.setSettings(smtpSettings(settings, password));
    client_.sendBatch(toMessages(mails)); // not busy: always starts
}

void SmtpMailTransport::sendTest(const MailSettings &settings, const QString &password,
                                 const OutgoingMail &mail)
{
    if (client_.isBusy()) {
        emit testFinished({DeliveryResult::Kind::Transient, {}, tr("The mail client is busy.")});
        return;
    }
    testing_ = true;
    testResult_ = {DeliveryResult::Kind::Transient, {}, tr("The test ended without an answer.")};
    client_.setSettings(smtpSettings(settings, password));
    client_.sendBatch(toMessages({mail})); // not busy: always starts
}

} // namespace mdm::mail
