#include "live_bench.h"

#include "domain/clock.h"
#include "feed/store_follower.h"
#include "index/record_table_model.h"
#include "services/enrollment_service.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSet>
#include <QSqlQuery>
#include <QTimer>

namespace mdm::bench {

namespace {

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    return done();
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

std::map<QString, double> liveFigures(const QString &path, const std::function<void(const QString &)> &log)
{
    std::map<QString, double> f;
    // The console: a store connection that only reads, a follower and the Pending tab's model.
    auto console = Store::open(path);
    // The other writer: a connection of its own, whose announcements the console never hears.
    auto other = Store::open(path);
    if (!console.store || !other.store) {
        log(console.store ? other.error : console.error);
        return f;
    }
    Clock clock;
    StoreFollower follower(*console.store);
    QObject::connect(&follower, &StoreFollower::failed, &follower, log);
    follower.start();
    RecordTableModel model(*console.store, clock, TabKind::Pending);
    if (!spinUntil([&] { return !model.isLoading() && !model.isQueryPending(); }, 600000)) {
        log(QStringLiteral("the Pending model did not load"));
        return f;
    }

    QList<qint64> ids;
    {
        QSqlQuery q(other.store->database());
        q.exec(QStringLiteral("SELECT id FROM invitations WHERE state = 0 ORDER BY id LIMIT 10000"));
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    if (ids.isEmpty())
        return f;

    // One row: its Remarks text changes in the other connection.
    const qint64 one = ids.first();
    QSqlQuery change(other.store->database());
    change.prepare(QStringLiteral("UPDATE invitations SET remarks = ? WHERE id = ?"));
    double sum = 0;
    int counted = 0;
    for (int i = 0; i < 10; ++i) {
        spin(37 * (i + 1) % 250);
        const QString text = QStringLiteral("external %1").arg(i);
        change.addBindValue(text);
        change.addBindValue(one);
        change.exec();
        QElapsedTimer t;
        t.start();
        const bool seen = spinUntil(
            [&] {
                const int row = model.rowOf(one);
                return row >= 0 && model.data(model.index(row, PendingColumn::Remarks)).toString() == text;
            },
            10000);
        if (seen) {
            sum += static_cast<double>(t.nsecsElapsed()) / 1e6;
            ++counted;
        }
    }
    f[QStringLiteral("external_change_visible_ms")] = counted ? sum / counted : -1;

    // 10,000 rows resent by the other connection: done when the model has repainted every one of them.
    QSet<qint64> waiting(ids.begin(), ids.end());
    int resets = 0;
    QObject::connect(&model, &QAbstractItemModel::modelReset, &model, [&resets] { ++resets; });
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &model,
                     [&](const QModelIndex &top, const QModelIndex &bottom) {
                         for (int row = top.row(); row <= bottom.row() && !waiting.isEmpty(); ++row)
                             waiting.remove(model.idAt(row));
                     });
    spin(100);
    QElapsedTimer t;
    t.start();
    const BulkResult result = EnrollmentService(*other.store, clock).resend(ids);
    if (!result.ok)
        log(result.error);
    const double commitMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    const bool all = spinUntil([&] { return waiting.isEmpty(); }, 30000);
    log(QStringLiteral("external_bulk_visible_ms: the other writer's resend took %1 ms of it")
            .arg(commitMs, 0, 'f', 0));
    f[QStringLiteral("external_bulk_visible_ms")] = all ? static_cast<double>(t.nsecsElapsed()) / 1e6 : -1;
    f[QStringLiteral("external_bulk_full_reloads")] = resets;

    // New invitations from the other connection while the tab is sorted by email: each enters at its place
    // (the worker's binary search over the rows shown), measured from the other writer's commit.
    model.sort(PendingColumn::Email, Qt::AscendingOrder);
    if (!spinUntil([&] { return !model.isQueryPending(); }, 600000))
        log(QStringLiteral("the Pending model did not sort"));
    const auto inviteMany = [&](int count, int round) {
        QList<InviteRequest> requests;
        for (int i = 0; i < count; ++i) {
            // Spread over the alphabet, so that the new rows land all over the sorted tab.
            const QString local =
                QStringLiteral("%1sorted.%2.%3").arg(QChar(u'a' + (i * 7 + round) % 26)).arg(round).arg(i);
            requests.append({local,
                             local + QStringLiteral("@bench.example"),
                             Platform::Android,
                             Ownership::Corporate,
                             {},
                             0});
        }
        const int before = model.rowCount();
        const BulkResult done = EnrollmentService(*other.store, clock).invite(requests);
        if (!done.ok)
            log(done.error);
        QElapsedTimer shown;
        shown.start();
        const bool inserted = spinUntil([&] { return model.rowCount() >= before + count; }, 30000);
        return inserted ? static_cast<double>(shown.nsecsElapsed()) / 1e6 : -1.0;
    };
    double single = 0;
    for (int round = 0; round < 5; ++round)
        single += inviteMany(1, round) / 5;
    f[QStringLiteral("external_insert_sorted_visible_ms")] = single;
    f[QStringLiteral("external_insert_1k_sorted_visible_ms")] = inviteMany(1000, 5);
    follower.stop();
    return f;
}

} // namespace mdm::bench
