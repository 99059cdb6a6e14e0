#pragma once

#include "mail/mail_settings.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace mdm {

// A picture the HTML body shows as <img src="cid:CONTENT-ID">: the enrollment link's QR code.
struct OutgoingImage
{
    QByteArray contentId; // "local@domain", without angle brackets
    QByteArray png;
};

struct OutgoingMail
{
    QByteArray messageId; // stable per outbox message, so a resent duplicate is recognisable
    QString to;
    QString toName;
    QString subject;
    QString text;
    QString html;
    QDateTime date;
    QList<OutgoingImage> images;
};

struct DeliveryResult
{
    enum class Kind
    {
        Sent,        // the server accepted the DATA
        Transient,   // 4xx, refused or dropped connection, timeout: try again later
        Permanent,   // 5xx for this message: no retry until the admin resends
        ConfigError, // bad certificate, failed authentication: affects every message
    };
    Kind kind = Kind::Transient;
    QString serverReply;
    QString error;
};

// How mail leaves the console; the SMTP adapter in app/ implements it. Asynchronous: results arrive
// as signals, one per message, in order, then batchFinished.
class MailTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void sendBatch(const MailSettings &settings, const QString &password,
                           const QList<OutgoingMail> &mails) = 0;
    virtual bool isBusy() const = 0;
    // "Send test email": one message through the same path, reported by testFinished only.
    virtual void sendTest(const MailSettings &settings, const QString &password,
                          const OutgoingMail &mail) = 0;

signals:
    void mailFinished(int index, const mdm::DeliveryResult &result);
    void batchFinished();
    void testFinished(const mdm::DeliveryResult &result);
};

} // namespace mdm
