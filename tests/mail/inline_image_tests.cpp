// Inline images in built messages (the invitation's QR code): multipart/related around the HTML, read
// back by Python's email package.
#include "mail/link_qr_code.h"
#include "mail_test_support.h"
#include "mime_message.h"
#include "qr_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QVariantList>

using namespace mdm::mail;

namespace {

QJsonObject parsed(const QByteArray &data)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("m.eml")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(data);
    file.close();
    return test::parseEml(file.fileName());
}

MailMessage messageWithQr(const QString &link)
{
    MailMessage message;
    message.messageId = "<outbox-7.abc@example.com>";
    message.to = QStringLiteral("jo@example.com");
    message.subject = QStringLiteral("Enroll your device");
    message.textBody = QStringLiteral("Enrollment link: %1\n").arg(link);
    message.htmlBody = QStringLiteral("<p><img src=\"cid:enrollment-qr@mdm.example.com\" alt=\"QR\"></p>");
    message.inlineImages << InlineImage{"enrollment-qr@mdm.example.com", "image/png",
                                        QStringLiteral("enrollment-qr-code.png"), mdm::linkQrPng(link)};
    return message;
}

} // namespace

TEST_CASE("An HTML body with an inline image becomes multipart/related inside multipart/alternative",
          "[mail][mime][qr]")
{
    const QString link = QStringLiteral("https://mdm.example.com/enroll/tok_123");
    MailMessage message = messageWithQr(link);
    const mime::BuiltMessage built = mime::build(message, QStringLiteral("it@example.com"), QString());
    REQUIRE(built.error.isEmpty());
    const QJsonObject eml = parsed(built.data);
    INFO(QJsonDocument(eml).toJson().toStdString());
    CHECK(eml.value(QStringLiteral("defects")).toArray().isEmpty());
    CHECK(eml.value(QStringLiteral("max_line")).toInt() <= 78);
    CHECK(eml.value(QStringLiteral("structure")).toArray().toVariantList() ==
          QVariantList{QStringLiteral("multipart/alternative"), QStringLiteral(" text/plain"),
                       QStringLiteral(" multipart/related"), QStringLiteral("  text/html"),
                       QStringLiteral("  image/png")});
    const QJsonArray parts = eml.value(QStringLiteral("parts")).toArray();
    REQUIRE(parts.size() == 3);
    const QJsonObject image = parts.at(2).toObject();
    CHECK(image.value(QStringLiteral("content_id")).toString() ==
          QLatin1String("<enrollment-qr@mdm.example.com>"));
    CHECK(image.value(QStringLiteral("filename")).toString() == QLatin1String("enrollment-qr-code.png"));
    CHECK(mdm::test::decodeQrPngBytes(QByteArray::fromBase64(
              image.value(QStringLiteral("content_base64")).toString().toLatin1())) == link);

    // HTML alone: the multipart/related is the whole message.
    message.textBody.clear();
    const QJsonObject htmlOnly =
        parsed(mime::build(message, QStringLiteral("it@example.com"), QString()).data);
    CHECK(htmlOnly.value(QStringLiteral("defects")).toArray().isEmpty());
    CHECK(htmlOnly.value(QStringLiteral("structure")).toArray().toVariantList() ==
          QVariantList{QStringLiteral("multipart/related"), QStringLiteral(" text/html"),
                       QStringLiteral(" image/png")});
}

TEST_CASE("An inline image whose Content-ID could break the headers is refused", "[mail][mime][qr]")
{
    for (const QByteArray &bad :
         {QByteArray("qr"), QByteArray("qr@x>\r\nBcc: a@b"), QByteArray("a b@c"), QByteArray()}) {
        MailMessage message = messageWithQr(QStringLiteral("https://h/enroll/t"));
        message.inlineImages[0].contentId = bad;
        const mime::BuiltMessage built = mime::build(message, QStringLiteral("it@example.com"), QString());
        CHECK_FALSE(built.error.isEmpty());
        CHECK(built.data.isEmpty());
    }
}
