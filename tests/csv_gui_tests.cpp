#include "console_fixture.h"
#include "csv/import_preview_model.h"
#include "dialogs/export_dialog.h"
#include "dialogs/import_dialog.h"
#include "dialogs/invite_csv_dialog.h"
#include "domain/clock.h"
#include "gui_support.h"
#include "index/record_table_model.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "tabs/device_tab_view.h"
#include "test_support.h"
#include "window/action_controller.h"
#include "window/action_runner.h"
#include "window/console_actions.h"
#include "window/main_window.h"
#include "window/message_box.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::fileBytes;
using mdm::test::saveScreenshot;
using mdm::test::TempDir;
using mdm::test::waitUntil;

TEST_CASE("Export writes the selected rows with the visible columns in on-screen order", "[gui][csv]")
{
    mdm::test::ConsoleFixture console(200);
    DeviceTabView *managed = console.show(TabKind::Managed);
    QHeaderView *header = managed->table()->horizontalHeader();
    header->setSectionHidden(ManagedColumn::Ownership, true);
    header->moveSection(header->visualIndex(ManagedColumn::Email), 0);
    managed->table()->selectionModel()->select(
        QItemSelection(managed->model().index(2, 0), managed->model().index(6, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    console.window->actions().exportList->trigger();
    auto *dialog = qobject_cast<ExportDialog *>(console.window->controller().lastDialog());
    REQUIRE(dialog);
    CHECK(dialog->selectedChoice()->isChecked());
    CHECK(dialog->formulaGuard()->isChecked());
    const QString path = console.dir.file(QStringLiteral("selected.csv"));
    dialog->pathEdit()->setText(path);
    saveScreenshot(dialog, QStringLiteral("dialog-export"));
    dialog->exportButton()->click();
    REQUIRE(
        waitUntil([&] { return !console.window->controller().runner().isBusy() && QFile::exists(path); }));

    const QList<QByteArray> lines = fileBytes(path).split('\n');
    REQUIRE(lines.size() == 7); // header, 5 rows, and the empty rest after the last CRLF
    CHECK(lines.at(0).startsWith("Email,Device,Platform,User name,Status,Group"));
    CHECK_FALSE(lines.at(0).contains("Ownership"));
    const QString firstEmail = managed->model().index(2, ManagedColumn::Email).data().toString();
    CHECK(lines.at(1).startsWith(firstEmail.toUtf8() + ','));
    CHECK(console.window->controller().lastMessage().contains(QStringLiteral("5 records")));
}

TEST_CASE("Import previews every row and can import only the valid ones", "[gui][csv]")
{
    mdm::test::ConsoleFixture console(200);
    const QString path = console.dir.file(QStringLiteral("purchase.csv"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("Device name;Serial number;Platform;IMEI\r\n"
               "Lobby kiosk;KIOSK-0001;Android;490154203237518\r\n"
               "Spare tablet;TAB-0002;iPadOS;\r\n"
               "Broken phone;;Android;490154203237519\r\n");
    file.close();
    DeviceTabView *staged = console.show(TabKind::Staged);
    const qint64 before = staged->totalCount();

    console.window->actions().importStaged->trigger();
    auto *dialog = qobject_cast<ImportDialog *>(console.window->controller().lastDialog());
    REQUIRE(dialog);
    dialog->loadFile(path);
    CHECK(dialog->preview().rowCount() == 3);
    CHECK(dialog->preview()
              .index(2, ImportPreviewModel::Result)
              .data()
              .toString()
              .contains(QStringLiteral("IMEI")));
    CHECK(dialog->preview().index(2, ImportPreviewModel::Line).data().toInt() == 4);
    CHECK_FALSE(dialog->importButton()->isEnabled());
    REQUIRE(dialog->importValidButton()->isEnabled());
    CHECK(dialog->summary().contains(QStringLiteral("2 valid")));
    QTest::qWait(50); // as the admin sees it: after the layout has caught up
    saveScreenshot(dialog, QStringLiteral("dialog-import"));
    dialog->importValidButton()->click();
    REQUIRE(waitUntil([&] { return staged->totalCount() == before + 2 && console.settled(); }));
}

TEST_CASE("Invites from a bulk-enrollment CSV are all sent or none", "[gui][csv]")
{
    mdm::test::ConsoleFixture console(200);
    const QString bad = console.dir.file(QStringLiteral("bad.csv"));
    QFile badFile(bad);
    REQUIRE(badFile.open(QIODevice::WriteOnly));
    badFile.write("EMAIL_ADDRESS,PLATFORM_TYPE\nok@contoso.example,ios\nnot-an-address,android\n");
    badFile.close();
    // The preview names the bad line, and only "valid rows only" could send anything.
    console.window->controller().sendInvitesFromCsv(bad);
    auto *badDialog = console.dialog<InviteCsvDialog>();
    CHECK(badDialog->summary().contains(QStringLiteral("line 3")));
    CHECK_FALSE(badDialog->importButton()->isEnabled());
    badDialog->reject();
    DeviceTabView *pending = console.window->tab(TabKind::Pending);
    CHECK(pending->totalCount() == 66);

    const QString good = console.dir.file(QStringLiteral("good.csv"));
    QFile goodFile(good);
    REQUIRE(goodFile.open(QIODevice::WriteOnly));
    goodFile.write("platform_type,Email_Address,OWNED_BY,GROUP_NAME\nios,ok@contoso.example,Personal,Sales\n"
                   "windows,other@contoso.example,,\n");
    goodFile.close();
    console.window->controller().sendInvitesFromCsv(good);
    auto *goodDialog = console.dialog<InviteCsvDialog>();
    REQUIRE(goodDialog->importButton()->isEnabled());
    CHECK(goodDialog->importButton()->text().contains(QStringLiteral("Send 2")));
    goodDialog->importButton()->click();
    REQUIRE(waitUntil([&] { return pending->totalCount() == 68 && console.settled(); }));
}
