#include "command_line.h"
#include "domain/clock.h"
#include "keychain_vault.h"
#include "smtp_mail_transport.h"
#include "store/store.h"
#include "store/store_reader.h"
#include "translations.h"
#include "window/main_window.h"
#include "window_store.h"

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
    // The readers of the three tabs connect while the store opens (PostgreSQL).
    mdm::StoreReader::connectAhead(path, 3);
    const std::unique_ptr<mdm::Store> store = mdm::openStoreForWindow(path);
    if (!store)
        return mdm::ExitFailure;
    mdm::Clock clock;
    mdm::MainWindow window(*store, clock);
    mdm::mail::SmtpMailTransport transport;
    mdm::KeychainVault vault;
    window.show();
    window.enableMail(transport, vault);
    return QApplication::exec();
}
