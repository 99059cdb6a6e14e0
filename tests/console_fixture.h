#pragma once

#include "domain/clock.h"
#include "gui_support.h"
#include "store/store.h"
#include "tabs/device_tab_view.h"
#include "test_support.h"
#include "window/action_controller.h"
#include "window/action_runner.h"
#include "window/main_window.h"

#include <catch2/catch.hpp>
#include <functional>
#include <memory>

namespace mdm::test {

// The console window on a fresh demo store, loaded and idle, as the GUI tests start from.
struct ConsoleFixture
{
    TempDir dir;
    std::unique_ptr<Store> store;
    Clock clock;
    std::unique_ptr<MainWindow> window;

    // created runs right after the window exists and before its tabs have loaded, e.g. to attach a
    // QAbstractItemModelTester to the tab models before they fill. storePath: where the store is made
    // (default: console.db in dir).
    explicit ConsoleFixture(qint64 managed = 300, const std::function<void(MainWindow &)> &created = {},
                            const QString &storePath = {});

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
};

} // namespace mdm::test
