#include "console_fixture.h"
#include "dialogs/assign_dialog.h"
#include "dialogs/audit_log_window.h"
#include "dialogs/deprovision_dialog.h"
#include "dialogs/enrollment_steps_dialog.h"
#include "dialogs/export_dialog.h"
#include "dialogs/invite_dialog.h"
#include "dialogs/result_sheet.h"
#include "domain/clock.h"
#include "gui_support.h"
#include "index/audit_log_model.h"
#include "index/record_table_model.h"
#include "mail/mail_settings.h"
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
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::saveScreenshot;
using mdm::test::scalar;
using mdm::test::TempDir;
using mdm::test::waitUntil;

namespace {

// The cases below that run on both stores (storeBackends()).
void deprovisionManyReportsEach(const QString &backend);

} // namespace

TEST_CASE("Send invite validates its fields and adds a pending invitation", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    console.window->actions().sendInvite->trigger();
    auto *dialog = console.dialog<InviteDialog>();
    CHECK_FALSE(dialog->sendButton()->isEnabled());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Nora Field"));
    QTest::keyClicks(dialog->emailEdit(), QStringLiteral("nora.field@"));
    CHECK_FALSE(dialog->sendButton()->isEnabled());
    CHECK(dialog->problem().contains(QStringLiteral("not an email address")));
    saveScreenshot(dialog, QStringLiteral("dialog-invite-invalid"));
    QTest::keyClicks(dialog->emailEdit(), QStringLiteral("contoso.example"));
    CHECK(dialog->sendButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("dialog-invite"));
    dialog->sendButton()->click();
    console.waitForAction();

    CHECK(scalar(*console.store,
                 QStringLiteral("SELECT count(*) FROM invitations WHERE email = 'nora.field@contoso.example'"
                                " AND state = 0")) == 1);
    CHECK(scalar(*console.store,
                 QStringLiteral("SELECT count(*) FROM outbox o JOIN invitations i ON i.id = o.invitation_id"
                                " WHERE i.email = 'nora.field@contoso.example' AND o.state = 0")) == 1);
    REQUIRE(waitUntil([&] { return console.window->tab(TabKind::Pending)->totalCount() == 101; }));

    // The same address and platform again: the admin is warned and can decline.
    console.window->actions().sendInvite->trigger();
    auto *again = console.dialog<InviteDialog>();
    again->nameEdit()->setText(QStringLiteral("Nora Field"));
    again->emailEdit()->setText(QStringLiteral("NORA.FIELD@contoso.example"));
    MessageBox::setNextAnswer(MessageBox::Cancel);
    again->sendButton()->click();
    QTest::qWait(50);
    CHECK(MessageBox::lastMessage().text.contains(QStringLiteral("already has a valid pending")));
    CHECK(scalar(*console.store,
                 QStringLiteral(
                     "SELECT count(*) FROM invitations WHERE email = 'nora.field@contoso.example'")) == 1);
}

TEST_CASE("Deprovision needs the typed device name before the destructive button enables", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    // Pick an enrolled device.
    int row = 0;
    while (managed->model().index(row, ManagedColumn::Status).data().toString() != QStringLiteral("Enrolled"))
        ++row;
    console.selectRows(TabKind::Managed, row, row);
    const qint64 id = managed->model().idAt(row);
    const QString name = managed->model().index(row, ManagedColumn::Device).data().toString();
    console.window->actions().deprovision->trigger();
    auto *dialog = console.dialog<DeprovisionDialog>();
    CHECK(dialog->expectedConfirmation() == name);
    CHECK_FALSE(dialog->destroyButton()->isEnabled());
    QTest::keyClicks(dialog->confirmationEdit(), name.left(3));
    CHECK_FALSE(dialog->destroyButton()->isEnabled());
    dialog->confirmationEdit()->setText(name);
    CHECK(dialog->destroyButton()->isEnabled());
    dialog->factoryResetChoice()->setChecked(true);
    CHECK(dialog->destroyButton()->text() == QStringLiteral("Factory Reset"));
    saveScreenshot(dialog, QStringLiteral("dialog-deprovision-one"));
    dialog->destroyButton()->click();
    console.waitForAction();

    CHECK(scalar(*console.store, QStringLiteral("SELECT state FROM devices WHERE id = %1").arg(id)) == 4);
    CHECK(scalar(*console.store,
                 QStringLiteral("SELECT kind FROM commands WHERE device_id = %1 AND state = 0").arg(id)) ==
          2);
    REQUIRE(waitUntil([&] {
        return managed->model().index(managed->model().rowOf(id), ManagedColumn::Status).data().toString() ==
               QStringLiteral("Wipe pending");
    }));
    CHECK(console.window->controller().lastMessage().contains(name));
}

TEST_CASE("Deprovisioning many devices asks for their number and reports each one", "[gui][actions]")
{
    for (const QString &backend : mdm::test::storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            deprovisionManyReportsEach(backend);
        }
    }
}

namespace {

void deprovisionManyReportsEach(const QString &backend)
{
    mdm::test::ConsoleFixture console(backend);
    console.selectRows(TabKind::Managed, 0, 19);
    console.window->actions().deprovision->trigger();
    auto *dialog = console.dialog<DeprovisionDialog>();
    CHECK(dialog->expectedConfirmation() == QStringLiteral("20"));
    QTest::keyClicks(dialog->confirmationEdit(), QStringLiteral("20"));
    CHECK(dialog->destroyButton()->isEnabled());
    CHECK(dialog->destroyButton()->text() == QStringLiteral("Revoke MDM on 20 Devices"));
    saveScreenshot(dialog, QStringLiteral("dialog-deprovision-many"));
    dialog->destroyButton()->click();
    console.waitForAction();
    ResultSheet *sheet = console.window->controller().lastResultSheet();
    REQUIRE(sheet);
    CHECK(sheet->asText().count(QLatin1Char('\n')) == 21);
    CHECK(sheet->summary().contains(QStringLiteral("done")));
    saveScreenshot(sheet, console.isPostgres() ? QStringLiteral("dialog-result-sheet-postgresql")
                                               : QStringLiteral("dialog-result-sheet"));
    sheet->close();
}

} // namespace

TEST_CASE("Re-assign moves devices to a new user in one step", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    console.selectRows(TabKind::Managed, 3, 4);
    DeviceTabView *managed = console.window->tab(TabKind::Managed);
    const qint64 first = managed->model().idAt(3);
    const qint64 second = managed->model().idAt(4);
    console.window->actions().reassign->trigger();
    auto *dialog = console.dialog<AssignDialog>();
    CHECK(dialog->userList()->count() > 0);
    CHECK_FALSE(dialog->okButton()->isEnabled());
    dialog->newUserChoice()->setChecked(true);
    QTest::keyClicks(dialog->newNameEdit(), QStringLiteral("Olu Adeyemi"));
    QTest::keyClicks(dialog->newEmailEdit(), QStringLiteral("olu.adeyemi@contoso.example"));
    CHECK(dialog->okButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("dialog-reassign"));
    dialog->okButton()->click();
    console.waitForAction();
    const qint64 user = scalar(
        *console.store, QStringLiteral("SELECT id FROM users WHERE email = 'olu.adeyemi@contoso.example'"));
    CHECK(user > 0);
    CHECK(scalar(*console.store,
                 QStringLiteral("SELECT count(*) FROM devices WHERE user_id = %1 AND id IN (%2, %3)")
                     .arg(user)
                     .arg(first)
                     .arg(second)) == 2);
}

TEST_CASE("Resending more than one invitation asks first, with the count, one goes at once", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    const QString resent = QStringLiteral("SELECT sum(resend_count) FROM invitations");
    const qint64 before = scalar(*console.store, resent);
    console.selectRows(TabKind::Pending, 0, 2);
    const int boxes = MessageBox::count();
    MessageBox::setNextAnswer(MessageBox::Cancel);
    console.window->actions().resend->trigger();
    CHECK(MessageBox::count() == boxes + 1);
    CHECK(MessageBox::lastMessage().text.contains(QStringLiteral("Resend 3 enrollment invitations?")));
    CHECK_FALSE(console.window->controller().runner().isBusy());
    console.waitForAction();
    CHECK(scalar(*console.store, resent) == before);

    console.selectRows(TabKind::Pending, 0, 0);
    console.window->actions().resend->trigger();
    console.waitForAction();
    CHECK(MessageBox::count() == boxes + 1);
    CHECK(scalar(*console.store, resent) == before + 1);
}

TEST_CASE("Resend gives a summary and Remove request confirms and removes rows", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *pending = console.show(TabKind::Pending);
    console.selectRows(TabKind::Pending, 0, 2);
    const std::vector<qint64> ids = pending->selectedIds();
    MessageBox::setNextAnswer(MessageBox::Accept); // three invitations: the count is confirmed first
    console.window->actions().resend->trigger();
    console.waitForAction();
    ResultSheet *sheet = console.window->controller().lastResultSheet();
    REQUIRE(sheet);
    CHECK(sheet->summary().startsWith(QStringLiteral("3 done")));
    sheet->close();
    CHECK(scalar(*console.store,
                 QStringLiteral("SELECT sum(resend_count > 0) FROM invitations WHERE id IN (%1, %2, %3)")
                     .arg(ids[0])
                     .arg(ids[1])
                     .arg(ids[2])) == 3);

    console.selectRows(TabKind::Pending, 10, 11);
    MessageBox::setNextAnswer(MessageBox::Accept);
    console.window->actions().removeRequest->trigger();
    CHECK(MessageBox::lastMessage().text.contains(QStringLiteral("Remove 2 enrollment requests")));
    console.waitForAction();
    REQUIRE(waitUntil([&] { return pending->totalCount() == 98 && pending->shownCount() == 98; }));
    CHECK(scalar(*console.store, QStringLiteral("SELECT count(*) FROM invitations WHERE state = 2")) == 2);

    MessageBox::setNextAnswer(MessageBox::Cancel);
    console.window->actions().resendExpired->trigger();
    CHECK(MessageBox::lastMessage().text.contains(QStringLiteral("expired invitation")));
}

TEST_CASE("Staged devices are assigned and removed with confirmation", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *staged = console.show(TabKind::Staged);
    console.selectRows(TabKind::Staged, 0, 1);
    const std::vector<qint64> ids = staged->selectedIds();
    console.window->actions().assignStaged->trigger();
    auto *dialog = console.dialog<AssignDialog>();
    dialog->userList()->setCurrentRow(0);
    dialog->inviteBox()->setChecked(true);
    REQUIRE(dialog->okButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("dialog-assign-staged"));
    dialog->okButton()->click();
    console.waitForAction();
    CHECK(scalar(*console.store,
                 QStringLiteral("SELECT count(DISTINCT user_id) FROM devices WHERE id IN (%1, %2)")
                     .arg(ids[0])
                     .arg(ids[1])) == 1);
    REQUIRE(waitUntil([&] { return console.window->tab(TabKind::Pending)->totalCount() == 102; }));

    console.selectRows(TabKind::Staged, 0, 0);
    MessageBox::setNextAnswer(MessageBox::Accept);
    console.window->actions().removeStaged->trigger();
    console.waitForAction();
    REQUIRE(waitUntil([&] { return staged->totalCount() == 59; }));
}

TEST_CASE("Enrollment steps and the audit log show what happened", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    // The dialog shows the link the mail carries: from the mail settings, joined with one "/".
    MailSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.fromAddress = QStringLiteral("it@contoso.example");
    settings.linkBase = QStringLiteral("https://mdm.contoso.example/enroll//");
    QString error;
    REQUIRE(settings.save(*console.store, &error));
    console.selectRows(TabKind::Pending, 0, 0);
    console.window->actions().resend->trigger();
    console.waitForAction();
    console.selectRows(TabKind::Pending, 0, 0);
    console.window->actions().enrollmentSteps->trigger();
    auto *steps = console.dialog<EnrollmentStepsDialog>();
    CHECK(steps->detailsText().contains(QStringLiteral("Valid until")));
    CHECK(steps->detailsText().contains(QStringLiteral("https://mdm.contoso.example/enroll/")));
    CHECK_FALSE(steps->detailsText().contains(QStringLiteral("enroll//")));
    CHECK_FALSE(steps->detailsText().contains(QStringLiteral("mdm.example.com")));
    saveScreenshot(steps, QStringLiteral("dialog-enrollment-steps"));
    steps->close();

    console.window->actions().auditLog->trigger();
    AuditLogWindow *log = console.window->controller().auditLogWindow();
    REQUIRE(log);
    CHECK(log->model().rowCount() == 3); // the demo fill, the mail settings saved above, the resend
    CHECK(log->model().index(1, AuditLogModel::Action).data().toString() ==
          QStringLiteral("Mail settings changed"));
    CHECK(log->model().index(0, AuditLogModel::Action).data().toString() ==
          QStringLiteral("Enrollment invite resent"));
    log->searchBox()->setText(QStringLiteral("demo"));
    REQUIRE(waitUntil([&] { return log->model().rowCount() == 1; }));
    saveScreenshot(log, QStringLiteral("window-audit-log"));
}

TEST_CASE("A failed bulk action changes nothing and can be retried from its result sheet", "[gui][actions]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *pending = console.show(TabKind::Pending);
    console.selectRows(TabKind::Pending, 0, 2);
    const std::vector<qint64> ids = pending->selectedIds();
    QSqlQuery q(console.store->database());
    REQUIRE(q.exec(QStringLiteral("CREATE TRIGGER fail_once BEFORE UPDATE ON invitations WHEN NEW.id = %1"
                                  " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
                       .arg(ids[1])));
    MessageBox::setNextAnswer(MessageBox::Accept);
    console.window->actions().resend->trigger();
    console.waitForAction();
    // Guarded: the sheet closes itself on Retry, and a new one may be allocated at the same address.
    QPointer<ResultSheet> failed = console.window->controller().lastResultSheet();
    REQUIRE(failed);
    CHECK(failed->summary().contains(QStringLiteral("Nothing was changed")));
    CHECK(failed->summary().contains(QStringLiteral("disk on fire")));
    CHECK(scalar(
              *console.store,
              QStringLiteral("SELECT count(*) FROM invitations WHERE resend_count > 0 AND id IN (%1, %2, %3)")
                  .arg(ids[0])
                  .arg(ids[1])
                  .arg(ids[2])) == 0);
    saveScreenshot(failed, QStringLiteral("dialog-result-failed"));

    REQUIRE(q.exec(QStringLiteral("DROP TRIGGER fail_once")));
    REQUIRE(failed->retryButton()->isEnabled());
    failed->retryButton()->click();
    console.waitForAction();
    ResultSheet *retried = console.window->controller().lastResultSheet();
    REQUIRE(retried);
    REQUIRE(retried != failed.data());
    CHECK(retried->summary().startsWith(QStringLiteral("3 done")));
}

TEST_CASE("While an action runs, the actions that would start another are disabled", "[gui][actions]")
{
    mdm::test::ConsoleFixture console(900); // 300 pending invitations
    ConsoleActions &actions = console.window->actions();
    const ActionRunner &runner = console.window->controller().runner();
    DeviceTabView *pending = console.show(TabKind::Pending);
    pending->selectAllShown();
    REQUIRE(pending->selectedCount() == 300);
    const QList<QAction *> conflicting{actions.sendInvite,   actions.importInvites, actions.importStaged,
                                       actions.exportList,   actions.resend,        actions.resendExpired,
                                       actions.removeRequest};
    for (QAction *action : conflicting) {
        INFO(action->text().toStdString());
        REQUIRE(action->isEnabled());
    }

    MessageBox::setNextAnswer(MessageBox::Accept);
    actions.resend->trigger();
    REQUIRE(runner.isBusy());
    for (QAction *action : actions.jobActions()) {
        INFO(action->text().toStdString());
        CHECK_FALSE(action->isEnabled());
    }
    // What starts nothing stays at hand.
    CHECK(actions.copy->isEnabled());
    CHECK(actions.find->isEnabled());
    CHECK(actions.auditLog->isEnabled());
    // A disabled action asks nothing and starts nothing (were it enabled, Cancel answers its question).
    const int boxes = MessageBox::count();
    MessageBox::setNextAnswer(MessageBox::Cancel);
    actions.removeRequest->trigger();
    MessageBox::setNextAnswer(std::nullopt);
    CHECK(MessageBox::count() == boxes);
    // A selection on another tab while it runs enables nothing.
    console.selectRows(TabKind::Managed, 0, 1);
    CHECK_FALSE(actions.reassign->isEnabled());
    CHECK_FALSE(actions.deprovision->isEnabled());
    console.selectRows(TabKind::Staged, 0, 1);
    CHECK_FALSE(actions.assignStaged->isEnabled());
    CHECK_FALSE(actions.removeStaged->isEnabled());
    console.show(TabKind::Pending);
    bool stayedDisabled = true;
    REQUIRE(waitUntil(
        [&] {
            if (runner.isBusy())
                for (QAction *action : conflicting)
                    stayedDisabled = stayedDisabled && !action->isEnabled();
            return !runner.isBusy();
        },
        60000));
    CHECK(stayedDisabled);
    console.waitForAction();
    ResultSheet *sheet = console.window->controller().lastResultSheet();
    REQUIRE(sheet);
    CHECK(sheet->summary().startsWith(QStringLiteral("300 done")));
    sheet->close();

    // Done: enabled again, as the selection allows.
    pending->selectAllShown();
    for (QAction *action : conflicting) {
        INFO(action->text().toStdString());
        CHECK(action->isEnabled());
    }
    console.selectRows(TabKind::Managed, 0, 1);
    CHECK(actions.reassign->isEnabled());
    CHECK(actions.deprovision->isEnabled());

    // An export is an action too.
    actions.exportList->trigger();
    auto *dialog = console.dialog<ExportDialog>();
    const QString path = console.dir.file(QStringLiteral("managed.csv"));
    dialog->pathEdit()->setText(path);
    dialog->exportButton()->click();
    REQUIRE(runner.isBusy());
    for (QAction *action : {actions.exportList, actions.reassign, actions.deprovision, actions.sendInvite,
                            actions.importStaged}) {
        INFO(action->text().toStdString());
        CHECK_FALSE(action->isEnabled());
    }
    console.waitForAction();
    CHECK(QFile::exists(path));
    for (QAction *action : {actions.exportList, actions.reassign, actions.deprovision, actions.sendInvite,
                            actions.importStaged}) {
        INFO(action->text().toStdString());
        CHECK(action->isEnabled());
    }
}
