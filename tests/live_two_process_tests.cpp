// Two real processes on one store: the real mdm-console binary changes the store from the command line
// while a console window is open on it, and the window's tab models, with QAbstractItemModelTester
// attached before they fill, follow without a warning and keep the admin's place (selection, current
// row, scroll position, sort, search). Also a second window on a second Store object of the same file,
// which follows the first window's action through its own connection and watcher.
#include "console_fixture.h"
#include "domain/domain.h"
#include "index/record_table_model.h"
#include "store/audit_log.h"
#include "window/console_actions.h"
#include "window/message_box.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <catch2/catch.hpp>
#include <memory>
#include <vector>

using namespace mdm;
using mdm::test::ConsoleFixture;
using mdm::test::kVisibleWithinMs;
using mdm::test::runConsole;
using mdm::test::waitUntil;
using mdm::test::WarningCounter;

namespace {

// A model tester on each tab's model, attached as soon as the window exists, before the first rows arrive
// (the models fill through queued calls from their index workers, which run only once the event loop does).
struct Testers
{
    std::vector<std::unique_ptr<QAbstractItemModelTester>> all;

    void attach(MainWindow &window)
    {
        for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
            RecordTableModel &model = window.tab(kind)->model();
            REQUIRE(model.rowCount() == 0);
            all.push_back(std::make_unique<QAbstractItemModelTester>(
                &model, QAbstractItemModelTester::FailureReportingMode::Warning));
        }
    }
};

// The console with testers on its tab models; the warning counter outlives both.
struct TestedConsole
{
    WarningCounter warnings;
    Testers testers;
    ConsoleFixture console;

    explicit TestedConsole(qint64 managed) : console(managed, [this](MainWindow &w) { testers.attach(w); }) {}
    // The testers go before the models they watch.
    ~TestedConsole() { testers.all.clear(); }

    // The offscreen platform's note that it cannot propagate size hints is about the test platform, not a
    // model; every other warning counts.
    void checkNoWarnings() const
    {
        QStringList messages = warnings.messages();
        messages.removeIf([](const QString &m) { return m.contains(QStringLiteral("propagateSizeHints")); });
        INFO(messages.join(QLatin1Char('\n')).toStdString());
        CHECK(messages.isEmpty());
    }
};

QString cell(const RecordTableModel &model, qint64 id, int column)
{
    const int row = model.rowOf(id);
    return row < 0 ? QString() : model.index(row, column).data().toString();
}

// The first row at or after `from` (going by `step`) whose device is enrolled, so that it can be reset.
int enrolledRow(const RecordTableModel &model, int from, int step)
{
    const QString enrolled = DomainText::deviceState(DeviceState::Enrolled);
    for (int row = from; row >= 0 && row < model.rowCount(); row += step)
        if (model.index(row, ManagedColumn::Status).data().toString() == enrolled)
            return row;
    return -1;
}

} // namespace

TEST_CASE("A resend from the command line repaints the selected invitation in place", "[gui][live2]")
{
    TestedConsole tested(50);
    ConsoleFixture &console = tested.console;
    DeviceTabView *pending = console.show(TabKind::Pending);
    RecordTableModel &model = pending->model();
    console.selectRows(TabKind::Pending, 3, 3);
    QTableView *table = pending->table();
    table->setCurrentIndex(model.index(3, PendingColumn::Email));
    const qint64 id = pending->currentId();
    REQUIRE(id > 0);
    REQUIRE(pending->selectedIds() == std::vector<qint64>{id});
    const int row = model.rowOf(id);
    const QString resendsBefore = cell(model, id, PendingColumn::Resends);
    const std::vector<qint64> orderBefore = model.shownIds();

    const auto resent = runConsole({QStringLiteral("--db"), console.store->path(), QStringLiteral("resend"),
                                    QStringLiteral("--id"), QString::number(id)});
    INFO(resent.out.toStdString() << resent.err.toStdString());
    REQUIRE(resent.exitCode == 0);
    // The store says it was resent: one more resend, queued again until the mail goes out.
    const qint64 resends = mdm::test::scalar(
        *console.store, QStringLiteral("SELECT resend_count FROM invitations WHERE id = %1").arg(id));
    REQUIRE(resends >= 1);
    CHECK(mdm::test::scalar(*console.store,
                            QStringLiteral("SELECT sent_at FROM invitations WHERE id = %1").arg(id)) == 0);

    // The row repaints with the new count...
    REQUIRE(waitUntil([&] { return cell(model, id, PendingColumn::Resends) == QLocale().toString(resends); },
                      kVisibleWithinMs));
    CHECK(cell(model, id, PendingColumn::Resends) != resendsBefore);
    CHECK(cell(model, id, PendingColumn::Status) ==
          DomainText::inviteStatus(InvitationDisplayStatus::Queued));
    // ...and the details pane with it, the command line named as who did it.
    REQUIRE(waitUntil([&] { return pending->detailsText().contains(QStringLiteral("(cli)")); },
                      kVisibleWithinMs));
    // The admin's place stays: same row, same selection, same current record, same order around it.
    CHECK(model.rowOf(id) == row);
    CHECK(model.shownIds() == orderBefore);
    CHECK(pending->selectedIds() == std::vector<qint64>{id});
    CHECK(pending->currentId() == id);
    CHECK(table->currentIndex().row() == row);
    CHECK(table->currentIndex().column() == PendingColumn::Email);
    tested.checkNoWarnings();
}

TEST_CASE("Devices imported from the command line enter the Staged tab at their sorted place", "[gui][live2]")
{
    TestedConsole tested(50);
    ConsoleFixture &console = tested.console;
    DeviceTabView *staged = console.show(TabKind::Staged);
    RecordTableModel &model = staged->model();
    QTableView *table = staged->table();
    // Sorted by device name, so that the new rows' places are known: "AAA…" first, "ZZZ…" last.
    table->sortByColumn(StagedColumn::Device, Qt::AscendingOrder);
    REQUIRE(waitUntil(
        [&] { return console.settled() && model.currentQuery().sortColumn == StagedColumn::Device; }));
    const qint64 before = model.totalCount();
    REQUIRE(before >= 4);
    console.selectRows(TabKind::Staged, 1, 2);
    const std::vector<qint64> selected = staged->selectedIds();
    REQUIRE(selected.size() == 2);
    auto *tabs = console.window->findChild<QTabWidget *>();
    const int stagedTab = tabs->indexOf(staged);
    CHECK(tabs->tabText(stagedTab).contains(QLocale().toString(before)));

    const QString csv = console.dir.file(QStringLiteral("kiosks.csv"));
    {
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("name,serial,platform\nAAA Kiosk 1,LIVE2-K1,windows\nAAA Kiosk 2,LIVE2-K2,windows\n"
                   "ZZZ Kiosk 3,LIVE2-K3,windows\n");
    }
    const auto imported =
        runConsole({QStringLiteral("--db"), console.store->path(), QStringLiteral("import-staged"), csv});
    INFO(imported.out.toStdString() << imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);

    REQUIRE(waitUntil([&] { return model.totalCount() == before + 3 && model.rowCount() == before + 3; },
                      kVisibleWithinMs));
    const auto name = [&](int row) { return model.index(row, StagedColumn::Device).data().toString(); };
    CHECK(name(0) == QStringLiteral("AAA Kiosk 1"));
    CHECK(name(1) == QStringLiteral("AAA Kiosk 2"));
    CHECK(name(model.rowCount() - 1) == QStringLiteral("ZZZ Kiosk 3"));
    // The rest kept their order around them.
    CHECK(model.currentQuery().sortColumn == StagedColumn::Device);
    CHECK(table->horizontalHeader()->sortIndicatorSection() == StagedColumn::Device);
    REQUIRE(waitUntil([&] { return tabs->tabText(stagedTab).contains(QLocale().toString(before + 3)); },
                      kVisibleWithinMs));
    CHECK(staged->selectedIds() == selected);
    tested.checkNoWarnings();
}

TEST_CASE("A factory reset from the command line shows in the details pane and keeps the scroll position",
          "[gui][live2]")
{
    TestedConsole tested(300);
    ConsoleFixture &console = tested.console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    RecordTableModel &model = managed->model();
    QTableView *table = managed->table();
    managed->setDetailsVisible(true);
    QScrollBar *scroll = table->verticalScrollBar();
    REQUIRE(waitUntil([&] { return scroll->maximum() > 0; }));
    scroll->setValue(scroll->maximum() / 2);
    QCoreApplication::processEvents();
    const int top = table->rowAt(0);
    const int bottom = table->rowAt(table->viewport()->height() - 1);
    REQUIRE(top > 0);
    REQUIRE(bottom > top);
    REQUIRE(bottom + 1 < model.rowCount());

    // One device in the viewport, selected and in the details pane; one above the viewport, one below.
    const int shownRow = enrolledRow(model, (top + bottom) / 2, 1);
    const int aboveRow = enrolledRow(model, top - 1, -1);
    const int belowRow = enrolledRow(model, bottom + 1, 1);
    REQUIRE(shownRow >= 0);
    REQUIRE(shownRow <= bottom);
    REQUIRE(aboveRow >= 0);
    REQUIRE(belowRow > bottom);
    console.selectRows(TabKind::Managed, shownRow, shownRow);
    const qint64 shown = model.idAt(shownRow), above = model.idAt(aboveRow), below = model.idAt(belowRow);
    REQUIRE(waitUntil(
        [&] { return managed->detailsText().contains(cell(model, shown, ManagedColumn::Device)); }));
    const QString wipePending = DomainText::deviceState(DeviceState::WipePending);
    CHECK_FALSE(managed->detailsText().contains(wipePending));
    const int scrollBefore = scroll->value();
    const QString path = console.store->path();
    const auto reset = [&](qint64 id) {
        const auto run =
            runConsole({QStringLiteral("--db"), path, QStringLiteral("deprovision"),
                        QStringLiteral("--device"), QString::number(id), QStringLiteral("--mode"),
                        QStringLiteral("factory-reset"), QStringLiteral("--yes")});
        INFO(run.out.toStdString() << run.err.toStdString());
        REQUIRE(run.exitCode == 0);
    };

    SECTION("The device in the details pane")
    {
        reset(shown);
        REQUIRE(waitUntil([&] { return cell(model, shown, ManagedColumn::Status) == wipePending; },
                          kVisibleWithinMs));
        // The pane shows the new status and the history entry, its "who" naming the command line.
        REQUIRE(waitUntil(
            [&] {
                const QString text = managed->detailsText();
                return text.contains(wipePending) && text.contains(QStringLiteral("(cli)"));
            },
            kVisibleWithinMs));
        const auto history = AuditLog::history(*console.store, RecordKind::Device, shown);
        REQUIRE_FALSE(history.isEmpty());
        CHECK(history.front().actor.endsWith(QStringLiteral("(cli)")));
        CHECK(managed->detailsText().contains(history.front().actor));
        CHECK(model.rowOf(shown) == shownRow);
        mdm::test::saveScreenshot(console.window.get(), QStringLiteral("live2-reset-shown"));
    }
    SECTION("A device above the viewport, then one below it")
    {
        reset(above);
        REQUIRE(waitUntil([&] { return cell(model, above, ManagedColumn::Status) == wipePending; },
                          kVisibleWithinMs));
        CHECK(scroll->value() == scrollBefore);
        reset(below);
        REQUIRE(waitUntil([&] { return cell(model, below, ManagedColumn::Status) == wipePending; },
                          kVisibleWithinMs));
        CHECK(scroll->value() == scrollBefore);
        CHECK(model.rowOf(above) == aboveRow);
        CHECK(model.rowOf(below) == belowRow);
        CHECK_FALSE(managed->detailsText().contains(wipePending));
        mdm::test::saveScreenshot(console.window.get(), QStringLiteral("live2-reset-outside"));
    }
    CHECK(managed->selectedIds() == std::vector<qint64>{shown});
    CHECK(scroll->value() == scrollBefore);
    CHECK(table->rowAt(0) == top);
    tested.checkNoWarnings();
}

TEST_CASE("A console that fell behind the pruned journal reloads and keeps selection, sort and search",
          "[gui][live2]")
{
    TestedConsole tested(60);
    ConsoleFixture &console = tested.console;
    DeviceTabView *pending = console.show(TabKind::Pending);
    RecordTableModel &model = pending->model();
    QTableView *table = pending->table();
    // A sort other than the default and a search that shows some rows, not all.
    table->sortByColumn(PendingColumn::Email, Qt::DescendingOrder);
    pending->searchBox()->setText(QStringLiteral("e"));
    REQUIRE(waitUntil([&] {
        return console.settled() && model.currentQuery().search == QStringLiteral("e") &&
               model.currentQuery().sortColumn == PendingColumn::Email;
    }));
    REQUIRE(model.rowCount() >= 3);
    console.selectRows(TabKind::Pending, 1, 2);
    const std::vector<qint64> selected = pending->selectedIds();
    REQUIRE(selected.size() == 2);
    const qint64 before = model.totalCount();

    // A test shortcut for "another process wrote more than the journal keeps while this console was open":
    // move the horizon past the newest entry, as pruning would. The console's last seen entry is then
    // below the horizon once the next change is committed, as if the entries in between had been pruned.
    QSqlQuery horizon(console.store->database());
    REQUIRE(horizon.exec(QStringLiteral(
        "UPDATE change_journal_horizon SET seq = (SELECT coalesce(max(seq), 0) FROM change_journal) + 2")));
    QSignalSpy managedReloaded(&console.window->tab(TabKind::Managed)->model(),
                               &RecordTableModel::queryApplied);
    QSignalSpy pendingReloaded(&model, &RecordTableModel::queryApplied);

    const auto invited = runConsole({QStringLiteral("--db"), console.store->path(), QStringLiteral("invite"),
                                     QStringLiteral("--name"), QStringLiteral("Eve Behind"),
                                     QStringLiteral("--email"), QStringLiteral("eve.behind@contoso.example"),
                                     QStringLiteral("--platform"), QStringLiteral("ios")});
    INFO(invited.out.toStdString() << invited.err.toStdString());
    REQUIRE(invited.exitCode == 0);

    // Every tab reloads, the Managed tab too, which an invitation alone would not touch.
    REQUIRE(waitUntil([&] { return managedReloaded.count() > 0 && pendingReloaded.count() > 0; },
                      kVisibleWithinMs));
    REQUIRE(
        waitUntil([&] { return console.settled() && model.totalCount() == before + 1; }, kVisibleWithinMs));
    const qint64 eve = mdm::test::scalar(
        *console.store,
        QStringLiteral("SELECT id FROM invitations WHERE email = 'eve.behind@contoso.example'"));
    REQUIRE(eve > 0);
    REQUIRE(waitUntil([&] { return model.rowOf(eve) >= 0; }, kVisibleWithinMs));
    CHECK(pending->selectedIds() == selected);
    CHECK(model.currentQuery().sortColumn == PendingColumn::Email);
    CHECK(model.currentQuery().descending);
    CHECK(table->horizontalHeader()->sortIndicatorSection() == PendingColumn::Email);
    CHECK(table->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder);
    CHECK(pending->searchBox()->text() == QStringLiteral("e"));
    CHECK(model.currentQuery().search == QStringLiteral("e"));
    // Still sorted by email, descending.
    for (int row = 1; row < model.rowCount(); ++row)
        CHECK(model.index(row - 1, PendingColumn::Email).data().toString().toLower() >=
              model.index(row, PendingColumn::Email).data().toString().toLower());
    tested.checkNoWarnings();
}

TEST_CASE("A second console on the same store sees the first console's action", "[gui][live2]")
{
    TestedConsole tested(40);
    ConsoleFixture &first = tested.console;

    // The second window: its own Store object on the same file, so its own connection and follower.
    auto opened = Store::open(first.store->path());
    REQUIRE(opened.store);
    std::unique_ptr<Store> secondStore = std::move(opened.store);
    Testers secondTesters;
    auto second = std::make_unique<MainWindow>(*secondStore, first.clock);
    secondTesters.attach(*second);
    second->resize(1360, 820);
    second->show();
    RecordTableModel &theirs = second->tab(TabKind::Pending)->model();
    REQUIRE(waitUntil([&] { return !theirs.isLoading() && !theirs.isQueryPending(); }));

    DeviceTabView *pending = first.show(TabKind::Pending);
    first.selectRows(TabKind::Pending, 0, 0);
    const qint64 id = pending->currentId() > 0 ? pending->currentId() : pending->selectedIds().front();
    REQUIRE(theirs.rowOf(id) >= 0);
    const qint64 before = theirs.totalCount();

    MessageBox::setNextAnswer(MessageBox::Accept);
    first.window->actions().removeRequest->trigger();
    MessageBox::setNextAnswer(std::nullopt);
    first.waitForAction();
    REQUIRE(waitUntil([&] { return pending->model().rowOf(id) < 0; }, kVisibleWithinMs));

    REQUIRE(waitUntil([&] { return theirs.rowOf(id) < 0 && theirs.totalCount() == before - 1; },
                      kVisibleWithinMs));
    auto *theirTabs = second->findChild<QTabWidget *>();
    REQUIRE(waitUntil([&] { return theirTabs->tabText(2).contains(QLocale().toString(before - 1)); },
                      kVisibleWithinMs));

    secondTesters.all.clear();
    second.reset();
    tested.checkNoWarnings();
}

TEST_CASE("Rows entering above the viewport or leaving below it keep the scroll position", "[gui][live2]")
{
    TestedConsole tested(300);
    ConsoleFixture &console = tested.console;
    DeviceTabView *pending = console.show(TabKind::Pending);
    RecordTableModel &model = pending->model();
    QTableView *table = pending->table();
    table->sortByColumn(PendingColumn::Email, Qt::AscendingOrder);
    REQUIRE(waitUntil(
        [&] { return console.settled() && model.currentQuery().sortColumn == PendingColumn::Email; }));
    QScrollBar *scroll = table->verticalScrollBar();
    REQUIRE(waitUntil([&] { return scroll->maximum() > 0; }));
    scroll->setValue(scroll->maximum() / 2);
    QCoreApplication::processEvents();
    const int top = table->rowAt(0);
    const int bottom = table->rowAt(table->viewport()->height() - 1);
    REQUIRE(top > 0);
    REQUIRE(bottom + 5 < model.rowCount());
    const int middle = (top + bottom) / 2;
    console.selectRows(TabKind::Pending, middle, middle);
    const qint64 selected = model.idAt(middle);
    const qint64 below = model.idAt(bottom + 5);
    const int scrollBefore = scroll->value();
    const qint64 topRecord = model.idAt(top);
    const qint64 before = model.totalCount();
    const QString path = console.store->path();

    // An invitation whose email sorts first enters above the viewport: the records in view stay where
    // they are on screen (the scroll bar moves by the new row's height instead).
    const auto invited = runConsole({QStringLiteral("--db"), path, QStringLiteral("invite"),
                                     QStringLiteral("--name"), QStringLiteral("Aaron Above"),
                                     QStringLiteral("--email"), QStringLiteral("aaa.above@contoso.example"),
                                     QStringLiteral("--platform"), QStringLiteral("macos")});
    REQUIRE(invited.exitCode == 0);
    REQUIRE(waitUntil([&] { return model.totalCount() == before + 1 && model.rowCount() == before + 1; },
                      kVisibleWithinMs));
    CHECK(model.index(0, PendingColumn::Email).data().toString() ==
          QStringLiteral("aaa.above@contoso.example"));
    CHECK(model.idAt(table->rowAt(0)) == topRecord);
    CHECK(scroll->value() == scrollBefore + table->rowHeight(0));
    CHECK(pending->selectedIds() == std::vector<qint64>{selected});

    // A request below the viewport is removed.
    const auto removed = runConsole({QStringLiteral("--db"), path, QStringLiteral("remove-request"),
                                     QStringLiteral("--id"), QString::number(below)});
    REQUIRE(removed.exitCode == 0);
    REQUIRE(waitUntil([&] { return model.rowOf(below) < 0; }, kVisibleWithinMs));
    CHECK(model.totalCount() == before);
    CHECK(model.idAt(table->rowAt(0)) == topRecord);
    CHECK(scroll->value() == scrollBefore + table->rowHeight(0));
    CHECK(pending->selectedIds() == std::vector<qint64>{selected});
    tested.checkNoWarnings();
}
