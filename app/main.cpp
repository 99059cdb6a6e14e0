#include "command_line.h"
#include "domain/clock.h"
#include "keychain_vault.h"
#include "smtp_mail_transport.h"
#include "store/store.h"
#include "translations.h"
#include "window/main_window.h"
#include "window/message_box.h"

#include <QApplication>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MDM Enrollment Console"));
    QCoreApplication::setApplicationName(QStringLiteral("mdm-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MDM_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (mdm::classifyArguments(arguments).headless) {
        QCoreApplication app(argc, argv);
        describeApplication();
        mdm::installTranslations(mdm::parseGlobalOptions(arguments).language);
        return mdm::runHeadless(arguments);
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "MDM Enrollment Console"));
    const mdm::GlobalOptions options = mdm::parseGlobalOptions(arguments);
    mdm::installTranslations(options.language);

    const QString path = options.dbPath.isEmpty() ? mdm::Store::defaultPath() : options.dbPath;
    auto opened = mdm::Store::open(path);
    if (!opened.store) {
        mdm::MessageBox::critical(nullptr, QApplication::translate("main", "Cannot open the store"),
                                  opened.error);
        return mdm::ExitFailure;
    }
    mdm::Clock clock;
    mdm::MainWindow window(*opened.store, clock);
    mdm::mail::SmtpMailTransport transport;
    mdm::KeychainVault vault;
    window.show();
    window.enableMail(transport, vault);
    return QApplication::exec();
}
