// The kill harness on the enrollment gateway: `mdm-console serve` on a store with 30 enrolled devices (20
// agent, 10 Apple, each with a queued revoke), three virtual-device clients at once enrolling 30 fresh
// invitations, checking in and acknowledging commands (tests/gateway/checkin_load.py), and serve killed
// with SIGKILL at a random moment of that. Afterwards:
// - PRAGMA integrity_check is ok;
// - every enrollment is all or nothing, counted with SQL: an invitation is Accepted exactly when its
//   device exists with the invitation's user and an enrolled enrollment row; no device without one;
// - every answer a client got a 200/201/204 for (the client logs each at once) is in the store: the
//   enrolled device, the acknowledged command;
// - last-seen times: serve keeps them in memory and writes them in one batch a second (by design, so that
//   a check-in costs no write), so a kill may lose the check-ins of the last batch (at most 1 s); a
//   check-in answered more than 1.5 s (one batch and its write) before the kill must be in the store;
// - serve started again on the same store answers every device and enrolls a fresh invitation, and
//   stops cleanly: the state machine goes on.
// The kills count in crash_tests.cpp's spread and in the soak's totals.
#include "crash_support.h"
#include "gateway_support.h"
#include "store/store.h"
#include "test_support.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTextStream>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>

using namespace mdm;
using namespace mdm::test::crash;
using mdm::test::qs;
using mdm::test::runConsole;
using mdm::test::TempDir;
using mdm::test::gateway::TestCertificate;

namespace {

constexpr int kAgentDevices = 20;
constexpr int kAppleDevices = 10;

// Invitations for agent and Apple platforms in turn; writes "PLATFORM TOKEN" lines to tokensFile.
void invite(Store &store, const QString &tokensFile, const QString &prefix, int agent, int apple)
{
    static const char *agentPlatforms[] = {"android", "windows"};
    static const char *applePlatforms[] = {"ios", "ipados", "macos"};
    QFile file(tokensFile);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QTextStream out(&file);
    for (int i = 0; i < agent + apple; ++i) {
        const QString platform = qs(i < agent ? agentPlatforms[i % 2] : applePlatforms[(i - agent) % 3]);
        const QString name = qs("%1 User %2").arg(prefix).arg(i);
        const QString email = qs("%1-%2@example.com").arg(prefix.toLower()).arg(i);
        out << platform << ' ' << test::gateway::addInvitation(store.database(), name, email, platform)
            << '\n';
    }
}

// Runs checkin_load.py in mode to its end; its exit code (stderr shown on failure).
int runLoad(const QString &mode, quint16 port, const TestCertificate &certificate, const QString &tokens,
            const QString &devices)
{
    QProcess load;
    load.start(qs(MDM_TEST_PYTHON),
               {qs(MDM_CHECKIN_LOAD_SCRIPT), mode, qs("--base"), qs("https://127.0.0.1:%1").arg(port),
                qs("--cafile"), certificate.cert, qs("--tokens"), tokens, qs("--devices"), devices});
    REQUIRE(load.waitForFinished(60000));
    INFO(mode.toStdString() << ": " << load.readAllStandardError().toStdString());
    CHECK(load.exitCode() == 0);
    return load.exitCode();
}

// SIGTERM, as an admin stops serve; true when it ended cleanly.
bool stopServe(QProcess &serve)
{
    ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
    return serve.waitForFinished(10000) && serve.exitStatus() == QProcess::NormalExit &&
           serve.exitCode() == 0;
}

// Enrollments half made, counted with SQL: accepted invitations without their enrolled device and its
// enrollment row, devices of an invitation that is not accepted or of another user, devices without an
// enrollment, agent enrollments without their device.
const char *const kHalfEnrolled =
    "SELECT"
    " (SELECT count(*) FROM invitations i WHERE i.state = 1 AND NOT EXISTS ("
    "   SELECT 1 FROM devices d JOIN enrollments e ON e.device_id = d.id AND e.state = 2"
    "   WHERE d.invitation_id = i.id AND d.user_id = i.user_id))"
    " + (SELECT count(*) FROM devices d WHERE NOT EXISTS ("
    "   SELECT 1 FROM invitations i WHERE i.id = d.invitation_id AND i.state = 1 AND i.user_id = d.user_id))"
    " + (SELECT count(*) FROM devices d WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.device_id = "
    "d.id))"
    " + (SELECT count(*) FROM enrollments WHERE protocol = 1 AND device_id IS NULL AND state < 3)";

// What the clients were told is stored, from their log.
struct Confirmed
{
    QSet<QString> enrolled;  // serials
    QSet<QString> agentAcks; // command ids
    QSet<QString> appleAcks; // CommandUUIDs
    struct CheckIn
    {
        qint64 sent = 0;
        qint64 answered = 0;
    };
    QHash<QString, CheckIn> seen; // serial -> its latest check-in answered (ms since the epoch)
    bool any() const { return !enrolled.isEmpty() || !agentAcks.isEmpty() || !appleAcks.isEmpty(); }
};

Confirmed readConfirmed(const QString &path)
{
    Confirmed c;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return c;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> words = line.split(' ');
        if (words.size() == 2 && words[0] == "enrolled")
            c.enrolled << QString::fromLatin1(words[1]);
        else if (words.size() == 2 && words[0] == "ack-agent")
            c.agentAcks << QString::fromLatin1(words[1]);
        else if (words.size() == 2 && words[0] == "ack-apple")
            c.appleAcks << QString::fromLatin1(words[1]);
        else if (words.size() == 4 && words[0] == "seen") {
            // The latest check-in answered, and when it was sent.
            auto &latest = c.seen[QString::fromLatin1(words[1])];
            if (words[3].toLongLong() > latest.answered)
                latest = {words[2].toLongLong(), words[3].toLongLong()};
        }
    }
    return c;
}

// Every confirmed answer missing from the store, one line each.
QStringList missing(const QString &store, const Confirmed &confirmed, qint64 killedAtMs)
{
    QStringList lost;
    const QStringList enrolledSerials = column(store, qs("SELECT serial FROM devices WHERE state = 1"));
    for (const QString &serial : confirmed.enrolled)
        if (!enrolledSerials.contains(serial))
            lost << qs("enrolled %1").arg(serial);
    const QStringList ackedIds = column(store, qs("SELECT id FROM commands WHERE state = 1"));
    for (const QString &id : confirmed.agentAcks)
        if (!ackedIds.contains(id))
            lost << qs("ack-agent %1").arg(id);
    const QStringList ackedUuids =
        column(store, qs("SELECT uuid FROM commands WHERE state = 1 AND uuid IS NOT NULL"));
    for (const QString &uuid : confirmed.appleAcks)
        if (!ackedUuids.contains(uuid))
            lost << qs("ack-apple %1").arg(uuid);
    QHash<QString, qint64> lastSeen;
    for (const QString &row :
         column(store, qs("SELECT serial || ' ' || coalesce(last_seen_at, 0) FROM devices")))
        lastSeen.insert(row.section(QLatin1Char(' '), 0, 0), row.section(QLatin1Char(' '), 1).toLongLong());
    for (auto it = confirmed.seen.cbegin(); it != confirmed.seen.cend(); ++it)
        if (it.value().answered < killedAtMs - 1500 && lastSeen.value(it.key()) < it.value().sent)
            lost << qs("seen %1 at %2, stored %3")
                        .arg(it.key())
                        .arg(it.value().sent)
                        .arg(lastSeen.value(it.key()));
    return lost;
}

} // namespace

TEST_CASE("serve killed under check-in load keeps every confirmed answer and starts again",
          "[crash][gateway]")
{
    TempDir dir;
    const TestCertificate certificate = test::gateway::makeCertificate(dir.path());
    const QString source = dir.file(qs("template.db"));
    const QString setupTokens = dir.file(qs("setup.tokens"));
    const QString freshTokens = dir.file(qs("fresh.tokens"));
    const QString probeTokens = dir.file(qs("probe.tokens"));
    const QString devices = dir.file(qs("devices.json"));
    const QString serveLog = dir.file(qs("serve.log"));
    {
        auto opened = Store::open(source);
        REQUIRE(opened.store);
        invite(*opened.store, setupTokens, qs("Setup"), kAgentDevices, kAppleDevices);
        invite(*opened.store, freshTokens, qs("Fresh"), kAgentDevices, kAppleDevices);
        invite(*opened.store, probeTokens, qs("Probe"), 1, 0);
    }
    // The enrolled devices come through real HTTP, then the console queues a revoke for each.
    {
        QProcess serve;
        const quint16 port = test::unusedPort();
        test::gateway::startServe(serve, source, port, certificate, serveLog);
        REQUIRE(runLoad(qs("setup"), port, certificate, setupTokens, devices) == 0);
        REQUIRE(stopServe(serve));
    }
    QStringList deprovision{qs("--db"), source, qs("deprovision")};
    for (const QString &id : column(source, qs("SELECT id FROM devices")))
        deprovision << qs("--device") << id;
    const auto revoked = runConsole(deprovision + QStringList{qs("--mode"), qs("revoke"), qs("--yes")});
    INFO(revoked.err.toStdString());
    REQUIRE(revoked.exitCode == 0);
    REQUIRE(number(source, qs("SELECT count(*) FROM commands WHERE state = 0")) ==
            kAgentDevices + kAppleDevices);
    REQUIRE(number(source, QString::fromLatin1(kHalfEnrolled)) == 0);

    const QString store = dir.file(qs("store.db"));
    const QString confirmedLog = dir.file(qs("confirmed.log"));
    const int kills = killsWanted(kCiKillsPerCase, kKillCases);
    Tally tally;
    Confirmed all; // over every kill: the load did reach each kind of answer
    int attempts = 0;
    while (tally.survived + tally.corrupt + tally.partial < kills && attempts++ < kills * 4) {
        copyStore(source, store);
        QFile::remove(confirmedLog);
        QProcess serve;
        quint16 port = test::unusedPort();
        test::gateway::startServe(serve, store, port, certificate, serveLog);
        QProcess load;
        load.start(qs(MDM_TEST_PYTHON), {qs(MDM_CHECKIN_LOAD_SCRIPT), qs("load"), qs("--base"),
                                         qs("https://127.0.0.1:%1").arg(port), qs("--cafile"),
                                         certificate.cert, qs("--tokens"), freshTokens, qs("--devices"),
                                         devices, qs("--log"), confirmedLog, qs("--threads"), qs("3")});
        REQUIRE(load.waitForStarted());
        // From the clients' first requests (enrollments) to well into the check-ins and batched writes.
        const int delay = randomDelay(20, 2500);
        if (load.waitForFinished(delay)) {
            INFO(load.readAllStandardError().toStdString());
            FAIL("the load ended on its own");
        }
        if (serve.state() != QProcess::Running) {
            ++tally.finished;
            load.kill();
            load.waitForFinished(10000);
            continue;
        }
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        serve.kill(); // SIGKILL: no handler, no last batch, no destructor runs
        REQUIRE(serve.waitForFinished(10000));
        load.kill();
        REQUIRE(load.waitForFinished(10000));

        const QString check = integrity(store);
        const qint64 half = number(store, QString::fromLatin1(kHalfEnrolled));
        const Confirmed confirmed = readConfirmed(confirmedLog);
        const QStringList lost = missing(store, confirmed, killedAt);
        INFO("killed after " << delay << " ms: integrity " << check.toStdString() << ", " << half
                             << " half-made enrollments, confirmed " << confirmed.enrolled.size()
                             << " enrolled, " << confirmed.agentAcks.size() + confirmed.appleAcks.size()
                             << " acks, " << confirmed.seen.size()
                             << " seen; missing: " << lost.join(qs("; ")).toStdString());
        all.enrolled += confirmed.enrolled;
        all.agentAcks += confirmed.agentAcks;
        all.appleAcks += confirmed.appleAcks;
        all.seen.insert(confirmed.seen);
        const bool whole = check == QLatin1String("ok");
        CHECK(whole);
        CHECK(half == 0);
        CHECK(lost.isEmpty());

        // Started again on the same store: every device is answered, a fresh invitation enrolls.
        port = test::unusedPort();
        QProcess again;
        test::gateway::startServe(again, store, port, certificate, serveLog);
        const bool goesOn = runLoad(qs("probe"), port, certificate, probeTokens, devices) == 0;
        const bool stopped = stopServe(again);
        CHECK(stopped);
        const bool stillWhole =
            integrity(store) == QLatin1String("ok") && number(store, QString::fromLatin1(kHalfEnrolled)) == 0;
        CHECK(stillWhole);

        if (!whole)
            ++tally.corrupt;
        if (half != 0 || !lost.isEmpty() || !goesOn || !stopped || !stillWhole)
            ++tally.partial;
        if (whole && half == 0 && lost.isEmpty() && goesOn && stopped && stillWhole) {
            ++tally.survived;
            ++(confirmed.any() ? tally.after : tally.before);
        }
    }
    addToTotal(tally);
    printTally(qs("serve"), tally);
    std::printf("serve: confirmed before the kills %lld enrollments, %lld agent and %lld Apple acks, %lld "
                "devices seen\n",
                static_cast<long long>(all.enrolled.size()), static_cast<long long>(all.agentAcks.size()),
                static_cast<long long>(all.appleAcks.size()), static_cast<long long>(all.seen.size()));
    CHECK(!all.enrolled.isEmpty());
    CHECK(!all.agentAcks.isEmpty());
    CHECK(!all.appleAcks.isEmpty());
    CHECK(tally.survived >= kills);
}
