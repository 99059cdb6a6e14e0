#include "store/postgres_location.h"

#include "store/store.h"

#include <QRegularExpression>
#include <libpq-fe.h>

namespace mdm {

namespace {

// Connecting to an unreachable address could otherwise wait for the system's TCP timeout (minutes).
constexpr const char *kDefaultConnectTimeoutS = "10";

// libpq's conninfo quoting: single quotes, with \ and ' escaped.
QString quoted(const QString &value)
{
    QString out = value;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// The URI for an error message, with any password in it blanked out.
QString withoutPassword(QString uri)
{
    static const QRegularExpression inAuthority(QStringLiteral("^([a-zA-Z]+://[^/?#@]*?):[^/?#@]*@"));
    static const QRegularExpression inQuery(QStringLiteral("([?&]password=)[^&#]*"));
    uri.replace(inAuthority, QStringLiteral("\\1:***@"));
    uri.replace(inQuery, QStringLiteral("\\1***"));
    return uri;
}

} // namespace

bool isPostgresLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

PostgresLocation parsePostgresLocation(const QString &uri)
{
    PostgresLocation loc;
    loc.uri = uri;
    if (!isPostgresLocation(uri)) {
        loc.error =
            Store::tr("“%1” is not a PostgreSQL connection URI (postgresql://user@host:port/database).")
                .arg(uri);
        return loc;
    }
    char *message = nullptr;
    PQconninfoOption *options = PQconninfoParse(uri.toUtf8().constData(), &message);
    if (!options) {
        loc.error =
            Store::tr("“%1” is not a valid PostgreSQL connection URI: %2")
                .arg(withoutPassword(uri),
                     // libpq's message may quote the URI.
                     QString::fromUtf8(message ? message : "").trimmed().replace(uri, withoutPassword(uri)));
        PQfreemem(message);
        return loc;
    }
    QStringList qtOptions, conninfo;
    bool timeoutGiven = false;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString keyword = QString::fromUtf8(o->keyword);
        const QString value = QString::fromUtf8(o->val);
        if (keyword == QLatin1String("password")) {
            loc.error =
                Store::tr("The store's URI holds a password; the console does not take one there (it "
                          "would show in process lists and shell history). Remove it from the URI "
                          "and put the password in ~/.pgpass (or the file PGPASSFILE names), PGPASSWORD or "
                          "the keychain (mdm-console --db URI store-password).");
            break;
        }
        conninfo << keyword + QLatin1Char('=') + quoted(value);
        if (keyword == QLatin1String("dbname")) {
            loc.database = value;
        } else if (keyword == QLatin1String("host")) {
            loc.host = value;
        } else if (keyword == QLatin1String("user")) {
            loc.user = value;
        } else if (keyword == QLatin1String("port") && value.toInt() > 0 &&
                   QString::number(value.toInt()) == value) {
            loc.port = value.toInt();
        } else {
            // Qt joins its connect options with ';' and turns every ';' into a space.
            if (value.contains(QLatin1Char(';'))) {
                loc.error = Store::tr("The store's URI sets %1 to a value with “;”, which the console cannot "
                                      "pass on. Use a value without it.")
                                .arg(keyword);
                break;
            }
            timeoutGiven = timeoutGiven || keyword == QLatin1String("connect_timeout");
            qtOptions << keyword + QLatin1Char('=') + quoted(value);
        }
    }
    PQconninfoFree(options);
    if (!loc.error.isEmpty())
        return loc;
    // The server's list of sessions (and, later, the audit log) names the program.
    for (QStringList *list : {&qtOptions, &conninfo}) {
        list->append(QStringLiteral("fallback_application_name='mdm-console'"));
        if (!timeoutGiven)
            list->append(QStringLiteral("connect_timeout=") + QLatin1String(kDefaultConnectTimeoutS));
    }
    loc.qtOptions = qtOptions.join(QLatin1Char(';'));
    loc.conninfo = conninfo.join(QLatin1Char(' '));
    return loc;
}

} // namespace mdm
