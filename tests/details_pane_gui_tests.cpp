#include "console_fixture.h"
#include "gui_support.h"
#include "index/record_table_model.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "store/audit_log.h"
#include "tabs/device_tab_view.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/main_window.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QHeaderView>
#include <QImage>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QToolButton>
#include <QWindow>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::saveScreenshot;
using mdm::test::waitUntil;

namespace {

const QChar kZeroWidthSpace(0x200B);

QTextBrowser *paneBrowser(DeviceTabView *view)
{
    auto *browser = view->findChild<QTextBrowser *>();
    REQUIRE(browser);
    return browser;
}

// Shows the pane and selects one row of the tab; returns the row's record ID.
qint64 selectOne(mdm::test::ConsoleFixture &console, TabKind kind, int row)
{
    console.window->actions().toggleDetailsPane->setChecked(true);
    console.selectRows(kind, row, row);
    DeviceTabView *view = console.window->tab(kind);
    view->table()->selectionModel()->setCurrentIndex(view->model().index(row, 0),
                                                     QItemSelectionModel::NoUpdate);
    return view->model().idAt(row);
}

// The row of the tab showing the record, or -1.
int rowOf(DeviceTabView *view, qint64 id)
{
    return view->model().rowOf(id);
}

} // namespace

TEST_CASE("The details pane follows its record's changes and shows its history", "[gui][details]")
{
    mdm::test::ConsoleFixture console;

    SECTION("Resend")
    {
        DeviceTabView *pending = console.show(TabKind::Pending);
        const qint64 id = selectOne(console, TabKind::Pending, 0);
        const int before =
            static_cast<int>(AuditLog::history(*console.store, RecordKind::Invitation, id).size());
        EnrollmentService(*console.store, console.clock).resend({id});
        const auto history = AuditLog::history(*console.store, RecordKind::Invitation, id);
        REQUIRE(static_cast<int>(history.size()) == before + 1);
        // The pane lists every history entry, one line each, the new one included.
        const auto historyLines = [&] {
            const QString text = pending->detailsText();
            const qsizetype at = text.indexOf(QStringLiteral("History"));
            return at < 0
                       ? -1
                       : static_cast<int>(text.mid(at).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size()) -
                             1;
        };
        REQUIRE(waitUntil([&] {
            return !pending->detailsText().contains(QStringLiteral("No recorded actions yet")) &&
                   historyLines() == static_cast<int>(history.size());
        }));
        CHECK(pending->detailsText().contains(history.front().actor));
        const int row = rowOf(pending, id);
        REQUIRE(row >= 0);
        const QString status = pending->model().index(row, PendingColumn::Status).data().toString();
        CHECK(pending->detailsText().contains(status));
        CHECK(pending->detailsText().contains(QStringLiteral("History")));
        saveScreenshot(console.window.get(), QStringLiteral("details-after-resend"));
    }

    SECTION("Revoke")
    {
        DeviceTabView *managed = console.show(TabKind::Managed);
        int row = 0;
        while (
            managed->model().index(row, ManagedColumn::Status).data(RecordTableModel::StatusRole).toInt() !=
            static_cast<int>(DeviceState::Enrolled))
            ++row;
        const qint64 id = selectOne(console, TabKind::Managed, row);
        const QString oldStatus = managed->model().index(row, ManagedColumn::Status).data().toString();
        REQUIRE(managed->detailsText().contains(oldStatus));
        REQUIRE(DeviceService(*console.store, console.clock)
                    .deprovision({id}, DeprovisionMode::RevokeMdm)
                    .count(Outcome::Result::Done) == 1);
        const QString newStatus = statusText(TabKind::Managed, static_cast<int>(DeviceState::RevokePending));
        REQUIRE(waitUntil([&] { return managed->detailsText().contains(newStatus); }));
        CHECK_FALSE(managed->detailsText().contains(QStringLiteral("No recorded actions yet")));
        CHECK(managed->currentId() == id);
        saveScreenshot(console.window.get(), QStringLiteral("details-after-revoke"));
    }

    SECTION("Re-assign")
    {
        DeviceTabView *managed = console.show(TabKind::Managed);
        const qint64 id = selectOne(console, TabKind::Managed, 3);
        AssignTarget target;
        target.name = QStringLiteral("Zelda Quartermaine");
        target.email = QStringLiteral("zelda.quartermaine@example.org");
        REQUIRE(DeviceService(*console.store, console.clock)
                    .reassign({id}, target)
                    .count(Outcome::Result::Done) == 1);
        REQUIRE(waitUntil([&] { return managed->detailsText().contains(target.name); }));
        CHECK(managed->detailsText().contains(target.email));
        CHECK_FALSE(managed->detailsText().contains(QStringLiteral("No recorded actions yet")));
    }
}

TEST_CASE("The details pane clears when a search hides the selected row or nothing is selected",
          "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    selectOne(console, TabKind::Managed, 0);
    const QString name = managed->model().index(0, ManagedColumn::Device).data().toString();
    REQUIRE(managed->detailsText().contains(name));

    managed->searchBox()->setText(QStringLiteral("no-such-device-anywhere"));
    QTest::keyClick(managed->searchBox(), Qt::Key_Return);
    REQUIRE(waitUntil([&] { return managed->shownCount() == 0 && !managed->model().isQueryPending(); }));
    CHECK(managed->selectedCount() == 0);
    CHECK(console.window->statusText().startsWith(QStringLiteral("0 selected")));
    CHECK(managed->detailsText().contains(QStringLiteral("Nothing selected")));
    CHECK_FALSE(managed->detailsText().contains(name));

    console.window->actions().clearFilters->trigger();
    REQUIRE(waitUntil([&] { return managed->shownCount() == 300 && !managed->model().isQueryPending(); }));
    selectOne(console, TabKind::Managed, 1);
    REQUIRE_FALSE(managed->detailsText().contains(QStringLiteral("Nothing selected")));
    managed->table()->clearSelection();
    CHECK(managed->detailsText().contains(QStringLiteral("Nothing selected")));
    QTest::qWait(300); // the search box's clear button fades out
    saveScreenshot(console.window.get(), QStringLiteral("details-nothing-selected"));
}

TEST_CASE("The details pane breaks email addresses only after @ and dots", "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    auto *splitter = managed->findChild<QSplitter *>();
    REQUIRE(splitter);
    splitter->setSizes({2000, 1}); // the pane at its narrowest
    QTest::qWait(20);
    // An enrolled device: one being deprovisioned is not re-assigned.
    int row = 0;
    while (managed->model().index(row, ManagedColumn::Status).data().toString() != QStringLiteral("Enrolled"))
        ++row;
    const qint64 id = selectOne(console, TabKind::Managed, row);
    AssignTarget target;
    target.name = QStringLiteral("Maximiliane Oberhauser-Lindqvist");
    target.email = QStringLiteral("maximiliane.oberhauser-lindqvist@subsidiary.example.org");
    REQUIRE(
        DeviceService(*console.store, console.clock).reassign({id}, target).count(Outcome::Result::Done) ==
        1);
    REQUIRE(waitUntil([&] { return managed->detailsText().contains(target.email); }));
    // What the pane gives for copying has no invisible break characters in it.
    CHECK_FALSE(managed->detailsText().contains(kZeroWidthSpace));

    QTextBrowser *browser = paneBrowser(managed);
    QTextDocument *document = browser->document();
    document->documentLayout()->documentSize(); // lays the document out
    bool found = false;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        QString text = block.text();
        text.remove(kZeroWidthSpace);
        if (text != target.email)
            continue;
        found = true;
        const QTextLayout *layout = block.layout();
        REQUIRE(layout);
        CHECK(layout->lineCount() > 1); // too long for the narrow pane: it wraps
        for (int i = 1; i < layout->lineCount(); ++i) {
            const int start = layout->lineAt(i).textStart();
            const QChar before = block.text().at(start - 1);
            INFO(block.text().left(start).toStdString());
            CHECK((before == kZeroWidthSpace || before == QLatin1Char('-')));
        }
    }
    CHECK(found);
    saveScreenshot(console.window.get(), QStringLiteral("details-long-email"));
}

TEST_CASE("Tab leaves the table and keeps a multi-selection", "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    console.selectRows(TabKind::Managed, 2, 5);
    managed->table()->setFocus();
    REQUIRE(waitUntil([&] { return managed->table()->hasFocus(); }));
    QTest::keyClick(managed->table(), Qt::Key_Tab);
    CHECK_FALSE(managed->table()->hasFocus());
    CHECK(managed->selectedCount() == 4);
}

TEST_CASE("Columns are wide enough for their content at 1360x820", "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
        DeviceTabView *view = console.show(kind);
        QTest::qWait(50);
        QHeaderView *header = view->table()->horizontalHeader();
        const TabSpec &spec = view->model().spec();
        for (int c = 0; c < spec.columnCount(); ++c) {
            const QByteArray key = spec.columns[c].key;
            static const QByteArrayList fixedShape = {"platform", "status",      "ownership", "serial",
                                                      "imei",     "enrolled_on", "last_seen", "requested",
                                                      "expires",  "type",        "resends"};
            if (header->isSectionHidden(c) || !fixedShape.contains(key))
                continue;
            INFO(key.toStdString());
            // What the delegate needs for the widest of the rows shown, icon and margins included.
            const int needed = static_cast<QAbstractItemView *>(view->table())->sizeHintForColumn(c);
            CHECK(header->sectionSize(c) >= needed);
            CHECK(header->sectionSize(c) >= header->sectionSizeHint(c));
        }
        // Remarks ("Waiting for the mail server", "550 5.1.1 Mailbox unavailable") fit whole.
        if (kind == TabKind::Pending) {
            const int needed =
                static_cast<QAbstractItemView *>(view->table())->sizeHintForColumn(PendingColumn::Remarks);
            CHECK(header->sectionSize(PendingColumn::Remarks) >= needed);
        }
        saveScreenshot(console.window.get(), QStringLiteral("columns-%1").arg(static_cast<int>(kind)));
    }
}

TEST_CASE("Platform icons stay visible on selected rows", "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    console.selectRows(TabKind::Managed, 0, 3);
    const QIcon icon =
        managed->model().index(0, ManagedColumn::Device).data(Qt::DecorationRole).value<QIcon>();
    REQUIRE_FALSE(icon.isNull());
    // On a selected row the picture stands out from the highlight behind it: its drawn pixels differ in
    // lightness from the highlight by at least a third of the scale, on average.
    const QColor highlight = managed->table()->palette().color(QPalette::Highlight);
    const QImage selected = icon.pixmap(QSize(16, 16), QIcon::Selected).toImage();
    const QImage normal = icon.pixmap(QSize(16, 16), QIcon::Normal).toImage();
    int ink = 0;
    int contrast = 0;
    for (int y = 0; y < selected.height(); ++y)
        for (int x = 0; x < selected.width(); ++x) {
            const QColor pixel = selected.pixelColor(x, y);
            if (pixel.alpha() < 128)
                continue;
            ++ink;
            contrast += std::abs(pixel.lightness() - highlight.lightness());
        }
    REQUIRE(ink > 20);
    CHECK(contrast / ink > 85);
    // Unselected rows keep the platform's colours.
    CHECK(normal != selected);
    QTest::qWait(50);
    saveScreenshot(managed->table(), QStringLiteral("selected-platform-icons"));
}

TEST_CASE("Hiding the details pane gives its space to the table", "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    QAction *toggle = console.window->actions().toggleDetailsPane;
    toggle->setChecked(true);
    QTest::qWait(50);
    const int withPane = managed->table()->width();
    toggle->setChecked(false);
    QTest::qWait(50);
    CHECK(managed->table()->width() > withPane);
    CHECK(managed->table()->width() >= managed->width() - 20);
    saveScreenshot(console.window.get(), QStringLiteral("details-hidden"));
    toggle->setChecked(true);
    QTest::qWait(50);
    CHECK(managed->table()->width() == withPane);

    // The same after a restart with the pane hidden, and once it is shown again.
    toggle->setChecked(false);
    console.window->close();
    console.window = std::make_unique<MainWindow>(*console.store, console.clock);
    console.window->resize(1360, 820);
    console.window->show();
    REQUIRE(waitUntil([&] { return console.settled(); }));
    managed = console.show(TabKind::Managed);
    QTest::qWait(50);
    CHECK(managed->table()->width() >= managed->width() - 20);
    console.window->actions().toggleDetailsPane->setChecked(true);
    QTest::qWait(50);
    CHECK(managed->table()->width() < managed->width() - 200);
    saveScreenshot(console.window.get(), QStringLiteral("details-shown-after-restart"));
    console.window->actions().toggleDetailsPane->setChecked(false);
    QTest::qWait(50);
    CHECK(managed->table()->width() >= managed->width() - 20);
}

TEST_CASE("Clearing search and filters also hides the search box's clear button", "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    QLineEdit *search = managed->searchBox();
    QTest::keyClicks(search, QStringLiteral("silva"));
    QToolButton *clearButton = nullptr;
    for (QToolButton *button : search->findChildren<QToolButton *>())
        if (button->defaultAction() &&
            button->defaultAction()->objectName() == QStringLiteral("_q_qlineeditclearaction"))
            clearButton = button;
    REQUIRE(clearButton);
    REQUIRE(waitUntil([&] { return clearButton->isVisible(); }));
    QTest::keyClick(console.window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(search->text().isEmpty());
    CHECK(waitUntil([&] { return !clearButton->isVisible(); }, 3000));
    REQUIRE(waitUntil([&] { return managed->shownCount() == 300 && !managed->model().isQueryPending(); }));
}

TEST_CASE("The window title names the store once, then the application", "[gui][details]")
{
    mdm::test::ConsoleFixture console;
    CHECK(console.window->windowFilePath() == console.store->path());
    REQUIRE(console.window->windowHandle());
    // The platform adds the application's display name after it: "console.db — MDM Enrollment Console".
    CHECK(console.window->windowHandle()->title() == QStringLiteral("console.db"));
}
