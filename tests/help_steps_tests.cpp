// The user's steps that the gateway's landing page quotes from the bundled help.
#include "mail/help_steps.h"

#include <catch2/catch.hpp>

using namespace mdm;

TEST_CASE("Every platform's help page gives the user's steps, in English and German, without links", "[help]")
{
    for (int p = 0; p < kPlatformCount; ++p) {
        const auto platform = static_cast<Platform>(p);
        for (const char *code : {"en", "de"}) {
            const QString language = QString::fromLatin1(code);
            const QString steps = helpUserSteps(platform, language);
            INFO(platformKey(platform).toStdString() << " " << language.toStdString());
            CHECK(steps.startsWith(QLatin1String("<h2>")));
            CHECK(steps.contains(QLatin1String("<ol>")));
            CHECK(steps.contains(QLatin1String("</ol>")));
            CHECK_FALSE(steps.contains(QLatin1String("<a ")));
            // The admin's troubleshooting stays in the help browser.
            CHECK_FALSE(steps.contains(QLatin1String("Troubleshooting")));
            CHECK_FALSE(steps.contains(QLatin1String("Fehlerbehebung")));
            CHECK(steps.contains(language == QLatin1String("de") ? QStringLiteral("Schritte für den Benutzer")
                                                                 : QStringLiteral("Steps for the user")));
        }
    }
}
