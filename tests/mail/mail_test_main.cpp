#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <QStandardPaths>
#include <catch2/catch.hpp>

int main(int argc, char *argv[])
{
    // Like tests/test_main.cpp; no GUI here, but keep discovery at build time display-free all the same.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MDM Enrollment Console Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("mdm-mail-tests"));
    return Catch::Session().run(argc, argv);
}
