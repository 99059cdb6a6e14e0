#include "store/postgres_password.h"

#include "store/postgres_location.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <libpq-fe.h>

namespace mdm {

namespace {

// Connections are made on many threads (index workers, the feed's listener, action runners).
QMutex &passwordsMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QString> &passwords()
{
    static QHash<QString, QString> byUri;
    return byUri;
}

// libpq's default for keyword (from its environment variables, or the OS user for "user"), or fallback.
QString libpqDefault(const char *keyword, const QString &fallback)
{
    PQconninfoOption *defaults = PQconndefaults();
    QString value;
    for (PQconninfoOption *o = defaults; o && o->keyword; ++o) {
        if (qstrcmp(o->keyword, keyword) == 0 && o->val && *o->val)
            value = QString::fromUtf8(o->val);
    }
    PQconninfoFree(defaults);
    return value.isEmpty() ? fallback : value;
}

} // namespace

void setPostgresPassword(const QString &uri, const QString &password)
{
    QMutexLocker lock(&passwordsMutex());
    passwords().insert(uri, password);
}

void forgetPostgresPassword(const QString &uri)
{
    QMutexLocker lock(&passwordsMutex());
    passwords().remove(uri);
}

QString postgresPassword(const QString &uri)
{
    QMutexLocker lock(&passwordsMutex());
    return passwords().value(uri);
}

QString postgresPasswordKey(const PostgresLocation &loc)
{
    const QString user = loc.user.isEmpty() ? libpqDefault("user", QString()) : loc.user;
    const QString host = loc.host.isEmpty() ? libpqDefault("host", QStringLiteral("localhost")) : loc.host;
    const QString port =
        loc.port > 0 ? QString::number(loc.port) : libpqDefault("port", QStringLiteral("5432"));
    const QString database = loc.database.isEmpty() ? user : loc.database;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host, port, database);
}

QString checkPostgresLogin(const QString &uri, const QString &password)
{
    const QByteArray utf8 = uri.toUtf8();
    const QByteArray secret = password.toUtf8();
    // Later keywords win over the URI's (which holds no password: parsePostgresLocation refuses one).
    const char *keywords[] = {"connect_timeout", "application_name", "dbname", "password", nullptr};
    const char *values[] = {"10", "mdm-console", utf8.constData(), secret.constData(), nullptr};
    PGconn *conn = PQconnectdbParams(keywords, values, 1);
    QString error;
    if (PQstatus(conn) != CONNECTION_OK)
        error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    PQfinish(conn);
    return error;
}

bool isPostgresPasswordMessage(const QString &message)
{
    // libpq keeps the SQLSTATE of a refused login to itself: its words are all there is.
    return message.contains(QLatin1String("no password supplied")) ||
           message.contains(QLatin1String("password authentication failed"));
}

bool postgresLoginWantsPassword(const QString &uri)
{
    return isPostgresPasswordMessage(checkPostgresLogin(uri, postgresPassword(uri)));
}

} // namespace mdm
