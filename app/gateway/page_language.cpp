#include "page_language.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLocale>
#include <QPointer>
#include <QTranslator>
#include <algorithm>

namespace mdm::gateway {

namespace {

const QString kFolder = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("mdm_console_");

// Answers every text: a text its file lacks stays the English source instead of falling through to the
// process's translator, which may be another language (the English file only carries plural forms).
class CompleteTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        const QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        return text.isEmpty() ? QString::fromUtf8(sourceText) : text;
    }
    bool isEmpty() const override { return false; }
};

// One translator per language, loaded on first use and kept: a page must not read files each time.
QTranslator *translatorFor(const QString &language)
{
    static QHash<QString, QPointer<QTranslator>> loaded;
    QPointer<QTranslator> &translator = loaded[language];
    if (!translator) {
        auto *t = new CompleteTranslator(QCoreApplication::instance());
        if (!t->load(kPrefix + language, kFolder)) {
            delete t;
            return nullptr;
        }
        translator = t;
    }
    return translator;
}

struct Range
{
    QString tag; // lower case; "*" for any
    double q = 1.0;
};

QList<Range> parseRanges(const QByteArray &header)
{
    QList<Range> ranges;
    for (const QByteArray &item : header.split(',')) {
        const QList<QByteArray> fields = item.split(';');
        Range range;
        range.tag = QString::fromLatin1(fields.first().trimmed()).toLower();
        if (range.tag.isEmpty())
            continue;
        bool valid = true;
        for (qsizetype i = 1; i < fields.size(); ++i) {
            const QByteArray param = fields[i].trimmed();
            if (param.startsWith("q=") || param.startsWith("Q=")) {
                range.q = param.mid(2).trimmed().toDouble(&valid);
                valid = valid && range.q >= 0.0 && range.q <= 1.0;
            }
        }
        if (valid) // a malformed q-value makes that one range unusable, not the header
            ranges << range;
    }
    // Highest q first; equal q keeps the header's order.
    std::stable_sort(ranges.begin(), ranges.end(), [](const Range &a, const Range &b) { return a.q > b.q; });
    return ranges;
}

} // namespace

QStringList shippedLanguages()
{
    QStringList languages;
    const QStringList files = QDir(kFolder).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files);
    for (const QString &file : files)
        languages << file.mid(kPrefix.size()).chopped(3).toLower();
    return languages;
}

QString negotiateLanguage(const QByteArray &acceptLanguage, const QStringList &available,
                          const QString &fallback)
{
    const QList<Range> ranges = parseRanges(acceptLanguage);
    // "de;q=0" refuses German, even through "*"; "de-CH;q=0" alone does not.
    QStringList refused;
    for (const Range &range : ranges)
        if (range.q <= 0.0)
            refused << range.tag;
    const auto usable = [&](const QString &language) {
        return available.contains(language) && !refused.contains(language);
    };
    for (const Range &range : ranges) {
        if (range.q <= 0.0)
            break;
        if (range.tag == QLatin1String("*")) {
            if (usable(fallback))
                return fallback;
            for (const QString &language : available)
                if (usable(language))
                    return language;
            continue;
        }
        const QString primary = range.tag.section(QLatin1Char('-'), 0, 0);
        if (usable(primary))
            return primary;
    }
    return fallback;
}

QString processLanguage()
{
    // The rule installTranslations() follows: the default locale's language when shipped, else English.
    const QString language = QLocale().name().section(QLatin1Char('_'), 0, 0).toLower();
    return shippedLanguages().contains(language) ? language : QStringLiteral("en");
}

PageLanguage::PageLanguage(const QString &language) : code_(language)
{
    translator_ = translatorFor(language);
    if (translator_)
        QCoreApplication::installTranslator(translator_);
    else
        code_ = processLanguage();
}

PageLanguage::~PageLanguage()
{
    if (translator_)
        QCoreApplication::removeTranslator(translator_);
}

} // namespace mdm::gateway
