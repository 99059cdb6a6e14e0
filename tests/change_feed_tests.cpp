// The change feed: the journal the triggers write in the writer's transaction, its pruning and bulk mark,
// and the watcher that follows it from another thread, with changes made by a second process. Each case
// runs on SQLite and, with MDM_TEST_PG_URI set, on PostgreSQL (its watcher woken by NOTIFY); the cases
// about SQLite's own files and versions run on SQLite only.
#include "backend_store.h"
#include "csv/staged_import.h"
#include "domain/clock.h"
#include "feed/sqlite_store_watcher.h"
#include "feed/store_watcher.h"
#include "services/enrollment_service.h"
#include "store/change_journal.h"
#include "store/demo_data.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"
#include "store/store.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::blobLiteral;
using mdm::test::runConsole;
using mdm::test::scalar;
using mdm::test::storeBackends;
using mdm::test::TempDir;
using mdm::test::triggerCount;
using mdm::test::waitUntil;

namespace {

struct Entry
{
    std::string kind;
    qint64 id = 0;
    int change = -1;

    bool operator==(const Entry &) const = default;
};

std::ostream &operator<<(std::ostream &os, const Entry &e)
{
    return os << e.kind << '#' << e.id << '/' << e.change;
}

// The journal entries after seq, oldest first.
std::vector<Entry> entriesAfter(const Store &store, qint64 seq)
{
    QSqlQuery q(store.database());
    q.prepare(
        QStringLiteral("SELECT kind, record_id, change FROM change_journal WHERE seq > ? ORDER BY seq"));
    q.addBindValue(seq);
    REQUIRE(q.exec());
    std::vector<Entry> out;
    while (q.next())
        out.push_back({q.value(0).toString().toStdString(), q.value(1).toLongLong(), q.value(2).toInt()});
    return out;
}

void exec(const Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
}

std::unique_ptr<Store> openStore(const QString &path)
{
    auto opened = Store::open(path);
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    return std::move(opened.store);
}

// How many transactions committed what work wrote. SQLite: its commit hook counts them. PostgreSQL: the
// distinct transactions (xmin) of the journal entries work wrote; every write of a service is journalled.
int commitsDuring(const Store &store, const std::function<void()> &work)
{
    int commits = 0;
    if (mdm::test::isPostgres(store)) {
        const qint64 seq = ChangeJournal::lastSeq(store.database());
        work();
        return static_cast<int>(scalar(
            store,
            QStringLiteral("SELECT count(DISTINCT xmin::text) FROM change_journal WHERE seq > %1").arg(seq)));
    }
    sqlite3 *db = nativeHandle(store.database());
    sqlite3_commit_hook(
        db,
        [](void *counter) {
            ++*static_cast<int *>(counter);
            return 0;
        },
        &commits);
    work();
    sqlite3_commit_hook(db, nullptr, nullptr);
    return commits;
}

// Everything a watcher reported, on this thread.
struct Recorder
{
    explicit Recorder(StoreWatcher &watcher)
    {
        QObject::connect(&watcher, &StoreWatcher::changes, &watcher,
                         [this](const QList<StoreChange> &list) { changes += list; });
        QObject::connect(&watcher, &StoreWatcher::fellBehind, &watcher, [this] { ++fellBehind; });
        QObject::connect(&watcher, &StoreWatcher::failed, &watcher,
                         [this](const QString &message) { failures << message; });
    }

    qsizetype count(RecordKind kind, StoreChange::Type type) const
    {
        return std::count_if(changes.cbegin(), changes.cend(),
                             [&](const StoreChange &c) { return c.kind == kind && c.type == type; });
    }

    QList<StoreChange> changes;
    int fellBehind = 0;
    QStringList failures;
};

} // namespace

TEST_CASE("Triggers journal each displayed change once, in the writer's transaction", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            CHECK(ChangeJournal::lastSeq(store->database()) == 0);

            exec(*store, QStringLiteral("INSERT INTO groups (id, name) VALUES (1, 'Sales')"));
            exec(*store,
                 QStringLiteral("INSERT INTO users (id, name, email) VALUES (1, 'Ana', 'ana@x.example')"));
            exec(*store,
                 QStringLiteral(
                     "INSERT INTO devices (id, name, platform, serial, user_id, group_id, state)"
                     " VALUES (1, 'Ana''s phone', 0, 'S1', 1, 1, 1), (2, 'Spare', 0, 'S2', NULL, 1, 0)"));
            exec(*store,
                 QStringLiteral(
                     "INSERT INTO invitations (id, user_id, email, platform, token_hash, requested_at,"
                     " sent_at, expires_at) VALUES (1, 1, 'ana@x.example', 1, %1, 0, 0, 1)")
                     .arg(blobLiteral(*store, QByteArray(1, '\x01'))));
            exec(*store, QStringLiteral(
                             "INSERT INTO outbox (id, invitation_id, recipient, link_token, next_attempt_at,"
                             " created_at) VALUES (1, 1, 'ana@x.example', 't', 0, 0)"));
            // A new user shows nowhere until a record refers to them: no entry of its own.
            CHECK(entriesAfter(*store, 0) == std::vector<Entry>{{"group", 1, 0},
                                                                {"device", 1, 0},
                                                                {"device", 2, 0},
                                                                {"invitation", 1, 0},
                                                                {"outbox", 1, 0}});
            qint64 seq = ChangeJournal::lastSeq(store->database());
            CHECK(seq == 5);

            SECTION("an update journals the records whose displayed columns changed, and only those")
            {
                exec(*store, QStringLiteral("UPDATE devices SET state = 3")); // 1 -> 3 and 0 -> 3
                exec(*store, QStringLiteral("UPDATE devices SET state = 3 WHERE id = 1")); // no change
                exec(*store, QStringLiteral("UPDATE invitations SET token_hash = %1")      // not displayed
                                 .arg(blobLiteral(*store, QByteArray(1, '\x02'))));
                exec(*store, QStringLiteral("UPDATE invitations SET remarks = 'bounced'"));
                exec(*store,
                     QStringLiteral("UPDATE outbox SET attempts = 2, next_attempt_at = 9")); // not displayed
                exec(*store, QStringLiteral("UPDATE outbox SET state = 2"));
                exec(*store,
                     QStringLiteral("UPDATE devices SET last_seen_at = NULL WHERE id = 1")); // NULL to NULL
                CHECK(entriesAfter(*store, seq) ==
                      std::vector<Entry>{
                          {"device", 1, 1}, {"device", 2, 1}, {"invitation", 1, 1}, {"outbox", 1, 1}});
            }
            SECTION("a renamed user journals their devices and invitations; a renamed group itself")
            {
                exec(*store, QStringLiteral("UPDATE users SET name = 'Ana Silva' WHERE id = 1"));
                exec(*store, QStringLiteral("UPDATE groups SET name = 'Field Sales' WHERE id = 1"));
                CHECK(entriesAfter(*store, seq) ==
                      std::vector<Entry>{{"device", 1, 1}, {"invitation", 1, 1}, {"group", 1, 1}});
            }
            SECTION("a delete and an audit entry are journalled")
            {
                exec(*store, QStringLiteral("DELETE FROM devices WHERE id = 2"));
                exec(*store, QStringLiteral(
                                 "INSERT INTO audit_log (id, at, actor, action) VALUES (7, 0, 'me', 'x')"));
                CHECK(entriesAfter(*store, seq) == std::vector<Entry>{{"device", 2, 2}, {"audit", 7, 0}});
            }
            SECTION("a rolled-back transaction leaves no entry")
            {
                QString error;
                CHECK_FALSE(store->transaction(
                    [&](QString *err) {
                        QSqlQuery q(store->database());
                        CHECK(q.exec(QStringLiteral("UPDATE devices SET name = 'Renamed'")));
                        CHECK(q.exec(QStringLiteral("DELETE FROM devices WHERE id = 2")));
                        CHECK(entriesAfter(*store, seq).size() == 3); // visible inside, ...
                        *err = QStringLiteral("changed my mind");
                        return false;
                    },
                    &error));
                CHECK(entriesAfter(*store, seq).empty()); // ... gone with the rest
                CHECK(ChangeJournal::lastSeq(store->database()) == seq);
            }
        }
    }
}

TEST_CASE("A service's change is journalled in its own transaction", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            Clock clock;
            EnrollmentService service(*store, clock);
            InviteRequest request;
            request.name = QStringLiteral("Nia Long");
            request.email = QStringLiteral("nia.long@contoso.example");
            request.platform = Platform::macOS;
            request.group = QStringLiteral("Design");
            const BulkResult result = service.invite({request});
            REQUIRE(result.ok);
            const qint64 id = result.createdIds.value(0);
            CHECK(entriesAfter(*store, 0) ==
                  std::vector<Entry>{
                      {"group", 1, 0}, {"invitation", id, 0}, {"outbox", 1, 0}, {"audit", 1, 0}});
        }
    }
}

TEST_CASE("A change by another process reaches a watcher within two seconds", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            const QString path = store.location();
            const qint64 seq = ChangeJournal::lastSeq(store->database());
            auto watcher = StoreWatcher::create(*store);
            Recorder seen(*watcher);
            watcher->start(seq);
            CHECK(watcher->isRunning());

            const auto invited =
                runConsole({QStringLiteral("--db"), path, QStringLiteral("invite"), QStringLiteral("--name"),
                            QStringLiteral("Nia Long"), QStringLiteral("--email"),
                            QStringLiteral("nia.long@contoso.example"), QStringLiteral("--platform"),
                            QStringLiteral("macos")});
            REQUIRE(invited.exitCode == 0);
            QElapsedTimer sinceCommit;
            sinceCommit.start();
            const qint64 invitation = scalar(*store, QStringLiteral("SELECT max(id) FROM invitations"));
            REQUIRE(waitUntil(
                [&] { return seen.count(RecordKind::Invitation, StoreChange::Type::Inserted) == 1; }, 2000));
            INFO("seen after " << sinceCommit.elapsed() << " ms");
            const auto it =
                std::find_if(seen.changes.cbegin(), seen.changes.cend(),
                             [](const StoreChange &c) { return c.kind == RecordKind::Invitation; });
            CHECK(it->id == invitation);
            CHECK(seen.count(RecordKind::Outbox, StoreChange::Type::Inserted) == 1);
            CHECK(seen.count(RecordKind::Audit, StoreChange::Type::Inserted) == 1);
            CHECK(seen.fellBehind == 0);
            CHECK(seen.failures.isEmpty());
            for (qsizetype i = 1; i < seen.changes.size(); ++i)
                CHECK(seen.changes[i].seq > seen.changes[i - 1].seq);

            // Its own process's commits are seen the same way, and nothing arrives after stop().
            exec(*store, QStringLiteral("UPDATE invitations SET remarks = 'called'"));
            REQUIRE(waitUntil(
                [&] { return seen.count(RecordKind::Invitation, StoreChange::Type::Updated) == 1; }, 2000));
            watcher->stop();
            CHECK_FALSE(watcher->isRunning());
            const qsizetype before = seen.changes.size();
            exec(*store, QStringLiteral("UPDATE invitations SET remarks = 'again'"));
            waitUntil([] { return false; }, 3 * StoreWatcher::kPollIntervalMs);
            CHECK(seen.changes.size() == before);

            // Started from "now" (a negative seq), it reports only what follows.
            watcher->start(-1);
            waitUntil([] { return false; }, 2 * StoreWatcher::kPollIntervalMs);
            exec(*store, QStringLiteral("UPDATE invitations SET remarks = 'third'"));
            REQUIRE(waitUntil([&] { return seen.changes.size() == before + 1; }, 2000));
            CHECK(seen.changes.last().seq == ChangeJournal::lastSeq(store->database()));
        }
    }
}

TEST_CASE("The journal is pruned to its newest entries and a reader behind the horizon is told", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            exec(*store,
                 QStringLiteral(
                     "INSERT INTO devices (name, platform, serial, state) VALUES ('first', 0, 'F', 1)"));

            auto watcher = StoreWatcher::create(*store);
            Recorder seen(*watcher);
            watcher->start(0);
            REQUIRE(waitUntil([&] { return seen.changes.size() == 1; }, 2000));
            watcher->stop(); // a console that stopped reading for a while

            // 110,000 entries, as the triggers of 110,000 new devices write them: pruning keeps the newest
            // 100,000 and moves the horizon. Written straight into the journal: the triggers are tested
            // above, and on PostgreSQL each trigger-journalled row costs some 0.15 ms (16 s here).
            exec(*store,
                 QStringLiteral(
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 110000)"
                     " INSERT INTO change_journal (kind, record_id, change, at)"
                     " SELECT 'device', i + 1, 0, 0 FROM n"));
            const qint64 newest = ChangeJournal::lastSeq(store->database());
            CHECK(newest == 110001);
            const qint64 horizon = scalar(*store, QStringLiteral("SELECT seq FROM change_journal_horizon"));
            CHECK(horizon == 109568 - 99999); // pruned last at entry 109568 (107 × 1024), keeping 100,000
            CHECK(scalar(*store, QStringLiteral("SELECT min(seq) FROM change_journal")) == horizon);
            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM change_journal")) ==
                  newest - horizon + 1);

            // The reader at seq 1 missed pruned entries: it must rebuild, then follows from the newest.
            watcher->start(1);
            REQUIRE(waitUntil([&] { return seen.fellBehind == 1; }, 2000));
            CHECK(seen.changes.size() == 1);
            exec(*store, QStringLiteral("UPDATE devices SET state = 2 WHERE id = 1"));
            REQUIRE(waitUntil([&] { return seen.changes.size() == 2; }, 2000));
            CHECK(seen.changes.last() == StoreChange{newest + 1, RecordKind::Device, 1,
                                                     StoreChange::Type::Updated, seen.changes.last().atMs});
            CHECK(seen.fellBehind == 1);

            // A reader just below the horizon has missed nothing.
            auto edge = StoreWatcher::create(*store);
            Recorder edgeSeen(*edge);
            edge->start(horizon - 1);
            REQUIRE(waitUntil([&] { return !edgeSeen.changes.isEmpty(); }, 2000));
            CHECK(edgeSeen.fellBehind == 0);
            REQUIRE(waitUntil([&] { return edgeSeen.changes.size() == newest + 1 - horizon + 1; }, 5000));
            CHECK(edgeSeen.changes.first().seq == horizon);
        }
    }
}

TEST_CASE("A 10,000-invitation resend is one transaction and its journal reaches a watcher", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            // PostgreSQL: 1,000. The resend runs record by record there, some 1.4 ms each (14 s for
            // 10,000 here): what this case checks does not need more. The watcher's batches of 10,000 are
            // tested in pg_watcher_tests.
            const int count = store.isPostgres() ? 1000 : 10000;
            Clock clock;
            DemoOptions demo;
            demo.managed = 10;
            demo.staged = 0;
            demo.pending = count;
            REQUIRE(fillDemoData(*store, clock, demo).ok);
            QList<qint64> ids;
            {
                QSqlQuery q(store->database());
                REQUIRE(q.exec(QStringLiteral("SELECT id FROM invitations WHERE state = 0 ORDER BY id")));
                while (q.next())
                    ids << q.value(0).toLongLong();
            }
            REQUIRE(ids.size() == count);
            const qint64 seq = ChangeJournal::lastSeq(store->database());
            auto watcher = StoreWatcher::create(*store);
            Recorder seen(*watcher);
            watcher->start(seq);

            BulkResult result;
            CHECK(commitsDuring(*store, [&] { result = EnrollmentService(*store, clock).resend(ids); }) == 1);
            REQUIRE(result.ok);

            const qint64 cancelled =
                scalar(*store, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 3"));
            CHECK(scalar(*store,
                         QStringLiteral(
                             "SELECT count(DISTINCT record_id) FROM change_journal WHERE kind = 'invitation'"
                             " AND change = 1 AND seq > %1")
                             .arg(seq)) == count);
            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM change_journal WHERE kind = 'outbox' "
                                                "AND change = 0 AND seq > %1")
                                     .arg(seq)) == count);
            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM change_journal WHERE kind = 'outbox' "
                                                "AND change = 1 AND seq > %1")
                                     .arg(seq)) == cancelled);
            REQUIRE(waitUntil(
                [&] { return seen.count(RecordKind::Invitation, StoreChange::Type::Updated) == count; },
                5000));
            REQUIRE(waitUntil([&] { return seen.count(RecordKind::Audit, StoreChange::Type::Inserted) == 1; },
                              2000));
            CHECK(seen.fellBehind == 0);
        }
    }
}

TEST_CASE("A bulk fill writes one mark instead of an entry per row, and readers rebuild", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            const QString path = store.location();
            exec(*store,
                 QStringLiteral(
                     "INSERT INTO devices (name, platform, serial, state) VALUES ('first', 0, 'F', 1)"));
            const qint64 triggers = triggerCount(*store);
            auto watcher = StoreWatcher::create(*store);
            Recorder seen(*watcher);
            watcher->start(ChangeJournal::lastSeq(store->database()));
            waitUntil([] { return false; }, 2 * StoreWatcher::kPollIntervalMs);

            const auto filled =
                runConsole({QStringLiteral("--db"), path, QStringLiteral("demo"), QStringLiteral("--force"),
                            QStringLiteral("--devices"), QStringLiteral("500")});
            INFO(filled.err.toStdString());
            REQUIRE(filled.exitCode == 0);
            const auto entries = entriesAfter(*store, 1);
            REQUIRE(entries.size() == 1);
            CHECK(entries.front().kind == ChangeJournal::kEverythingKey);
            CHECK(triggerCount(*store) == triggers); // every per-row trigger is back
            REQUIRE(waitUntil([&] { return seen.fellBehind == 1; }, 2000));
            CHECK(seen.changes.isEmpty());

            // Afterwards every writer journals per row again.
            exec(*store, QStringLiteral("UPDATE devices SET name = 'renamed' WHERE id = 1"));
            REQUIRE(waitUntil([&] { return seen.changes.size() == 1; }, 2000));
            CHECK(seen.changes.first().id == 1);
        }
    }
}

TEST_CASE("A bulk writer killed mid-transaction leaves no entry, no change and every trigger", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            const QString path = store.location();
            const qint64 triggers = triggerCount(*store);
            auto watcher = StoreWatcher::create(*store);
            Recorder seen(*watcher);
            watcher->start(0);

            // A demo fill far too large to finish, killed once it has written to the store: SQLite's
            // write-ahead log, or PostgreSQL's table pages (its uncommitted rows take space too).
            const auto written = [&] {
                return store.isPostgres()
                           ? scalar(*store, QStringLiteral("SELECT pg_relation_size('devices')")) > 0
                           : QFileInfo(path + QStringLiteral("-wal")).size() > 4'000'000;
            };
            QProcess fill;
            fill.start(QStringLiteral(MDM_CONSOLE_BINARY),
                       {QStringLiteral("--db"), path, QStringLiteral("demo"), QStringLiteral("--devices"),
                        QStringLiteral("4000000")});
            REQUIRE(fill.waitForStarted());
            REQUIRE(waitUntil(written, 60000));
            fill.kill();
            REQUIRE(fill.waitForFinished());
            CHECK(fill.exitStatus() == QProcess::CrashExit);
            // PostgreSQL's server process of the killed writer may still be working through the rows it
            // had received; it rolls back and frees the write lock once it reads the end of the connection.
            if (store.isPostgres())
                REQUIRE(waitUntil(
                    [&] {
                        return scalar(*store, QStringLiteral(
                                                  "SELECT count(*) FROM pg_locks WHERE locktype ="
                                                  " 'advisory' AND database = (SELECT oid FROM"
                                                  " pg_database WHERE datname = current_database())")) == 0;
                    },
                    30000));

            CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM devices")) == 0);
            CHECK(ChangeJournal::lastSeq(store->database()) == 0);
            CHECK(triggerCount(*store) == triggers);
            exec(*store,
                 QStringLiteral(
                     "INSERT INTO devices (name, platform, serial, state) VALUES ('after', 0, 'A', 1)"));
            REQUIRE(waitUntil([&] { return seen.changes.size() == 1; }, 2000));
            CHECK(seen.fellBehind == 0);
        }
    }
}

TEST_CASE("An import journals each device, or one mark when it is larger than a bulk", "[feed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore store(backend);
            Clock clock;
            const auto csv = [](qint64 from, qint64 count) {
                QByteArray out("Device name,Serial number,Platform\r\n");
                for (qint64 i = from; i < from + count; ++i)
                    out += "Tablet " + QByteArray::number(i) + ",SN" + QByteArray::number(i) + ",Android\r\n";
                return out;
            };

            const StagedImportResult small = StagedImport(*store, clock).fromBytes(csv(0, 3), {});
            REQUIRE(small.ok);
            CHECK(entriesAfter(*store, 0) == std::vector<Entry>{{"device", small.createdIds[0], 0},
                                                                {"device", small.createdIds[1], 0},
                                                                {"device", small.createdIds[2], 0},
                                                                {"audit", 1, 0}});

            // The large import on PostgreSQL (10 s there) is pg_bulk_tests' "A large staged import journals
            // one mark and matches on both stores"; the journal back on after it, pg_store_tests'.
            if (store.isPostgres())
                continue;
            const qint64 seq = ChangeJournal::lastSeq(store->database());
            const StagedImportResult large =
                StagedImport(*store, clock).fromBytes(csv(100, ChangeJournal::kBulkRows + 1), {});
            REQUIRE(large.ok);
            CHECK(large.imported == ChangeJournal::kBulkRows + 1);
            CHECK(entriesAfter(*store, seq) ==
                  std::vector<Entry>{{ChangeJournal::kEverythingKey, 0, 1}, {"audit", 2, 0}});
            // The triggers are back: the next change is journalled again.
            exec(*store, QStringLiteral("UPDATE devices SET name = 'x' WHERE id = 1"));
            CHECK(entriesAfter(*store, seq + 2) == std::vector<Entry>{{"device", 1, 1}});
        }
    }
}

TEST_CASE("A version-2 store is migrated to the journal and keeps its records", "[feed]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("v2.db"));
    {
        sqlite3 *raw = nullptr;
        REQUIRE(sqlite3_open(path.toUtf8().constData(), &raw) == SQLITE_OK);
        const auto run = [raw](const QString &sql) {
            INFO(sql.toStdString());
            REQUIRE(sqlite3_exec(raw, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK);
        };
        run(QStringLiteral("BEGIN"));
        for (int v = 0; v < 2; ++v)
            for (const QString &statement : migrations()[static_cast<size_t>(v)])
                run(statement);
        run(QStringLiteral(
            "INSERT INTO devices (id, name, platform, serial, state) VALUES (4, 'old', 0, 'S', 1)"));
        run(QStringLiteral("PRAGMA user_version = 2"));
        run(QStringLiteral("COMMIT"));
        sqlite3_close(raw);
    }
    auto store = openStore(path);
    CHECK(scalar(*store, QStringLiteral("PRAGMA user_version")) == Store::kSchemaVersion);
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM devices")) == 1);
    CHECK(ChangeJournal::lastSeq(store->database()) == 0); // what was there before is not a change
    CHECK(scalar(*store, QStringLiteral("SELECT seq FROM change_journal_horizon")) == 1);
    exec(*store, QStringLiteral("UPDATE devices SET state = 2 WHERE id = 4"));
    CHECK(entriesAfter(*store, 0) == std::vector<Entry>{{"device", 4, 1}});
}

TEST_CASE("A watcher on a store it cannot read says so and stops", "[feed]")
{
    TempDir dir;
    SqliteStoreWatcher watcher(dir.file(QStringLiteral("missing.db")));
    Recorder seen(watcher);
    watcher.start(0);
    REQUIRE(waitUntil([&] { return !seen.failures.isEmpty(); }, 2000));
    CHECK(seen.failures.first().contains(QStringLiteral("missing.db")));
    CHECK_FALSE(watcher.isRunning());
}
