// mdm-bench: the project's benchmark. Prints one line per figure, `figure <name> <value> <unit>`, for our
// models and, in the same run, for the naive peer (QSqlQueryModel + QSortFilterProxyModel), with ratios.
// With --db postgresql://… (an empty database the bench may fill) it fills that store and a SQLite store
// with the same data and prints the main figures of both: `pg_<name>` beside `<name>`, and
// `ratio_pg_<name>` (PostgreSQL's over SQLite's); with --pooled-db URI also through a connection pooler
// (`pooled_pg_<name>`, `ratio_pooled_pg_<name>`).
// Usage: mdm-bench [--rows N] [--fragment TEXT] [--db PATH|URI] [--pooled-db URI]
//                  [--skip-naive] [--seconds N]
//                  [--only live|stall|gateway|read|concurrent]

#include "concurrent_bench.h"
#include "csv/csv_export.h"
#include "csv/staged_import.h"
#include "deliver_bench.h"
#include "domain/clock.h"
#include "domain/imei.h"
#include "feed_bench.h"
#include "gateway_bench.h"
#include "index/record_table_model.h"
#include "index/table_index.h"
#include "live_bench.h"
#include "naive_peer.h"
#include "services/enrollment_service.h"
#include "stall_bench.h"
#include "store/demo_data.h"
#include "store/postgres_location.h"
#include "store/store.h"
#include "store/store_reader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>
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

// The console's figures on the store at location (a SQLite file or a PostgreSQL URI).
std::map<QString, double> measureOurs(const QString &location, const QString &fragment)
{
    std::map<QString, double> f;
    QElapsedTimer timer;
    timer.start();
    // As the console's main does, for the one tab measured here.
    StoreReader::connectAhead(location, 1);
    auto opened = Store::open(location);
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

// 100,000 staged devices from CSV into the fresh store at location: read, validated, written in one
// transaction.
double importFigure(const QString &location)
{
    auto opened = Store::open(location);
    if (!opened.store) {
        err << opened.error << Qt::endl;
        return -1;
    }
    QByteArray csv("Device name,Serial number,Platform,User name,Email,Group,IMEI\r\n");
    csv.reserve(12'000'000);
    for (int i = 0; i < 100000; ++i) {
        const QByteArray imei =
            imeiWithCheckDigit(QByteArray("35209900") + QByteArray::number(i).rightJustified(6, '0'));
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

// The bench's data (rows managed devices, rows pending invitations, rows / 10 staged; always the same
// data for the same rows) into the empty store at location; prints <prefix>demo_fill_ms.
bool fillStore(const QString &location, qint64 rows, const QString &prefix)
{
    auto opened = Store::open(location);
    if (!opened.store) {
        err << opened.error << Qt::endl;
        return false;
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
        return false;
    }
    figure(prefix + QStringLiteral("demo_fill_ms"), static_cast<double>(timer.nsecsElapsed()) / 1e6,
           QStringLiteral("ms"));
    return true;
}

// The managed devices a store holds; -1 when it cannot be opened.
qint64 managedDevices(const QString &location)
{
    auto opened = Store::open(location);
    if (!opened.store) {
        err << opened.error << Qt::endl;
        return -1;
    }
    QSqlQuery q(opened.store->database());
    return q.exec(QStringLiteral("SELECT count(*) FROM devices WHERE state <> 0")) && q.next()
               ? q.value(0).toLongLong()
               : -1;
}

// import_100k_ms on PostgreSQL: into a database of its own beside the bench's (as SQLite's goes into a
// fresh file), made and dropped here; needs the CREATEDB right. -1 when it cannot be made.
double pgImportFigure(const QString &benchUri)
{
    QUrl url(benchUri);
    const QString name = url.path().mid(1) + QStringLiteral("_import");
    auto admin = Store::open(benchUri);
    if (!admin.store) {
        err << admin.error << Qt::endl;
        return -1;
    }
    QSqlQuery q(admin.store->database());
    const QString quoted = QLatin1Char('"') + name + QLatin1Char('"');
    q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quoted));
    if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(quoted))) {
        err << "import_100k_ms: cannot create the database " << name << ": " << q.lastError().text()
            << Qt::endl;
        return -1;
    }
    url.setPath(QLatin1Char('/') + name);
    const double ms = importFigure(url.toString());
    if (!q.exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(quoted)))
        err << "import_100k_ms: cannot drop " << name << ": " << q.lastError().text() << Qt::endl;
    return ms;
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

// A console opened and closed through a pooler, so that the measured one finds its server sessions running
// (PgBouncer in session mode keeps them for the next client), as after any earlier console of the day.
void warmPool(const QString &location)
{
    StoreReader::connectAhead(location, 3);
    auto opened = Store::open(location);
    if (!opened.store)
        return;
    Clock clock;
    RecordTableModel managed(*opened.store, clock, TabKind::Managed);
    RecordTableModel staged(*opened.store, clock, TabKind::Staged);
    RecordTableModel pending(*opened.store, clock, TabKind::Pending);
    waitFor([&] { return !managed.isLoading() && !staged.isLoading() && !pending.isLoading(); });
}

// The figures compared between the two stores of a --db postgresql://… run.
const char *const kComparedFigures[] = {"open_first_rows_ms",
                                        "search_ms",
                                        "sort_email_ms",
                                        "resend_10k_ms",
                                        "export_1m_ms",
                                        "import_100k_ms",
                                        "external_change_visible_ms",
                                        "external_bulk_visible_ms"};

void printConcurrent(const std::map<QString, double> &f, const QString &prefix)
{
    for (const auto &[name, value] : f) {
        const QString unit = name.endsWith(QLatin1String("_actions"))  ? QStringLiteral("actions")
                             : name.contains(QLatin1String("_mails_")) ? QStringLiteral("mails")
                                                                       : QStringLiteral("rows");
        figure(prefix + name, value, unit);
    }
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
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("A SQLite store file to measure instead of filling a new one; or "
                        "postgresql://USER@HOST:PORT/DATABASE, an empty PostgreSQL database the bench fills "
                        "(--rows) and measures beside a SQLite store of the same data, printing pg_<name> "
                        "and ratio_pg_<name> (PostgreSQL over SQLite). The user needs CREATEDB for "
                        "pg_import_100k_ms. A PostgreSQL store already filled is measured as it is."),
         QStringLiteral("path|uri")});
    parser.addOption(
        {QStringLiteral("pooled-db"),
         QStringLiteral("With --db postgresql://…: the same database through a connection pooler in session "
                        "mode (scripts/pg-pooler starts PgBouncer for a test server), measured after one "
                        "console opened and closed through it; its figures come as pooled_pg_<name> and "
                        "ratio_pooled_pg_<name>."),
         QStringLiteral("uri")});
    parser.addOption({QStringLiteral("skip-naive"), QStringLiteral("Do not measure the naive peer.")});
    parser.addOption(
        {QStringLiteral("only"),
         QStringLiteral("Measure one group of figures on --db alone: main (the first figures: open, search, "
                        "sort, export, resend) or live (the console following another "
                        "writer) or stall (the UI thread during another process's import) or gateway "
                        "(enrollment and check-ins over HTTPS) or read (the Managed tab's index load and CSV "
                        "export alone) or concurrent (10 mdm-console processes doing bulk actions and "
                        "deliver at once, then the store checked for lost or duplicated rows and mails)."),
         QStringLiteral("group")});
    parser.addOption({QStringLiteral("seconds"),
                      QStringLiteral("How long the concurrent admins act (default 30)."), QStringLiteral("n"),
                      QStringLiteral("30")});
    parser.addOption(
        {QStringLiteral("naive-only"), QStringLiteral("Internal: measure the naive peer on --db.")});
    parser.process(app);
    const QString fragment = parser.value(QStringLiteral("fragment"));
    const int seconds = std::max(1, parser.value(QStringLiteral("seconds")).toInt());
    qint64 rows = parser.value(QStringLiteral("rows")).toLongLong();

    if (parser.isSet(QStringLiteral("naive-only")))
        return naiveChild(parser.value(QStringLiteral("db")), fragment);

    QTemporaryDir dir;
    QString path = parser.value(QStringLiteral("db"));
    const QString only = parser.value(QStringLiteral("only"));
    // With a PostgreSQL URI: that store, filled unless it holds devices already, and (for a full run) a
    // SQLite store beside it with the same data, where the SQLite figures are measured.
    QString pg;
    if (parser.isSet(QStringLiteral("pooled-db")) && (!isPostgresLocation(path) || !only.isEmpty())) {
        err << "--pooled-db needs a full run with --db postgresql://… (the same database, not through the "
               "pooler)"
            << Qt::endl;
        return 1;
    }
    if (isPostgresLocation(path)) {
        pg = path;
        path.clear();
        const qint64 managed = managedDevices(pg);
        if (managed < 0)
            return 1;
        if (managed == 0) {
            if (!fillStore(pg, rows, QStringLiteral("pg_")))
                return 1;
        } else {
            err << "the PostgreSQL store holds " << managed << " managed devices: measured as it is"
                << Qt::endl;
            rows = managed;
        }
        if (!only.isEmpty())
            path = pg;
    }
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("bench.db"));
        if (!fillStore(path, rows, QString()))
            return 1;
    }

    const auto log = [](const QString &line) { err << line << Qt::endl; };
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
        else if (only == QLatin1String("main"))
            group = measureOurs(path, fragment);
        else if (only == QLatin1String("concurrent")) {
            group = bench::concurrentAdminFigures(path, seconds, log);
            printConcurrent(group, QString());
            return group.empty() ? 1 : 0;
        }
        for (const auto &[name, value] : group)
            printFigure(name, value);
        return group.empty() ? 1 : 0;
    }

    auto ours = measureOurs(path, fragment);
    if (ours.empty())
        return 1;
    {
        QTemporaryDir importDir;
        ours[QStringLiteral("import_100k_ms")] =
            importFigure(importDir.filePath(QStringLiteral("import.db")));
    }
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

    // The same measuring code on the PostgreSQL store (prefix pg_, and pooled_pg_ through the pooler), then
    // the ratios of the compared figures.
    const auto measurePostgres = [&](const QString &location, const QString &prefix) {
        auto theirs = measureOurs(location, fragment);
        if (theirs.empty())
            return false;
        theirs[QStringLiteral("import_100k_ms")] = pgImportFigure(location);
        theirs.merge(bench::liveFigures(location, log));
        for (const auto &[name, value] : theirs)
            if (!name.startsWith(QLatin1String("peak_rss"))) // the process's peak, set by the SQLite run
                printFigure(prefix + name, value);
        for (const char *name : kComparedFigures) {
            const QString key = QString::fromLatin1(name);
            const auto sqlite = ours.find(key);
            const auto postgres = theirs.find(key);
            if (sqlite == ours.end() || postgres == theirs.end() || sqlite->second <= 0 ||
                postgres->second < 0)
                continue;
            figure(QStringLiteral("ratio_") + prefix + key, postgres->second / sqlite->second,
                   QStringLiteral("x"));
        }
        return true;
    };
    if (!pg.isEmpty()) {
        if (!measurePostgres(pg, QStringLiteral("pg_")))
            return 1;
        const QString pooled = parser.value(QStringLiteral("pooled-db"));
        if (!pooled.isEmpty()) {
            warmPool(pooled);
            if (!measurePostgres(pooled, QStringLiteral("pooled_pg_")))
                return 1;
        }
        // Ten admins at once, on each store (each changes its store, so after everything else).
        printConcurrent(bench::concurrentAdminFigures(pg, seconds, log), QStringLiteral("pg_"));
    }
    printConcurrent(bench::concurrentAdminFigures(path, seconds, log), QString());
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
