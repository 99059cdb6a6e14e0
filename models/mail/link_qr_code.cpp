#include "mail/link_qr_code.h"

#include <QBuffer>
#include <algorithm>
#include <memory>
#include <qrencode.h>

namespace mdm {

namespace {

constexpr int QuietZoneModules = 4;

struct QrCodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};

} // namespace

QImage linkQrImage(const QString &link, int moduleSize)
{
    if (link.isEmpty() || moduleSize < 1)
        return {};
    const QByteArray utf8 = link.toUtf8();
    // Version 0: the smallest version that holds the data; case-sensitive (links are).
    const std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        return {};

    const int modules = code->width;
    const int side = (modules + 2 * QuietZoneModules) * moduleSize;
    // One byte per pixel (grayscale) keeps the image, and its PNG, small.
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!(code->data[y * modules + x] & 1)) // bit 0: the module is dark
                continue;
            const int px = (x + QuietZoneModules) * moduleSize;
            const int py = (y + QuietZoneModules) * moduleSize;
            for (int row = 0; row < moduleSize; ++row) {
                uchar *line = image.scanLine(py + row);
                std::fill(line + px, line + px + moduleSize, uchar(0));
            }
        }
    }
    return image;
}

QByteArray linkQrPng(const QString &link)
{
    const QImage image = linkQrImage(link);
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return png;
}

} // namespace mdm
