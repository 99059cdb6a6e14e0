#include "stall_bench.h"

#include "domain/clock.h"
#include "feed/store_follower.h"
#include "index/record_table_model.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <array>
#include <memory>

namespace mdm::bench {

namespace {

constexpr int kImportRows = 100000;
constexpr int kProbeMs = 10;
// Serial numbers and IMEIs (type allocation code) that the demo data never uses.
constexpr const char *kSerialPrefix = "STALL";
constexpr const char *kImeiPrefix = "01234567";

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    return done();
}

QByteArray importCsv()
{
    QByteArray csv("Device name,Serial number,Platform,User name,Email,Group,IMEI\r\n");
    csv.reserve(12'000'000);
    for (int i = 0; i < kImportRows; ++i) {
        QByteArray imei = QByteArray(kImeiPrefix) + QByteArray::number(i).rightJustified(6, '0');
        int sum = 0;
        for (int k = 0; k < 14; ++k) {
            int d = imei.at(13 - k) - '0';
            if (k % 2 == 0 && (d *= 2) > 9)
                d -= 9;
            sum += d;
        }
        imei.append(char('0' + (10 - sum % 10) % 10));
        csv += "Stall tablet " + QByteArray::number(i) + "," + kSerialPrefix + QByteArray::number(i) +
               ",Android,Stall user " + QByteArray::number(i) + ",stall" + QByteArray::number(i) +
               "@bench.example,Group " + QByteArray::number(i % 20) + "," + imei + "\r\n";
    }
    return csv;
}

} // namespace

std::map<QString, double> stallFigures(const QString &path, const std::function<void(const QString &)> &log)
{
    std::map<QString, double> f;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("stall.csv"));
    {
        QFile csv(file);
        if (!csv.open(QIODevice::WriteOnly) || csv.write(importCsv()) < 0) {
            log(QStringLiteral("cannot write %1").arg(file));
            return f;
        }
    }

    // The console: its store connection, the follower and the three tabs' models, as the window has them.
    auto console = Store::open(path);
    if (!console.store) {
        log(console.error);
        return f;
    }
    Clock clock;
    StoreFollower follower(*console.store);
    QObject::connect(&follower, &StoreFollower::failed, &follower, log);
    follower.start();
    std::array<std::unique_ptr<RecordTableModel>, 3> models;
    for (TabKind kind : {TabKind::Managed, TabKind::Staged, TabKind::Pending})
        models[static_cast<size_t>(kind)] = std::make_unique<RecordTableModel>(*console.store, clock, kind);
    const auto idle = [&] {
        for (const auto &model : models)
            if (model->isLoading() || model->isQueryPending())
                return false;
        return true;
    };
    if (!spinUntil(idle, 600000)) {
        log(QStringLiteral("the tabs did not load"));
        return f;
    }
    RecordTableModel &staged = *models[static_cast<size_t>(TabKind::Staged)];
    RecordTableModel &managed = *models[static_cast<size_t>(TabKind::Managed)];
    const qint64 stagedBefore = staged.totalCount();

    // The probe: the longest time between two ticks of a 10 ms timer.
    QElapsedTimer sinceTick;
    double longest = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        longest = std::max(longest, static_cast<double>(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    // The admin: scrolls the Staged tab a page at a time (its rows are read as a view would paint them) and
    // types a search into the Managed tab, a letter every 150 ms.
    int step = 0;
    QTimer admin;
    admin.setInterval(50);
    QObject::connect(&admin, &QTimer::timeout, &admin, [&] {
        ++step;
        const int rows = staged.rowCount();
        if (rows > 0) {
            const int top = (step * 997) % rows;
            for (int row = top; row < std::min(rows, top + 40); ++row)
                for (int column = 0; column < staged.columnCount(); ++column)
                    staged.data(staged.index(row, column));
        }
        if (step % 3 == 0) {
            IndexQuery query = managed.currentQuery();
            static const QString word = QStringLiteral("a.silva");
            const int length = (step / 3) % (word.size() + 1);
            query.search = word.left(length);
            managed.setFilter(query);
        }
    });

    QProcess importer;
    importer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sinceTick.start();
    probe.start();
    admin.start();
    QElapsedTimer t;
    t.start();
    importer.start(QStringLiteral(MDM_CONSOLE_BINARY),
                   {QStringLiteral("--db"), path, QStringLiteral("import-staged"), file});
    const bool finished = spinUntil([&] { return importer.state() == QProcess::NotRunning; }, 600000) &&
                          importer.exitCode() == 0;
    const double importMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    // Until the Staged tab shows the new devices, and the follower's work on them is done.
    const bool followed = spinUntil([&] { return staged.totalCount() >= stagedBefore + kImportRows; }, 60000);
    spinUntil([] { return false; }, 1000);
    probe.stop();
    admin.stop();
    if (!finished || !followed) {
        log(QStringLiteral("the import did not finish or did not reach the Staged tab: %1")
                .arg(QString::fromUtf8(importer.readAllStandardOutput())));
        f[QStringLiteral("ui_max_stall_during_external_import_ms")] = -1;
    } else {
        f[QStringLiteral("ui_max_stall_during_external_import_ms")] = longest;
        log(QStringLiteral("stall: import took %1 ms in the other process").arg(importMs, 0, 'f', 0));
    }

    follower.stop();
    // Leave the store as it was, so that the bench can run on it again.
    QSqlQuery cleanup(console.store->database());
    cleanup.exec(QStringLiteral("DELETE FROM devices WHERE serial LIKE 'STALL%'"));
    return f;
}

} // namespace mdm::bench
