#include "mail/help_steps.h"

#include <QFile>
#include <QRegularExpression>

namespace mdm {

QString helpUserSteps(Platform platform, const QString &language)
{
    const QString folder =
        language.startsWith(QLatin1String("de")) ? QStringLiteral(":/help/de/") : QStringLiteral(":/help/");
    QFile page(folder + QStringLiteral("enrollment-steps-%1.html").arg(platformKey(platform)));
    if (!page.open(QIODevice::ReadOnly))
        return {};
    const QString html = QString::fromUtf8(page.readAll());
    // Every steps page has three sections: before you start, the user's steps, and troubleshooting for
    // the admin (what to say to the user), which stays out.
    const qsizetype first = html.indexOf(QLatin1String("<h2>"));
    const qsizetype second = first < 0 ? -1 : html.indexOf(QLatin1String("<h2>"), first + 4);
    const qsizetype third = second < 0 ? -1 : html.indexOf(QLatin1String("<h2>"), second + 4);
    if (third < 0)
        return {};
    QString steps = html.mid(first, third - first).trimmed();
    // Links point into the help browser's other pages: keep their text only.
    static const QRegularExpression link(QStringLiteral("<a\\s[^>]*>(.*?)</a>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    steps.replace(link, QStringLiteral("\\1"));
    return steps;
}

} // namespace mdm
