#include "pg_keychain.h"

#include "password_store.h"
#include "store/postgres_location.h"
#include "store/postgres_password.h"

#include <QCoreApplication>

namespace mdm::pgkeychain {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(PostgresKeychain)
};

// The keychain's password for location, handed in; false when there is none (or no keychain).
bool handIn(const QString &location)
{
    const QString key = keyFor(location);
    if (key.isEmpty())
        return false;
    mail::PasswordStore keychain;
    const mail::PasswordStore::Result found = keychain.readNow(key, kReadTimeoutMs);
    if (!found.ok() || found.password.isEmpty())
        return false;
    setPostgresPassword(location, found.password);
    return true;
}

} // namespace

QString keyFor(const QString &location)
{
    if (!isPostgresLocation(location))
        return {};
    const PostgresLocation loc = parsePostgresLocation(location);
    return loc.error.isEmpty() ? postgresPasswordKey(loc) : QString();
}

Store::OpenResult open(const QString &location, const Store::Options &options)
{
    Store::OpenResult opened = Store::open(location, options);
    // A password handed in already (the window's dialog) is the one to judge, not the keychain's.
    if (opened.store || !opened.passwordNeeded || !postgresPassword(location).isEmpty() || !handIn(location))
        return opened;
    Store::OpenResult again = Store::open(location, options);
    if (again.store || !again.passwordNeeded)
        return again;
    forgetPostgresPassword(location);
    again.error =
        Text::tr("The PostgreSQL server refused the password kept in the keychain (entry “%1”) for the store "
                 "“%2”. Store the right one with: mdm-console --db URI store-password")
            .arg(keyFor(location), location);
    return again;
}

void prepare(const QString &location)
{
    if (isPostgresLocation(location) && postgresPassword(location).isEmpty() &&
        postgresLoginWantsPassword(location))
        handIn(location);
}

WriteResult write(const QString &location, const QString &password)
{
    mail::PasswordStore keychain;
    const mail::PasswordStore::Result result = keychain.writeNow(keyFor(location), password);
    return {result.ok(), result.status == mail::PasswordStore::Status::Unavailable, result.error};
}

} // namespace mdm::pgkeychain
