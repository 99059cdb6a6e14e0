#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace mdm::test {

// What a real scanner reads from a picture: Debian's zbarimg (zbar-tools) on a PNG file, its raw text
// without the trailing newline; empty when it finds no code or cannot run.
QString decodeQrFile(const QString &pngPath);
// The same for PNG bytes or an image (written to a temporary file first).
QString decodeQrPngBytes(const QByteArray &png);
QString decodeQrImage(const QImage &image);

} // namespace mdm::test
