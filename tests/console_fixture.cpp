#include "console_fixture.h"

#include "index/record_table_model.h"
#include "store/demo_data.h"

#include <QTabWidget>
#include <QTableView>

namespace mdm::test {

ConsoleFixture::ConsoleFixture(qint64 managed, const std::function<void(MainWindow &)> &created,
                               const QString &storePath)
{
    open(storePath.isEmpty() ? dir.file(QStringLiteral("console.db")) : storePath, managed, created);
}

ConsoleFixture::ConsoleFixture(const QString &backend, qint64 managed,
                               const std::function<void(MainWindow &)> &created)
    : where(std::in_place, backend)
{
    open(where->location(), managed, created);
}

void ConsoleFixture::open(const QString &location, qint64 managed,
                          const std::function<void(MainWindow &)> &created)
{
    auto opened = Store::open(location);
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    store = std::move(opened.store);
    if (managed > 0) {
        DemoOptions options;
        options.managed = managed;
        REQUIRE(fillDemoData(*store, clock, options).ok);
    }
    forgetSettings();
    window = std::make_unique<MainWindow>(*store, clock);
    if (created)
        created(*window);
    window->resize(1360, 820);
    window->show();
    REQUIRE(waitUntil([&] { return settled(); }));
}

bool ConsoleFixture::settled() const
{
    for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending})
        if (window->tab(kind)->model().isLoading() || window->tab(kind)->model().isQueryPending())
            return false;
    return !window->controller().runner().isBusy();
}

DeviceTabView *ConsoleFixture::show(TabKind kind)
{
    window->findChild<QTabWidget *>()->setCurrentWidget(window->tab(kind));
    return window->tab(kind);
}

void ConsoleFixture::selectRows(TabKind kind, int first, int last)
{
    DeviceTabView *view = show(kind);
    auto &model = view->model();
    view->table()->selectionModel()->select(QItemSelection(model.index(first, 0), model.index(last, 0)),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ConsoleFixture::waitForAction()
{
    REQUIRE(waitUntil([&] { return !window->controller().runner().isBusy(); }));
    REQUIRE(waitUntil([&] { return settled(); }));
}

} // namespace mdm::test
