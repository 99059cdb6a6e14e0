#pragma once

#include <QLocale>
#include <QUrl>

namespace mdm {

// The bundled help page for the UI language: resources/help/<language>/<page> when that language has it,
// else the English resources/help/<page>. page is a file name, optionally with a #fragment
// ("howto.html#import"). The pages of one language link to each other relatively, so a reader who starts
// in German stays in German.
QUrl helpPageUrl(const QString &page, const QLocale &locale = QLocale());

} // namespace mdm
