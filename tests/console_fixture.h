#pragma once

#include "domain/clock.h"
#include "gui_support.h"
#include "pg_support.h"
#include "store/store.h"
#include "tabs/device_tab_view.h"
#include "test_support.h"
#include "window/action_controller.h"
#include "window/action_runner.h"
#include "window/main_window.h"

#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <optional>

namespace mdm::test {

// The console window on a fresh demo store, loaded and idle, as the GUI tests start from.
struct ConsoleFixture
{
    TempDir dir;
    std::optional<TestStoreLocation> where; // the store of the backend constructor (dropped after the window)
    std::unique_ptr<Store> store;
    Clock clock;
    std::unique_ptr<MainWindow> window;

    // created runs right after the window exists and before its tabs have loaded, e.g. to attach a
    // QAbstractItemModelTester to the tab models before they fill. storePath: where the store is made
    // (default: console.db in dir).
    explicit ConsoleFixture(qint64 managed = 300, const std::function<void(MainWindow &)> &created = {},
                            const QString &storePath = {});
    // The same on a fresh store of backend ("sqlite" or "postgresql", see storeBackends()), for GUI tests
    // that run on both stores.
    explicit ConsoleFixture(const QString &backend, qint64 managed = 300,
                            const std::function<void(MainWindow &)> &created = {});

    bool isPostgres() const { return where && where->isPostgres(); }
    bool settled() const;
    DeviceTabView *show(TabKind kind);
    void selectRows(TabKind kind, int first, int last);
    void waitForAction();

    // The dialog the last action opened, once it shows.
    template <class Dialog> Dialog *dialog()
    {
        auto *d = qobject_cast<Dialog *>(window->controller().lastDialog());
        REQUIRE(d);
        REQUIRE(waitUntil([d] { return d->isVisible(); }));
        return d;
    }

private:
    void open(const QString &location, qint64 managed, const std::function<void(MainWindow &)> &created);
};

} // namespace mdm::test
