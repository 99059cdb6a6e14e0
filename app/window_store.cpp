#include "window_store.h"

#include "dialogs/store_password_dialog.h"
#include "pg_keychain.h"
#include "store/postgres_password.h"
#include "store/store.h"
#include "window/message_box.h"

#include <QApplication>

namespace mdm {

std::unique_ptr<Store> openStoreForWindow(const QString &location)
{
    auto opened = pgkeychain::open(location);
    while (!opened.store && opened.passwordNeeded) {
        StorePasswordDialog dialog(pgkeychain::keyFor(location), opened.error);
        if (dialog.exec() != QDialog::Accepted)
            return nullptr;
        setPostgresPassword(location, dialog.password());
        opened = Store::open(location);
        if (!opened.store) {
            forgetPostgresPassword(location);
            continue;
        }
        if (!dialog.remember())
            break;
        const pgkeychain::WriteResult written = pgkeychain::write(location, dialog.password());
        if (!written.ok)
            MessageBox::warning(nullptr, QApplication::translate("main", "Password not remembered"),
                                QApplication::translate("main",
                                                        "The store is open, but its password could not "
                                                        "be kept in the keychain: %1")
                                    .arg(written.error));
    }
    if (!opened.store)
        MessageBox::critical(nullptr, QApplication::translate("main", "Cannot open the store"), opened.error);
    return std::move(opened.store);
}

} // namespace mdm
