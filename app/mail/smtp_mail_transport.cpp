#include "smtp_mail_transport.h"

namespace mdm::mail {

SmtpMailTransport::SmtpMailTransport(QObject *parent) : MailTransport(parent), client_(SmtpSettings{})
{
    connect(&client_, &SmtpClient::messageFinished, this, [this](int index, const SendResult &result) {
        if (testing_)
            emit testFinished(toDelivery(result));
        else
            emit mailFinished(index, toDelivery(result));
    });
    connect(&client_, &SmtpClient::batchFinished, this, [this] {
        if (testing_)
            testing_ = false;
        else
            emit batchFinished();
    });
}

SmtpSettings SmtpMailTransport::toSmtp(const MailSettings &settings, const QString &password)
{
    SmtpSettings smtp;
    smtp.host = settings.host;
    smtp.port = static_cast<quint16>(settings.port);
    smtp.security = settings.security == MailSettings::Security::ImplicitTls ? SmtpSettings::Security::ImplicitTls
                    : settings.security == MailSettings::Security::None     ? SmtpSettings::Security::None
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

namespace {
QList<MailMessage> toMessages(const QList<OutgoingMail> &mails)
{
    QList<MailMessage> messages;
    for (const OutgoingMail &m : mails)
        messages << MailMessage{m.messageId, m.to, m.toName, m.subject, m.text, m.html, m.date};
    return messages;
}
} // namespace

void SmtpMailTransport::sendBatch(const MailSettings &settings, const QString &password,
                                  const QList<OutgoingMail> &mails)
{
    testing_ = false;
    client_.setSettings(toSmtp(settings, password));
    if (!client_.sendBatch(toMessages(mails)))
        for (int i = 0; i < mails.size(); ++i)
            emit mailFinished(i, {DeliveryResult::Kind::Transient, {}, tr("The mail client is busy.")});
}

void SmtpMailTransport::sendTest(const MailSettings &settings, const QString &password, const OutgoingMail &mail)
{
    testing_ = true;
    client_.setSettings(toSmtp(settings, password));
    if (!client_.sendBatch(toMessages({mail}))) {
        testing_ = false;
        emit testFinished({DeliveryResult::Kind::Transient, {}, tr("The mail client is busy.")});
    }
}

} // namespace mdm::mail
