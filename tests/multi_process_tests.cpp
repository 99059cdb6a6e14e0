// Several processes on one store, as in real use: the window's own action path in this process while
// real mdm-console processes list, resend and deliver on the same file.
#include "console_fixture.h"
#include "csv/csv_export.h"
#include "csv/staged_import.h"
#include "dialogs/invite_csv_dialog.h"
#include "index/record_table_model.h"
#include "services/enrollment_service.h"
#include "window/console_actions.h"
#include "window/message_box.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

using namespace mdm;
using mdm::test::ConsoleFixture;
using mdm::test::runConsole;
using mdm::test::scalar;
using mdm::test::SmtpServer;
using mdm::test::waitUntil;

namespace {

// The POSIX locks this process holds on the store and its -wal and -shm files, as the kernel lists them
// in /proc/locks: SQLite's locks, which closing any other descriptor of those files would release.
QStringList heldLocks(const QString &storePath)
{
    QSet<QByteArray> inodes;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(storePath + QLatin1String(suffix)).constData(), &st) == 0)
            inodes.insert(QByteArray::number(static_cast<qulonglong>(st.st_ino)));
    }
    QFile file(QStringLiteral("/proc/locks"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray pid = QByteArray::number(::getpid());
    QStringList held;
    for (const QByteArray &line : file.readAll().split('\n')) {
        // "1: POSIX  ADVISORY  READ 4242 fe:00:1234 128 128"; waiters have "->" after the number.
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 8 || f[1] == "->" || f[4] != pid || !inodes.contains(f[5].split(':').last()))
            continue;
        held << QString::fromLatin1(f.mid(1).join(' '));
    }
    held.sort();
    return held;
}

// Runs one job on the window's action runner and waits for its result.
BulkResult runOnWindow(ConsoleFixture &console, ActionRunner::Job job)
{
    BulkResult result;
    bool finished = false;
    console.window->controller().runner().run(QStringLiteral("test"), 0, std::move(job),
                                              [&](const BulkResult &r) {
                                                  result = r;
                                                  finished = true;
                                              });
    REQUIRE(waitUntil([&] { return finished; }, 60000));
    return result;
}

QList<qint64> pendingIds(Store &store)
{
    QSqlQuery q(store.database());
    REQUIRE(q.exec(QStringLiteral("SELECT id FROM invitations ORDER BY id")));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

} // namespace

TEST_CASE("No action of the window opens or closes the store file outside SQLite", "[store][multi-process]")
{
    ConsoleFixture console;
    const QString path = console.store->path();
    const QList<qint64> invitations = pendingIds(*console.store);
    REQUIRE(invitations.size() > 2);

    // The first action opens the runner's connection; from then on the locks must stay exactly as they are.
    runOnWindow(console, [&](Store &store, const ActionControl &control) {
        return EnrollmentService(store, console.clock).resend({invitations[0]}, control);
    });
    // A reader mid-transaction (the change follower, a tab's refresh) holds read locks for a moment:
    // compare the locks held at rest, when two looks 50 ms apart agree. Locks lost to a close() of the
    // store file would stay lost, so waiting for the same set cannot hide that bug.
    const auto locksAtRest = [&] {
        QStringList last = heldLocks(path);
        for (int i = 0; i < 100; ++i) {
            QTest::qWait(50);
            QStringList now = heldLocks(path);
            if (now == last)
                return now;
            last = now;
        }
        return last;
    };
    const QStringList before = locksAtRest();
    INFO("locks: " << before.join(QStringLiteral(" | ")).toStdString());
    REQUIRE_FALSE(before.isEmpty());
    struct stat st
    {
    };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
    const QString dbInode = QString::number(static_cast<qulonglong>(st.st_ino));
    REQUIRE(std::any_of(before.begin(), before.end(), [&](const QString &lock) {
        return lock.contains(QLatin1Char(':') + dbInode + QLatin1Char(' '));
    }));

    SECTION("a resend on the action runner")
    {
        const BulkResult r = runOnWindow(console, [&](Store &store, const ActionControl &control) {
            return EnrollmentService(store, console.clock).resend({invitations[1]}, control);
        });
        CHECK(r.ok);
    }
    SECTION("another window's store opened and closed in the same process")
    {
        auto second = Store::open(path);
        REQUIRE(second.store);
        CHECK(second.store->hasRecords());
    }
    SECTION("an export, and an export aimed at the store itself")
    {
        CsvExportOptions options;
        options.tab = TabKind::Managed;
        options.nowMs = console.clock.nowMs();
        const QString csv = console.dir.file(QStringLiteral("managed.csv"));
        const BulkResult r = runOnWindow(console, [&](Store &store, const ActionControl &control) {
            BulkResult result;
            result.ok = CsvExport::toFile(store, options, csv, control).ok;
            const CsvExportResult onStore =
                CsvExport::toFile(store, options, path + QStringLiteral("-wal"), control);
            CHECK_FALSE(onStore.ok);
            CHECK(onStore.error.contains(QStringLiteral("own store")));
            return result;
        });
        CHECK(r.ok);
    }
    SECTION("an import, and an import that names the store file")
    {
        const QString csv = console.dir.file(QStringLiteral("staged.csv"));
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("Serial Number,Platform\nLOCKTEST0001,Android\n");
        file.close();
        const BulkResult r = runOnWindow(console, [&](Store &store, const ActionControl &control) {
            BulkResult result;
            result.ok = StagedImport(store, console.clock).fromFile(csv, {}, control).ok;
            const StagedImportResult onStore = StagedImport(store, console.clock).fromFile(path, {}, control);
            CHECK_FALSE(onStore.ok);
            CHECK(onStore.error.contains(QStringLiteral("own store")));
            return result;
        });
        CHECK(r.ok);
        CHECK(scalar(*console.store,
                     QStringLiteral("SELECT count(*) FROM devices WHERE serial = 'LOCKTEST0001'")) == 1);
    }
    SECTION("invites from a CSV that is the store file")
    {
        console.window->controller().sendInvitesFromCsv(path);
        auto *dialog = qobject_cast<InviteCsvDialog *>(console.window->controller().lastDialog());
        REQUIRE(dialog);
        CHECK(dialog->summary().contains(QStringLiteral("own store")));
        CHECK_FALSE(dialog->importButton()->isEnabled());
        dialog->reject();
    }
    SECTION("a tab model loaded on connections of its own")
    {
        RecordTableModel model(*console.store, console.clock, TabKind::Pending);
        model.setFilter({});
        REQUIRE(waitUntil([&] { return !model.isLoading() && !model.isQueryPending(); }));
        CHECK(model.rowCount() > 0);
    }
    console.waitForAction();
    REQUIRE(waitUntil([&] { return console.settled(); }));
    const bool same = waitUntil([&] { return locksAtRest() == before; }, 5000);
    INFO("after: " << heldLocks(path).join(QStringLiteral(" | ")).toStdString());
    CHECK(same);
}

TEST_CASE("The window's actions and command-line processes on one store leave it intact and complete",
          "[store][multi-process]")
{
    SmtpServer smtp;
    ConsoleFixture console;
    const QString db = console.store->path();
    REQUIRE(runConsole({QStringLiteral("--db"), db, QStringLiteral("mail-settings"), QStringLiteral("--host"),
                        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(smtp.port()),
                        QStringLiteral("--security"), QStringLiteral("none"), QStringLiteral("--from"),
                        QStringLiteral("it@contoso.example")})
                .exitCode == 0);

    const QList<qint64> ids = pendingIds(*console.store);
    REQUIRE(ids.size() >= 20);
    const qint64 resendsBefore = scalar(
        *console.store, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'invite.resend'"));
    int expectedResends = 0; // actions that changed at least one invitation write one audit entry each
    QStringList problems;

    constexpr int kRounds = 100;
    for (int round = 0; round < kRounds; ++round) {
        // The window: the same path as Ctrl+R on the Enrollment Pending tab.
        const qint64 windowId = ids[round % ids.size()];
        console.window->controller().resendInvitations({windowId});
        console.waitForAction();
        const QString message = console.window->controller().lastMessage();
        if (message.contains(QStringLiteral("done for")))
            ++expectedResends;
        else if (!message.contains(QStringLiteral("skipped"), Qt::CaseInsensitive) &&
                 !message.contains(QStringLiteral("enrolled"), Qt::CaseInsensitive))
            problems << QStringLiteral("window round %1: %2").arg(round).arg(message);

        // Another process, as cron or a second admin would run it.
        QStringList arguments{QStringLiteral("--db"), db};
        switch (round % 3) {
        case 0:
            arguments << QStringLiteral("list") << QStringLiteral("pending");
            break;
        case 1:
            arguments << QStringLiteral("resend") << QStringLiteral("--id")
                      << QString::number(ids[(round * 7 + 3) % ids.size()]);
            break;
        default:
            arguments << QStringLiteral("deliver") << QStringLiteral("--now");
            break;
        }
        const auto run = runConsole(arguments);
        if (round % 3 == 1 && run.out.contains(QStringLiteral("resent 1,")))
            ++expectedResends;
        const bool resendSkipped = round % 3 == 1 && run.out.contains(QStringLiteral("resent 0, skipped 1"));
        if ((run.exitCode != 0 && !resendSkipped) || run.err.contains(QStringLiteral("I/O")) ||
            run.err.contains(QStringLiteral("malformed")))
            problems << QStringLiteral("%1 → %2: %3%4")
                            .arg(arguments.mid(2).join(QLatin1Char(' ')))
                            .arg(run.exitCode)
                            .arg(run.out, run.err);
    }
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
    CHECK(expectedResends > kRounds / 2);

    // Every action's audit entry is there, counted on the window's own connection and on a new one.
    CHECK(scalar(*console.store,
                 QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'invite.resend'")) -
              resendsBefore ==
          expectedResends);
    auto fresh = Store::open(db);
    REQUIRE(fresh.store);
    CHECK(scalar(*fresh.store,
                 QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'invite.resend'")) -
              resendsBefore ==
          expectedResends);

    // The window reads what a fresh process reads.
    console.window->actions().refresh->trigger();
    REQUIRE(waitUntil([&] { return console.settled(); }));
    const auto listed =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("pending")});
    REQUIRE(listed.exitCode == 0);
    // id and status of every row: the window after a reload against a fresh process.
    const QStringList lines = listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int statusField =
        static_cast<int>(lines.value(0).split(QLatin1Char('\t')).indexOf(QStringLiteral("status")));
    REQUIRE(statusField > 0);
    QStringList fromProcess;
    for (const QString &line : lines.mid(1))
        fromProcess << line.section(QLatin1Char('\t'), 0, 0) + QLatin1Char(' ') +
                           line.section(QLatin1Char('\t'), statusField, statusField);
    RecordTableModel &model = console.window->tab(TabKind::Pending)->model();
    const int statusColumn = model.spec().columnByKey("status");
    QStringList fromWindow;
    for (int row = 0; row < model.rowCount(); ++row)
        fromWindow << QString::number(model.idAt(row)) + QLatin1Char(' ') +
                          model.index(row, statusColumn).data().toString();
    // The window keeps its own sort; the rows and their statuses must be the same.
    fromWindow.sort();
    fromProcess.sort();
    CHECK(fromWindow == fromProcess);

    fresh.store.reset();
    console.window.reset();
    console.store.reset();
    const Store::CheckResult check = Store::check(db);
    INFO(check.findings.join(QLatin1Char('\n')).toStdString() << check.error.toStdString());
    CHECK(check.ok);
    const auto cli = runConsole({QStringLiteral("--db"), db, QStringLiteral("check")});
    CHECK(cli.exitCode == 0);
    CHECK(cli.out.contains(QStringLiteral(": ok")));
}
