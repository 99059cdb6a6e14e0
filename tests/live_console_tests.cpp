// An open console follows what other processes commit to its store: real mdm-console commands change the
// store while the window is open, and the window shows it without a reload, keeping the admin's place.
#include "console_fixture.h"
#include "dialogs/enrollment_steps_dialog.h"
#include "index/record_table_model.h"
#include "store/audit_log.h"
#include "window/console_actions.h"

#include <QPushButton>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTabWidget>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::ConsoleFixture;
using mdm::test::kVisibleWithinMs;
using mdm::test::runConsole;
using mdm::test::waitUntil;

namespace {

// The cases below that run on both stores (storeBackends()).
void revokedFromCommandLineShows(const QString &backend);

} // namespace

TEST_CASE("An invitation sent and removed from the command line shows in an open console", "[gui][live]")
{
    ConsoleFixture console(50);
    DeviceTabView *pending = console.show(TabKind::Pending);
    RecordTableModel &model = pending->model();
    const qint64 before = model.totalCount();
    console.selectRows(TabKind::Pending, 2, 3);
    const std::vector<qint64> selected = pending->selectedIds();
    REQUIRE(selected.size() == 2);
    const QString db = console.store->path();

    const auto invited = runConsole({QStringLiteral("--db"), db, QStringLiteral("invite"),
                                     QStringLiteral("--name"), QStringLiteral("Nia Long"),
                                     QStringLiteral("--email"), QStringLiteral("nia.long@contoso.example"),
                                     QStringLiteral("--platform"), QStringLiteral("macos")});
    REQUIRE(invited.exitCode == 0);
    REQUIRE(waitUntil([&] { return model.totalCount() == before + 1; }, kVisibleWithinMs));
    auto *tabs = console.window->findChild<QTabWidget *>();
    REQUIRE(waitUntil([&] { return tabs->tabText(2).contains(QLocale().toString(before + 1)); }));
    // The admin's place is kept: the same records stay selected.
    CHECK(pending->selectedIds() == selected);
    // Who did it, and from where: the command line on this host.
    QSqlQuery last(console.store->database());
    REQUIRE(last.exec(QStringLiteral("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1")));
    REQUIRE(last.next());
    CHECK(last.value(0).toString() ==
          AuditLog::currentActor().replace(QStringLiteral("(console)"), QStringLiteral("(cli)")));
    CHECK(last.value(0).toString().contains(QLatin1Char('@') + QSysInfo::machineHostName()));

    // Another process removes one of the selected requests: it leaves the tab and the selection.
    const auto removed = runConsole({QStringLiteral("--db"), db, QStringLiteral("remove-request"),
                                     QStringLiteral("--id"), QString::number(selected.front())});
    REQUIRE(removed.exitCode == 0);
    REQUIRE(waitUntil([&] { return model.rowOf(selected.front()) < 0; }, kVisibleWithinMs));
    CHECK(model.totalCount() == before);
    CHECK(pending->selectedIds() == std::vector<qint64>{selected.back()});
}

TEST_CASE("A device revoked from the command line changes its row in an open console", "[gui][live]")
{
    for (const QString &backend : mdm::test::storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            revokedFromCommandLineShows(backend);
        }
    }
}

namespace {

void revokedFromCommandLineShows(const QString &backend)
{
    ConsoleFixture console(backend, 50);
    DeviceTabView *managed = console.show(TabKind::Managed);
    RecordTableModel &model = managed->model();
    console.selectRows(TabKind::Managed, 0, 0);
    const qint64 id = managed->currentId();
    REQUIRE(id > 0);
    const int row = model.rowOf(id);
    const QVariant statusBefore = model.data(model.index(row, 0), RecordTableModel::StatusRole);

    const auto revoked =
        runConsole({QStringLiteral("--db"), console.store->path(), QStringLiteral("deprovision"),
                    QStringLiteral("--device"), QString::number(id), QStringLiteral("--mode"),
                    QStringLiteral("revoke"), QStringLiteral("--yes")});
    REQUIRE(revoked.exitCode == 0);
    REQUIRE(waitUntil(
        [&] {
            const int now = model.rowOf(id);
            return now >= 0 && model.data(model.index(now, 0), RecordTableModel::StatusRole) != statusBefore;
        },
        kVisibleWithinMs));
    CHECK(managed->currentId() == id);
    CHECK(console.window->statusText().startsWith(QStringLiteral("1 selected")));
}

} // namespace

TEST_CASE("An open Enrollment steps dialog follows its invitation when another process removes it",
          "[gui][live]")
{
    ConsoleFixture console(20);
    DeviceTabView *pending = console.show(TabKind::Pending);
    console.selectRows(TabKind::Pending, 0, 0);
    const qint64 id = pending->currentId();
    console.window->actions().enrollmentSteps->trigger();
    auto *dialog = console.dialog<EnrollmentStepsDialog>();
    REQUIRE(dialog->invitationId() == id);
    CHECK_FALSE(dialog->detailsText().contains(QStringLiteral("removed")));

    const auto removed =
        runConsole({QStringLiteral("--db"), console.store->path(), QStringLiteral("remove-request"),
                    QStringLiteral("--id"), QString::number(id)});
    REQUIRE(removed.exitCode == 0);
    REQUIRE(waitUntil([&] { return dialog->detailsText().contains(QStringLiteral("has been removed")); },
                      kVisibleWithinMs));
    QPushButton *resend = nullptr;
    for (QPushButton *button : dialog->findChildren<QPushButton *>())
        if (button->text().contains(QStringLiteral("Resend")))
            resend = button;
    REQUIRE(resend);
    CHECK_FALSE(resend->isEnabled());
    mdm::test::saveScreenshot(dialog, QStringLiteral("live-steps-removed"));
    dialog->close();
}
