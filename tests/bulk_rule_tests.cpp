// Predictable bulk actions: what an action on several records asks first, how records are named in
// the result sheet and the confirmations, the toolbar at a laptop's width, and a failed export. The cases
// on records run on SQLite and, with MDM_TEST_PG_URI set, on PostgreSQL; the toolbar's layout does not
// depend on the store.
#include "console_fixture.h"
#include "dialogs/export_dialog.h"
#include "dialogs/result_sheet.h"
#include "domain/clock.h"
#include "gui_support.h"
#include "pg_support.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "services/record_labels.h"
#include "store/store.h"
#include "tabs/device_tab_view.h"
#include "test_support.h"
#include "window/action_controller.h"
#include "window/action_runner.h"
#include "window/console_actions.h"
#include "window/layout_settings.h"
#include "window/main_window.h"
#include "window/message_box.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::saveScreenshot;
using mdm::test::scalar;
using mdm::test::storeBackends;
using mdm::test::TempDir;
using mdm::test::TestStoreLocation;
using mdm::test::waitUntil;

namespace {

QString str(const char *text)
{
    return QString::fromUtf8(text);
}

// Everything an action could change leaves a trace in one of these.
qint64 fingerprint(const Store &store)
{
    return scalar(store,
                  str("SELECT (SELECT count(*) FROM audit_log) * 1000000 + (SELECT count(*) FROM outbox)"
                      " * 1000 + (SELECT count(*) FROM commands)"));
}

// Closes the dialog the last action opened and waits until it is gone, so the next one is told apart.
void closeLastDialog(mdm::test::ConsoleFixture &console)
{
    ActionController &controller = console.window->controller();
    if (QDialog *dialog = controller.lastDialog())
        dialog->close();
    REQUIRE(waitUntil([&] { return controller.lastDialog() == nullptr; }));
}

struct Asked
{
    bool box = false;
    bool dialog = false;
    MessageBox::Message message;
};

// Triggers the action with Cancel as the answer to any question: what it asked; when it asked, nothing
// changed.
Asked triggerAndCancel(mdm::test::ConsoleFixture &console, QAction *action)
{
    const qint64 before = fingerprint(*console.store);
    const int boxes = MessageBox::count();
    MessageBox::setNextAnswer(MessageBox::Cancel);
    action->trigger();
    MessageBox::setNextAnswer(std::nullopt);
    Asked asked;
    asked.box = MessageBox::count() > boxes;
    asked.message = MessageBox::lastMessage();
    asked.dialog = console.window->controller().lastDialog() != nullptr;
    if (asked.dialog)
        closeLastDialog(console);
    console.waitForAction();
    if (asked.box || asked.dialog)
        CHECK(fingerprint(*console.store) == before);
    return asked;
}

} // namespace

TEST_CASE("Every action on more than one record asks first, with the count", "[gui][actions]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(300, {}, where.location());
            ConsoleActions &actions = console.window->actions();
            for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
                // Ctrl+A, as the admin did: every shown record of the tab.
                DeviceTabView *tab = console.show(kind);
                actions.selectAll->trigger();
                REQUIRE(tab->selectedCount() > 1);
                const QString count = QLocale().toString(tab->selectedCount());
                for (QAction *action : actions.tabActions(kind)) {
                    if (!action->isEnabled() || action == actions.importStaged ||
                        action == actions.resendExpired)
                        continue; // these do not act on the selection
                    INFO(action->text().toStdString());
                    CHECK(action->text().endsWith(QChar(0x2026)));
                    const Asked asked = triggerAndCancel(console, action);
                    CHECK((asked.box || asked.dialog));
                    if (asked.box) {
                        CHECK(asked.message.text.contains(count));
                        CHECK(asked.message.informativeText.contains(count));
                    }
                }
            }
        }
    }
}

TEST_CASE("Ctrl+A then Ctrl+R on Enrollment Pending asks before any mail is queued", "[gui][actions]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(300, {}, where.location());
            DeviceTabView *pending = console.show(TabKind::Pending);
            console.window->activateWindow();
            pending->table()->setFocus();
            REQUIRE(waitUntil([&] { return QApplication::focusWidget() == pending->table(); }));
            const qint64 queued = scalar(*console.store, str("SELECT count(*) FROM outbox"));
            QTest::keyClick(pending->table(), Qt::Key_A, Qt::ControlModifier);
            REQUIRE(pending->selectedCount() == pending->shownCount());
            const int boxes = MessageBox::count();
            MessageBox::setNextAnswer(MessageBox::Cancel);
            QTest::keyClick(pending->table(), Qt::Key_R, Qt::ControlModifier);
            MessageBox::setNextAnswer(std::nullopt);
            REQUIRE(MessageBox::count() == boxes + 1);
            CHECK(MessageBox::lastMessage().text.startsWith(
                str("Resend %1 enrollment invitations?").arg(pending->selectedCount())));
            console.waitForAction();
            CHECK(scalar(*console.store, str("SELECT count(*) FROM outbox")) == queued);
        }
    }
}

TEST_CASE("An action's label ends in an ellipsis exactly when a question or dialog follows", "[gui][actions]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(300, {}, where.location());
            ConsoleActions &actions = console.window->actions();
            for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
                for (int rows : {1, 2}) {
                    console.selectRows(kind, 0, rows - 1);
                    QList<QAction *> candidates = actions.tabActions(kind);
                    candidates << actions.sendInvite << actions.exportList;
                    for (QAction *action : candidates) {
                        if (!action->isEnabled())
                            continue;
                        INFO(action->text().toStdString() << " with " << rows << " selected");
                        const bool promises = action->text().endsWith(QChar(0x2026));
                        const Asked asked = triggerAndCancel(console, action);
                        if (!promises) {
                            // It ran at once (Resend on one invitation), asking nothing.
                            CHECK_FALSE(asked.box);
                            CHECK_FALSE(asked.dialog);
                            continue;
                        }
                        CHECK((asked.box || asked.dialog));
                    }
                }
            }
        }
    }
}

TEST_CASE("Resend All Expired is at hand on every tab and confirms with the list", "[gui][actions]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(300, {}, where.location());
            ConsoleActions &actions = console.window->actions();
            const qint64 expired = static_cast<qint64>(
                EnrollmentService(*console.store, console.clock).expiredInvitationIds().size());
            REQUIRE(expired > 1);
            for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
                console.show(kind);
                INFO(static_cast<int>(kind));
                REQUIRE(actions.resendExpired->isEnabled());
                const Asked asked = triggerAndCancel(console, actions.resendExpired);
                REQUIRE(asked.box);
                CHECK(asked.message.text.startsWith(str("Resend %1 expired invitations?").arg(expired)));
                CHECK(asked.message.detailedText.contains(str("@")));
            }
        }
    }
}

TEST_CASE("Result sheets and confirmations tell devices of one name apart by serial or IMEI",
          "[gui][actions]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(300, {}, where.location());
            Store &store = *console.store;
            const qint64 user = scalar(store, str("SELECT min(id) FROM users"));
            QList<qint64> ids;
            for (const char *values : {"'F2LXAAA1', NULL", "'F2LXAAA2', NULL", "NULL, '356938035643809'"}) {
                QSqlQuery q(store.database());
                REQUIRE(q.exec(
                    str("INSERT INTO devices (name, platform, serial, imei, user_id, state, enrolled_at)"
                        " VALUES ('Aiko''s iPhone 14', 1, %1, %2, 1, 0)")
                        .arg(QString::fromLatin1(values))
                        .arg(user)));
                ids << q.lastInsertId().toLongLong();
            }
            const BulkResult result =
                DeviceService(store, console.clock).deprovision(ids, DeprovisionMode::RevokeMdm);
            REQUIRE(result.ok);
            QStringList labels;
            for (const Outcome &o : result.outcomes)
                labels << o.label;
            CHECK(labels == QStringList{str("Aiko's iPhone 14 (F2LXAAA1)"),
                                        str("Aiko's iPhone 14 (F2LXAAA2)"),
                                        str("Aiko's iPhone 14 (IMEI 356938035643809)")});
            CHECK(RecordLabels::device(7, {}, {}, str("356938035643809")) == str("IMEI 356938035643809"));
            CHECK(RecordLabels::device(7, {}, {}, {}) == str("#7"));

            ResultSheet sheet(str("Revoke MDM"), result, console.window.get());
            sheet.show();
            for (const QString &label : labels)
                CHECK(sheet.asText().contains(label));
            saveScreenshot(&sheet, str("actions-result-sheet-labels"));
            sheet.close();

            // Invitations: the address and the platform, in the result and in the confirmation's list.
            const qint64 first = scalar(store, str("SELECT min(id) FROM invitations WHERE state = 0"));
            QSqlQuery q(store.database());
            REQUIRE(q.exec(str("SELECT email, platform FROM invitations WHERE id = %1").arg(first)));
            REQUIRE(q.next());
            const QString expected =
                RecordLabels::invitation(q.value(0).toString(), static_cast<Platform>(q.value(1).toInt()));
            CHECK(expected.endsWith(
                str(" (%1)").arg(DomainText::platform(static_cast<Platform>(q.value(1).toInt())))));
            const BulkResult resent = EnrollmentService(store, console.clock).resend({first});
            REQUIRE(resent.outcomes.size() == 1);
            CHECK(resent.outcomes.first().label == expected);

            // The confirmation names the selected staged devices as the result sheet will.
            DeviceTabView *staged = console.show(TabKind::Staged);
            console.selectRows(TabKind::Staged, 0, 1);
            const std::vector<qint64> selected = staged->selectedIds();
            REQUIRE(selected.size() == 2);
            MessageBox::setNextAnswer(MessageBox::Cancel);
            console.window->actions().removeStaged->trigger();
            const QStringList listed =
                RecordLabels::of(store, RecordKind::Device, {selected[0], selected[1]}, 50);
            REQUIRE(listed.size() == 2);
            CHECK(MessageBox::lastMessage().detailedText == listed.join(QLatin1Char('\n')));
            CHECK(listed.first().contains(QLatin1Char('(')));
        }
    }
}

TEST_CASE("Confirmations read right for one record and for many", "[gui][actions]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(300, {}, where.location());
            ConsoleActions &actions = console.window->actions();
            const auto confirmationFor = [&](TabKind kind, int rows, QAction *action) {
                console.selectRows(kind, 0, rows - 1);
                const Asked asked = triggerAndCancel(console, action);
                REQUIRE(asked.box);
                CHECK_FALSE(asked.message.text.contains(str("(s)")));
                CHECK_FALSE(asked.message.acceptText.contains(str("(s)")));
                return asked.message;
            };
            MessageBox::Message m = confirmationFor(TabKind::Pending, 1, actions.removeRequest);
            CHECK(m.text.startsWith(str("Remove 1 enrollment request from")));
            CHECK_FALSE(m.text.contains(str("requests")));
            CHECK(m.acceptText == str("Remove 1 Request"));
            m = confirmationFor(TabKind::Pending, 2, actions.removeRequest);
            CHECK(m.text.startsWith(str("Remove 2 enrollment requests from")));
            CHECK(m.acceptText == str("Remove 2 Requests"));

            m = confirmationFor(TabKind::Staged, 1, actions.removeStaged);
            CHECK(m.text.startsWith(str("Remove 1 staged device?")));
            CHECK_FALSE(m.text.contains(str("They ")));
            CHECK(m.acceptText == str("Remove 1 Device"));
            m = confirmationFor(TabKind::Staged, 3, actions.removeStaged);
            CHECK(m.text.startsWith(str("Remove 3 staged devices?")));

            m = confirmationFor(TabKind::Pending, 2, actions.resend);
            CHECK(m.text.startsWith(str("Resend 2 enrollment invitations?")));
            CHECK(m.acceptText == str("Resend 2 Invitations"));
        }
    }
}

TEST_CASE("The toolbar keeps every action in view at 1360 pixels, whatever the count", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    QToolBar *bar = console.window->findChild<QToolBar *>(str("mainToolBar"));
    REQUIRE(bar);
    ConsoleActions &actions = console.window->actions();
    REQUIRE(console.window->width() == 1360);
    for (TabKind kind : {TabKind::Managed, TabKind::Pending, TabKind::Staged}) {
        console.show(kind);
        // As on the 200,000-device store: counts in the hundred thousands.
        actions.update(kind, 200000, 200000, false);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QApplication::processEvents();
        auto *extension = bar->findChild<QToolButton *>(str("qt_toolbar_ext_button"));
        CHECK((extension == nullptr || !extension->isVisible()));
        for (QAction *action : actions.toolBarActions()) {
            if (!action)
                continue;
            INFO(action->text().toStdString());
            QWidget *button = bar->widgetForAction(action);
            REQUIRE(button);
            CHECK(button->isVisible());
            CHECK(button->geometry().right() <= bar->width());
            CHECK_FALSE(action->iconText().contains(str("200")));
        }
        if (kind == TabKind::Managed) {
            CHECK(actions.reassign->text().contains(str("200,000")));
            CHECK(actions.reassign->toolTip() == str("Re-Assign 200,000 Devices"));
            CHECK(actions.reassign->iconText() == str("Re-Assign"));
            saveScreenshot(bar, str("actions-toolbar-200000"));
        }
    }
    CHECK(actions.importStaged->iconText() == str("Import"));
    CHECK(actions.sendInvite->iconText() == str("Invite"));
}

TEST_CASE("A failed export closes its progress before the error, and the export folder is remembered",
          "[gui][actions]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(300, {}, where.location());
            TempDir dir;
            const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
            const QString fallback = QFileInfo(documents).isDir() ? documents : QDir::homePath();
            CHECK(ExportDialog::proposedFolder(dir.file(str("gone"))) == fallback);
            CHECK(ExportDialog::proposedFolder({}) == fallback);
            CHECK(ExportDialog::proposedFolder(dir.path()) == dir.path());

            console.show(TabKind::Managed);
            console.window->actions().exportList->trigger();
            auto *dialog = console.dialog<ExportDialog>();
            CHECK(QFileInfo(QFileInfo(dialog->path()).absolutePath()).isDir());
            dialog->pathEdit()->setText(dir.file(str("no-such-folder/managed.csv")));

            // The real box this time: its event loop is where the progress dialog used to come back.
            bool progressOverBox = false;
            bool boxShown = false;
            QTimer::singleShot(900, console.window.get(), [&] {
                for (auto *progress : console.window->findChildren<QProgressDialog *>())
                    progressOverBox = progressOverBox || progress->isVisible();
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box)
                    for (QWidget *w : QApplication::topLevelWidgets())
                        if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible())
                            box = b;
                if (box) {
                    boxShown = true;
                    saveScreenshot(box, str("actions-export-failed"));
                    box->button(QMessageBox::Ok)->click();
                }
            });
            dialog->exportButton()->click();
            console.waitForAction();
            REQUIRE(waitUntil([&] { return boxShown; }));
            CHECK_FALSE(progressOverBox);
            CHECK(MessageBox::lastMessage().text.contains(str("Nothing was exported")));
            CHECK(UiSettings::exportFolder().get().isEmpty());

            // A good export: its folder is proposed the next time.
            QDir(dir.path()).mkpath(str("exports"));
            console.window->actions().exportList->trigger();
            auto *again = console.dialog<ExportDialog>();
            again->pathEdit()->setText(dir.file(str("exports/managed.csv")));
            again->exportButton()->click();
            console.waitForAction();
            REQUIRE(QFileInfo::exists(dir.file(str("exports/managed.csv"))));
            CHECK(UiSettings::exportFolder().get() == QDir(dir.file(str("exports"))).absolutePath());
            REQUIRE(waitUntil([&] { return console.window->controller().lastDialog() == nullptr; }));
            console.window->actions().exportList->trigger();
            auto *third = console.dialog<ExportDialog>();
            CHECK(QFileInfo(third->path()).absolutePath() == QDir(dir.file(str("exports"))).absolutePath());
            third->close();
        }
    }
}
