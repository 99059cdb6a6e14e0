// The console and another writer that holds the store longer than the busy timeout: the window keeps working,
// an action waits and tries again with a quiet hint in the status bar, and everything shows once the other
// writer is done. On SQLite and, with MDM_TEST_PG_URI set, on PostgreSQL (the other writer holds the
// store's advisory write lock there).
#include "backend_store.h"
#include "dialogs/deprovision_dialog.h"
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

#include <QAction>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::OtherWriter;
using mdm::test::scalar;
using mdm::test::storeBackends;
using mdm::test::waitUntil;

namespace {

constexpr int kBusyTimeoutMs = 300;

} // namespace

TEST_CASE("An action on a store another program holds past the busy timeout waits, hints and succeeds",
          "[busy][gui]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            Store::Options options;
            options.busyTimeoutMs = kBusyTimeoutMs;
            BackendStore opened(backend, options);
            Store &store = *opened;
            Clock clock;
            DemoOptions demo;
            demo.managed = 50;
            demo.pending = 20;
            REQUIRE(fillDemoData(store, clock, demo).ok);
            mdm::test::forgetSettings();
            MainWindow window(store, clock);
            window.resize(1360, 820);
            window.show();
            const auto settled = [&] {
                for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending})
                    if (window.tab(kind)->model().isLoading() || window.tab(kind)->model().isQueryPending())
                        return false;
                return !window.controller().runner().isBusy();
            };
            REQUIRE(waitUntil(settled));

            // An enrolled device to deprovision, and an invitation the other writer changes meanwhile.
            DeviceTabView *managed = window.tab(TabKind::Managed);
            RecordTableModel &devices = managed->model();
            int row = 0;
            while (devices.index(row, ManagedColumn::Status).data().toString() != QStringLiteral("Enrolled"))
                ++row;
            const qint64 device = devices.idAt(row);
            const QString name = devices.index(row, ManagedColumn::Device).data().toString();
            RecordTableModel &invitations = window.tab(TabKind::Pending)->model();
            const qint64 invitation = invitations.idAt(0);

            OtherWriter other(opened.location());
            other.lock();
            other.exec(QStringLiteral("UPDATE invitations SET remarks = 'changed while busy' WHERE id = %1")
                           .arg(invitation));

            window.findChild<QTabWidget *>()->setCurrentWidget(managed);
            managed->table()->selectionModel()->select(
                devices.index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            window.actions().deprovision->trigger();
            auto *dialog = qobject_cast<DeprovisionDialog *>(window.controller().lastDialog());
            REQUIRE(dialog);
            REQUIRE(waitUntil([dialog] { return dialog->isVisible(); }));
            dialog->confirmationEdit()->setText(name);
            dialog->destroyButton()->click();

            // The action waits: past the busy timeout the status bar says why, and the window stays
            // responsive.
            REQUIRE(waitUntil([&] {
                return window.statusBar()->currentMessage().contains(QStringLiteral("writing to the store"));
            }));
            CHECK(window.controller().runner().isBusy());
            QElapsedTimer responsive;
            responsive.start();
            QTest::qWait(3 * kBusyTimeoutMs);
            CHECK(responsive.elapsed() < 3 * kBusyTimeoutMs + 1000); // the event loop ran meanwhile
            CHECK(window.controller().runner().isBusy());            // still trying, not failed
            CHECK(scalar(store, QStringLiteral("SELECT state FROM devices WHERE id = %1").arg(device)) ==
                  static_cast<int>(DeviceState::Enrolled));

            // A reload meanwhile reads the store as it was: readers do not wait for a writer.
            window.actions().refresh->trigger();
            REQUIRE(waitUntil([&] {
                for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending})
                    if (window.tab(kind)->model().isLoading() || window.tab(kind)->model().isQueryPending())
                        return false;
                return true;
            }));
            CHECK(invitations.readError().isEmpty());
            mdm::test::saveScreenshot(&window, QStringLiteral("busy-store-hint"));

            // The other writer is done: the action goes through, and both changes show.
            other.release();
            REQUIRE(waitUntil([&] { return !window.controller().runner().isBusy(); }));
            CHECK(scalar(store, QStringLiteral("SELECT state FROM devices WHERE id = %1").arg(device)) ==
                  static_cast<int>(DeviceState::RevokePending));
            CHECK(window.controller().lastMessage().contains(name));
            REQUIRE(waitUntil([&] {
                return devices.index(devices.rowOf(device), ManagedColumn::Status).data().toString() ==
                       QStringLiteral("Revoke pending");
            }));
            REQUIRE(waitUntil([&] {
                const int shown = invitations.rowOf(invitation);
                return shown >= 0 && invitations.index(shown, PendingColumn::Remarks)
                                         .data()
                                         .toString()
                                         .contains(QStringLiteral("changed while busy"));
            }));
        }
    }
}

TEST_CASE("Without a busy handler a transaction on a locked store gives up after the busy timeout", "[busy]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            Store::Options options;
            options.busyTimeoutMs = kBusyTimeoutMs;
            BackendStore opened(backend, options);
            Store &store = *opened;
            OtherWriter other(opened.location());
            other.lock();
            QString error;
            CHECK_FALSE(store.transaction([](QString *) { return true; }, &error));
            CHECK(error.contains(QStringLiteral("locked")));

            // With one, it tries again while the handler says so, and goes through once the store is free.
            int tries = 0;
            store.setBusyHandler([&] {
                if (++tries == 2)
                    other.release();
                return true;
            });
            bool ran = false;
            CHECK(store.transaction(
                [&](QString *) {
                    ran = true;
                    return true;
                },
                &error));
            CHECK(ran);
            CHECK(tries == 2);
        }
    }
}
