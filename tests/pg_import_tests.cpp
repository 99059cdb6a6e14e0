// import-store (issue 14): an admin's SQLite store copied into an empty PostgreSQL store by the real
// mdm-console binary, then both compared row by row, column by column.

#include "pg_support.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_import.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace mdm;
using namespace mdm::test;

namespace {

QProcess *startConsole(const QStringList &arguments)
{
    auto *process = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(MDM_CONSOLE_BINARY), arguments);
    return process;
}

ProcessResult importStore(const QString &target, const QString &source)
{
    // Copying a large store takes minutes on a loaded machine.
    return runConsole({QStringLiteral("--db"), target, QStringLiteral("import-store"), source}, {}, 600000);
}

QStringList column(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}

qint64 number(const QSqlDatabase &db, const QString &sql)
{
    return column(db, sql).value(0).toLongLong();
}

// The PostgreSQL table's columns (the import's source of truth) and which hold bytes.
QList<std::pair<QString, bool>> columnsOf(const QSqlDatabase &pg, const QString &table)
{
    QSqlQuery q(pg);
    q.prepare(QStringLiteral(
        "SELECT column_name, udt_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"));
    q.addBindValue(table);
    REQUIRE(q.exec());
    QList<std::pair<QString, bool>> columns;
    while (q.next())
        columns.append({q.value(0).toString(), q.value(1).toString() == QLatin1String("bytea")});
    REQUIRE_FALSE(columns.isEmpty());
    return columns;
}

// Every row of table, every column as text (bytes as lower-case hex, NULL as a mark of its own), sorted.
QStringList rowsOf(const QSqlDatabase &db, bool postgres, const QString &table,
                   const QList<std::pair<QString, bool>> &columns)
{
    QStringList select;
    for (const auto &[name, bytes] : columns) {
        if (!bytes)
            select << QStringLiteral("\"%1\"").arg(name);
        else if (postgres)
            select << QStringLiteral("encode(\"%1\", 'hex')").arg(name);
        else
            select
                << QStringLiteral("CASE WHEN \"%1\" IS NULL THEN NULL ELSE lower(hex(\"%1\")) END").arg(name);
    }
    QSqlQuery q(db);
    const QString sql = QStringLiteral("SELECT %1 FROM \"%2\"").arg(select.join(QStringLiteral(", ")), table);
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
    QStringList rows;
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < columns.size(); ++i)
            values << (q.isNull(i) ? QStringLiteral("<NULL>") : q.value(i).toString());
        rows << values.join(QChar(0x1f));
    }
    rows.sort();
    return rows;
}

void requireEqualStores(const QSqlDatabase &sqlite, const QSqlDatabase &pg)
{
    for (const QString &table : StoreImport::tables()) {
        INFO("table " << table.toStdString());
        const auto columns = columnsOf(pg, table);
        const QStringList expected = rowsOf(sqlite, false, table, columns);
        const QStringList actual = rowsOf(pg, true, table, columns);
        REQUIRE(actual.size() == expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            INFO("row " << i);
            REQUIRE(actual[i].toStdString() == expected[i].toStdString());
        }
    }
}

// Rows in every copied table of the PostgreSQL database (0 for one without the store's tables).
qint64 rowsInTarget(const QSqlDatabase &pg)
{
    if (number(pg, QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                                  "current_schema() AND table_name = 'devices'")) == 0)
        return 0;
    qint64 total = 0;
    for (const QString &table : StoreImport::tables())
        total += number(pg, QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table));
    return total;
}

// A store filled the way an admin's is: demo data, an invitation and its resend through the command
// line, mail settings; and the records no command writes without a device (an enrollment, audit rows)
// with the text and bytes COPY must escape: tabs, newlines, backslashes, "\N", NUL bytes.
void fillSource(const QString &path, int devices)
{
    REQUIRE(runConsole({QStringLiteral("--db"), path, QStringLiteral("demo"), QStringLiteral("--devices"),
                        QString::number(devices)})
                .exitCode == 0);
    REQUIRE(
        runConsole({QStringLiteral("--db"), path, QStringLiteral("invite"), QStringLiteral("--name"),
                    QStringLiteral("Tab\tNew\nLine \\ Back"), QStringLiteral("--email"),
                    QStringLiteral("odd@example.com"), QStringLiteral("--platform"), QStringLiteral("ios")})
            .exitCode == 0);
    REQUIRE(runConsole({QStringLiteral("--db"), path, QStringLiteral("mail-settings"),
                        QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                        QStringLiteral("2525"), QStringLiteral("--security"), QStringLiteral("none"),
                        QStringLiteral("--from"), QStringLiteral("admin@example.com")})
                .exitCode == 0);
    REQUIRE(runConsole({QStringLiteral("--db"), path, QStringLiteral("resend"), QStringLiteral("--expired")})
                .exitCode <= 1);
    auto opened = Store::open(path);
    REQUIRE(opened.store);
    QSqlDatabase db = opened.store->database();
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("UPDATE devices SET remarks = 'a\\N\tb\r\nc\\\\' WHERE id = 1")));
    q.prepare(
        QStringLiteral("INSERT INTO enrollments (invitation_id, device_id, protocol, secret_hash, "
                       "profile_identifier, udid, push_token, push_magic, unlock_token, created_at, "
                       "device_name) VALUES ((SELECT min(id) FROM invitations), 1, 0, ?, 'p\\1', 'u\t1', "
                       "?, 'magic', NULL, 1700000000000, 'Ä\\N')"));
    q.addBindValue(QByteArray("\x00\t\n\\\xff", 5));
    q.addBindValue(QByteArray());
    INFO(q.lastError().text().toStdString());
    REQUIRE(q.exec());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('odd', 'x\\y\tz')")));
}

} // namespace

TEST_CASE("import-store copies every table of an SQLite store into an empty PostgreSQL store", "[pgimport]")
{
    if (testPgServerUri().isEmpty()) {
        WARN("import-store tests skipped: MDM_TEST_PG_URI is not set");
        return;
    }
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("admin.db"));
    fillSource(source, 3000);
    TestPgDatabase target;

    const ProcessResult run = importStore(target.uri(), source);
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("devices\t3600")));

    auto sqlite = Store::open(source);
    REQUIRE(sqlite.store);
    TestPgConnection pg(target.uri());
    // The import's own audit entry is the one row the target has beyond the source.
    const QStringList actions = column(pg.database(), QStringLiteral("SELECT action FROM audit_log "
                                                                     "WHERE action = 'store.import'"));
    REQUIRE(actions.size() == 1);
    CHECK(column(pg.database(), QStringLiteral("SELECT details FROM audit_log WHERE action = 'store.import'"))
              .value(0)
              .contains(source));
    // The import's entry takes the source's next audit ID.
    CHECK(number(pg.database(), QStringLiteral("SELECT id FROM audit_log WHERE action = 'store.import'")) ==
          number(sqlite.store->database(), QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM audit_log")));
    SECTION("every row equal on both sides")
    {
        // audit_log compared without the import's entry: a view over the rest would not do (the comparison
        // reads the real table), so the source gets the same entry copied for the comparison only.
        QSqlQuery q(sqlite.store->database());
        const QStringList entry =
            column(pg.database(),
                   QStringLiteral("SELECT id || chr(31) || at || chr(31) || actor || chr(31) || details || "
                                  "chr(31) || db_user FROM audit_log WHERE action = 'store.import'"));
        const QStringList parts = entry.value(0).split(QChar(0x1f));
        // db_user: the server names the importing user (schema version 5).
        REQUIRE(parts.size() == 5);
        q.prepare(
            QStringLiteral("INSERT INTO audit_log (id, at, actor, action, details, db_user) VALUES (?, ?, "
                           "?, 'store.import', ?, ?)"));
        for (const QString &part : parts)
            q.addBindValue(part);
        REQUIRE(q.exec());
        requireEqualStores(sqlite.store->database(), pg.database());
        // One bulk mark, so open consoles rebuild, and no per-row entries.
        CHECK(number(pg.database(), QStringLiteral("SELECT count(*) FROM change_journal WHERE kind = '*'")) ==
              1);
        CHECK(number(pg.database(), QStringLiteral("SELECT count(*) FROM change_journal")) == 2);
    }
    SECTION("a new invitation after the import gets a fresh ID")
    {
        const qint64 largest =
            number(sqlite.store->database(), QStringLiteral("SELECT max(id) FROM invitations"));
        const ProcessResult invite = runConsole(
            {QStringLiteral("--db"), target.uri(), QStringLiteral("invite"), QStringLiteral("--name"),
             QStringLiteral("After Import"), QStringLiteral("--email"), QStringLiteral("after@example.com"),
             QStringLiteral("--platform"), QStringLiteral("android")});
        INFO(invite.err.toStdString());
        REQUIRE(invite.exitCode == 0);
        CHECK(number(pg.database(),
                     QStringLiteral("SELECT id FROM invitations WHERE email = 'after@example.com'")) ==
              largest + 1);
        CHECK(number(pg.database(),
                     QStringLiteral("SELECT count(*) FROM users WHERE email = 'after@example.com'")) == 1);
    }
    SECTION("a second import into the now filled store is refused, the store unchanged")
    {
        const qint64 before = rowsInTarget(pg.database());
        const ProcessResult again = importStore(target.uri(), source);
        CHECK(again.exitCode == 1);
        CHECK(again.err.contains(QStringLiteral("is not empty")));
        CHECK(again.err.contains(QStringLiteral("devices (3600)")));
        CHECK(rowsInTarget(pg.database()) == before);
    }
}

TEST_CASE("import-store refuses what it cannot copy and leaves the target empty", "[pgimport]")
{
    if (testPgServerUri().isEmpty()) {
        WARN("import-store tests skipped: MDM_TEST_PG_URI is not set");
        return;
    }
    QTemporaryDir dir;
    TestPgDatabase target;
    const QString source = dir.filePath(QStringLiteral("admin.db"));
    REQUIRE(runConsole({QStringLiteral("--db"), source, QStringLiteral("demo"), QStringLiteral("--devices"),
                        QStringLiteral("20")})
                .exitCode == 0);

    SECTION("a target that is no PostgreSQL store")
    {
        const QString file = dir.filePath(QStringLiteral("other.db"));
        const ProcessResult run = importStore(file, source);
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("give --db postgresql://")));
        CHECK_FALSE(QFileInfo::exists(file));
    }
    SECTION("a missing source")
    {
        const ProcessResult run = importStore(target.uri(), dir.filePath(QStringLiteral("missing.db")));
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("does not exist")));
        CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("missing.db"))));
    }
    SECTION("a source that is no store")
    {
        const QString file = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        const ProcessResult run = importStore(target.uri(), file);
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("cannot be copied")));
    }
    SECTION("a damaged source")
    {
        QFile f(source);
        REQUIRE(f.size() > 5 * 4096);
        REQUIRE(f.open(QIODevice::ReadWrite));
        // Pages in the middle overwritten, as a disk error would.
        REQUIRE(f.seek(2 * 4096));
        f.write(QByteArray(3 * 4096, '\x5a'));
        f.close();
        const ProcessResult run = importStore(target.uri(), source);
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("cannot be copied")));
    }
    SECTION("a source written by a newer console")
    {
        {
            auto opened = Store::open(source);
            REQUIRE(opened.store);
            QSqlQuery q(opened.store->database());
            REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Store::kSchemaVersion + 1)));
        }
        const ProcessResult run = importStore(target.uri(), source);
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("cannot be copied")));
    }
    SECTION("a source with a table the import does not know")
    {
        {
            auto opened = Store::open(source);
            REQUIRE(opened.store);
            QSqlQuery q(opened.store->database());
            REQUIRE(q.exec(QStringLiteral("CREATE TABLE later_feature (id INTEGER PRIMARY KEY)")));
        }
        const ProcessResult run = importStore(target.uri(), source);
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(QStringLiteral("later_feature")));
    }
    SECTION("usage: no source")
    {
        const ProcessResult run =
            runConsole({QStringLiteral("--db"), target.uri(), QStringLiteral("import-store")});
        CHECK(run.exitCode == 2);
    }
    TestPgConnection pg(target.uri());
    CHECK(rowsInTarget(pg.database()) == 0);
}

TEST_CASE("import-store killed mid-copy leaves the PostgreSQL store empty", "[pgimport]")
{
    if (testPgServerUri().isEmpty()) {
        WARN("import-store tests skipped: MDM_TEST_PG_URI is not set");
        return;
    }
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("large.db"));
    // 150,000 managed, 30,000 staged, 50,000 pending devices and invitations, and their users.
    REQUIRE(runConsole({QStringLiteral("--db"), source, QStringLiteral("demo"), QStringLiteral("--devices"),
                        QStringLiteral("150000")})
                .exitCode == 0);
    TestPgDatabase target;
    {
        // The schema made first, so the kill falls into the copy rather than the store's creation.
        auto created = Store::open(target.uri());
        REQUIRE(created.store);
    }
    std::unique_ptr<QProcess> process(
        startConsole({QStringLiteral("--db"), target.uri(), QStringLiteral("import-store"), source}));
    REQUIRE(process->waitForStarted());
    // Still running half a second in: the kill falls mid-import.
    REQUIRE_FALSE(process->waitForFinished(500));
    const QString progress = QString::fromUtf8(process->readAllStandardError());
    process->kill();
    REQUIRE(process->waitForFinished());
    INFO("stderr before the kill: " << progress.toStdString());

    TestPgConnection pg(target.uri());
    // The server ends the killed session's transaction when it notices the closed connection.
    QElapsedTimer waited;
    waited.start();
    while (number(pg.database(), QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                                "current_database() AND pid <> pg_backend_pid()")) > 0 &&
           waited.elapsed() < 20000)
        QThread::msleep(50);
    CHECK(rowsInTarget(pg.database()) == 0);

    // And it takes the import afterwards, whole.
    QElapsedTimer timer;
    timer.start();
    const ProcessResult run = importStore(target.uri(), source);
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    WARN("import-store of " << rowsInTarget(pg.database()) << " rows took " << timer.elapsed() << " ms");
    CHECK(number(pg.database(), QStringLiteral("SELECT count(*) FROM devices")) == 180000);
}

TEST_CASE("import-store copies a store file of an older schema version, migrated by opening it", "[pgimport]")
{
    if (testPgServerUri().isEmpty()) {
        WARN("import-store tests skipped: MDM_TEST_PG_URI is not set");
        return;
    }
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("v3.db"));
    {
        sqlite3 *raw = nullptr;
        REQUIRE(sqlite3_open(source.toUtf8().constData(), &raw) == SQLITE_OK);
        const auto run = [raw](const QString &sql) {
            INFO(sql.toStdString());
            REQUIRE(sqlite3_exec(raw, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK);
        };
        run(QStringLiteral("BEGIN"));
        for (int v = 0; v < 3; ++v)
            for (const QString &statement : migrations()[static_cast<size_t>(v)])
                run(statement);
        run(QStringLiteral("INSERT INTO users (id, name, email) VALUES (7, 'Ana Lima', 'ana@example.com')"));
        run(QStringLiteral(
            "INSERT INTO devices (id, name, platform, serial, state, user_id) VALUES (40, 'old', 0, "
            "'S4', 4, 7)"));
        run(QStringLiteral(
            "INSERT INTO commands (device_id, kind, created_at, updated_at) VALUES (40, 2, 1, 1)"));
        run(QStringLiteral("PRAGMA user_version = 3"));
        run(QStringLiteral("COMMIT"));
        sqlite3_close(raw);
    }
    TestPgDatabase target;
    const ProcessResult run = importStore(target.uri(), source);
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    TestPgConnection pg(target.uri());
    CHECK(column(pg.database(), QStringLiteral("SELECT id || ' ' || name || ' ' || user_id FROM devices")) ==
          QStringList{QStringLiteral("40 old 7")});
    CHECK(number(pg.database(), QStringLiteral("SELECT count(*) FROM commands WHERE device_id = 40")) == 1);
    // Version 4's columns came with the migration, with their defaults.
    CHECK(column(pg.database(), QStringLiteral("SELECT error FROM commands")) == QStringList{QString()});
}
