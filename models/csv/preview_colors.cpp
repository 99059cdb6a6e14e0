#include "csv/preview_colors.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace mdm {

QVariant previewResultColor(bool valid, bool warned)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    if (!valid)
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
    if (warned)
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x4b, 0x00);
    return {};
}

} // namespace mdm
