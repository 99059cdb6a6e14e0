#pragma once

#include <QString>

namespace mdm {

struct PostgresLocation;

// A PostgreSQL store's password found outside libpq's own sources (~/.pgpass, PGPASSFILE, PGPASSWORD): the
// app reads it from the OS keychain, or the window asks for it, and hands it in here. It lives in this
// process's memory only, keyed by the store's URI, so that every connection the store makes — the store's
// own, connectAgain's, the tab index reader, the live feed's listener — logs in with it, though most of them
// are handed only the URI. Never written to the store, the audit log, a file or a log line. models/ reads
// no keychain itself: the app does (app/pg_keychain.*).
void setPostgresPassword(const QString &uri, const QString &password);
void forgetPostgresPassword(const QString &uri);
// Empty when none was handed in: libpq then finds its own.
QString postgresPassword(const QString &uri);

// The key of the store's password in the OS keychain: "postgresql://user@host:port/database", with libpq's
// defaults (PGUSER, PGHOST, PGPORT, the OS user) filled in, so that URIs naming the same login share it.
QString postgresPasswordKey(const PostgresLocation &loc);

// Logs in to the server of uri with password (nothing else: no store is opened, nothing is written) and
// returns why that failed, or an empty string. For store-password, which checks a password before keeping it.
QString checkPostgresLogin(const QString &uri, const QString &password);
// Whether logging in to uri with libpq's own sources (and any password handed in) fails for want of a
// password: for commands that connect without Store::open (check, import-store).
bool postgresLoginWantsPassword(const QString &uri);
// Whether libpq's message for a failed login says that a password was missing or refused.
bool isPostgresPasswordMessage(const QString &message);

} // namespace mdm
