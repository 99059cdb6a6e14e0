// mdm-bench: the project's benchmark. Prints one line per figure, `figure <name> <value> <unit>`, for our
// models and, in the same run, for the naive peer (QSqlQueryModel + QSortFilterProxyModel), with ratios.
// Usage: mdm-bench [--rows N] [--fragment TEXT] [--db PATH] [--skip-naive] [--only live|stall|gateway]

#include "csv/csv_export.h"
#include "csv/staged_import.h"
#include "deliver_bench.h"
#include "domain/clock.h"
#include "feed_bench.h"
#include "gateway_bench.h"
#include "index/record_table_model.h"
#include "index/table_index.h"
#include "live_bench.h"
#include "naive_peer.h"
#include "services/enrollment_service.h"
#include "stall_bench.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "store/store_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <functional>
#include <map>

using namespace mdm;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

void figure(const QString &name, double value, const QString &unit)
{
    out << "figure " << name << ' '
        << QString::number(value, 'f',
                           unit == QLatin1String("%") || unit == QLatin1String("s")    ? 2
                           : unit == QLatin1String("ms") || unit == QLatin1String("x") ? 1
                                                                                       : 0)
        << ' ' << unit << Qt::endl;
}

// A figure whose unit follows from its name.
void printFigure(const QString &name, double value)
{
    const bool ms = name.endsWith(QLatin1String("_ms"));
    const bool size = name.endsWith(QLatin1String("_mb"));
    const bool share = name.endsWith(QLatin1String("_pct"));
    const bool reloads = name.endsWith(QLatin1String("_reloads"));
    const bool rate = name.endsWith(QLatin1String("_per_s"));
    const bool seconds = !rate && name.endsWith(QLatin1String("_s"));
    const bool failures = name.endsWith(QLatin1String("_failures"));
    figure(name, value,
           rate       ? QStringLiteral("1/s")
           : seconds  ? QStringLiteral("s")
           : failures ? QStringLiteral("failures")
           : ms       ? QStringLiteral("ms")
           : size     ? QStringLiteral("MB")
           : share    ? QStringLiteral("%")
           : reloads  ? QStringLiteral("reloads")
                      : QStringLiteral("rows"));
}

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// What a view does to show rows: read the display text of every column of them.
void readRows(const RecordTableModel &model, int first, int count)
{
    const int last = std::min(model.rowCount(), first + count);
    for (int row = std::max(0, first); row < last; ++row)
        for (int column = 0; column < model.columnCount(); ++column)
            (void)model.data(model.index(row, column));
}

std::map<QString, double> measureOurs(const QString &path, const QString &fragment)
{
    std::map<QString, double> f;
    QElapsedTimer timer;
    timer.start();
    auto opened = Store::open(path);
    if (!opened.store) {
        err << opened.error << Qt::endl;
        return f;
    }
    Clock clock;
    RecordTableModel model(*opened.store, clock, TabKind::Managed);
    waitFor([&] { return model.rowCount() > 0; });
    readRows(model, 0, 50);
    f[QStringLiteral("open_first_rows_ms")] = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    waitFor([&] { return !model.isLoading(); });
    f[QStringLiteral("load_all_ms")] = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    auto measureQuery = [&](const std::function<void()> &change) {
        QElapsedTimer t;
        t.start();
        change();
        waitFor([&] { return !model.isQueryPending(); });
        readRows(model, 0, 50);
        return static_cast<double>(t.nsecsElapsed()) / 1e6;
    };
    IndexQuery search;
    search.search = fragment;
    f[QStringLiteral("search_ms")] = measureQuery([&] { model.setFilter(search); });
    f[QStringLiteral("search_matches")] = model.rowCount();
    f[QStringLiteral("search_clear_ms")] = measureQuery([&] { model.setFilter(IndexQuery{}); });
    f[QStringLiteral("sort_email_ms")] =
        measureQuery([&] { model.sort(ManagedColumn::Email, Qt::AscendingOrder); });
    {
        QElapsedTimer t;
        t.start();
        readRows(model, model.rowCount() - 50, 50);
        f[QStringLiteral("scroll_end_ms")] = static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
    f[QStringLiteral("rows")] = model.rowCount();
    f[QStringLiteral("peak_rss_mb")] = peakRssMb();

    // What the console holds with every tab loaded, not only the one measured above.
    {
        RecordTableModel staged(*opened.store, clock, TabKind::Staged);
        RecordTableModel pending(*opened.store, clock, TabKind::Pending);
        waitFor([&] { return !staged.isLoading() && !pending.isLoading(); });
        f[QStringLiteral("peak_rss_all_tabs_mb")] = peakRssMb();
    }

    // Export every managed device to CSV, beside a plain buffered write of the same bytes.
    {
        QTemporaryDir exportDir;
        CsvExportOptions options;
        options.tab = TabKind::Managed;
        options.nowMs = clock.nowMs();
        QElapsedTimer t;
        t.start();
        const CsvExportResult result =
            CsvExport::toFile(*opened.store, options, exportDir.filePath(QStringLiteral("m.csv")));
        f[QStringLiteral("export_1m_ms")] = static_cast<double>(t.nsecsElapsed()) / 1e6;
        f[QStringLiteral("export_rows")] = static_cast<double>(result.rows);
        f[QStringLiteral("export_mb")] = static_cast<double>(result.bytes) / 1e6;
        QFile written(exportDir.filePath(QStringLiteral("m.csv")));
        if (written.open(QIODevice::ReadOnly))
            f[QStringLiteral("export_limit_ms")] =
                CsvExport::exportLimitMs(written.readAll(), exportDir.filePath(QStringLiteral("limit.csv")));
    }

    // Resend 10,000 pending invitations in one action: new tokens, outbox rows and audit entries.
    {
        QList<qint64> ids;
        QSqlQuery q(opened.store->database());
        q.exec(QStringLiteral("SELECT id FROM invitations WHERE state = 0 ORDER BY id LIMIT 10000"));
        while (q.next())
            ids << q.value(0).toLongLong();
        QElapsedTimer t;
        t.start();
        const BulkResult result = EnrollmentService(*opened.store, clock).resend(ids);
        f[QStringLiteral("resend_10k_ms")] = static_cast<double>(t.nsecsElapsed()) / 1e6;
        f[QStringLiteral("resend_10k_done")] = result.count(Outcome::Result::Done);
    }
    return f;
}

// The bulk reads alone: the Managed tab's index load and its CSV export, for comparing the store's
// read paths (SQLite file or PostgreSQL URI) without the other figures.
std::map<QString, double> readFigures(const QString &location)
{
    std::map<QString, double> f;
    // The index alone, on its own reader: what the store's read path costs without the model around it.
    {
        QElapsedTimer timer;
        timer.start();
        const auto reader = StoreReader::open(location);
        TableIndex index(TabSpec::of(TabKind::Managed));
        QString error;
        if (!reader->error().isEmpty() || !index.load(*reader, {}, &error)) {
            err << reader->error() << error << Qt::endl;
            return f;
        }
        f[QStringLiteral("index_load_ms")] = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    auto opened = Store::open(location);
    if (!opened.store) {
        err << opened.error << Qt::endl;
        return f;
    }
    Clock clock;
    {
        QElapsedTimer timer;
        timer.start();
        RecordTableModel model(*opened.store, clock, TabKind::Managed);
        waitFor([&] { return !model.isLoading(); });
        f[QStringLiteral("load_all_ms")] = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        f[QStringLiteral("rows")] = model.rowCount();
    }
    QTemporaryDir exportDir;
    CsvExportOptions options;
    options.tab = TabKind::Managed;
    options.nowMs = clock.nowMs();
    QElapsedTimer t;
    t.start();
    const CsvExportResult result =
        CsvExport::toFile(*opened.store, options, exportDir.filePath(QStringLiteral("m.csv")));
    f[QStringLiteral("export_1m_ms")] = static_cast<double>(t.nsecsElapsed()) / 1e6;
    f[QStringLiteral("export_rows")] = static_cast<double>(result.rows);
    return f;
}

// 100,000 staged devices from CSV into a fresh store: read, validated, written in one transaction.
double importFigure()
{
    QTemporaryDir dir;
    auto opened = Store::open(dir.filePath(QStringLiteral("import.db")));
    if (!opened.store)
        return -1;
    QByteArray csv("Device name,Serial number,Platform,User name,Email,Group,IMEI\r\n");
    csv.reserve(12'000'000);
    for (int i = 0; i < 100000; ++i) {
        QByteArray imei = QByteArray("35209900") + QByteArray::number(i).rightJustified(6, '0');
        int sum = 0;
        for (int k = 0; k < 14; ++k) {
            int d = imei.at(13 - k) - '0';
            if (k % 2 == 0 && (d *= 2) > 9)
                d -= 9;
            sum += d;
        }
        imei.append(char('0' + (10 - sum % 10) % 10));
        csv += "Tablet " + QByteArray::number(i) + ",SN" + QByteArray::number(1000000 + i) +
               ",Android,User " + QByteArray::number(i) + ",user" + QByteArray::number(i) +
               "@example.com,Group " + QByteArray::number(i % 20) + "," + imei + "\r\n";
    }
    Clock clock;
    QElapsedTimer t;
    t.start();
    const StagedImportResult result = StagedImport(*opened.store, clock).fromBytes(csv, {});
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    return result.ok && result.imported == 100000 ? ms : -1;
}

int naiveChild(const QString &path, const QString &fragment)
{
    const bench::NaiveFigures n =
        bench::measureNaivePeer(path, fragment, [](const QString &line) { err << line << Qt::endl; });
    if (!n.error.isEmpty()) {
        err << n.error << Qt::endl;
        return 1;
    }
    figure(QStringLiteral("naive_open_first_rows_ms"), n.openFirstRowsMs, QStringLiteral("ms"));
    figure(QStringLiteral("naive_load_all_ms"), n.loadAllMs, QStringLiteral("ms"));
    figure(QStringLiteral("naive_search_ms"), n.searchMs, QStringLiteral("ms"));
    figure(QStringLiteral("naive_search_matches"), static_cast<double>(n.matchCount), QStringLiteral("rows"));
    figure(QStringLiteral("naive_search_clear_ms"), n.searchClearMs, QStringLiteral("ms"));
    figure(QStringLiteral("naive_sort_email_ms"), n.sortEmailMs, QStringLiteral("ms"));
    figure(QStringLiteral("naive_scroll_end_ms"), n.scrollEndMs, QStringLiteral("ms"));
    figure(QStringLiteral("naive_peak_rss_mb"), peakRssMb(), QStringLiteral("MB"));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rows"),
                      QStringLiteral("Managed devices and pending invitations (default 1000000)."),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("fragment"),
                      QStringLiteral("Search text (default matches ~1% of demo rows)."),
                      QStringLiteral("text"), QStringLiteral("a.silva")});
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("Use this existing store instead of filling a new one."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("skip-naive"), QStringLiteral("Do not measure the naive peer.")});
    parser.addOption(
        {QStringLiteral("only"),
         QStringLiteral("Measure one group of figures: live (the console following another writer) or "
                        "stall (the UI thread during another process's import) or gateway (enrollment and "
                        "check-ins over HTTPS) or read (the Managed tab's index load and CSV export alone)."),
         QStringLiteral("group")});
    parser.addOption(
        {QStringLiteral("naive-only"), QStringLiteral("Internal: measure the naive peer on --db.")});
    parser.process(app);
    const QString fragment = parser.value(QStringLiteral("fragment"));

    if (parser.isSet(QStringLiteral("naive-only")))
        return naiveChild(parser.value(QStringLiteral("db")), fragment);

    QTemporaryDir dir;
    QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("bench.db"));
        const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong();
        auto opened = Store::open(path);
        if (!opened.store) {
            err << opened.error << Qt::endl;
            return 1;
        }
        Clock clock;
        DemoOptions options;
        options.managed = rows;
        options.pending = rows;
        options.staged = rows / 10;
        QElapsedTimer timer;
        timer.start();
        const DemoResult result = fillDemoData(*opened.store, clock, options);
        if (!result.ok) {
            err << result.error << Qt::endl;
            return 1;
        }
        figure(QStringLiteral("demo_fill_ms"), static_cast<double>(timer.nsecsElapsed()) / 1e6,
               QStringLiteral("ms"));
    }

    const auto log = [](const QString &line) { err << line << Qt::endl; };
    const QString only = parser.value(QStringLiteral("only"));
    // One group alone, for profiling a figure without waiting for all the others.
    if (!only.isEmpty()) {
        std::map<QString, double> group;
        if (only == QLatin1String("live"))
            group = bench::liveFigures(path, log);
        else if (only == QLatin1String("stall"))
            group = bench::stallFigures(path, log);
        else if (only == QLatin1String("gateway"))
            group = bench::gatewayFigures(path, log);
        else if (only == QLatin1String("read"))
            group = readFigures(path);
        for (const auto &[name, value] : group)
            printFigure(name, value);
        return group.empty() ? 1 : 0;
    }

    auto ours = measureOurs(path, fragment);
    if (ours.empty())
        return 1;
    ours[QStringLiteral("import_100k_ms")] = importFigure();
    ours.merge(bench::feedFigures(path, log));
    ours.merge(bench::liveFigures(path, log));
    ours.merge(bench::stallFigures(path, log));
    // Last: the gateway adds enrolled devices to the store.
    ours.merge(bench::gatewayFigures(path, log));
    for (const auto &[name, value] : ours)
        printFigure(name, value);
    figure(QStringLiteral("deliver_msgs_per_s"),
           bench::deliverMessagesPerSecond(1000, [](const QString &line) { err << line << Qt::endl; }),
           QStringLiteral("msgs/s"));
    if (parser.isSet(QStringLiteral("skip-naive")))
        return 0;

    // The naive peer runs in a child process so that its memory does not count against ours.
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--naive-only"), QStringLiteral("--db"), path, QStringLiteral("--fragment"),
                 fragment});
    child.waitForFinished(-1);
    const QString naiveOut = QString::fromUtf8(child.readAllStandardOutput());
    out << naiveOut;
    std::map<QString, double> naive;
    for (const QString &line : naiveOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(QLatin1Char(' '));
        if (parts.size() >= 3)
            naive[parts[1]] = parts[2].toDouble();
    }
    for (const char *name : {"open_first_rows_ms", "search_ms", "search_clear_ms", "sort_email_ms",
                             "scroll_end_ms", "peak_rss_mb"}) {
        const QString key = QString::fromLatin1(name);
        const auto mine = ours.find(key);
        const auto theirs = naive.find(QStringLiteral("naive_") + key);
        if (mine == ours.end() || theirs == naive.end() || mine->second <= 0)
            continue;
        figure(QStringLiteral("ratio_") + key.left(key.lastIndexOf(QLatin1Char('_'))),
               theirs->second / mine->second, QStringLiteral("x"));
    }
    return child.exitCode();
}
