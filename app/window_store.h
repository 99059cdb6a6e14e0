#pragma once

#include <QString>
#include <memory>

namespace mdm {

class Store;

// The window's store. A PostgreSQL store's password comes from libpq's sources, else the keychain, else
// the admin types it in a dialog (asked again, with the server's answer, until the server takes it or the
// admin cancels; kept in the keychain if asked); it stays in this process's memory. Null when the admin
// cancelled or the store cannot be opened (said in a message box).
std::unique_ptr<Store> openStoreForWindow(const QString &location);

} // namespace mdm
