#include "store/postgres_backend.h"

#include "store/postgres_error.h"
#include "store/postgres_lease.h"
#include "store/postgres_lock.h"
#include "store/postgres_password.h"
#include "store/postgres_schema_state.h"
#include "store/schema.h"
#include "store/sql.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {

// What the schema needs: identity columns (10), EXECUTE FUNCTION (11), a trusted citext (13).
constexpr int kMinServerVersion = 130000;

QString foreignText(const QString &uri)
{
    return Store::tr("The database of “%1” holds tables of another program; it is not an MDM console store. "
                     "It was left unchanged. Give the store an empty database of its own.")
        .arg(uri);
}

QString newerText(const QString &uri, int version)
{
    return Store::tr("“%1” was written by a newer version of the console (store version %2; this version "
                     "reads up to %3). Update the console; the database was left unchanged.")
        .arg(uri)
        .arg(version)
        .arg(Store::kSchemaVersion);
}

// Adds the connection and logs in; an empty string or why not (*passwordFailure: for want of a password).
QString connect(const PostgresLocation &loc, const QString &connectionName, bool *passwordFailure = nullptr)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (!db.isValid())
        return Store::tr("Cannot open “%1”: Qt's PostgreSQL driver (QPSQL) is not installed. Install the "
                         "package libqt6sql6-psql.")
            .arg(loc.uri);
    db.setDatabaseName(loc.database);
    db.setHostName(loc.host);
    db.setUserName(loc.user);
    if (loc.port > 0)
        db.setPort(loc.port);
    db.setConnectOptions(loc.qtOptions);
    // One the app found in the keychain; otherwise libpq reads its own sources.
    if (const QString password = postgresPassword(loc.uri); !password.isEmpty())
        db.setPassword(password);
    if (!db.open()) {
        if (passwordFailure)
            *passwordFailure = isPostgresPasswordFailure(db.lastError());
        return describePostgresConnectFailure(loc, db.lastError());
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT current_setting('server_version_num')::int")) || !q.next())
        return Store::tr("Cannot open “%1”: %2").arg(loc.uri, sqlErrorText(q.lastError()));
    if (q.value(0).toInt() < kMinServerVersion)
        return Store::tr(
                   "The PostgreSQL server of “%1” is version %2; the console needs version 13 or later.")
            .arg(loc.uri, QString::number(q.value(0).toInt() / 10000));
    return {};
}

// The names CREATE statements of the baseline give: what a sound store has.
QStringList createdNames(const char *what)
{
    static const QString pattern = QStringLiteral("^CREATE %1 (\\w+)");
    const QRegularExpression re(pattern.arg(QLatin1String(what)));
    QStringList names;
    for (const QString &statement : schema::postgresBaseline()) {
        const QRegularExpressionMatch m = re.match(statement);
        if (m.hasMatch())
            names << m.captured(1);
    }
    return names;
}

} // namespace

PostgresBackend::PostgresBackend(PostgresLocation location, Store::Options options)
    : StoreBackend(location.uri, options), loc_(std::move(location))
{
}

QString PostgresBackend::open(const QString &connectionName)
{
    if (QString error = connect(loc_, connectionName, &passwordFailure_); !error.isEmpty())
        return error;
    const PostgresSchemaState state = readPostgresSchemaState(QSqlDatabase::database(connectionName, false));
    if (!state.error.isEmpty()) {
        // A login role that is neither admin nor viewer (nor the owner) may not even read the version.
        QSqlQuery q(QSqlDatabase::database(connectionName, false));
        if (q.exec(QStringLiteral("SELECT has_table_privilege('schema_version', 'SELECT'), session_user")) &&
            q.next() && !q.value(0).toBool())
            return Store::tr("The database user “%1” has no rights on the store “%2”. Its owner makes it an "
                             "admin or a viewer: mdm-console --db URI grant admin|viewer %1")
                .arg(q.value(1).toString(), loc_.uri);
        if (state.kind != PostgresSchemaState::Kind::Foreign)
            return Store::tr("Cannot open “%1”: %2").arg(loc_.uri, state.error);
    }
    if (state.kind == PostgresSchemaState::Kind::Foreign)
        return foreignText(loc_.uri);
    if (state.version > Store::kSchemaVersion)
        return newerText(loc_.uri, state.version);
    version_ = state.version;
    return {};
}

QString PostgresBackend::configure(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    // A writer waits for the store's write lock (and any row lock) this long, then is busy, as SQLite's
    // busy timeout. NOTICEs (an extension that exists already) are no news to anyone.
    for (const QString &statement : {QStringLiteral("SET lock_timeout = %1").arg(options().busyTimeoutMs),
                                     QStringLiteral("SET client_min_messages = warning")}) {
        if (!q.exec(statement))
            return Store::tr("Cannot open “%1”: %2")
                .arg(loc_.uri, describeSqlError(q.lastError(), options().busyTimeoutMs));
    }
    return {};
}

QString PostgresBackend::migrate(Store &store)
{
    if (version_ == Store::kSchemaVersion)
        return {};
    QString refusal; // a whole sentence, shown as it is
    QString error;
    // Store::transaction holds the write lock: a second process opening the same new database waits
    // here, then finds the schema the first one made.
    const bool ok = store.transaction(
        [&](QString *err) {
            const PostgresSchemaState state = readPostgresSchemaState(store.database());
            if (!state.error.isEmpty() && state.kind != PostgresSchemaState::Kind::Foreign) {
                *err = state.error;
                return false;
            }
            const int from = state.version;
            const std::vector<MigrationStep> steps = migrationSteps(Dialect::postgres());
            if (state.kind == PostgresSchemaState::Kind::Foreign)
                refusal = foreignText(loc_.uri);
            else if (from > Store::kSchemaVersion)
                refusal = newerText(loc_.uri, from);
            // A PostgreSQL store starts at the baseline's version: there is nothing below it to upgrade.
            else if (from != 0 && from < steps.front().toVersion)
                refusal =
                    Store::tr("Cannot open “%1”: its store version %2 is unknown.").arg(loc_.uri).arg(from);
            if (!refusal.isEmpty()) {
                *err = refusal;
                return false;
            }
            QSqlQuery q(store.database());
            int to = from;
            for (const MigrationStep &step : steps) {
                if (step.toVersion <= from)
                    continue;
                for (const QString &statement : step.statements) {
                    if (q.exec(statement))
                        continue;
                    QString said = describeSqlError(q.lastError(), options().busyTimeoutMs);
                    if (postgresFailure(q.lastError()) == PostgresFailure::NotAllowed)
                        said += QLatin1Char(' ') + Store::tr("The store's user must own its database (e.g. "
                                                             "“createdb -O USER DATABASE”).");
                    *err = from == 0 ? Store::tr("creating the store failed: %1").arg(said)
                                     : Store::tr("Upgrading the store to version %1 failed: %2")
                                           .arg(step.toVersion)
                                           .arg(said);
                    return false;
                }
                to = step.toVersion;
            }
            // The roles' rights, again after every migration: a new table is granted too.
            for (const QString &statement : schema::postgresRoles()) {
                if (!q.exec(statement)) {
                    *err = Store::tr("Setting the roles' rights on the store failed: %1")
                               .arg(describeSqlError(q.lastError(), options().busyTimeoutMs));
                    return false;
                }
            }
            if (to != from &&
                !q.exec(QStringLiteral("UPDATE schema_version SET version = %1 WHERE id = 1").arg(to))) {
                *err = sqlErrorText(q.lastError());
                return false;
            }
            return true;
        },
        &error);
    if (!ok)
        return !refusal.isEmpty() ? refusal : Store::tr("Cannot open “%1”: %2").arg(loc_.uri, error);
    version_ = Store::kSchemaVersion;
    return {};
}

bool PostgresBackend::begin(const QSqlDatabase &db, QSqlError *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN"))) {
        *error = q.lastError();
        // A connection the server or the network dropped (a server restart) is made again once.
        if (postgresFailure(*error) != PostgresFailure::ConnectionLost)
            return false;
        QSqlDatabase again = db;
        again.close();
        if (!again.open() || !configure(again).isEmpty())
            return false;
        q = QSqlQuery(again);
        if (!q.exec(QStringLiteral("BEGIN"))) {
            *error = q.lastError();
            return false;
        }
    }
    // The store's write lock, as SQLite's BEGIN IMMEDIATE: writers take turns, and a store another
    // writer holds is met here, after lock_timeout (55P03: busy).
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kPostgresWriteLock))) {
        *error = q.lastError();
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

void PostgresBackend::refreshStatistics(const QSqlDatabase &db)
{
    // Tables the user does not own are skipped with a warning, not an error.
    QSqlQuery(db).exec(QStringLiteral("ANALYZE"));
}

Store::Access PostgresBackend::access(const QSqlDatabase &db)
{
    // The rights themselves rather than role names: the owner, a superuser, a member of mdm_admin or a
    // role given the rights by hand may all change the records.
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT has_table_privilege('devices', 'UPDATE')")) && q.next() &&
        !q.value(0).toBool())
        return Store::Access::Viewer;
    return Store::Access::Admin;
}

QString PostgresBackend::databaseUser(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT session_user")) && q.next() ? q.value(0).toString() : QString();
}

std::unique_ptr<StoreBackend> PostgresBackend::another() const
{
    return std::make_unique<PostgresBackend>(loc_, options());
}

std::unique_ptr<StoreLease> PostgresBackend::lease(const QString &name) const
{
    return std::make_unique<PostgresLease>(another(), name);
}

Store::CheckResult PostgresBackend::check(const QString &uri)
{
    Store::CheckResult result;
    const PostgresLocation loc = parsePostgresLocation(uri);
    if (!loc.error.isEmpty()) {
        result.error = loc.error;
        return result;
    }
    const QString name = uniqueConnectionName("mdm-check");
    {
        if (QString error = connect(loc, name); !error.isEmpty()) {
            result.error = error;
        } else {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            checkSchema(db, uri, &result);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void PostgresBackend::checkSchema(const QSqlDatabase &db, const QString &uri, Store::CheckResult *out)
{
    Store::CheckResult &result = *out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SET default_transaction_read_only = on"));
    const PostgresSchemaState state = readPostgresSchemaState(db);
    if (state.kind == PostgresSchemaState::Kind::Empty && state.error.isEmpty()) {
        result.error = Store::tr("The database of “%1” is empty: there is no store to check.").arg(uri);
        return;
    }
    if (state.kind == PostgresSchemaState::Kind::Foreign) {
        result.error = foreignText(uri);
        return;
    }
    if (!state.error.isEmpty()) {
        result.error = Store::tr("Cannot check “%1”: %2").arg(uri, state.error);
        return;
    }
    // The server keeps its pages sound itself; what can go wrong here is a schema someone changed by
    // hand: a table or trigger missing, a journal trigger left disabled.
    if (state.version != Store::kSchemaVersion)
        result.findings
            << Store::tr("store version %1, expected %2").arg(state.version).arg(Store::kSchemaVersion);
    for (const QString &table : createdNames("TABLE")) {
        q.prepare(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"));
        q.addBindValue(table);
        if (q.exec() && q.next() && !q.value(0).toBool())
            result.findings << Store::tr("table %1 is missing").arg(table);
    }
    for (const QString &trigger : createdNames("TRIGGER")) {
        q.prepare(QStringLiteral("SELECT tgenabled FROM pg_trigger WHERE tgname = ? AND NOT tgisinternal"));
        q.addBindValue(trigger);
        if (!q.exec() || !q.next())
            result.findings << Store::tr("trigger %1 is missing").arg(trigger);
        else if (q.value(0).toString() == QLatin1String("D"))
            result.findings << Store::tr("trigger %1 is disabled").arg(trigger);
    }
    if (result.findings.isEmpty())
        result.findings << QStringLiteral("ok");
    result.ok = result.findings == QStringList{QStringLiteral("ok")};
}

} // namespace mdm
