// A record that another connection adds to the store enters an open tab at its place in the current sort
// order; the rows around it, the selection (by record ID) and the current row stay as they were.
#include "backend_fixture.h"
#include "domain/clock.h"
#include "feed/store_follower.h"
#include "index/record_table_model.h"
#include "index/tab_spec.h"
#include "services/enrollment_service.h"
#include "store/store.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <catch2/catch.hpp>
#include <memory>
#include <vector>

using namespace mdm;
using mdm::test::openStoreAt;
using mdm::test::StoreLocation;
using mdm::test::waitUntil;
using mdm::test::WarningCounter;

namespace {

using Ids = std::vector<qint64>;

QString address(const QString &local)
{
    return local + QStringLiteral("@contoso.example");
}

// Invites through the given store (its own connection) and returns the new invitations' IDs.
Ids invite(Store &store, const Clock &clock, const QStringList &locals)
{
    QList<InviteRequest> requests;
    for (const QString &local : locals)
        requests.append({local, address(local), Platform::Android, Ownership::Corporate, {}, 0});
    const BulkResult result = EnrollmentService(store, clock).invite(requests);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    const Ids ids(result.createdIds.begin(), result.createdIds.end());
    REQUIRE(ids.size() == static_cast<size_t>(locals.size()));
    return ids;
}

QStringList emails(const RecordTableModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, PendingColumn::Email).data().toString();
    return out;
}

Ids selectedIds(const RecordTableModel &model, const QItemSelectionModel &selection)
{
    Ids out;
    for (const QModelIndex &index : selection.selectedRows())
        out.push_back(model.idAt(index.row()));
    std::sort(out.begin(), out.end());
    return out;
}

struct Tab
{
    explicit Tab(const QString &location) : store(openStoreAt(location))
    {
        clock.setFixed(QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC));
    }

    void open()
    {
        model = std::make_unique<RecordTableModel>(*store, clock, TabKind::Pending);
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Warning);
        selection = std::make_unique<QItemSelectionModel>(model.get());
        REQUIRE(settled());
        follower = std::make_unique<StoreFollower>(*store);
        follower->start();
    }

    bool settled()
    {
        return waitUntil([&] { return !model->isLoading() && !model->isQueryPending(); });
    }

    void sortByEmail(Qt::SortOrder order)
    {
        model->sort(PendingColumn::Email, order);
        REQUIRE(settled());
    }

    ~Tab()
    {
        follower.reset();
        selection.reset();
        tester.reset();
        model.reset();
    }

    Clock clock;
    std::unique_ptr<Store> store;
    std::unique_ptr<RecordTableModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<QItemSelectionModel> selection;
    std::unique_ptr<StoreFollower> follower;
};

} // namespace

TEST_CASE("An invitation added by another connection enters the sorted tab at its place", "[model][sorted]")
{
    FOR_EACH_STORE_BACKEND(backend);
    WarningCounter warnings;
    const StoreLocation where(backend);
    {
        Tab tab(where.location());
        const Ids seeded = invite(
            *tab.store, tab.clock,
            {QStringLiteral("bea"), QStringLiteral("dan"), QStringLiteral("fay"), QStringLiteral("hal")});
        tab.open();
        auto other =
            openStoreAt(where.location()); // another writer: its changes reach the tab through the store
        QSignalSpy resets(tab.model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(tab.model.get(), &QAbstractItemModel::rowsInserted);

        SECTION("ascending")
        {
            tab.sortByEmail(Qt::AscendingOrder);
            REQUIRE(tab.model->shownIds() == seeded);
            // dan and fay selected, fay current.
            auto &model = *tab.model;
            tab.selection->select(model.index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            tab.selection->setCurrentIndex(model.index(2, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
            resets.clear();
            inserted.clear();

            const Ids added = invite(*other, tab.clock, {QStringLiteral("eve")});
            REQUIRE(waitUntil([&] { return model.rowOf(added[0]) >= 0; }));
            CHECK(model.rowOf(added[0]) == 2);
            CHECK(model.shownIds() == Ids{seeded[0], seeded[1], added[0], seeded[2], seeded[3]});
            CHECK(emails(model) == QStringList{address(QStringLiteral("bea")), address(QStringLiteral("dan")),
                                               address(QStringLiteral("eve")), address(QStringLiteral("fay")),
                                               address(QStringLiteral("hal"))});
            CHECK(inserted.count() == 1);
            CHECK(inserted.at(0).at(1).toInt() == 2);
            CHECK(resets.count() == 0);
            CHECK(selectedIds(model, *tab.selection) == Ids{seeded[1], seeded[2]});
            CHECK(model.idAt(tab.selection->currentIndex().row()) == seeded[2]);
            CHECK(model.currentQuery().sortColumn == PendingColumn::Email);

            // Before the first and after the last.
            const Ids ends = invite(*other, tab.clock, {QStringLiteral("zed"), QStringLiteral("amy")});
            REQUIRE(waitUntil([&] { return model.rowCount() == 7; }));
            CHECK(model.shownIds() ==
                  Ids{ends[1], seeded[0], seeded[1], added[0], seeded[2], seeded[3], ends[0]});
            CHECK(selectedIds(model, *tab.selection) == Ids{seeded[1], seeded[2]});
            CHECK(resets.count() == 0);
        }
        SECTION("descending")
        {
            tab.sortByEmail(Qt::DescendingOrder);
            REQUIRE(tab.model->shownIds() == Ids{seeded[3], seeded[2], seeded[1], seeded[0]});
            auto &model = *tab.model;
            tab.selection->setCurrentIndex(model.index(3, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
            resets.clear();
            const Ids added = invite(*other, tab.clock, {QStringLiteral("cid"), QStringLiteral("gus")});
            REQUIRE(waitUntil([&] { return model.rowCount() == 6; }));
            CHECK(model.shownIds() == Ids{seeded[3], added[1], seeded[2], seeded[1], added[0], seeded[0]});
            CHECK(selectedIds(model, *tab.selection) == Ids{seeded[0]});
            CHECK(model.idAt(tab.selection->currentIndex().row()) == seeded[0]);
            CHECK(resets.count() == 0);
        }
        SECTION("a search: only matching records enter, each at its place")
        {
            tab.sortByEmail(Qt::AscendingOrder);
            IndexQuery filter;
            filter.search = QStringLiteral("a");
            tab.model->setFilter(filter);
            REQUIRE(tab.settled());
            auto &model = *tab.model;
            REQUIRE(model.shownIds() == Ids{seeded[0], seeded[1], seeded[2], seeded[3]}); // contoso has an a
            filter.search = QStringLiteral("an");
            model.setFilter(filter);
            REQUIRE(tab.settled());
            REQUIRE(model.shownIds() == Ids{seeded[1]});
            const Ids added = invite(*other, tab.clock, {QStringLiteral("ann"), QStringLiteral("bob")});
            const qint64 total = model.totalCount();
            REQUIRE(waitUntil([&] { return model.totalCount() == total + 2; }));
            REQUIRE(tab.settled());
            CHECK(model.shownIds() == Ids{added[0], seeded[1]});
        }
        SECTION("many places at once: the whole tab in order")
        {
            tab.sortByEmail(Qt::AscendingOrder);
            QStringList first;
            for (int i = 0; i < 40; ++i)
                first << QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0'));
            invite(*other, tab.clock, first);
            REQUIRE(waitUntil([&] { return tab.model->rowCount() == 44; }));
            // Forty new rows at forty places among forty-four, announced in one reset: also in order.
            resets.clear();
            QStringList odd;
            for (int i = 0; i < 40; ++i)
                odd << QStringLiteral("c%1x").arg(i, 2, 10, QLatin1Char('0'));
            invite(*other, tab.clock, odd);
            REQUIRE(waitUntil([&] { return tab.model->rowCount() == 84; }));
            QStringList shown = emails(*tab.model);
            QStringList expected = shown;
            expected.sort(Qt::CaseInsensitive);
            CHECK(shown == expected);
            CHECK(resets.count() == 1);
        }
    }
    INFO(warnings.messages().join(QLatin1Char('\n')).toStdString());
    CHECK(warnings.count() == 0);
}
