#pragma once

#include "mail/password_vault.h"
#include "password_store.h"

namespace mdm {

// The console's PasswordVault: the OS keychain through QtKeychain.
class KeychainVault : public PasswordVault
{
    Q_OBJECT

public:
    explicit KeychainVault(QObject *parent = nullptr);
    void read(const QString &key) override;
    void write(const QString &key, const QString &password) override;

private:
    mail::PasswordStore store_;
};

} // namespace mdm
