#include "backend_fixture.h"

#include "store/dialect.h"
#include "store/store.h"
#include "test_support.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
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

std::atomic<int> nextFixtureDatabase{0};

QString newDatabaseName()
{
    return QStringLiteral("mdm_test_store_%1_%2_%3")
        .arg(QCoreApplication::applicationPid())
        .arg(nextFixtureDatabase.fetch_add(1))
        .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

// This build of the tests: its binary's size and time. A template made by another build may hold another
// schema or seed.
QString buildKey()
{
    const QFileInfo binary(QCoreApplication::applicationFilePath());
    const QByteArray key = QByteArray::number(binary.size()) + ' ' +
                           QByteArray::number(binary.lastModified().toMSecsSinceEpoch());
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(12));
}

// Whether the template is complete: marked a template once made. -1 when there is no such database.
int templateState(const QString &name)
{
    const TestPgConnection server(testPgServerUri());
    QSqlQuery q(server.database());
    q.prepare(QStringLiteral("SELECT datistemplate FROM pg_database WHERE datname = ?"));
    q.addBindValue(name);
    REQUIRE(q.exec());
    return q.next() ? (q.value(0).toBool() ? 1 : 0) : -1;
}

// The store every StoreLocation with that seed copies, made once per build of the tests on the test server
// and shared by its test processes (each test case runs in a process of its own under ctest): the migrated
// store, or a copy of it seeded. Closed once made (a template must have no connections while it is copied)
// and left on the server, which scripts/test throws away after the run. A process that finds another one
// making it waits for it.
QString templateFor(const StoreSeed &seed)
{
    static QHash<QString, QString> ready; // this process's, by seed name
    const auto found = ready.constFind(seed.name);
    if (found != ready.constEnd())
        return *found;
    const QString name = QStringLiteral("mdm_test_template_%1%2")
                             .arg(seed.name.isEmpty() ? QString() : seed.name + QLatin1Char('_'), buildKey());
    if (templateState(name) != 1) {
        const QString source = seed.name.isEmpty() ? QString() : templateFor(StoreSeed{});
        const TestPgConnection server(testPgServerUri());
        QSqlQuery create(server.database());
        const bool mine = create.exec(
            source.isEmpty() ? QStringLiteral("CREATE DATABASE %1").arg(name)
                             : QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, source));
        if (mine) {
            {
                auto store = openStoreAt(databaseUri(name)); // migrates the first
                if (seed.fill)
                    seed.fill(*store);
            }
            runOnServer(QStringLiteral("ALTER DATABASE %1 IS_TEMPLATE true").arg(name));
        } else {
            INFO("Creating " << name.toStdString() << ": " << create.lastError().text().toStdString());
            // Made by another process: "already exists", or at the same moment the catalog's unique key.
            const QString code = create.lastError().nativeErrorCode();
            REQUIRE((code == QLatin1String("42P04") || code == QLatin1String("23505")));
            const bool made = waitUntil([&] { return templateState(name) == 1; }, 60000);
            INFO(name.toStdString() << " was not completed (its maker stopped?): drop it");
            REQUIRE(made);
        }
    }
    ready.insert(seed.name, name);
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
    const QString name = newDatabaseName();
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
