#define CATCH_CONFIG_RUNNER
#include "translations.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

int main(int argc, char *argv[])
{
    // Catch2 v2 test discovery runs this binary at build time, where no display exists.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and standard paths of tests never touch the admin's own.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    // CTest runs test cases as parallel processes: each keeps its remembered layout to itself.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication::setOrganizationName(QStringLiteral("MDM Enrollment Console Tests"));
    QApplication::setApplicationName(QStringLiteral("mdm-console-tests"));
    // English, as the console shows it: with plural forms ("2 days", not "2 day(s)").
    mdm::installTranslations(QStringLiteral("en"));
    return Catch::Session().run(argc, argv);
}
