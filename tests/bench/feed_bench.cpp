#include "feed_bench.h"

#include "domain/clock.h"
#include "feed/store_watcher.h"
#include "services/enrollment_service.h"
#include "store/change_journal.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTimer>
#include <algorithm>
#include <sys/resource.h>

namespace mdm::bench {

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? -1 : values[values.size() / 2];
}

// CPU time of the process (RUSAGE_SELF) or of the calling thread (RUSAGE_THREAD).
double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage usage{};
    getrusage(who, &usage);
    const auto seconds = [](const timeval &t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Runs the event loop for ms, sleeping while there is nothing to do.
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

std::map<QString, double> feedFigures(const QString &path, const std::function<void(const QString &)> &log)
{
    std::map<QString, double> f;
    auto opened = Store::open(path);
    if (!opened.store) {
        log(opened.error);
        return f;
    }
    Store &store = *opened.store;
    Clock clock;

    QList<qint64> ids;
    {
        QSqlQuery q(store.database());
        q.exec(QStringLiteral("SELECT id FROM invitations WHERE state = 0 ORDER BY id LIMIT 10000"));
        while (q.next())
            ids << q.value(0).toLongLong();
    }
    // Wall time, and this thread's CPU time, which other load on the machine disturbs less.
    struct Run
    {
        double wallMs = 0, cpuMs = 0;
    };
    const auto resend = [&] {
        QElapsedTimer t;
        t.start();
        const double cpu = cpuSeconds(RUSAGE_THREAD);
        const BulkResult result = EnrollmentService(store, clock).resend(ids);
        if (!result.ok)
            log(result.error);
        return Run{static_cast<double>(t.nsecsElapsed()) / 1e6, (cpuSeconds(RUSAGE_THREAD) - cpu) * 1e3};
    };
    // The triggers are dropped in one committed transaction and put back in another: for this measurement
    // only, on the benchmark's own store.
    const auto withoutJournal = [&] {
        ChangeJournal::BulkChange bulk(store.database());
        QString error;
        if (!store.transaction([&](QString *err) { return bulk.suspend(err); }, &error))
            log(error);
        const Run run = resend();
        if (!store.transaction([&](QString *err) { return bulk.finish(err); }, &error))
            log(error);
        return run;
    };
    std::vector<double> withWall, withoutWall, withCpu, withoutCpu;
    for (int round = 0; round < 3; ++round) {
        const Run with = resend();
        const Run without = withoutJournal();
        withWall.push_back(with.wallMs);
        withCpu.push_back(with.cpuMs);
        withoutWall.push_back(without.wallMs);
        withoutCpu.push_back(without.cpuMs);
    }
    const auto share = [](double with, double without) { return 100.0 * (with - without) / with; };
    f[QStringLiteral("resend_10k_journal_ms")] = median(withWall);
    f[QStringLiteral("resend_10k_nojournal_ms")] = median(withoutWall);
    f[QStringLiteral("journal_share_resend_10k_pct")] = share(median(withWall), median(withoutWall));
    f[QStringLiteral("resend_10k_journal_cpu_ms")] = median(withCpu);
    f[QStringLiteral("resend_10k_nojournal_cpu_ms")] = median(withoutCpu);
    f[QStringLiteral("journal_share_resend_10k_cpu_pct")] = share(median(withCpu), median(withoutCpu));

    auto watcher = StoreWatcher::create(store);
    qint64 seen = 0;
    QObject::connect(watcher.get(), &StoreWatcher::changes, watcher.get(),
                     [&seen](const QList<StoreChange> &changes) { seen = changes.last().seq; });
    QObject::connect(watcher.get(), &StoreWatcher::failed, watcher.get(), log);
    watcher->start(-1);
    spin(2 * StoreWatcher::kPollIntervalMs);

    // One-row changes at moments unrelated to the poll.
    std::vector<double> latencies;
    QSqlQuery change(store.database());
    change.prepare(QStringLiteral("UPDATE invitations SET remarks = ? WHERE id = ?"));
    for (int i = 0; i < 10 && !ids.isEmpty(); ++i) {
        spin(37 * (i + 1) % StoreWatcher::kPollIntervalMs);
        change.addBindValue(QStringLiteral("bench %1").arg(i));
        change.addBindValue(ids.first());
        change.exec();
        const qint64 seq = ChangeJournal::lastSeq(store.database());
        QElapsedTimer t;
        t.start();
        while (seen < seq && t.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 1);
        latencies.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    double sum = 0;
    for (double ms : latencies)
        sum += ms;
    f[QStringLiteral("watch_change_seen_ms")] =
        latencies.empty() ? -1 : sum / static_cast<double>(latencies.size());

    // Idle: nothing changes for 10 s while the watcher polls.
    spin(StoreWatcher::kPollIntervalMs);
    QElapsedTimer wall;
    wall.start();
    const double cpuBefore = cpuSeconds();
    spin(10000);
    f[QStringLiteral("watch_idle_cpu_pct")] =
        100.0 * (cpuSeconds() - cpuBefore) / (static_cast<double>(wall.nsecsElapsed()) / 1e9);
    watcher->stop();
    return f;
}

} // namespace mdm::bench
