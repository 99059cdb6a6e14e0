// The PostgreSQL store's watcher (models/feed/pg_store_watcher): woken by LISTEN/NOTIFY, never polling,
// complete and in order, robust against seqs that commit out of order and a server that restarts.

#include "domain/clock.h"
#include "feed/pg_store_watcher.h"
#include "feed/store_follower.h"
#include "pg_support.h"
#include "services/enrollment_service.h"
#include "store/change_journal.h"
#include "store/store.h"
#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>
#include <unistd.h>

using namespace mdm;
using mdm::test::havePgServer;
using mdm::test::TestPgConnection;
using mdm::test::TestPgDatabase;

namespace {

void run(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    INFO(sql.toStdString() << "\n" << q.lastError().text().toStdString());
    REQUIRE(q.exec(sql));
}

// The journal as the PostgreSQL store's schema has it (seq, kind, record_id, change, at; the horizon; a
// statement-level NOTIFY in the writer's transaction), but with seq from a sequence and no write lock, so
// that writers can commit their seqs out of order: what the watcher must survive whatever the writers do.
void createJournal(const QSqlDatabase &db)
{
    run(db, QStringLiteral("CREATE TABLE change_journal (seq BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL,"
                           " record_id BIGINT NOT NULL, change INTEGER NOT NULL, at BIGINT NOT NULL)"));
    run(db, QStringLiteral("CREATE TABLE change_journal_horizon (id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " seq BIGINT NOT NULL)"));
    run(db, QStringLiteral("INSERT INTO change_journal_horizon (id, seq) VALUES (1, 1)"));
    run(db, QStringLiteral("CREATE FUNCTION journal_notify() RETURNS trigger LANGUAGE plpgsql AS"
                           " $$BEGIN PERFORM pg_notify('mdm_changes', ''); RETURN NULL; END$$"));
    run(db, QStringLiteral("CREATE TRIGGER journal_notify AFTER INSERT ON change_journal"
                           " FOR EACH STATEMENT EXECUTE FUNCTION journal_notify()"));
}

QString insertSql(qint64 firstId, int count, const char *kind = "device")
{
    return QStringLiteral("INSERT INTO change_journal (kind, record_id, change, at)"
                          " SELECT '%1', g, 1, 1000 FROM generate_series(%2, %3) g")
        .arg(QLatin1String(kind))
        .arg(firstId)
        .arg(firstId + count - 1);
}

// Collects what a watcher reports.
struct Received
{
    explicit Received(StoreWatcher &watcher)
    {
        QObject::connect(&watcher, &StoreWatcher::changes, &watcher, [this](const QList<StoreChange> &list) {
            signalSizes << list.size();
            all << list;
        });
        QObject::connect(&watcher, &StoreWatcher::fellBehind, &watcher, [this] { ++fellBehind; });
        QObject::connect(&watcher, &StoreWatcher::failed, &watcher,
                         [this](const QString &message) { failed << message; });
    }

    // For a failed wait: what did arrive.
    std::string describe() const
    {
        QStringList seqs;
        for (const StoreChange &c : all)
            seqs << QString::number(c.seq);
        return QStringLiteral("seqs [%1], fellBehind %2, failed [%3]")
            .arg(seqs.join(QLatin1Char(',')))
            .arg(fellBehind)
            .arg(failed.join(QLatin1String(" | ")))
            .toStdString();
    }

    QList<qint64> ids() const
    {
        QList<qint64> out;
        for (const StoreChange &c : all)
            out << c.id;
        return out;
    }

    bool waitForCount(qsizetype n, int ms = 5000) const
    {
        return QTest::qWaitFor([&] { return all.size() >= n; }, ms);
    }

    QList<StoreChange> all;
    QList<int> signalSizes;
    int fellBehind = 0;
    QStringList failed;
};

// A test database with the hand-made journal and a watcher on it, started at seq 0 (the journal's start).
struct Fixture
{
    Fixture() : admin(db.uri())
    {
        createJournal(admin.database());
        watcher = std::make_unique<PgStoreWatcher>(db.uri());
        received = std::make_unique<Received>(*watcher);
        watcher->start(0);
        // Its LISTEN runs on its thread: wait until its connection is there.
        REQUIRE(QTest::qWaitFor([&] { return watcherBackends() == 1; }, 5000));
    }

    ~Fixture()
    {
        received.reset();
        watcher.reset();
    }

    int watcherBackends() const
    {
        QSqlQuery q(admin.database());
        q.exec(QStringLiteral(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mdm store watcher'"
            " AND datname = current_database()"));
        return q.next() ? q.value(0).toInt() : -1;
    }

    void exec(const QString &sql) const { run(admin.database(), sql); }

    TestPgDatabase db;
    TestPgConnection admin;
    std::unique_ptr<PgStoreWatcher> watcher;
    std::unique_ptr<Received> received;
};

} // namespace

TEST_CASE("PG watcher: a change committed by another connection arrives within a second", "[pgwatch]")
{
    if (!havePgServer())
        return;
    Fixture f;
    QElapsedTimer clock;
    clock.start();
    f.exec(QStringLiteral(
        "INSERT INTO change_journal (kind, record_id, change, at) VALUES ('invitation', 42, 0, 7)"));
    REQUIRE(f.received->waitForCount(1, 1000));
    CHECK(clock.elapsed() < 1000);
    REQUIRE(f.received->all.size() == 1);
    const StoreChange c = f.received->all.first();
    CHECK(c.seq == 1);
    CHECK(c.kind == RecordKind::Invitation);
    CHECK(c.id == 42);
    CHECK(c.type == StoreChange::Type::Inserted);
    CHECK(c.atMs == 7);
    CHECK(f.received->failed.isEmpty());
}

TEST_CASE("PG watcher: a burst of commits is answered by one read", "[pgwatch]")
{
    if (!havePgServer())
        return;
    Fixture f;
    // 50 transactions, committed by the server one after another within a millisecond or so: 50
    // notifications arrive together.
    QStringList burst;
    for (int i = 1; i <= 50; ++i)
        burst << QStringLiteral("BEGIN; ") + insertSql(i, 1) + QStringLiteral("; COMMIT;");
    f.exec(burst.join(QLatin1Char(' ')));
    REQUIRE(f.received->waitForCount(50, 2000));
    QTest::qWait(200);
    CHECK(f.received->all.size() == 50);
    // One changes() per read: a read for every notification would have made 50.
    CHECK(f.received->signalSizes.size() <= 3);
}

TEST_CASE("PG watcher: a rolled back change produces nothing", "[pgwatch]")
{
    if (!havePgServer())
        return;
    Fixture f;
    {
        TestPgConnection writer(f.db.uri());
        run(writer.database(), QStringLiteral("BEGIN"));
        run(writer.database(), insertSql(1, 3));
        run(writer.database(), QStringLiteral("ROLLBACK"));
    }
    QTest::qWait(300);
    CHECK(f.received->all.isEmpty());
    // Still following: the next commit arrives, alone.
    f.exec(insertSql(100, 1));
    REQUIRE(f.received->waitForCount(1, 1000));
    QTest::qWait(100);
    CHECK(f.received->ids() == QList<qint64>{100});
    CHECK(f.received->fellBehind == 0);
}

TEST_CASE("PG watcher: 10,000 rows of one transaction arrive complete and in order", "[pgwatch]")
{
    if (!havePgServer())
        return;
    Fixture f;
    f.exec(insertSql(1, 10000));
    REQUIRE(f.received->waitForCount(10000, 10000));
    QTest::qWait(100);
    REQUIRE(f.received->all.size() == 10000);
    for (int i = 0; i < 10000; ++i) {
        if (f.received->all[i].seq != i + 1 || f.received->all[i].id != i + 1)
            FAIL("entry " << i << " is seq " << f.received->all[i].seq << " id " << f.received->all[i].id);
    }
    for (int size : f.received->signalSizes)
        CHECK(size <= PgStoreWatcher::kBatch);
    // A burst larger than one signal comes in pieces, still in order.
    f.exec(insertSql(10001, 15000));
    REQUIRE(f.received->waitForCount(25000, 10000));
    CHECK(f.received->signalSizes.size() >= 3);
    for (int size : f.received->signalSizes)
        CHECK(size <= PgStoreWatcher::kBatch);
    bool ordered = true;
    for (int i = 1; i < f.received->all.size(); ++i)
        ordered = ordered && f.received->all[i].seq == f.received->all[i - 1].seq + 1;
    CHECK(ordered);
}

TEST_CASE("PG watcher: a seq that commits after a larger one is still reported", "[pgwatch]")
{
    if (!havePgServer())
        return;
    Fixture f;
    TestPgConnection slow(f.db.uri());
    run(slow.database(), QStringLiteral("BEGIN"));
    run(slow.database(), insertSql(1, 2)); // seqs 1 and 2, not committed yet
    f.exec(insertSql(3, 1));               // seq 3, committed
    REQUIRE(f.received->waitForCount(1, 1000));
    CHECK(f.received->ids() == QList<qint64>{3});

    SECTION("committed at once")
    {
        run(slow.database(), QStringLiteral("COMMIT"));
        REQUIRE(f.received->waitForCount(3, 1000));
        CHECK(f.received->ids() == (QList<qint64>{3, 1, 2}));
    }
    SECTION("committed after the watcher has waited past its grace time and read again")
    {
        QTest::qWait(PgStoreWatcher::kGapGraceMs + 300);
        f.exec(insertSql(4, 1));
        REQUIRE(f.received->waitForCount(2, 1000));
        QTest::qWait(PgStoreWatcher::kGapGraceMs + 300);
        f.exec(insertSql(5, 1));
        REQUIRE(f.received->waitForCount(3, 1000));
        run(slow.database(), QStringLiteral("COMMIT"));
        REQUIRE(f.received->waitForCount(5, 1000));
        CHECK(f.received->ids() == (QList<qint64>{3, 4, 5, 1, 2}));
    }
    SECTION("rolled back: nothing more, and the watcher goes on")
    {
        run(slow.database(), QStringLiteral("ROLLBACK"));
        QTest::qWait(PgStoreWatcher::kGapGraceMs + 300);
        f.exec(insertSql(4, 1));
        f.exec(insertSql(5, 1));
        REQUIRE(f.received->waitForCount(3, 1000));
        QTest::qWait(200);
        CHECK(f.received->ids() == (QList<qint64>{3, 4, 5}));
    }
    CHECK(f.received->fellBehind == 0);
}

TEST_CASE("PG watcher: pruned entries or a bulk mark make it fall behind", "[pgwatch]")
{
    if (!havePgServer())
        return;
    Fixture f;
    f.exec(insertSql(1, 5));
    REQUIRE(f.received->waitForCount(5, 1000));

    SECTION("pruned past what it saw")
    {
        // Another writer's entries 6..20 were pruned before the watcher read them (as the store's prune
        // trigger does: delete, and move the horizon in the same transaction).
        f.exec(QStringLiteral("BEGIN; ") + insertSql(6, 20) +
               QStringLiteral("; DELETE FROM change_journal WHERE seq <= 20;"
                              " UPDATE change_journal_horizon SET seq = 21; COMMIT"));
        REQUIRE(QTest::qWaitFor([&] { return f.received->fellBehind == 1; }, 1000));
        CHECK(f.received->all.size() == 5);
    }
    SECTION("a bulk mark")
    {
        f.exec(
            QStringLiteral("INSERT INTO change_journal (kind, record_id, change, at) VALUES ('*', 0, 1, 0)"));
        REQUIRE(QTest::qWaitFor([&] { return f.received->fellBehind == 1; }, 1000));
        CHECK(f.received->all.size() == 5);
    }
    // It goes on after the newest entry.
    f.exec(insertSql(500, 1));
    REQUIRE(f.received->waitForCount(6, 1000));
    CHECK(f.received->all.last().id == 500);
    CHECK(f.received->fellBehind == 1);
}

TEST_CASE("PG watcher: a quiet store costs no statement", "[pgwatch]")
{
    if (!havePgServer())
        return;
    Fixture f;
    f.exec(insertSql(1, 1));
    REQUIRE(f.received->waitForCount(1, 1000));
    QTest::qWait(200);
    const QString activity =
        QStringLiteral("SELECT state, state_change, query_start FROM pg_stat_activity"
                       " WHERE application_name = 'mdm store watcher' AND datname = current_database()");
    QSqlQuery q(f.admin.database());
    REQUIRE(q.exec(activity));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("idle"));
    const QVariant stateChange = q.value(1);
    const QVariant queryStart = q.value(2);
    q.finish();
    QTest::qWait(2000);
    REQUIRE(q.exec(activity));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("idle"));
    CHECK(q.value(1) == stateChange);
    CHECK(q.value(2) == queryStart);
}

namespace {

// A PostgreSQL server of the test's own (scripts/pg-test-server), which it may stop and start again.
class OwnPgServer
{
public:
    OwnPgServer()
    {
        const QString script = QStringLiteral(MDM_PG_TEST_SERVER_SCRIPT);
        if (!QFileInfo(script).isExecutable() ||
            !QFileInfo(QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl")).exists()) {
            whyNot_ = QStringLiteral("no scripts/pg-test-server or no PostgreSQL 15");
            return;
        }
        // Under /tmp, which the postgres user can pass into.
        dir_ = QDir::tempPath() + QStringLiteral("/mdm-pgwatch-%1").arg(QCoreApplication::applicationPid());
        QProcess p;
        p.start(script, {QStringLiteral("start"), dir_});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            whyNot_ = QString::fromUtf8(p.readAllStandardError());
            return;
        }
        uri_ = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    ~OwnPgServer()
    {
        if (dir_.isEmpty())
            return;
        QProcess::execute(QStringLiteral(MDM_PG_TEST_SERVER_SCRIPT), {QStringLiteral("stop"), dir_});
        QDir(dir_).removeRecursively();
    }

    bool ok() const { return !uri_.isEmpty(); }
    QString whyNot() const { return whyNot_; }
    QString uri() const { return uri_; }

    bool stop() { return pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("stop")}); }
    bool start()
    {
        QFile portFile(dir_ + QStringLiteral("/port"));
        if (!portFile.open(QIODevice::ReadOnly))
            return false;
        const QString port = QString::fromLatin1(portFile.readAll()).trimmed();
        return pgCtl({QStringLiteral("-l"), dir_ + QStringLiteral("/log"), QStringLiteral("-o"),
                      QStringLiteral("-p ") + port, QStringLiteral("start")});
    }

private:
    bool pgCtl(QStringList args)
    {
        args.prepend(dir_ + QStringLiteral("/data"));
        args.prepend(QStringLiteral("-D"));
        args << QStringLiteral("-w");
        const QString pgCtl = QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl");
        QProcess p;
        if (geteuid() == 0)
            p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                           QStringLiteral("--"), pgCtl} +
                                                   args);
        else
            p.start(pgCtl, args);
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString dir_;
    QString uri_;
    QString whyNot_;
};

} // namespace

TEST_CASE("PG watcher: after a server restart it reconnects and reports what was committed meanwhile",
          "[pgwatch]")
{
    OwnPgServer server;
    if (!server.ok()) {
        WARN("[pgwatch] restart case skipped: cannot start a PostgreSQL server of its own: "
             << server.whyNot().toStdString());
        return;
    }
    {
        TestPgConnection admin(server.uri());
        createJournal(admin.database());
        run(admin.database(), insertSql(1, 2));
    }
    PgStoreWatcher watcher(server.uri());
    Received received(watcher);
    watcher.start(0);
    REQUIRE(received.waitForCount(2, 5000));

    REQUIRE(server.stop());
    // The watcher tries again after 250 ms, 500 ms, 1 s, 2 s…: a server back after a second finds it
    // waiting, and commits before it is connected again.
    QTest::qWait(1000);
    REQUIRE(server.start());
    {
        TestPgConnection writer(server.uri());
        run(writer.database(), insertSql(3, 3));
    }
    const bool caughtUp = received.waitForCount(5, 10000);
    INFO(received.describe());
    REQUIRE(caughtUp);
    CHECK(received.ids() == (QList<qint64>{1, 2, 3, 4, 5}));
    // Listening again: a new commit arrives at once.
    {
        TestPgConnection writer(server.uri());
        run(writer.database(), insertSql(6, 1));
    }
    REQUIRE(received.waitForCount(6, 1000));
    CHECK(received.failed.isEmpty());
    CHECK(received.fellBehind == 0);
    CHECK(watcher.isRunning());
}

TEST_CASE("PG watcher: a server that stays away makes it fail after the give-up time", "[.][pgwatch-giveup]")
{
    OwnPgServer server;
    if (!server.ok()) {
        WARN("[pgwatch] give-up case skipped: " << server.whyNot().toStdString());
        return;
    }
    {
        TestPgConnection admin(server.uri());
        createJournal(admin.database());
    }
    PgStoreWatcher watcher(server.uri());
    Received received(watcher);
    watcher.start(0);
    QTest::qWait(500);
    REQUIRE(server.stop());
    QElapsedTimer clock;
    clock.start();
    REQUIRE(QTest::qWaitFor([&] { return !received.failed.isEmpty(); }, PgStoreWatcher::kGiveUpMs + 10000));
    CHECK(clock.elapsed() >= PgStoreWatcher::kGiveUpMs - 1000);
    CHECK_FALSE(watcher.isRunning());
}

namespace {

std::unique_ptr<Store> openPgStore(const QString &uri)
{
    auto opened = Store::open(uri);
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    return std::move(opened.store);
}

InviteRequest invitation(const char *name, const char *email)
{
    InviteRequest request;
    request.name = QString::fromUtf8(name);
    request.email = QString::fromUtf8(email);
    request.platform = Platform::macOS;
    request.group = QStringLiteral("Design");
    return request;
}

} // namespace

TEST_CASE("PG watcher on the real store: a service's invite and another process's reach the follower",
          "[pgwatch]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    auto store = openPgStore(db.uri());
    // The store picks the LISTEN/NOTIFY watcher for itself.
    {
        auto watcher = StoreWatcher::create(*store);
        CHECK(dynamic_cast<PgStoreWatcher *>(watcher.get()) != nullptr);
    }
    QList<qint64> invitationsSeen;
    QObject::connect(store.get(), &Store::changed, store.get(),
                     [&](RecordKind kind, const QList<qint64> &ids) {
                         if (kind == RecordKind::Invitation)
                             invitationsSeen << ids;
                     });
    StoreFollower follower(*store);
    QStringList failures;
    QObject::connect(&follower, &StoreFollower::failed, &follower,
                     [&](const QString &message) { failures << message; });
    follower.start();

    // Another connection of this process, through the real service.
    auto writer = openPgStore(db.uri());
    Clock clock;
    EnrollmentService service(*writer, clock);
    const BulkResult result = service.invite({invitation("Nia Long", "nia.long@contoso.example")});
    REQUIRE(result.ok);
    const qint64 first = result.createdIds.value(0);
    QElapsedTimer sinceCommit;
    sinceCommit.start();
    REQUIRE(mdm::test::waitUntil([&] { return invitationsSeen.contains(first); }, 1000));
    INFO("seen after " << sinceCommit.elapsed() << " ms");
    CHECK(sinceCommit.elapsed() < 1000);

    // Another process: the command line on the same database.
    const auto invited = mdm::test::runConsole(
        {QStringLiteral("--db"), db.uri(), QStringLiteral("invite"), QStringLiteral("--name"),
         QStringLiteral("Ada Byron"), QStringLiteral("--email"), QStringLiteral("ada.byron@contoso.example"),
         QStringLiteral("--platform"), QStringLiteral("macos")});
    INFO(invited.err.toStdString());
    REQUIRE(invited.exitCode == 0);
    QSqlQuery q(store->database());
    REQUIRE(q.exec(QStringLiteral("SELECT max(id) FROM invitations")));
    REQUIRE(q.next());
    const qint64 second = q.value(0).toLongLong();
    CHECK(second != first);
    REQUIRE(mdm::test::waitUntil([&] { return invitationsSeen.contains(second); }, 2000));
    CHECK(failures.isEmpty());
    follower.stop();
}
