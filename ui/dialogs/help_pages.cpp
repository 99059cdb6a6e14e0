#include "dialogs/help_pages.h"

#include <QFile>

namespace mdm {

QUrl helpPageUrl(const QString &page, const QLocale &locale)
{
    const qsizetype hash = page.indexOf(QLatin1Char('#'));
    const QString file = hash < 0 ? page : page.left(hash);
    const QString fragment = hash < 0 ? QString() : page.mid(hash + 1);

    QString path = QStringLiteral("/help/") + file;
    // English is the source: its pages sit at the top of help/, never in help/en/.
    if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        const QString translated =
            QStringLiteral("/help/%1/%2").arg(QLocale::languageToCode(locale.language()), file);
        if (QFile::exists(QLatin1Char(':') + translated))
            path = translated;
    }
    QUrl url;
    url.setScheme(QStringLiteral("qrc"));
    url.setPath(path);
    if (!fragment.isEmpty())
        url.setFragment(fragment);
    return url;
}

} // namespace mdm
