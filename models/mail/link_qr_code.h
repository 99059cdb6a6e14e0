#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace mdm {

// The enrollment link as a QR code, so a user can open it on the device by pointing its camera at the
// mail, the landing page or the console's Enrollment steps dialog. Error correction level M, 8-bit mode
// (a link is bytes, not alphanumerics), black modules on white with the 4-module quiet zone scanners
// need. Each module is moduleSize × moduleSize pixels: integer scaling keeps the edges sharp.
// An empty link, or one too long for any QR version, gives a null image.
QImage linkQrImage(const QString &link, int moduleSize = 4);

// The same image as PNG bytes (for the mail's inline image and the landing page); empty on failure.
QByteArray linkQrPng(const QString &link);

} // namespace mdm
