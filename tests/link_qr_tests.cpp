#include "mail/link_qr_code.h"
#include "mail/mail_settings.h"
#include "qr_support.h"
#include "test_support.h"

#include <QImage>
#include <catch2/catch.hpp>

using namespace mdm;

TEST_CASE("The link's QR code decodes back to the link", "[qr]")
{
    const QString link = QStringLiteral("https://mdm.example.com/enroll/zo_k5oM-9aXq_Tc3LrVb0wQ");
    const QImage image = linkQrImage(link);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() == image.height());
    // Integer scaling with a 4-module white quiet zone: the side is a multiple of the module size and
    // the border is white.
    CHECK(image.width() % 4 == 0);
    CHECK(image.pixelColor(0, 0) == QColor(Qt::white));
    CHECK(image.pixelColor(4 * 4 - 1, 4 * 4 - 1) == QColor(Qt::white));
    // The finder pattern's top-left module is dark, just inside the quiet zone.
    CHECK(image.pixelColor(4 * 4, 4 * 4) == QColor(Qt::black));

    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("link.png"));
    REQUIRE(image.save(path, "PNG"));
    CHECK(test::decodeQrFile(path) == link);

    const QByteArray png = linkQrPng(link);
    REQUIRE(png.startsWith("\x89PNG"));
    CHECK(png.size() < 4096); // small enough to ride in every invitation mail
    CHECK(test::decodeQrPngBytes(png) == link);
}

TEST_CASE("A long link still makes a readable QR code, bigger modules too", "[qr]")
{
    QString link = QStringLiteral("https://mdm.example.com/enroll/");
    while (link.size() < 300)
        link += QStringLiteral("Ab9_-");
    link.truncate(300);
    CHECK(test::decodeQrImage(linkQrImage(link)) == link);
    CHECK(test::decodeQrPngBytes(linkQrPng(link)) == link);

    const QImage small = linkQrImage(QStringLiteral("https://h/enroll/t"), 4);
    const QImage big = linkQrImage(QStringLiteral("https://h/enroll/t"), 8);
    CHECK(big.width() == 2 * small.width());
    CHECK(test::decodeQrImage(big) == QStringLiteral("https://h/enroll/t"));
}

TEST_CASE("No link, no QR code", "[qr]")
{
    CHECK(linkQrImage(QString()).isNull());
    CHECK(linkQrPng(QString()).isEmpty());
    CHECK(linkQrImage(QStringLiteral("https://h/e/t"), 0).isNull());
    // Beyond what the largest QR version holds at level M.
    CHECK(linkQrImage(QString(3000, QLatin1Char('a'))).isNull());
}

TEST_CASE("The link is the public URL, /enroll/ and the token, with one slash whatever was typed", "[qr]")
{
    const QString token = QStringLiteral("zo_k5oM-9aXq");
    const QString expected = QStringLiteral("https://mdm.example.com/enroll/zo_k5oM-9aXq");
    MailSettings settings;
    CHECK(settings.enrollmentLink(token) == expected); // the default
    // What an admin types now, and what stores from before the gateway hold (the link prefix).
    for (const char *base :
         {"https://mdm.example.com", "https://mdm.example.com/", "https://mdm.example.com//",
          " https://mdm.example.com/ ", "https://mdm.example.com/enroll", "https://mdm.example.com/enroll/",
          "https://mdm.example.com/enroll//", "https://mdm.example.com//enroll/",
          "https://mdm.example.com/Enroll/"}) {
        INFO(base);
        settings.linkBase = QString::fromLatin1(base);
        CHECK(settings.enrollmentLink(token) == expected);
        CHECK(settings.publicUrl() == QLatin1String("https://mdm.example.com"));
        CHECK_FALSE(settings.enrollmentLink(token).contains(QLatin1String("enroll/enroll")));
    }
    // A gateway under a path keeps it.
    for (const char *base : {"https://h/mdm", "https://h/mdm/", "https://h/mdm/enroll/"}) {
        INFO(base);
        settings.linkBase = QString::fromLatin1(base);
        CHECK(settings.enrollmentLink(token) == QStringLiteral("https://h/mdm/enroll/zo_k5oM-9aXq"));
    }
    // Only a whole "/enroll" segment is the old suffix.
    settings.linkBase = QStringLiteral("https://h/reenroll");
    CHECK(settings.enrollmentLink(token) == QStringLiteral("https://h/reenroll/enroll/zo_k5oM-9aXq"));
    CHECK(MailSettings::enrollmentLinkFor(QStringLiteral("https://h:8443/"), token) ==
          QStringLiteral("https://h:8443/enroll/zo_k5oM-9aXq"));
}

TEST_CASE("A public URL must be http(s) with a host and no query", "[qr]")
{
    MailSettings settings;
    settings.host = QStringLiteral("smtp.example.com");
    settings.fromAddress = QStringLiteral("it@example.com");
    for (const char *good : {"https://mdm.example.com", "http://127.0.0.1:8080/", "https://h/mdm/enroll/"}) {
        INFO(good);
        settings.linkBase = QString::fromLatin1(good);
        CHECK(settings.validate().isEmpty());
    }
    for (const char *bad :
         {"", "mdm.example.com", "ftp://mdm.example.com", "https://", "https://h/e?token=", "https://h/#x"}) {
        INFO(bad);
        settings.linkBase = QString::fromLatin1(bad);
        CHECK_FALSE(settings.validate().isEmpty());
    }
}
