// The PostgreSQL test support itself: databases of their own per test, gone afterwards, and LISTEN/NOTIFY
// between two connections (the mechanism a live feed on PostgreSQL rests on).
#include "pg_support.h"
#include "test_support.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>
#include <catch2/catch.hpp>

using namespace mdm::test;

namespace {

// Catch2 v2 has no SKIP: without a server the cases say so and pass.
bool pgServerRuns()
{
    if (!testPgServerUri().isEmpty())
        return true;
    WARN("PostgreSQL test skipped: MDM_TEST_PG_URI is not set (scripts/test sets it; by hand: "
         "scripts/pg-test-server start DIR)");
    return false;
}

qint64 pgScalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

qint64 databasesNamed(const QString &name)
{
    TestPgConnection server(testPgServerUri());
    QSqlQuery q(server.database());
    REQUIRE(q.prepare(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?")));
    q.addBindValue(name);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

struct Notification
{
    QString channel;
    QSqlDriver::NotificationSource source = QSqlDriver::UnknownSource;
    QString payload;
};

} // namespace

TEST_CASE("TestPgDatabase is an empty database of its own that is dropped afterwards", "[pgci]")
{
    if (!pgServerRuns())
        return;
    QString name;
    {
        TestPgDatabase db;
        name = db.name();
        CHECK(name.startsWith(QStringLiteral("mdm_test_")));
        CHECK(db.uri().endsWith(QLatin1Char('/') + name));
        CHECK(databasesNamed(name) == 1);

        // Left open on purpose when the database goes: WITH (FORCE) must cut it.
        TestPgConnection connection(db.uri());
        const QSqlDatabase sql = connection.database();
        CHECK(pgScalar(sql, QStringLiteral("SELECT current_database() = '%1'").arg(name)) == 1);
        CHECK(pgScalar(sql, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) ==
              0);
        {
            QSqlQuery q(sql);
            REQUIRE(
                q.exec(QStringLiteral("CREATE TABLE device (id bigint PRIMARY KEY, name text NOT NULL)")));
            REQUIRE(q.prepare(QStringLiteral("INSERT INTO device (id, name) VALUES (?, ?)")));
            q.addBindValue(1);
            q.addBindValue(QStringLiteral("Zoë's iPhone"));
            REQUIRE(q.exec());
            REQUIRE(q.exec(QStringLiteral("SELECT name FROM device WHERE id = 1")));
            REQUIRE(q.next());
            CHECK(q.value(0).toString() == QStringLiteral("Zoë's iPhone"));
        }

        // exec() runs as superuser on this database, several statements at once.
        db.exec(QStringLiteral("CREATE ROLE %1_reader NOLOGIN; GRANT SELECT ON device TO %1_reader; "
                               "INSERT INTO device VALUES (2, 'two')")
                    .arg(name));
        CHECK(pgScalar(sql, QStringLiteral("SELECT count(*) FROM device")) == 2);
        CHECK(
            pgScalar(sql,
                     QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1_reader'").arg(name)) ==
            1);
        db.exec(QStringLiteral("DROP OWNED BY %1_reader; DROP ROLE %1_reader").arg(name));
    }
    CHECK(databasesNamed(name) == 0);
}

TEST_CASE("Two TestPgDatabase instances are two databases", "[pgci]")
{
    if (!pgServerRuns())
        return;
    TestPgDatabase a;
    TestPgDatabase b;
    CHECK(a.name() != b.name());
    CHECK(a.uri() != b.uri());
    a.exec(QStringLiteral("CREATE TABLE only_in_a (x int)"));
    TestPgConnection inB(b.uri());
    CHECK(pgScalar(inB.database(),
                   QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")) == 0);
    TestPgConnection inA(a.uri());
    CHECK(pgScalar(inA.database(),
                   QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")) == 1);
}

TEST_CASE("TestPgConnection decodes the user name and options of a URI", "[pgci]")
{
    if (!pgServerRuns())
        return;
    TestPgDatabase db;
    const QString role = db.name() + QStringLiteral(" ä/@");
    db.exec(QStringLiteral("CREATE ROLE \"%1\" LOGIN").arg(role));
    QUrl url(db.uri());
    url.setUserName(role);
    url.setQuery(QStringLiteral("application_name=pgci%20test"));
    {
        TestPgConnection connection(url.toString(QUrl::FullyEncoded));
        CHECK(pgScalar(connection.database(),
                       QStringLiteral("SELECT current_user = '%1' AND current_database() = '%2' AND "
                                      "current_setting('application_name') = 'pgci test'")
                           .arg(role, db.name())) == 1);
    }
    db.exec(QStringLiteral("DROP ROLE \"%1\"").arg(role));
}

TEST_CASE("NOTIFY on one connection reaches LISTEN on another after commit", "[pgci]")
{
    if (!pgServerRuns())
        return;
    TestPgDatabase db;
    TestPgConnection listener(db.uri());
    TestPgConnection writer(db.uri());

    QList<Notification> received;
    QSqlDriver *driver = listener.database().driver();
    QObject::connect(
        driver, &QSqlDriver::notification,
        [&](const QString &channel, QSqlDriver::NotificationSource source, const QVariant &payload) {
            received.append({channel, source, payload.toString()});
        });
    REQUIRE(driver->subscribeToNotification(QStringLiteral("mdm_changes")));
    CHECK(driver->subscribedToNotifications() == QStringList{QStringLiteral("mdm_changes")});

    // Inside a transaction the notification waits for the commit, like the change it announces.
    QSqlDatabase w = writer.database();
    REQUIRE(w.transaction());
    QSqlQuery q(w);
    REQUIRE(q.exec(QStringLiteral("SELECT pg_notify('mdm_changes', 'device 42')")));
    CHECK_FALSE(waitUntil([&] { return !received.isEmpty(); }, 300));
    REQUIRE(w.commit());
    REQUIRE(waitUntil([&] { return !received.isEmpty(); }, 5000));
    REQUIRE(received.size() == 1);
    CHECK(received[0].channel == QStringLiteral("mdm_changes"));
    CHECK(received[0].source == QSqlDriver::OtherSource);
    CHECK(received[0].payload == QStringLiteral("device 42"));

    // Other channels are not delivered.
    REQUIRE(q.exec(QStringLiteral("NOTIFY other_channel, 'x'")));
    REQUIRE(q.exec(QStringLiteral("NOTIFY mdm_changes, 'device 43'")));
    REQUIRE(waitUntil([&] { return received.size() >= 2; }, 5000));
    waitUntil([] { return false; }, 100);
    REQUIRE(received.size() == 2);
    CHECK(received[1].payload == QStringLiteral("device 43"));
    CHECK(driver->unsubscribeFromNotification(QStringLiteral("mdm_changes")));
}

TEST_CASE("storeBackends names PostgreSQL only when a test server runs", "[pgci]")
{
    const QStringList backends = storeBackends();
    REQUIRE_FALSE(backends.isEmpty());
    CHECK(backends.first() == QStringLiteral("sqlite"));
    CHECK(backends.contains(QStringLiteral("postgresql")) == !testPgServerUri().isEmpty());
}
