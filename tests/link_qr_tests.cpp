#include "mail/link_qr_code.h"
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

TEST_CASE("A long link still makes a readable QR code; bigger modules too", "[qr]")
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
