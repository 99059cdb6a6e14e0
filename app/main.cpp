#include "command_line.h"
#include "dialogs/store_password_dialog.h"
#include "domain/clock.h"
#include "keychain_vault.h"
#include "pg_keychain.h"
#include "smtp_mail_transport.h"
#include "store/postgres_password.h"
#include "store/store.h"
#include "store/store_reader.h"
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

// The window's store. A PostgreSQL store's password comes from libpq's sources, else the keychain, else
// the admin types it (and may have it remembered in the keychain); it stays in this process's memory.
std::unique_ptr<mdm::Store> openForWindow(const QString &path)
{
    auto opened = mdm::pgkeychain::open(path);
    while (!opened.store && opened.passwordNeeded) {
        mdm::StorePasswordDialog dialog(mdm::pgkeychain::keyFor(path), opened.error);
        if (dialog.exec() != QDialog::Accepted)
            return nullptr;
        mdm::setPostgresPassword(path, dialog.password());
        opened = mdm::Store::open(path);
        if (!opened.store) {
            mdm::forgetPostgresPassword(path);
            continue;
        }
        if (!dialog.remember())
            break;
        const mdm::pgkeychain::WriteResult written = mdm::pgkeychain::write(path, dialog.password());
        if (!written.ok)
            mdm::MessageBox::warning(nullptr, QApplication::translate("main", "Password not remembered"),
                                     QApplication::translate("main",
                                                             "The store is open, but its password could not "
                                                             "be kept in the keychain: %1")
                                         .arg(written.error));
    }
    if (!opened.store)
        mdm::MessageBox::critical(nullptr, QApplication::translate("main", "Cannot open the store"),
                                  opened.error);
    return std::move(opened.store);
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
    const std::unique_ptr<mdm::Store> store = openForWindow(path);
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
