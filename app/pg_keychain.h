#pragma once

#include "store/store.h"

#include <QString>

namespace mdm {

// A PostgreSQL store's password in the OS keychain (service "mdm-console", entry
// "postgresql://user@host:port/database", see postgresPasswordKey): read when libpq's own sources
// (~/.pgpass, PGPASSFILE, PGPASSWORD) have none the server takes, and handed to models/store in memory
// (setPostgresPassword). Never on the command line, in a log, the store or its audit log.
//
// These spin a local event loop until the keychain answers: for commands, and for the window before it
// shows.
namespace pgkeychain {

constexpr int kReadTimeoutMs = 5000;

// The keychain entry of the store at location; empty for a store file or a URI that cannot be used.
QString keyFor(const QString &location);

// Store::open; when the server wants a password libpq did not have (or refused), once more with the
// keychain's. A keychain password the server refuses too is said so, and not kept.
Store::OpenResult open(const QString &location, const Store::Options &options = {});

// For commands that connect without Store::open (check, import-store): hands in the keychain's password
// when libpq's sources have none the server takes. Does nothing for a store file.
void prepare(const QString &location);

struct WriteResult
{
    bool ok = false;
    bool unavailable = false; // no keychain here
    QString error;
};
WriteResult write(const QString &location, const QString &password);

} // namespace pgkeychain

} // namespace mdm
