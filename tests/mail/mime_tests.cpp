#include "mail_test_support.h"
#include "mime_message.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace mdm::mail;

namespace {

QList<QByteArray> crlfLines(const QByteArray &data)
{
    QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        REQUIRE(lines.at(i).endsWith('\r'));
        lines[i].chop(1);
    }
    return lines;
}

QByteArray headerBlock(const QByteArray &message)
{
    return message.left(message.indexOf("\r\n\r\n") + 2);
}

} // namespace

TEST_CASE("mime: Date is RFC 5322 in English with the offset of the time", "[mail][mime]")
{
    CHECK(mime::formatDate(QDateTime(QDate(2025, 7, 1), QTime(9, 5, 3), QTimeZone(7200))) ==
          "Tue, 01 Jul 2025 09:05:03 +0200");
    CHECK(mime::formatDate(QDateTime(QDate(2024, 12, 29), QTime(23, 59, 59),
                                     QTimeZone(-(3 * 3600 + 1800)))) == "Sun, 29 Dec 2024 23:59:59 -0330");
    CHECK(mime::formatDate(QDateTime(QDate(2026, 2, 2), QTime(0, 0), QTimeZone::utc())) ==
          "Mon, 02 Feb 2026 00:00:00 +0000");
}

TEST_CASE("mime: encoded words are short and never split a character", "[mail][mime]")
{
    const QString text = QStringLiteral("Gerät 端末を登録してください 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉 ✓ äöüß");
    const QList<QByteArray> words = mime::encodedWords(text);
    REQUIRE(words.size() > 2);
    QByteArray decoded;
    for (const QByteArray &word : words) {
        CHECK(word.startsWith("=?UTF-8?B?"));
        CHECK(word.endsWith("?="));
        CHECK(word.size() <= 75);
        const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
        // Each word decodes to whole characters on its own.
        CHECK(QString::fromUtf8(bytes).toUtf8() == bytes);
        CHECK_FALSE(QString::fromUtf8(bytes).contains(QChar::ReplacementCharacter));
        decoded += bytes;
    }
    CHECK(QString::fromUtf8(decoded) == text);
}

TEST_CASE("mime: headers are folded below 78 characters and stay plain when ASCII", "[mail][mime]")
{
    const QByteArray ascii = mime::unstructuredHeader(
        "Subject",
        QStringLiteral("A rather long but plain ASCII subject line that has to be folded somewhere "
                       "because it is longer than seventy-eight characters"));
    for (const QByteArray &line : crlfLines(ascii.chopped(2)))
        CHECK(line.size() <= 78);
    CHECK_FALSE(ascii.contains("=?"));
    QByteArray unfolded = ascii;
    unfolded.replace("\r\n ", " ");
    CHECK(unfolded == "Subject: A rather long but plain ASCII subject line that has to be folded somewhere "
                      "because it is longer than seventy-eight characters\r\n");

    // Line breaks in a header value cannot inject headers.
    const QByteArray injected =
        mime::unstructuredHeader("Subject", QStringLiteral("Hi\r\nBcc: evil@example.com"));
    CHECK(injected == "Subject: Hi  Bcc: evil@example.com\r\n");

    CHECK(mime::mailboxHeader("To", QString(), "a@example.com") == "To: a@example.com\r\n");
    CHECK(mime::mailboxHeader("To", QStringLiteral("Ann Lee"), "a@example.com") ==
          "To: Ann Lee <a@example.com>\r\n");
    CHECK(mime::mailboxHeader("To", QStringLiteral("Lee, Ann \"AL\""), "a@example.com") ==
          "To: \"Lee, Ann \\\"AL\\\"\" <a@example.com>\r\n");
    CHECK(mime::mailboxHeader("To", QStringLiteral("Zoë"), "z@example.com") ==
          "To: =?UTF-8?B?Wm/Dqw==?= <z@example.com>\r\n");
}

TEST_CASE("mime: quoted-printable keeps lines short and encodes what it must", "[mail][mime]")
{
    const QString text = QStringLiteral("a=b trailing \nümlaut\r\n") + QString(200, QLatin1Char('y')) +
                         QStringLiteral("\rlast\t");
    const QByteArray qp = mime::quotedPrintable(text);
    for (const QByteArray &line : crlfLines(qp))
        CHECK(line.size() <= 76);
    CHECK(qp.startsWith("a=3Db trailing=20\r\n=C3=BCmlaut\r\n"));
    CHECK(qp.endsWith("\r\nlast=09"));
    QByteArray decoded = qp;
    decoded.replace("=\r\n", "");
    CHECK(decoded.count('y') == 200);
}

TEST_CASE("mime: dot-stuffing doubles leading dots only", "[mail][mime]")
{
    CHECK(mime::dotStuff(".a\r\nb.c\r\n.\r\n..\r\n") == "..a\r\nb.c\r\n..\r\n...\r\n");
    CHECK(mime::dotStuff("no newline at end") == "no newline at end\r\n");
    CHECK(mime::dotStuff(QByteArray()) == "\r\n");
}

TEST_CASE("mime: addresses are validated and IDN domains become punycode", "[mail][mime]")
{
    CHECK(mime::normalizeAddress(QStringLiteral(" first.last+tag@example.com ")) ==
          QByteArray("first.last+tag@example.com"));
    CHECK(mime::normalizeAddress(QStringLiteral("hans@bücher.example")) ==
          QByteArray("hans@xn--bcher-kva.example"));
    CHECK_FALSE(mime::normalizeAddress(QStringLiteral("no-at-sign")));
    CHECK_FALSE(mime::normalizeAddress(QStringLiteral("a b@example.com")));
    CHECK_FALSE(mime::normalizeAddress(QStringLiteral("a@example.com>\r\nRCPT TO:<b@example.com")));
    CHECK_FALSE(mime::normalizeAddress(QStringLiteral("<a@example.com>")));
    CHECK_FALSE(
        mime::normalizeAddress(QStringLiteral("jürgen@example.com"))); // needs SMTPUTF8: not supported
    CHECK_FALSE(mime::normalizeAddress(QStringLiteral("a..b@example.com")));
    CHECK_FALSE(mime::normalizeAddress(QStringLiteral("a@-example.com")));

    const QByteArray id = mime::makeMessageId(QStringLiteral("outbox-42"), QStringLiteral("it@example.com"));
    CHECK(id.startsWith("<outbox-42."));
    CHECK(id.endsWith("@example.com>"));
    CHECK(id != mime::makeMessageId(QStringLiteral("outbox-42"), QStringLiteral("it@example.com")));
}

TEST_CASE("mime: built message has the headers in order and CRLF lines", "[mail][mime]")
{
    const MailMessage message = test::invitation(7, QStringLiteral("juergen@example.com"));
    const mime::BuiltMessage built =
        mime::build(message, QStringLiteral("it-desk@example.com"), QStringLiteral("IT Desk"));
    REQUIRE(built.error.isEmpty());
    CHECK(built.messageId == message.messageId);
    CHECK(built.envelopeFrom == "it-desk@example.com");
    CHECK(built.envelopeTo == "juergen@example.com");
    const QByteArray headers = headerBlock(built.data);
    CHECK(
        headers.startsWith("Date: Tue, 01 Jul 2025 09:05:03 +0200\r\nFrom: IT Desk <it-desk@example.com>\r\n"
                           "To: =?UTF-8?B?"));
    CHECK(headers.contains("\r\nMessage-ID: " + message.messageId +
                           "\r\nMIME-Version: 1.0\r\n"
                           "Content-Type: multipart/alternative;\r\n boundary=\"=_mdm_"));
    for (const QByteArray &line : crlfLines(built.data)) {
        CHECK(line.size() <= 78);
        CHECK_FALSE(line.contains('\r'));
    }
    for (const char c : built.data)
        CHECK(static_cast<unsigned char>(c) < 0x80);

    MailMessage bad = message;
    bad.to = QStringLiteral("not an address");
    CHECK_FALSE(mime::build(bad, QStringLiteral("it-desk@example.com"), QString()).error.isEmpty());
    bad = message;
    bad.messageId = "<two@at@signs>";
    CHECK_FALSE(mime::build(bad, QStringLiteral("it-desk@example.com"), QString()).error.isEmpty());
}

TEST_CASE("mime: a mostly Japanese body goes as base64 and reads back in Python", "[mail][mime]")
{
    MailMessage message;
    message.messageId = "outbox-9.abc@example.com"; // brackets are added
    message.to = QStringLiteral("taro@example.jp");
    message.toName = QStringLiteral("山田 太郎");
    message.subject = QStringLiteral("デバイス登録のご案内");
    message.textBody =
        QStringLiteral("山田様\n\nデバイスを登録してください。\n.\n") + QString(300, QChar(0x767B));
    message.date = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), QTimeZone(9 * 3600));
    const mime::BuiltMessage built =
        mime::build(message, QStringLiteral("it@example.com"), QStringLiteral("情報システム部"));
    REQUIRE(built.error.isEmpty());
    CHECK(built.data.contains(
        "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"));

    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("m.eml")));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(built.data);
    file.close();
    const QJsonObject eml = test::parseEml(file.fileName());
    INFO(QJsonDocument(eml).toJson().toStdString());
    REQUIRE(!eml.isEmpty());
    CHECK(eml.value(QStringLiteral("defects")).toArray().isEmpty());
    CHECK(eml.value(QStringLiteral("content_type")).toString() == QLatin1String("text/plain"));
    CHECK(eml.value(QStringLiteral("subject")).toString() == message.subject);
    CHECK(eml.value(QStringLiteral("to_name")).toString() == message.toName);
    CHECK(eml.value(QStringLiteral("from_name")).toString() == QStringLiteral("情報システム部"));
    CHECK(eml.value(QStringLiteral("message_id")).toString() == QLatin1String("<outbox-9.abc@example.com>"));
    CHECK(eml.value(QStringLiteral("date_offset_minutes")).toInt() == 540);
    const QJsonArray parts = eml.value(QStringLiteral("parts")).toArray();
    REQUIRE(parts.size() == 1);
    CHECK(parts.at(0).toObject().value(QStringLiteral("encoding")).toString() == QLatin1String("base64"));
    CHECK(parts.at(0)
              .toObject()
              .value(QStringLiteral("content"))
              .toString()
              .replace(QLatin1String("\r\n"), QLatin1String("\n")) == message.textBody);
}

TEST_CASE("mime: a single text part keeps its exact end in Python", "[mail][mime]")
{
    QTemporaryDir dir;
    const QStringList bodies{QStringLiteral("no final line break"), QStringLiteral("one final line break\n"),
                             QStringLiteral("two\n\n"), QString()};
    for (const QString &body : bodies) {
        MailMessage message;
        message.to = QStringLiteral("a@example.com");
        message.subject = QStringLiteral("Plain");
        message.textBody = body;
        const mime::BuiltMessage built = mime::build(message, QStringLiteral("it@example.com"), QString());
        REQUIRE(built.error.isEmpty());
        CHECK(built.messageId.endsWith("@example.com>")); // generated when none was given
        QFile file(dir.filePath(QStringLiteral("single.eml")));
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(mime::dotStuff(built.data)); // what the server stores, after un-stuffing, is the same here
        file.close();
        const QJsonObject eml = test::parseEml(file.fileName());
        const QJsonArray parts = eml.value(QStringLiteral("parts")).toArray();
        REQUIRE(parts.size() == 1);
        CHECK(parts.at(0)
                  .toObject()
                  .value(QStringLiteral("content"))
                  .toString()
                  .replace(QLatin1String("\r\n"), QLatin1String("\n")) == body);
        CHECK(eml.value(QStringLiteral("subject")).toString() == QLatin1String("Plain"));
        CHECK(eml.value(QStringLiteral("raw_subject")).toString() == QLatin1String("Plain"));
    }
}
