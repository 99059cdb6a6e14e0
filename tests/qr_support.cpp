#include "qr_support.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace mdm::test {

QString decodeQrFile(const QString &pngPath)
{
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("-q"), QStringLiteral("--raw"), pngPath});
    if (!zbar.waitForFinished(30000) || zbar.exitStatus() != QProcess::NormalExit || zbar.exitCode() != 0)
        return {};
    QString text = QString::fromUtf8(zbar.readAllStandardOutput());
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

QString decodeQrPngBytes(const QByteArray &png)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("qr.png"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(png) != png.size())
        return {};
    file.close();
    return decodeQrFile(path);
}

QString decodeQrImage(const QImage &image)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("qr.png"));
    if (!image.save(path, "PNG"))
        return {};
    return decodeQrFile(path);
}

} // namespace mdm::test
