#pragma once
// The language of the pages a person's browser opens (the invitation landing page and its 404/410 pages):
// the best of the shipped translations for the request's Accept-Language, else the serve process's own.

#include <QByteArray>
#include <QString>
#include <QStringList>

class QTranslator;

namespace mdm::gateway {

// The languages the console ships a translation for ("de", "en"; from the compiled resources).
QStringList shippedLanguages();

// The language (one of available, lower case) the Accept-Language header asks for most, honouring q-values,
// region tags ("de-DE" → "de"), "*" (→ fallback) and q=0 refusals; fallback when nothing fits.
QString negotiateLanguage(const QByteArray &acceptLanguage, const QStringList &available,
                          const QString &fallback);

// The shipped language the serve process translates into (its --lang or the system's), "en" when none fits.
QString processLanguage();

// While it lives, tr() translates into language (a shipped one): it installs that language's translator
// in front of the process's own and removes it again. serve handles one request at a time, so nothing else
// translates meanwhile; the tr() calls stay where lupdate finds them.
class PageLanguage
{
public:
    explicit PageLanguage(const QString &language);
    ~PageLanguage();
    PageLanguage(const PageLanguage &) = delete;
    PageLanguage &operator=(const PageLanguage &) = delete;

    QString code() const { return code_; }

private:
    QString code_;
    QTranslator *translator_ = nullptr;
};

} // namespace mdm::gateway
