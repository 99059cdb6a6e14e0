#pragma once

#include "password_store.h"
#include "password_vault.h"

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
