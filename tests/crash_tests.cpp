// Kills real mdm-console commands with SIGKILL at random moments of their work and holds the README's
// promises against what is left: the store passes PRAGMA integrity_check, every bulk action is all or
// nothing (counted in the store, not assumed), an export target is the old file or the complete new one,
// and every queued mail goes out exactly once on the next run except the documented window between the
// server's 250 and the store's record of it. The gateway (`serve` under check-in load) is killed in
// crash_serve_tests.cpp; its kills count in the same spread and totals.
//
// Every run: about ten kills per command on stores sized to keep the suite fast. MDM_SOAK_KILLS=N
// spreads N kills over the commands on larger stores and prints the totals, e.g.
//     MDM_SOAK_KILLS=1000 tests/mdm_tests "[crash]"
#include "crash_support.h"
#include "domain/clock.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <catch2/catch.hpp>

using namespace mdm;
using namespace mdm::test::crash;
using mdm::test::fileBytes;
using mdm::test::runConsole;
using mdm::test::SmtpServer;
using mdm::test::TempDir;

namespace {

constexpr int kCases = kKillCases;
constexpr int kCiKills = kCiKillsPerCase;

bool soak()
{
    return qEnvironmentVariableIntValue("MDM_SOAK_KILLS") > 0;
}

// Numbers from the store joined into one comparable text; a missing store or schema reads as all zero.
QString counts(const QString &path, const QStringList &queries)
{
    QStringList values;
    const bool hasSchema =
        QFile::exists(path) &&
        number(path, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'devices'")) == 1;
    for (const QString &sql : queries)
        values << QString::number(hasSchema ? number(path, sql) : 0);
    return values.join(QLatin1Char('|'));
}

// One command killed again and again. prepare() puts the starting state in place; state() reads the
// outcome as text, which must equal the state before the command or the one a complete run leaves.
struct KillCase
{
    QString name;
    QString store;
    QStringList arguments;
    std::function<void()> prepare;
    std::function<QString()> state;
    std::function<void(Tally &)> afterKill; // optional: the next run, and what it must find
};

void killRepeatedly(const KillCase &c, int kills)
{
    // Where the work starts: a command that only opens the store and reads one row.
    c.prepare();
    const QString before = c.state();
    const qint64 startup = timeRun({QStringLiteral("--db"), c.store, QStringLiteral("audit"),
                                    QStringLiteral("--since"), QStringLiteral("2999-01-01T00:00:00Z")});
    c.prepare();
    QString error;
    qint64 full = timeRun(QStringList{QStringLiteral("--db"), c.store} + c.arguments, &error);
    INFO(c.name.toStdString() << ": " << error.toStdString());
    REQUIRE(full > 0);
    REQUIRE(startup > 0);
    const QString after = c.state();
    REQUIRE(after != before);

    Tally tally;
    int attempts = 0;
    while (tally.before + tally.after + tally.partial + tally.corrupt < kills && attempts++ < kills * 4) {
        c.prepare();
        // Inside the work: after the store is open, before a run would have ended.
        const int delay = randomDelay(startup, std::max(startup + 1, full * 95 / 100));
        if (!runAndKill(QStringList{QStringLiteral("--db"), c.store} + c.arguments, delay)) {
            ++tally.finished;
            full = full * 9 / 10; // this store runs faster than first measured: aim earlier
            continue;
        }
        const QString check = integrity(c.store);
        const QString now = c.state();
        INFO(c.name.toStdString() << " killed after " << delay << " ms: integrity " << check.toStdString()
                                  << ", state " << now.toStdString() << " (before " << before.toStdString()
                                  << ", complete " << after.toStdString() << ")");
        bool good = true;
        if (check != QLatin1String("ok")) {
            ++tally.corrupt;
            good = false;
        }
        if (now == before) {
            ++tally.before;
        } else if (now == after) {
            ++tally.after;
        } else {
            ++tally.partial;
            good = false;
        }
        if (good && c.afterKill)
            c.afterKill(tally);
        CHECK(good);
        if (good)
            ++tally.survived;
    }
    addToTotal(tally);
    printTally(c.name, tally);
    CHECK(tally.corrupt == 0);
    CHECK(tally.partial == 0);
    CHECK(tally.survived >= kills);
}

// A demo store with the given counts, made in this process and closed again.
void makeTemplate(const QString &path, qint64 managed, qint64 staged, qint64 pending)
{
    auto opened = Store::open(path);
    REQUIRE(opened.store);
    Clock clock;
    DemoOptions options;
    options.managed = managed;
    options.staged = staged;
    options.pending = pending;
    REQUIRE(fillDemoData(*opened.store, clock, options).ok);
}

QStringList invitationIdArguments(const QString &path)
{
    QStringList arguments;
    const qint64 first = number(path, QStringLiteral("SELECT min(id) FROM invitations"));
    const qint64 last = number(path, QStringLiteral("SELECT max(id) FROM invitations"));
    REQUIRE(last - first + 1 == number(path, QStringLiteral("SELECT count(*) FROM invitations")));
    for (qint64 id = first; id <= last; ++id)
        arguments << QStringLiteral("--id") << QString::number(id);
    return arguments;
}

} // namespace

TEST_CASE("A resend killed at any moment resends all of its invitations or none", "[crash]")
{
    TempDir dir;
    const QString source = dir.file(QStringLiteral("template.db"));
    makeTemplate(source, 100, 0, soak() ? 10000 : 3000);
    KillCase c;
    c.name = QStringLiteral("resend");
    c.store = dir.file(QStringLiteral("store.db"));
    c.arguments = QStringList{QStringLiteral("resend")} + invitationIdArguments(source);
    c.prepare = [&] { copyStore(source, c.store); };
    c.state = [&] {
        return counts(c.store, {QStringLiteral("SELECT sum(resend_count) FROM invitations"),
                                QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 0"),
                                QStringLiteral("SELECT count(*) FROM outbox"),
                                QStringLiteral("SELECT count(*) FROM audit_log")});
    };
    killRepeatedly(c, killsWanted(kCiKills, kCases));
}

TEST_CASE("An import killed at any moment imports every row or none", "[crash]")
{
    TempDir dir;
    const QString source = dir.file(QStringLiteral("template.db"));
    makeTemplate(source, 100, 10, 10);
    const QString csv = dir.file(QStringLiteral("staged.csv"));
    {
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("Serial Number,Platform\n");
        const int rows = soak() ? 100000 : 20000;
        for (int i = 0; i < rows; ++i)
            file.write(QStringLiteral("KILL%1,Android\n").arg(i, 7, 10, QLatin1Char('0')).toLatin1());
    }
    KillCase c;
    c.name = QStringLiteral("import-staged");
    c.store = dir.file(QStringLiteral("store.db"));
    c.arguments = {QStringLiteral("import-staged"), csv};
    c.prepare = [&] { copyStore(source, c.store); };
    c.state = [&] {
        return counts(c.store, {QStringLiteral("SELECT count(*) FROM devices"),
                                QStringLiteral("SELECT count(*) FROM audit_log")});
    };
    killRepeatedly(c, killsWanted(kCiKills, kCases));
}

TEST_CASE("An export killed at any moment leaves the old file or the complete new one", "[crash]")
{
    TempDir dir;
    const QString source = dir.file(QStringLiteral("template.db"));
    makeTemplate(source, soak() ? 200000 : 50000, 0, 0);
    const QString target = dir.file(QStringLiteral("managed.csv"));
    const QByteArray old = "Serial Number\nAN OLDER GOOD EXPORT\n";
    QByteArray complete;
    KillCase c;
    c.name = QStringLiteral("export");
    c.store = source; // read only: every run exports the same store
    c.arguments = {QStringLiteral("export"), QStringLiteral("managed"), QStringLiteral("--raw"), target};
    c.prepare = [&] {
        QFile file(target);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(old);
    };
    c.state = [&] {
        const QByteArray bytes = fileBytes(target);
        if (bytes == old)
            return QStringLiteral("old file");
        if (complete.isEmpty())
            complete = bytes; // the first complete run, with which every later one must agree
        return bytes == complete ? QStringLiteral("complete new file")
                                 : QStringLiteral("%1 bytes of something else").arg(bytes.size());
    };
    killRepeatedly(c, killsWanted(kCiKills, kCases));
    CHECK(complete.count('\n') == 1 + (soak() ? 200000 : 50000));
}

TEST_CASE("A demo fill killed at any moment leaves an empty store or the whole sample", "[crash]")
{
    TempDir dir;
    KillCase c;
    c.name = QStringLiteral("demo");
    c.store = dir.file(QStringLiteral("store.db"));
    const qint64 devices = soak() ? 20000 : 4000;
    c.arguments = {QStringLiteral("demo"), QStringLiteral("--devices"), QString::number(devices)};
    c.prepare = [&] {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(c.store + QLatin1String(suffix));
    };
    c.state = [&] {
        return counts(c.store, {QStringLiteral("SELECT count(*) FROM devices"),
                                QStringLiteral("SELECT count(*) FROM invitations"),
                                QStringLiteral("SELECT count(*) FROM users"),
                                QStringLiteral("SELECT count(*) FROM audit_log")});
    };
    // Whatever was left, the next demo fills it or says it is full: the store is usable.
    c.afterKill = [&](Tally &) {
        const auto next =
            runConsole({QStringLiteral("--db"), c.store, QStringLiteral("list"), QStringLiteral("pending"),
                        QStringLiteral("--search"), QStringLiteral("nobody-at-all")});
        CHECK(next.exitCode == 0);
    };
    killRepeatedly(c, killsWanted(kCiKills, kCases));
}

TEST_CASE("A delivery killed at any moment sends every mail on the next run, at most one twice",
          "[crash][mail]")
{
    TempDir dir;
    SmtpServer server;
    const QString source = dir.file(QStringLiteral("template.db"));
    const int mails = soak() ? 1000 : 300;
    makeTemplate(source, 10, 0, mails);
    {
        const auto settings =
            runConsole({QStringLiteral("--db"), source, QStringLiteral("mail-settings"),
                        QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                        QString::number(server.port()), QStringLiteral("--security"), QStringLiteral("none"),
                        QStringLiteral("--from"), QStringLiteral("admin@example.com")});
        REQUIRE(settings.exitCode == 0);
        // Every invitation resent: a fresh link each, all queued.
        const auto queued = runConsole(QStringList{QStringLiteral("--db"), source, QStringLiteral("resend")} +
                                       invitationIdArguments(source));
        REQUIRE(queued.exitCode == 0);
        REQUIRE(number(source, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 0")) == mails);
    }
    const QString store = dir.file(QStringLiteral("store.db"));
    const QStringList deliver{QStringLiteral("--db"), store, QStringLiteral("deliver"),
                              QStringLiteral("--now")};

    copyStore(source, store);
    const qint64 startup = timeRun({QStringLiteral("--db"), store, QStringLiteral("audit"),
                                    QStringLiteral("--since"), QStringLiteral("2999-01-01T00:00:00Z")});
    int received = server.delivered();
    qint64 full = timeRun(deliver);
    REQUIRE(full > 0);
    REQUIRE(server.delivered() - received == mails);

    Tally tally;
    const int kills = killsWanted(kCiKills, kCases);
    int attempts = 0;
    while (tally.survived + tally.corrupt + tally.partial < kills && attempts++ < kills * 4) {
        copyStore(source, store);
        received = server.delivered();
        const int delay = randomDelay(startup, std::max(startup + 1, full * 95 / 100));
        if (!runAndKill(deliver, delay)) {
            ++tally.finished;
            full = full * 9 / 10;
            continue;
        }
        const QString check = integrity(store);
        const qint64 sentBeforeNextRun =
            number(store, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 1"));
        // The next run sends what is still queued.
        const auto next = runConsole(deliver);
        const qint64 sent = number(store, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 1"));
        const int arrived = server.delivered() - received;
        INFO("killed after " << delay << " ms: integrity " << check.toStdString() << ", " << sentBeforeNextRun
                             << " recorded as sent; after the next run " << sent << " sent, " << arrived
                             << " received; " << next.out.right(200).toStdString() << next.err.toStdString());
        const bool whole = check == QLatin1String("ok");
        // Every mail recorded as sent and received; more than one extra would be a second window.
        const bool complete = next.exitCode == 0 && sent == mails && arrived >= mails && arrived <= mails + 1;
        if (!whole)
            ++tally.corrupt;
        if (!complete)
            ++tally.partial;
        if (whole && complete) {
            ++tally.survived;
            tally.duplicates += arrived - mails;
            // "as before": killed before any mail was recorded sent; "complete": after some were.
            ++(sentBeforeNextRun == 0 ? tally.before : tally.after);
        }
        CHECK(whole);
        CHECK(complete);
    }
    addToTotal(tally);
    printTally(QStringLiteral("deliver"), tally);
    CHECK(tally.survived >= kills);
}
