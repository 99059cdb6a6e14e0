// A dialog open on records that another process changes: the service re-checks each record in its
// transaction, and the result sheet names every record skipped because it changed since the admin selected
// it, with what it is now. On SQLite and, with MDM_TEST_PG_URI set, on PostgreSQL.
#include "backend_store.h"
#include "console_fixture.h"
#include "dialogs/assign_dialog.h"
#include "dialogs/deprovision_dialog.h"
#include "dialogs/result_sheet.h"
#include "index/record_table_model.h"
#include "index/tab_spec.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "services/record_status.h"
#include "store/demo_data.h"
#include "window/console_actions.h"

#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::ConsoleFixture;
using mdm::test::kVisibleWithinMs;
using mdm::test::runConsole;
using mdm::test::storeBackends;
using mdm::test::TestStoreLocation;
using mdm::test::waitUntil;

namespace {

QString statusAt(const RecordTableModel &model, qint64 id)
{
    const int row = model.rowOf(id);
    return row < 0 ? QString() : model.index(row, ManagedColumn::Status).data().toString();
}

// Two rows next to each other whose devices are enrolled: both can be deprovisioned and re-assigned.
int twoEnrolledRows(const RecordTableModel &model)
{
    for (int row = 0; row + 1 < model.rowCount(); ++row)
        if (model.index(row, ManagedColumn::Status).data().toString() == QStringLiteral("Enrolled") &&
            model.index(row + 1, ManagedColumn::Status).data().toString() == QStringLiteral("Enrolled"))
            return row;
    return -1;
}

// Revokes MDM on one device from another process, the real command line, and waits for the window to show
// it: the admin could have seen the change, but the dialog was already open.
void revokeElsewhere(ConsoleFixture &console, const RecordTableModel &model, qint64 id)
{
    const auto revoked =
        runConsole({QStringLiteral("--db"), console.store->path(), QStringLiteral("deprovision"),
                    QStringLiteral("--device"), QString::number(id), QStringLiteral("--mode"),
                    QStringLiteral("revoke"), QStringLiteral("--yes")});
    REQUIRE(revoked.exitCode == 0);
    REQUIRE(
        waitUntil([&] { return statusAt(model, id) == QStringLiteral("Revoke pending"); }, kVisibleWithinMs));
}

QString reasonFor(const QString &sheetText, const QString &label)
{
    for (const QString &line : sheetText.split(QLatin1Char('\n')))
        if (line.contains(label))
            return line;
    return {};
}

} // namespace

TEST_CASE("A device deprovisioned by another process while the Deprovision dialog is open is named as "
          "changed",
          "[gui][changed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            ConsoleFixture console(50, {}, where.location());
            DeviceTabView *managed = console.show(TabKind::Managed);
            RecordTableModel &model = managed->model();
            const int row = twoEnrolledRows(model);
            REQUIRE(row >= 0);
            console.selectRows(TabKind::Managed, row, row + 1);
            const qint64 changed = model.idAt(row);
            const qint64 other = model.idAt(row + 1);
            const QString changedName = model.index(row, ManagedColumn::Device).data().toString();
            const QString otherName = model.index(row + 1, ManagedColumn::Device).data().toString();

            console.window->actions().deprovision->trigger();
            auto *dialog = console.dialog<DeprovisionDialog>();
            revokeElsewhere(console, model, changed);

            dialog->factoryResetChoice()->setChecked(true);
            dialog->confirmationEdit()->setText(dialog->expectedConfirmation());
            REQUIRE(dialog->destroyButton()->isEnabled());
            dialog->destroyButton()->click();
            console.waitForAction();

            ResultSheet *sheet = console.window->controller().lastResultSheet();
            REQUIRE(sheet);
            const QString text = sheet->asText();
            INFO(text.toStdString());
            CHECK(reasonFor(text, changedName)
                      .contains(QStringLiteral("Changed since you selected it: now Revoke pending")));
            CHECK(reasonFor(text, otherName).contains(QStringLiteral("Done")));
            CHECK_FALSE(reasonFor(text, otherName).contains(QStringLiteral("Changed since")));
            CHECK(sheet->summary().contains(QStringLiteral("1 done")));
            // The service re-checked in its transaction: the revoked device keeps the other process's
            // command.
            CHECK(mdm::test::scalar(*console.store,
                                    QStringLiteral("SELECT state FROM devices WHERE id = %1").arg(changed)) ==
                  3);
            CHECK(mdm::test::scalar(*console.store,
                                    QStringLiteral("SELECT state FROM devices WHERE id = %1").arg(other)) ==
                  4);
            mdm::test::saveScreenshot(sheet, QStringLiteral("changed-deprovision-sheet"));
            sheet->close();
        }
    }
}

TEST_CASE("A device deprovisioned by another process while the Re-assign dialog is open is not re-assigned",
          "[gui][changed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            ConsoleFixture console(50, {}, where.location());
            DeviceTabView *managed = console.show(TabKind::Managed);
            RecordTableModel &model = managed->model();
            const int row = twoEnrolledRows(model);
            REQUIRE(row >= 0);
            console.selectRows(TabKind::Managed, row, row + 1);
            const qint64 changed = model.idAt(row);
            const qint64 other = model.idAt(row + 1);
            const QString changedName = model.index(row, ManagedColumn::Device).data().toString();

            console.window->actions().reassign->trigger();
            auto *dialog = console.dialog<AssignDialog>();
            dialog->newUserChoice()->setChecked(true);
            QTest::keyClicks(dialog->newNameEdit(), QStringLiteral("Olu Adeyemi"));
            QTest::keyClicks(dialog->newEmailEdit(), QStringLiteral("olu.adeyemi@contoso.example"));
            revokeElsewhere(console, model, changed);
            REQUIRE(dialog->okButton()->isEnabled());
            dialog->okButton()->click();
            console.waitForAction();

            ResultSheet *sheet = console.window->controller().lastResultSheet();
            REQUIRE(sheet);
            const QString text = sheet->asText();
            INFO(text.toStdString());
            CHECK(reasonFor(text, changedName)
                      .contains(QStringLiteral("Changed since you selected it: now Revoke pending")));
            const QString user =
                QStringLiteral("(SELECT id FROM users WHERE email = 'olu.adeyemi@contoso.example')");
            CHECK(mdm::test::scalar(*console.store,
                                    QStringLiteral("SELECT count(*) FROM devices WHERE id = %1 AND "
                                                   "user_id = %2")
                                        .arg(changed)
                                        .arg(user)) == 0);
            CHECK(mdm::test::scalar(*console.store,
                                    QStringLiteral("SELECT count(*) FROM devices WHERE id = %1 AND "
                                                   "user_id = %2")
                                        .arg(other)
                                        .arg(user)) == 1);
            mdm::test::saveScreenshot(sheet, QStringLiteral("changed-reassign-sheet"));
            sheet->close();
        }
    }
}

TEST_CASE("Records that changed since they were selected are named with what they are now", "[changed]")
{
    BulkResult result;
    result.ok = true;
    result.outcomes = {
        {1, QStringLiteral("a"), Outcome::Result::Done, {}},
        {2, QStringLiteral("b"), Outcome::Result::Skipped, QStringLiteral("Already queued.")},
        {3, QStringLiteral("c"), Outcome::Result::Skipped, QStringLiteral("No longer exists.")},
        {4, QStringLiteral("d"), Outcome::Result::Skipped, QStringLiteral("Not a managed device.")},
        {5, QStringLiteral("e"), Outcome::Result::Failed, QStringLiteral("Disk full.")}};
    const RecordStatuses selected{{1, {1, QStringLiteral("Enrolled")}},
                                  {2, {1, QStringLiteral("Enrolled")}},
                                  {3, {1, QStringLiteral("Enrolled")}},
                                  {4, {0, QStringLiteral("Staged")}}};
    const RecordStatuses now{{1, {3, QStringLiteral("Revoke pending")}},
                             {2, {3, QStringLiteral("Revoke pending")}},
                             {4, {0, QStringLiteral("Staged")}},
                             {5, {2, QStringLiteral("Unmanaged")}}};
    RecordStatusReader::markChanged(&result, selected, now);
    CHECK(result.outcomes[0].reason.isEmpty()); // done: nothing to explain
    CHECK(result.outcomes[1].reason == QStringLiteral("Changed since you selected it: now Revoke pending"));
    CHECK(result.outcomes[2].reason == QStringLiteral("Changed since you selected it: removed"));
    CHECK(result.outcomes[3].reason ==
          QStringLiteral("Not a managed device."));                   // unchanged: the service's why
    CHECK(result.outcomes[4].reason == QStringLiteral("Disk full.")); // not remembered
}

TEST_CASE("Re-assign skips a device being deprovisioned, statuses are read again by ID", "[changed]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore opened(backend);
            Store &store = *opened;
            Clock clock;
            DemoOptions options;
            options.managed = 20;
            REQUIRE(fillDemoData(store, clock, options).ok);
            const qint64 enrolled =
                mdm::test::scalar(store, QStringLiteral("SELECT min(id) FROM devices WHERE state = 1"));
            const qint64 invitation =
                mdm::test::scalar(store, QStringLiteral("SELECT min(id) FROM invitations WHERE state = 0"));
            REQUIRE(enrolled > 0);
            REQUIRE(invitation > 0);

            const RecordStatuses devicesBefore =
                RecordStatusReader::of(store, RecordKind::Device, {enrolled}, clock.nowMs());
            REQUIRE(devicesBefore.value(enrolled).text == QStringLiteral("Enrolled"));
            DeviceService devices(store, clock);
            REQUIRE(devices.deprovision({enrolled}, DeprovisionMode::RevokeMdm).ok);
            AssignTarget target;
            target.name = QStringLiteral("Olu Adeyemi");
            target.email = QStringLiteral("olu.adeyemi@contoso.example");
            const qint64 userBefore = mdm::test::scalar(
                store, QStringLiteral("SELECT user_id FROM devices WHERE id = %1").arg(enrolled));
            BulkResult result = devices.reassign({enrolled}, target);
            REQUIRE(result.ok);
            REQUIRE(result.outcomes.size() == 1);
            CHECK(result.outcomes[0].result == Outcome::Result::Skipped);
            CHECK(result.outcomes[0].reason == QStringLiteral("Being deprovisioned: Revoke pending."));
            CHECK(mdm::test::scalar(
                      store, QStringLiteral("SELECT user_id FROM devices WHERE id = %1").arg(enrolled)) ==
                  userBefore);
            const RecordStatuses devicesNow =
                RecordStatusReader::of(store, RecordKind::Device, {enrolled}, clock.nowMs());
            RecordStatusReader::markChanged(&result, devicesBefore, devicesNow);
            CHECK(result.outcomes[0].reason ==
                  QStringLiteral("Changed since you selected it: now Revoke pending"));

            // An invitation removed elsewhere reads as removed; one that is still pending keeps the service's
            // why.
            const RecordStatuses invitationsBefore =
                RecordStatusReader::of(store, RecordKind::Invitation, {invitation}, clock.nowMs());
            REQUIRE(invitationsBefore.contains(invitation));
            EnrollmentService enrollment(store, clock);
            REQUIRE(enrollment.removeRequests({invitation}).ok);
            BulkResult resent = enrollment.resend({invitation});
            REQUIRE(resent.ok);
            REQUIRE(resent.outcomes.size() == 1);
            CHECK(resent.outcomes[0].result != Outcome::Result::Done);
            RecordStatusReader::markChanged(
                &resent, invitationsBefore,
                RecordStatusReader::of(store, RecordKind::Invitation, {invitation}, clock.nowMs()));
            CHECK(resent.outcomes[0].reason == QStringLiteral("Changed since you selected it: removed"));
        }
    }
}
