#include "console_fixture.h"
#include "domain/clock.h"
#include "gui_support.h"
#include "index/record_table_model.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "tabs/device_tab_view.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/layout_settings.h"
#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>

using namespace mdm;
using mdm::test::saveScreenshot;
using mdm::test::scalar;
using mdm::test::TempDir;
using mdm::test::waitUntil;

namespace {

// The cases below that run on both stores (storeBackends()).
void mainWindowShowsThreeTabs(const QString &backend);
void searchNarrowsTheTab(const QString &backend);
void columnLayoutAndSortRemembered(const QString &backend);

} // namespace

TEST_CASE("The main window shows three tabs with live counts", "[gui]")
{
    for (const QString &backend : mdm::test::storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            mainWindowShowsThreeTabs(backend);
        }
    }
}

TEST_CASE("Searching narrows the tab and Ctrl+A selects every row it shows", "[gui]")
{
    for (const QString &backend : mdm::test::storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            searchNarrowsTheTab(backend);
        }
    }
}

namespace {

void mainWindowShowsThreeTabs(const QString &backend)
{
    mdm::test::ConsoleFixture console(backend);
    auto *tabs = console.window->findChild<QTabWidget *>();
    REQUIRE(tabs);
    REQUIRE(tabs->count() == 3);
    CHECK(tabs->tabText(0) == QStringLiteral("Managed (300)"));
    CHECK(tabs->tabText(1) == QStringLiteral("Staged (60)"));
    CHECK(tabs->tabText(2) == QStringLiteral("Enrollment Pending (100)"));
    CHECK(console.window->windowFilePath() == console.store->path());
    CHECK(console.window->statusText() == QStringLiteral("0 selected of 300 shown (300 total)"));

    for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
        console.show(kind);
        QTest::qWait(50);
        const QString name = console.isPostgres()
                                 ? QStringLiteral("tab-%1-postgresql").arg(static_cast<int>(kind))
                                 : QStringLiteral("tab-%1").arg(static_cast<int>(kind));
        const QString path = saveScreenshot(console.window.get(), name);
        CHECK(QFileInfo(path).size() > 10000);
    }
}

void searchNarrowsTheTab(const QString &backend)
{
    mdm::test::ConsoleFixture console(backend);
    DeviceTabView *managed = console.window->tab(TabKind::Managed);
    QTest::keyClick(console.window.get(), Qt::Key_F, Qt::ControlModifier);
    CHECK(managed->searchBox()->hasFocus());
    QTest::keyClicks(managed->searchBox(), QStringLiteral("SILVA"));
    const qint64 expected =
        scalar(*console.store,
               QStringLiteral("SELECT count(*) FROM devices d LEFT JOIN users u ON u.id = d.user_id"
                              " WHERE d.state <> 0 AND (lower(d.name) LIKE '%silva%' OR lower(u.name)"
                              " LIKE '%silva%' OR lower(u.email) LIKE '%silva%' OR lower(d.serial)"
                              " LIKE '%silva%' OR lower(d.imei) LIKE '%silva%')"));
    REQUIRE(expected > 0);
    REQUIRE(expected < 300);
    REQUIRE(
        waitUntil([&] { return managed->shownCount() == expected && !managed->model().isQueryPending(); }));

    console.window->actions().selectAll->trigger();
    CHECK(managed->selectedCount() == expected);
    CHECK(managed->selectedIds().size() == static_cast<size_t>(expected));
    CHECK(console.window->statusText() ==
          QStringLiteral("%1 selected of %1 shown (300 total)").arg(expected));

    console.window->actions().clearFilters->trigger();
    REQUIRE(waitUntil([&] { return managed->shownCount() == 300 && !managed->model().isQueryPending(); }));
    // The selection follows the records through the new query.
    CHECK(managed->selectedCount() == expected);
}

} // namespace

TEST_CASE("Actions are enabled from the tab and the selection", "[gui]")
{
    mdm::test::ConsoleFixture console;
    ConsoleActions &a = console.window->actions();

    console.show(TabKind::Managed);
    DeviceTabView *managed = console.window->tab(TabKind::Managed);
    managed->table()->clearSelection();
    CHECK_FALSE(a.reassign->isEnabled());
    CHECK_FALSE(a.deprovision->isEnabled());
    CHECK_FALSE(a.additionalDevice->isEnabled());
    CHECK_FALSE(a.details->isEnabled());
    CHECK_FALSE(a.resend->isEnabled());
    CHECK(a.sendInvite->isEnabled());

    managed->table()->selectRow(0);
    CHECK(a.reassign->isEnabled());
    CHECK(a.deprovision->isEnabled());
    CHECK(a.additionalDevice->isEnabled());
    CHECK(a.details->isEnabled());
    CHECK_FALSE(a.removeRequest->isEnabled());

    managed->table()->selectionModel()->select(
        QItemSelection(managed->model().index(0, 0), managed->model().index(4, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    CHECK(a.reassign->isEnabled());
    CHECK(a.reassign->text().contains(QStringLiteral("5")));
    CHECK_FALSE(a.additionalDevice->isEnabled());
    CHECK_FALSE(a.details->isEnabled());

    console.show(TabKind::Pending);
    DeviceTabView *pending = console.window->tab(TabKind::Pending);
    pending->table()->clearSelection();
    CHECK_FALSE(a.resend->isEnabled());
    CHECK(a.resendExpired->isEnabled());
    CHECK_FALSE(a.reassign->isEnabled());
    pending->table()->selectRow(1);
    CHECK(a.resend->isEnabled());
    CHECK(a.removeRequest->isEnabled());
    CHECK(a.enrollmentSteps->isEnabled());
    console.window->actions().selectAll->trigger();
    CHECK(a.removeRequest->text().contains(QStringLiteral("100")));
    CHECK_FALSE(a.enrollmentSteps->isEnabled());

    console.show(TabKind::Staged);
    DeviceTabView *staged = console.window->tab(TabKind::Staged);
    staged->table()->clearSelection();
    CHECK_FALSE(a.removeStaged->isEnabled());
    staged->table()->selectRow(0);
    CHECK(a.removeStaged->isEnabled());
    CHECK(a.assignStaged->isEnabled());
    CHECK_FALSE(a.removeRequest->isEnabled());
}

TEST_CASE("The details pane shows every field of the selected record", "[gui]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.window->tab(TabKind::Managed);
    console.window->actions().toggleDetailsPane->setChecked(true);
    managed->table()->selectRow(0);
    const qint64 id = managed->model().idAt(0);
    const QString name = managed->model().index(0, ManagedColumn::Device).data().toString();
    CHECK(managed->detailsText().contains(name));
    CHECK(managed->detailsText().contains(QStringLiteral("Serial number")));
    CHECK(managed->detailsText().contains(QString::number(id)));
    saveScreenshot(console.window.get(), QStringLiteral("details-pane"));
}

TEST_CASE("An empty store opens to a first-run hint instead of blank tables", "[gui]")
{
    mdm::test::ConsoleFixture console(0);
    DeviceTabView *managed = console.window->tab(TabKind::Managed);
    CHECK(managed->findChild<QTableView *>()->isHidden());
    bool hintShown = false;
    for (QLabel *label : managed->findChildren<QLabel *>())
        hintShown =
            hintShown || (label->isVisible() && label->text() == QStringLiteral("No managed devices yet"));
    CHECK(hintShown);
    saveScreenshot(console.window.get(), QStringLiteral("first-run"));
}

TEST_CASE("A page of rows that cannot be read shows an error in the tab and the status bar", "[gui]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    RecordTableModel &model = managed->model();
    QTest::qWait(50); // the first page is read and painted
    const QString first = model.index(0, ManagedColumn::Device).data().toString();
    REQUIRE_FALSE(first.isEmpty());
    REQUIRE(first != QStringLiteral("…"));

    // The rows further down have not been read yet; now the table they live in is gone.
    QSqlQuery q(console.store->database());
    REQUIRE(q.exec(QStringLiteral("ALTER TABLE devices RENAME TO devices_gone")));
    managed->table()->scrollToBottom();
    REQUIRE(waitUntil([&] { return !model.readError().isEmpty() && managed->table()->isHidden(); }));
    INFO(model.readError().toStdString());
    CHECK(model.readError().contains(QStringLiteral("no such table")));

    auto *title = managed->findChild<QLabel *>(QStringLiteral("emptyTitle"));
    auto *text = managed->findChild<QLabel *>(QStringLiteral("emptyText"));
    REQUIRE(title);
    REQUIRE(text);
    CHECK(title->isVisible());
    CHECK(title->text() == QStringLiteral("The store could not be read"));
    CHECK(text->isVisible());
    CHECK(text->text().contains(model.readError()));
    const QString status = console.window->statusBar()->currentMessage();
    CHECK(status.startsWith(QStringLiteral("Managed: the store could not be read: ")));
    CHECK(status.contains(QStringLiteral("no such table")));
    // No row passes a placeholder off as data, and none is offered for reading.
    for (int row = 0; row < model.rowCount(); ++row)
        CHECK(model.index(row, ManagedColumn::Device).data().toString() != QStringLiteral("…"));
    QPushButton *reload = nullptr;
    for (QPushButton *button : managed->findChildren<QPushButton *>())
        if (button->isVisible())
            reload = button;
    REQUIRE(reload);
    CHECK(reload->text() == QStringLiteral("Reload"));
    saveScreenshot(console.window.get(), QStringLiteral("tab-read-error"));

    // Once the store can be read again, Reload brings the rows back.
    REQUIRE(q.exec(QStringLiteral("ALTER TABLE devices_gone RENAME TO devices")));
    reload->click();
    REQUIRE(waitUntil([&] { return console.settled() && !managed->table()->isHidden(); }));
    CHECK(model.readError().isEmpty());
    CHECK(model.rowCount() == 300);
    const QString last = model.index(model.rowCount() - 1, ManagedColumn::Device).data().toString();
    CHECK_FALSE(last.isEmpty());
    CHECK(last != QStringLiteral("…"));
}

TEST_CASE("Column layout and sort are remembered across restarts", "[gui]")
{
    for (const QString &backend : mdm::test::storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            columnLayoutAndSortRemembered(backend);
        }
    }
}

namespace {

void columnLayoutAndSortRemembered(const QString &backend)
{
    mdm::test::forgetSettings();
    const mdm::test::TestStoreLocation where(backend);
    auto opened = Store::open(where.location());
    REQUIRE(opened.store);
    Clock clock;
    DemoOptions options;
    options.managed = 50;
    REQUIRE(fillDemoData(*opened.store, clock, options).ok);
    {
        MainWindow window(*opened.store, clock);
        QTableView *table = window.tab(TabKind::Managed)->table();
        table->horizontalHeader()->setSectionHidden(ManagedColumn::Ownership, true);
        table->sortByColumn(ManagedColumn::Email, Qt::DescendingOrder);
        window.close();
    }
    MainWindow again(*opened.store, clock);
    QTableView *table = again.tab(TabKind::Managed)->table();
    CHECK(table->horizontalHeader()->isSectionHidden(ManagedColumn::Ownership));
    CHECK(table->horizontalHeader()->sortIndicatorSection() == ManagedColumn::Email);
    CHECK(again.tab(TabKind::Managed)->model().currentQuery().sortColumn == ManagedColumn::Email);
    CHECK(again.tab(TabKind::Managed)->model().currentQuery().descending);
    // The rows in that order, as the store sorts them.
    RecordTableModel &model = again.tab(TabKind::Managed)->model();
    REQUIRE(
        waitUntil([&] { return !model.isLoading() && !model.isQueryPending() && model.rowCount() == 50; }));
    QStringList emails;
    for (int row = 0; row < model.rowCount(); ++row)
        emails << model.index(row, ManagedColumn::Email).data().toString().toLower();
    QStringList sorted = emails;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    CHECK(emails == sorted);
}

} // namespace

TEST_CASE("A changed column layout is remembered at once, without closing the window", "[gui]")
{
    mdm::test::forgetSettings();
    TempDir dir;
    auto opened = Store::open(dir.file(QStringLiteral("console.db")));
    REQUIRE(opened.store);
    Clock clock;
    MainWindow window(*opened.store, clock);
    QTableView *table = window.tab(TabKind::Managed)->table();
    table->horizontalHeader()->setSectionHidden(ManagedColumn::Ownership, true);
    // As after a crash or a kill: no close, no saveLayout(); a second window reads what was saved.
    REQUIRE(waitUntil([] { return UiSettings::tabHeader(TabKind::Managed).isSet(); }, 5000));
    MainWindow second(*opened.store, clock);
    CHECK(
        second.tab(TabKind::Managed)->table()->horizontalHeader()->isSectionHidden(ManagedColumn::Ownership));
}

TEST_CASE("Status colours stay readable with a dark palette", "[gui]")
{
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    QApplication::setPalette(dark);
    {
        mdm::test::ConsoleFixture console;
        console.show(TabKind::Pending);
        QTest::qWait(50);
        const auto &model = console.window->tab(TabKind::Pending)->model();
        for (int row = 0; row < 20; ++row) {
            const QVariant color = model.index(row, PendingColumn::Status).data(Qt::ForegroundRole);
            if (color.isValid())
                CHECK(color.value<QColor>().lightness() > 128);
        }
        saveScreenshot(console.window.get(), QStringLiteral("dark-palette"));
    }
    QApplication::setPalette(original);
}
