// A store on a disk with no room left, and store files cut short or with a torn page: every command says
// what is wrong in plain words (never "not a store" for a full disk), and the store stays as it was.
#include "crash_support.h"
#include "domain/clock.h"
#include "small_disk.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::fileBytes;
using mdm::test::runConsole;
using mdm::test::saysDiskFull;
using mdm::test::SmallDisk;
using mdm::test::TempDir;
using mdm::test::crash::integrity;
using mdm::test::crash::number;

namespace {

QString storeCounts(const QString &path)
{
    return QStringLiteral("%1 devices, %2 invitations, %3 mails, %4 audit entries")
        .arg(number(path, QStringLiteral("SELECT count(*) FROM devices")))
        .arg(number(path, QStringLiteral("SELECT count(*) FROM invitations")))
        .arg(number(path, QStringLiteral("SELECT count(*) FROM outbox")))
        .arg(number(path, QStringLiteral("SELECT count(*) FROM audit_log")));
}

void makeStore(const QString &path, qint64 managed)
{
    auto opened = Store::open(path);
    REQUIRE(opened.store);
    Clock clock;
    DemoOptions options;
    options.managed = managed;
    REQUIRE(fillDemoData(*opened.store, clock, options).ok);
}

QString writeStagedCsv(const QString &path, int rows)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("Serial Number,Platform\n");
    for (int i = 0; i < rows; ++i)
        file.write(QStringLiteral("FULL%1,Android\n").arg(i, 7, 10, QLatin1Char('0')).toLatin1());
    return path;
}

} // namespace

TEST_CASE("On a full disk invite, import, resend and export say the disk is full and change nothing",
          "[crash][disk-full]")
{
    TempDir dir;
    SmallDisk disk(dir.file(QStringLiteral("disk")));
    if (!disk.whyNot().isEmpty()) {
        WARN("Full-disk test skipped: " << disk.whyNot().toStdString() << " (it mounts a small tmpfs)");
        return;
    }
    const QString store = disk.file(QStringLiteral("console.db"));
    makeStore(store, 300);
    const QString csv = writeStagedCsv(dir.file(QStringLiteral("staged.csv")), 20000);
    const QString countsBefore = storeCounts(store);
    const qint64 invitationsBefore = number(store, QStringLiteral("SELECT count(*) FROM invitations"));
    const QByteArray before = fileBytes(store);

    const QList<QStringList> commands{
        {QStringLiteral("invite"), QStringLiteral("--name"), QStringLiteral("Ada Full"),
         QStringLiteral("--email"), QStringLiteral("ada.full@example.com"), QStringLiteral("--platform"),
         QStringLiteral("android")},
        {QStringLiteral("import-staged"), csv},
        {QStringLiteral("resend"), QStringLiteral("--id"), QStringLiteral("1"), QStringLiteral("--id"),
         QStringLiteral("2")},
        {QStringLiteral("export"), QStringLiteral("managed"), disk.file(QStringLiteral("managed.csv"))},
    };

    SECTION("no byte left")
    {
        disk.fill();
        for (const QStringList &command : commands) {
            const auto run = runConsole(QStringList{QStringLiteral("--db"), store} + command);
            INFO(command.first().toStdString()
                 << ": " << run.out.right(300).toStdString() << run.err.toStdString());
            CHECK(run.exitCode == 1);
            CHECK(saysDiskFull(run.err + run.out));
            CHECK_FALSE(run.err.contains(QStringLiteral("not an MDM console store")));
            CHECK_FALSE(run.err.contains(QStringLiteral("damaged")));
            CHECK(fileBytes(store) == before);
        }
        // The full check is read-only: it finds the store sound, or says it could not read it for the full
        // disk, never that it is damaged.
        const auto check = runConsole({QStringLiteral("--db"), store, QStringLiteral("check")});
        INFO(check.out.toStdString() << check.err.toStdString());
        CHECK((check.exitCode == 0 || saysDiskFull(check.err)));
        CHECK_FALSE(check.err.contains(QStringLiteral("damaged")));
        CHECK_FALSE(QFile::exists(disk.file(QStringLiteral("managed.csv"))));
    }
    SECTION("room to open the store, not to finish the work")
    {
        // A few hundred KiB: the store opens and a 20,000-row import runs out of room half way.
        disk.fill(256 * 1024);
        const auto run = runConsole({QStringLiteral("--db"), store, QStringLiteral("import-staged"), csv});
        INFO(run.out.right(300).toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 1);
        CHECK(saysDiskFull(run.err + run.out));
        CHECK(storeCounts(store).toStdString() == countsBefore.toStdString());
    }

    // The store is whole and, with room again, works as before.
    disk.empty();
    CHECK(integrity(store).toStdString() == "ok");
    CHECK(storeCounts(store).toStdString() == countsBefore.toStdString());
    const auto invite = runConsole(QStringList{QStringLiteral("--db"), store} + commands.first());
    INFO(invite.err.toStdString());
    CHECK(invite.exitCode == 0);
    CHECK(number(store, QStringLiteral("SELECT count(*) FROM invitations")) == invitationsBefore + 1);
}

TEST_CASE("A truncated store or one with a torn page is named damaged with the finding, and left unchanged",
          "[crash][damaged]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("console.db"));
    makeStore(path, 2000);
    const qint64 pages = QFile(path).size() / 4096;
    REQUIRE(pages > 20);

    SECTION("cut short")
    {
        REQUIRE(QFile::resize(path, pages / 2 * 4096));
    }
    SECTION("cut in the middle of a page")
    {
        REQUIRE(QFile::resize(path, pages / 2 * 4096 + 1000));
    }
    SECTION("a page in the middle overwritten")
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek(pages / 2 * 4096));
        // A leaf-table page type byte, then garbage cell pointers: readable as a page, wrong as a tree.
        QByteArray page(4096, '\xff');
        page[0] = '\x0d';
        REQUIRE(file.write(page) == page.size());
    }
    const QByteArray before = fileBytes(path);

    auto opened = Store::open(path);
    CHECK_FALSE(opened.store);
    INFO(opened.error.toStdString());
    CHECK(opened.error.contains(QStringLiteral("is damaged")));
    CHECK(opened.error.contains(path));
    // What the check found, in SQLite's words, follows the file's name.
    const QString finding =
        opened.error.section(QStringLiteral("is damaged: "), 1).section(QStringLiteral(". "), 0, 0);
    CHECK_FALSE(finding.trimmed().isEmpty());
    CHECK(fileBytes(path) == before);

    const auto list =
        runConsole({QStringLiteral("--db"), path, QStringLiteral("list"), QStringLiteral("pending")});
    INFO(list.err.toStdString());
    CHECK(list.exitCode == 1);
    CHECK(list.err.contains(QStringLiteral("is damaged")));
    CHECK(list.err.contains(path));

    const auto check = runConsole({QStringLiteral("--db"), path, QStringLiteral("check")});
    CHECK(check.exitCode == 1);
    CHECK(check.err.contains(QStringLiteral("integrity_check")));
    CHECK_FALSE(check.out.trimmed().isEmpty());
    CHECK(fileBytes(path) == before);
}
