// A damaged store is named as such, by the window's open and by every command, and never read as empty.
#include "domain/clock.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"

#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace mdm;
using mdm::test::fileBytes;
using mdm::test::runConsole;
using mdm::test::TempDir;

namespace {

// A demo store, closed again; extraSql runs on it last (e.g. to grow it past the size checked at open).
void makeStore(const QString &path, const char *extraSql = nullptr)
{
    {
        auto opened = Store::open(path);
        REQUIRE(opened.store);
        Clock clock;
        DemoOptions options;
        options.managed = 300;
        REQUIRE(fillDemoData(*opened.store, clock, options).ok);
    }
    if (extraSql) {
        sqlite3 *db = nullptr;
        REQUIRE(sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK);
        CHECK(sqlite3_exec(db, extraSql, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
}

// Overwrites the root page of each table with bytes no b-tree page starts with, as a torn write or a stray
// writer would leave it. Only while no connection of this process has the store open (the last one to
// close has moved the journal into the file).
void damageTables(const QString &path, const QList<QByteArray> &tables)
{
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?", -1,
                               &stmt, nullptr) == SQLITE_OK);
    QList<qint64> roots;
    for (const QByteArray &table : tables) {
        sqlite3_bind_text(stmt, 1, table.constData(), static_cast<int>(table.size()), SQLITE_TRANSIENT);
        REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
        roots << sqlite3_column_int64(stmt, 0);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);

    const qint64 pageSize = 4096;
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    for (qint64 root : roots) {
        REQUIRE(file.seek((root - 1) * pageSize));
        REQUIRE(file.write(QByteArray(pageSize, '\xff')) == pageSize);
    }
}

bool saysDamaged(const QString &text)
{
    return text.contains(QStringLiteral("damaged")) || text.contains(QStringLiteral("malformed"));
}

} // namespace

TEST_CASE("A damaged store is refused when opened, with what the check found, and left unchanged",
          "[store][bad-input][damaged]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("console.db"));
    makeStore(path);
    damageTables(path, {"invitations"});
    const QByteArray before = fileBytes(path);

    auto opened = Store::open(path);
    CHECK_FALSE(opened.store);
    CHECK(opened.error.contains(QStringLiteral("is damaged")));
    CHECK(opened.error.contains(QStringLiteral("check")));
    CHECK(fileBytes(path) == before);

    const auto list =
        runConsole({QStringLiteral("--db"), path, QStringLiteral("list"), QStringLiteral("pending")});
    CHECK(list.exitCode == 1);
    CHECK(list.err.contains(QStringLiteral("is damaged")));
    CHECK_FALSE(list.err.contains(QStringLiteral("records")));

    const auto check = runConsole({QStringLiteral("--db"), path, QStringLiteral("check")});
    CHECK(check.exitCode == 1);
    CHECK_FALSE(check.out.trimmed().isEmpty());
    CHECK_FALSE(check.out.contains(QStringLiteral(": ok")));
    CHECK(check.err.contains(QStringLiteral("integrity_check")));
    CHECK(fileBytes(path) == before);
}

TEST_CASE("check says ok for a sound store and names a file that is not there", "[store][damaged]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("console.db"));
    makeStore(path);
    const auto ok = runConsole({QStringLiteral("--db"), path, QStringLiteral("check")});
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.contains(QStringLiteral(": ok")));

    const auto missing =
        runConsole({QStringLiteral("--db"), dir.file(QStringLiteral("none.db")), QStringLiteral("check")});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(QStringLiteral("There is no store file")));
    CHECK_FALSE(QFile::exists(dir.file(QStringLiteral("none.db"))));
}

TEST_CASE("On a store too large for the check at open, list, audit and export say it is damaged and exit 1",
          "[store][bad-input][damaged]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("console.db"));
    // Past the size that is checked on every open, so the damage is met while reading.
    makeStore(path, "CREATE TABLE padding (x); INSERT INTO padding VALUES (zeroblob(70 * 1024 * 1024));");
    REQUIRE(QFileInfo(path).size() > Store::kHealthCheckMaxBytes);
    damageTables(path, {"invitations", "devices", "audit_log"});

    for (const QStringList &command : {QStringList{QStringLiteral("list"), QStringLiteral("pending")},
                                       QStringList{QStringLiteral("list"), QStringLiteral("managed")},
                                       QStringList{QStringLiteral("audit")},
                                       QStringList{QStringLiteral("export"), QStringLiteral("managed"),
                                                   dir.file(QStringLiteral("out.csv"))},
                                       QStringList{QStringLiteral("check")}}) {
        INFO(command.join(QLatin1Char(' ')).toStdString());
        const auto run = runConsole(QStringList{QStringLiteral("--db"), path} + command);
        INFO(run.out.left(400).toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 1);
        CHECK((saysDamaged(run.err) || command.first() == QStringLiteral("check")));
        CHECK_FALSE(run.err.contains(QStringLiteral("0 records")));
    }
    CHECK_FALSE(QFile::exists(dir.file(QStringLiteral("out.csv"))));
}
