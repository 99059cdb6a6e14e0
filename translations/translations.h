#pragma once

#include <QString>

namespace mdm {

// Installs the console's and Qt's own translations for language (e.g. "de"); an empty language
// means the system locale. Returns the language actually loaded, or an empty string for English.
QString installTranslations(const QString &language);

} // namespace mdm
