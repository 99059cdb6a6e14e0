#include "store/postgres_error.h"

#include "store/postgres_location.h"
#include "store/postgres_password.h"
#include "store/store.h"

#include <QSqlError>
#include <QStringList>
#include <libpq-fe.h>

namespace mdm {

namespace {

// libpq's message, one line, without its "connection to server at … failed:" preamble and FATAL: marks.
QString connectMessage(const QSqlError &error)
{
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    QStringList lines;
    for (QString line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.trimmed();
        for (const char *marker : {"FATAL:", "ERROR:"}) {
            const qsizetype at = line.indexOf(QLatin1String(marker));
            if (at >= 0)
                line = line.mid(at + qstrlen(marker)).trimmed();
        }
        if (!line.isEmpty() && !lines.contains(line))
            lines << line;
    }
    return lines.join(QLatin1String("; "));
}

QString describedServer(const PostgresLocation &loc)
{
    const QString host = loc.host.isEmpty() ? QStringLiteral("localhost") : loc.host;
    return loc.port > 0 ? QStringLiteral("%1:%2").arg(host).arg(loc.port) : host;
}

} // namespace

bool isPostgresPasswordFailure(const QSqlError &error)
{
    return isPostgresPasswordMessage(connectMessage(error));
}

bool isPostgresError(const QSqlError &error)
{
    return error.driverText().startsWith(QLatin1String("QPSQL:"));
}

PostgresFailure postgresFailure(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("55P03"))
        return PostgresFailure::Busy;
    if (code == QLatin1String("40001") || code == QLatin1String("40P01"))
        return PostgresFailure::Conflict;
    if (code == QLatin1String("53100"))
        return PostgresFailure::DiskFull;
    if (code == QLatin1String("XX001") || code == QLatin1String("XX002"))
        return PostgresFailure::Damaged;
    if (code == QLatin1String("58030"))
        return PostgresFailure::IoError;
    if (code == QLatin1String("28000") || code == QLatin1String("28P01"))
        return PostgresFailure::AuthFailed;
    if (code == QLatin1String("3D000"))
        return PostgresFailure::NoDatabase;
    if (code == QLatin1String("42501"))
        return PostgresFailure::NotAllowed;
    if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") ||
        code == QLatin1String("57P02") || code == QLatin1String("57P03"))
        return PostgresFailure::ConnectionLost;
    // A connection that broke mid-statement leaves libpq with no SQLSTATE at all.
    if (code.isEmpty() && isPostgresError(error) && error.type() != QSqlError::NoError)
        return PostgresFailure::ConnectionLost;
    return PostgresFailure::Other;
}

QString postgresErrorText(const QSqlError &error)
{
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    text = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    for (const char *prefix : {"ERROR:", "FATAL:", "PANIC:"}) {
        if (text.startsWith(QLatin1String(prefix)))
            text = text.mid(qstrlen(prefix)).trimmed();
    }
    const QString code = QStringLiteral("(%1)").arg(error.nativeErrorCode());
    if (text.endsWith(code))
        text.chop(code.size());
    return text.trimmed();
}

QString describePostgresConnectFailure(const PostgresLocation &loc, const QSqlError &error)
{
    const QString said = connectMessage(error);
    // Before the ping: a pooler in front of the server (PgBouncer) says so, then answers no ping for a
    // database the server lacks.
    const QString database = loc.database.isEmpty() ? loc.user : loc.database;
    if (!database.isEmpty() && said.contains(QStringLiteral("database \"%1\" does not exist").arg(database)))
        return Store::tr("The PostgreSQL server %1 has no database “%2”. Create it first (e.g. “createdb -O "
                         "USER %2”), then open the store again.")
            .arg(describedServer(loc), database);
    // PQping asks the server whether it accepts connections, without logging in: no answer means the
    // server is not there (wrong host or port, stopped, or a firewall), whatever libpq's words were.
    const PGPing ping = PQping(loc.conninfo.toUtf8().constData());
    if (ping == PQPING_NO_RESPONSE)
        return Store::tr("Cannot reach the PostgreSQL server %1 for the store “%2”: %3. Check the host and "
                         "port and that the server is running.")
            .arg(describedServer(loc), loc.uri, said);
    if (ping == PQPING_NO_ATTEMPT)
        return Store::tr("“%1” is not a usable PostgreSQL connection URI: %2").arg(loc.uri, said);
    if (ping == PQPING_REJECT)
        return Store::tr("The PostgreSQL server %1 does not accept connections now (it is starting or "
                         "shutting down): %2. Try again in a moment.")
            .arg(describedServer(loc), said);
    // The server answered. Its reasons come only as text here (libpq keeps the SQLSTATE of a refused
    // login to itself); the server's words are always shown.
    if (said.contains(QLatin1String("no password supplied")))
        return Store::
            tr("The PostgreSQL server %1 asks for a password for the store “%2”, and none was "
               "found. Put it in ~/.pgpass (or the file PGPASSFILE names), set PGPASSWORD, or keep it in the "
               "keychain (mdm-console --db URI store-password); the console never takes it on "
               "the command line.")
                .arg(describedServer(loc), loc.uri);
    // "no such user": PgBouncer's words for a role the server lacks.
    if (said.contains(QLatin1String("authentication failed")) || said.contains(QLatin1String("role \"")) ||
        said.contains(QLatin1String("pg_hba.conf")) || said.contains(QLatin1String("no such user")))
        return Store::tr("The PostgreSQL server %1 refused the login for the store “%2” (authentication "
                         "failed): %3. Check the user name in the URI and the password in ~/.pgpass, "
                         "PGPASSFILE, PGPASSWORD or the keychain.")
            .arg(describedServer(loc), loc.uri, said);
    return Store::tr("Cannot open the store “%1”: %2").arg(loc.uri, said);
}

} // namespace mdm

namespace mdm {

QString describePostgresError(const QSqlError &error, int busyTimeoutMs)
{
    const QString said = postgresErrorText(error);
    switch (postgresFailure(error)) {
    case PostgresFailure::DiskFull:
        return Store::tr("the PostgreSQL server's disk is full; ask its administrator to free some space, "
                         "then try again");
    case PostgresFailure::IoError:
        return Store::tr("the PostgreSQL server could not read or write its files (I/O error: %1); ask its "
                         "administrator to check the server's disk")
            .arg(said);
    case PostgresFailure::Damaged:
        return Store::tr("The PostgreSQL server reports damaged data (%1). Ask its administrator to restore "
                         "the store from a backup.")
            .arg(said);
    case PostgresFailure::Busy:
        return Store::tr("The store is locked by another program that is writing to it; gave up after %1 s. "
                         "Try again when it has finished.")
            .arg(busyTimeoutMs / 1000.0, 0, 'f', 1);
    case PostgresFailure::Conflict:
        return Store::tr("Another program changed the same records at the same moment, so nothing was "
                         "changed (%1). Try again.")
            .arg(said);
    case PostgresFailure::ConnectionLost:
        return Store::tr("The connection to the PostgreSQL server was lost (%1). Check the network and the "
                         "server, then try again.")
            .arg(said.isEmpty() ? error.text() : said);
    case PostgresFailure::AuthFailed:
        return Store::tr("The PostgreSQL server refused the login (%1).").arg(said);
    case PostgresFailure::NoDatabase:
        return Store::tr("The PostgreSQL server has no such database (%1).").arg(said);
    case PostgresFailure::NotAllowed:
        // Mostly a viewer (mdm_viewer) trying to change the records: the server refuses, whatever the
        // console showed. Nothing was written: the transaction rolls back.
        return Store::tr("Your database role may only read this store (mdm_viewer): ask an admin. (The "
                         "server said: %1)")
            .arg(said);
    case PostgresFailure::Other:
        break;
    }
    return said;
}

} // namespace mdm
