#include "keychain_vault.h"

namespace mdm {

KeychainVault::KeychainVault(QObject *parent) : PasswordVault(parent)
{
    connect(&store_, &mail::PasswordStore::finished, this, [this](const mail::PasswordStore::Result &result) {
        const bool unavailable = result.status == mail::PasswordStore::Status::Unavailable;
        if (result.operation == mail::PasswordStore::Operation::Read)
            emit readFinished(result.key, result.ok(), result.password, unavailable, result.error);
    });
}

void KeychainVault::read(const QString &key)
{
    store_.read(key);
}

void KeychainVault::write(const QString &key, const QString &password)
{
    store_.write(key, password);
}

} // namespace mdm
