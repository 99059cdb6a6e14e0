// The console window on a store whose disk fills up: an action says the disk is full in plain words
// (never "not an MDM store"), the window keeps working (tabs load, search answers), and once there is room
// again the store is whole and the same action goes through. Root only: it mounts a small tmpfs.
#include "console_fixture.h"
#include "crash_support.h"
#include "dialogs/result_sheet.h"
#include "small_disk.h"
#include "window/console_actions.h"

#include <QLineEdit>
#include <QTest>

using namespace mdm;
using mdm::test::saysDiskFull;
using mdm::test::SmallDisk;
using mdm::test::waitUntil;
using mdm::test::crash::integrity;
using mdm::test::crash::number;

TEST_CASE("On a full disk the console window says so, stays usable, and the action works with room again",
          "[crash][disk-full][gui]")
{
    test::TempDir dir;
    SmallDisk disk(dir.file(QStringLiteral("disk")));
    if (!disk.whyNot().isEmpty()) {
        WARN("Full-disk window test skipped: " << disk.whyNot().toStdString()
                                               << " (it mounts a small tmpfs)");
        return;
    }
    const QString path = disk.file(QStringLiteral("console.db"));
    const QString resent = QStringLiteral("SELECT sum(resend_count) FROM invitations");
    {
        test::ConsoleFixture console(300, {}, path);
        const qint64 before = number(path, resent);
        DeviceTabView *pending = console.show(TabKind::Pending);
        console.selectRows(TabKind::Pending, 0, 0);
        const std::vector<qint64> ids = pending->selectedIds();
        REQUIRE(ids.size() == 1);

        disk.fill();
        console.window->actions().resend->trigger();
        console.waitForAction();
        ResultSheet *sheet = console.window->controller().lastResultSheet();
        REQUIRE(sheet);
        REQUIRE(waitUntil([sheet] { return sheet->isVisible(); }));
        QTest::qWait(100);
        sheet->grab().save(QStringLiteral("/tmp/killserve-disk-full-sheet.png"));
        console.window->grab().save(QStringLiteral("/tmp/killserve-disk-full-window.png"));
        const QString seen = sheet->summary() + QLatin1Char('\n') + sheet->asText();
        INFO(seen.toStdString());
        CHECK(saysDiskFull(seen));
        CHECK_FALSE(seen.contains(QStringLiteral("not an MDM")));
        CHECK_FALSE(seen.contains(QStringLiteral("damaged")));
        sheet->close();

        // The window still works on the full disk: another tab loads, a search answers.
        DeviceTabView *managed = console.show(TabKind::Managed);
        REQUIRE(waitUntil([&] { return console.settled() && managed->totalCount() == 300; }));
        const qint64 all = managed->shownCount();
        managed->searchBox()->setText(QStringLiteral("no-such-device-anywhere"));
        QTest::keyClick(managed->searchBox(), Qt::Key_Return);
        REQUIRE(waitUntil([&] { return console.settled() && managed->shownCount() == 0; }));
        managed->searchBox()->clear();
        QTest::keyClick(managed->searchBox(), Qt::Key_Return);
        REQUIRE(waitUntil([&] { return console.settled() && managed->shownCount() == all; }));
        CHECK(console.window->isVisible());

        // With room again: the store is whole and the same resend goes through.
        disk.empty();
        CHECK(integrity(path).toStdString() == "ok");
        CHECK(number(path, resent) == before);
        console.selectRows(TabKind::Pending, 0, 0);
        REQUIRE(pending->selectedIds() == ids);
        console.window->actions().resend->trigger();
        console.waitForAction();
        INFO(console.window->controller().lastMessage().toStdString());
        CHECK(number(path, resent) == before + 1);
    }
    CHECK(integrity(path).toStdString() == "ok");
}
