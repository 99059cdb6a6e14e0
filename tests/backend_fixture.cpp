#include "backend_fixture.h"

#include "store/dialect.h"
#include "store/store.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <atomic>

namespace mdm::test {

namespace {

bool run(Store &store, const QString &sql, QString *error)
{
    QSqlQuery q(store.database());
    if (q.exec(sql))
        return true;
    *error = sql + QStringLiteral(": ") + q.lastError().text();
    return false;
}

QString databaseUri(const QString &name)
{
    QUrl url(testPgServerUri());
    url.setPath(QLatin1Char('/') + name);
    return url.toString(QUrl::FullyEncoded);
}

// Runs sql as the test server's superuser on its own connection; the test stops when it fails.
void runOnServer(const QString &sql)
{
    const TestPgConnection server(testPgServerUri());
    QSqlQuery q(server.database());
    const bool ok = q.exec(sql);
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
}

// The template databases of this process by seed name ("" for the merely migrated store).
QHash<QString, QString> templates;

void dropTemplates()
{
    const TestPgConnection server(testPgServerUri());
    for (const QString &name : std::as_const(templates))
        QSqlQuery(server.database())
            .exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    templates.clear();
}

std::atomic<int> nextDatabase{0};

QString newDatabaseName(const QString &kind)
{
    return QStringLiteral("mdm_test_%1_%2_%3_%4")
        .arg(kind)
        .arg(QCoreApplication::applicationPid())
        .arg(nextDatabase.fetch_add(1))
        .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

// The store every StoreLocation of this process with that seed copies: made at first use from the migrated
// template, then closed again (a template must have no connections while it is copied); dropped when the
// application object goes.
QString templateFor(const StoreSeed &seed)
{
    const auto found = templates.constFind(seed.name);
    if (found != templates.constEnd())
        return *found;
    const QString name = newDatabaseName(QStringLiteral("template"));
    runOnServer(seed.name.isEmpty()
                    ? QStringLiteral("CREATE DATABASE %1").arg(name)
                    : QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, templateFor(StoreSeed{})));
    if (templates.isEmpty())
        qAddPostRoutine(dropTemplates);
    templates.insert(seed.name, name);
    auto store = openStoreAt(databaseUri(name)); // migrates the first
    if (seed.fill)
        seed.fill(*store);
    return name;
}

} // namespace

StoreLocation::StoreLocation(const QString &backend, const StoreSeed &seed)
{
    if (backend != QLatin1String("postgresql")) {
        if (seed.fill)
            seed.fill(*openStoreAt(location()));
        return;
    }
    const QString source = templateFor(seed);
    const QString name = newDatabaseName(QStringLiteral("store"));
    runOnServer(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, source));
    database_ = name;
    uri_ = databaseUri(name);
}

StoreLocation::~StoreLocation()
{
    if (database_.isEmpty())
        return;
    // FORCE: a connection the test left open must not keep the database alive. No REQUIRE in a destructor.
    const TestPgConnection server(testPgServerUri());
    QSqlQuery drop(server.database());
    const bool ok = drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database_));
    INFO(drop.lastError().text().toStdString());
    CHECK(ok);
}

QString StoreLocation::location() const
{
    return isPostgres() ? uri_ : dir_.filePath(QStringLiteral("store.db"));
}

QString sqlFor(const Store &store, const QString &sqlite, const QString &postgres)
{
    return isPostgres(store) ? postgres : sqlite;
}

QByteArray storeContents(Store &store)
{
    QString error;
    if (!isPostgres(store)) {
        const bool ok = run(store, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), &error);
        INFO(error.toStdString());
        REQUIRE(ok);
        return fileBytes(store.path());
    }
    QSqlQuery tables(store.database());
    REQUIRE(tables.exec(
        QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")));
    QByteArray out;
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery rows(store.database());
        // A row as text (t::text) shows every column, NULLs and bytea included; sorted, as tables have no
        // order.
        const bool ok =
            rows.exec(QStringLiteral("SELECT t::text FROM %1 t ORDER BY t::text COLLATE \"C\"").arg(table));
        INFO(table.toStdString() << ": " << rows.lastError().text().toStdString());
        REQUIRE(ok);
        out += table.toUtf8() + '\n';
        while (rows.next())
            out += rows.value(0).toString().toUtf8() + '\n';
    }
    return out;
}

FailingTrigger::FailingTrigger(Store &store, const QString &timing, const QString &table, const QString &when,
                               const QString &message)
    : store_(store), table_(table)
{
    const Dialect &d = dialectOf(store.database());
    QString error;
    for (const QString &sql : d.trigger(QStringLiteral("test_boom"), timing, table, when, d.raise(message))) {
        const bool ok = run(store, sql, &error);
        INFO(error.toStdString());
        REQUIRE(ok);
    }
    active_ = true;
}

FailingTrigger::~FailingTrigger()
{
    if (active_) {
        QString ignored; // a test that stopped early: its store is thrown away anyway
        for (const QString &sql :
             dialectOf(store_.database()).dropTrigger(QStringLiteral("test_boom"), table_))
            run(store_, sql, &ignored);
    }
}

void FailingTrigger::remove()
{
    active_ = false;
    QString error;
    for (const QString &sql : dialectOf(store_.database()).dropTrigger(QStringLiteral("test_boom"), table_)) {
        const bool ok = run(store_, sql, &error);
        INFO(error.toStdString());
        REQUIRE(ok);
    }
}

} // namespace mdm::test
