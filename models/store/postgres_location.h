#pragma once

#include <QString>

namespace mdm {

// Whether a store location is a PostgreSQL connection URI (postgresql:// or postgres://) rather than a
// file path. Asked in models/store and by the feed, which picks its watcher by it.
bool isPostgresLocation(const QString &location);

// A PostgreSQL store's URI, read by libpq's own parser (so every libpq URI works: several hosts,
// sslmode, a Unix socket folder, …) and turned into what Qt's QPSQL driver takes: Qt 6.4 passes the
// database name to libpq as dbname='…', which libpq does not expand as a URI.
struct PostgresLocation
{
    QString uri;      // as given; it never holds a password (refused)
    QString database; // empty: libpq's default (the user's name)
    QString host;
    QString user;
    int port = -1;     // -1: libpq's default, or several ports in options
    QString qtOptions; // the other keywords, "key='value';…", for QSqlDatabase::setConnectOptions
    QString conninfo;  // everything as a libpq conninfo string, for libpq's own calls (PQping)
    QString error;     // set when the URI cannot be used; nothing else is then
};

// Reads uri. A password in it (user:password@ or ?password=) is refused: it would show in process
// lists and shell history. libpq finds it in ~/.pgpass, PGPASSFILE or PGPASSWORD instead, or the app hands
// in the one from the OS keychain (postgres_password.h).
PostgresLocation parsePostgresLocation(const QString &uri);

} // namespace mdm
