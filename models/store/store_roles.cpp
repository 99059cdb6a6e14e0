#include "store/store_roles.h"

#include "store/audit_log.h"
#include "store/dialect.h"
#include "store/postgres_error.h"
#include "store/schema.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {

QString quotedIdentifier(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

// A refused statement of the owner's command: the viewer's sentence of describeSqlError would mislead.
QString notAllowedText(const QSqlError &error)
{
    return StoreRoles::tr("Only the store's owner (or a superuser) may grant and revoke the console's roles; "
                          "nothing was changed. Run the command with the owner's URI. (The server said: %1)")
        .arg(postgresErrorText(error));
}

// Runs statement; on failure sets *error (the owner's wording for 42501) and returns false.
bool run(QSqlQuery &q, const QString &statement, QString *error)
{
    if (q.exec(statement))
        return true;
    *error = postgresFailure(q.lastError()) == PostgresFailure::NotAllowed
                 ? notAllowedText(q.lastError())
                 : describeSqlError(q.lastError(), Store::kDefaultBusyTimeoutMs);
    return false;
}

// Checks what must hold before a change: a PostgreSQL store, the group roles, and role itself.
bool checkRoles(Store &store, const QString &role, QString *error)
{
    if (!dialectOf(store.database()).isPostgres()) {
        *error = StoreRoles::tr("Roles are for a PostgreSQL store; an SQLite store's rights are its file's "
                                "permissions.");
        return false;
    }
    if (role.trimmed().isEmpty()) {
        *error = StoreRoles::tr("Name the database role to grant or revoke.");
        return false;
    }
    if (role == QLatin1String(StoreRoles::kAdminRole) || role == QLatin1String(StoreRoles::kViewerRole)) {
        *error =
            StoreRoles::tr("“%1” is one of the console's group roles; name a login role instead.").arg(role);
        return false;
    }
    QSqlQuery q(store.database());
    q.prepare(
        QStringLiteral("SELECT (SELECT count(*) FROM pg_roles WHERE rolname IN ('mdm_admin', 'mdm_viewer')),"
                       " (SELECT count(*) FROM pg_roles WHERE rolname = ?)"));
    q.addBindValue(role);
    if (!q.exec() || !q.next()) {
        *error = describeSqlError(q.lastError(), Store::kDefaultBusyTimeoutMs);
        return false;
    }
    if (q.value(0).toInt() != 2) {
        *error = StoreRoles::tr("The roles mdm_admin and mdm_viewer do not exist on this server. A superuser "
                                "makes them once: CREATE ROLE mdm_admin NOLOGIN; CREATE ROLE mdm_viewer "
                                "NOLOGIN;");
        return false;
    }
    if (q.value(1).toInt() != 1) {
        *error = StoreRoles::tr("The PostgreSQL server has no role “%1”. Create it first (e.g. “createuser "
                                "%1”).")
                     .arg(role);
        return false;
    }
    return true;
}

bool change(Store &store, const QString &role, const QStringList &statements, const QJsonObject &details,
            const QString &action, QString *error)
{
    if (!checkRoles(store, role, error))
        return false;
    return store.transaction(
        [&](QString *err) {
            QSqlQuery q(store.database());
            // REVOKE of a level the role does not have warns; that is no news here.
            if (!run(q, QStringLiteral("SET LOCAL client_min_messages = error"), err))
                return false;
            // The group roles' rights first: a superuser may have made the roles after the store.
            for (const QString &statement : schema::postgresRoles())
                if (!run(q, statement, err))
                    return false;
            for (const QString &statement : statements)
                if (!run(q, statement, err))
                    return false;
            AuditEntry entry;
            entry.atMs = QDateTime::currentMSecsSinceEpoch();
            entry.actor = AuditLog::currentActor();
            entry.action = action;
            entry.details = AuditLog::details(details);
            return AuditLog::append(store.database(), entry, err);
        },
        error);
}

} // namespace

bool StoreRoles::grant(Store &store, Level level, const QString &role, QString *error)
{
    const QString given =
        quotedIdentifier(level == Level::Admin ? QLatin1String(kAdminRole) : QLatin1String(kViewerRole));
    const QString taken =
        quotedIdentifier(level == Level::Admin ? QLatin1String(kViewerRole) : QLatin1String(kAdminRole));
    const QString who = quotedIdentifier(role);
    return change(store, role,
                  {QStringLiteral("GRANT %1 TO %2").arg(given, who),
                   QStringLiteral("REVOKE %1 FROM %2").arg(taken, who)},
                  {{QStringLiteral("role"), role},
                   {QStringLiteral("level"),
                    level == Level::Admin ? QStringLiteral("admin") : QStringLiteral("viewer")}},
                  QStringLiteral("role.grant"), error);
}

bool StoreRoles::revoke(Store &store, const QString &role, QString *error)
{
    return change(store, role,
                  {QStringLiteral("REVOKE mdm_admin, mdm_viewer FROM %1").arg(quotedIdentifier(role))},
                  {{QStringLiteral("role"), role}}, QStringLiteral("role.revoke"), error);
}

} // namespace mdm
