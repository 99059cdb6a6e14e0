// One store, several real mdm-console processes at the same moment, on SQLite and on PostgreSQL: one sender
// delivers the outbox (each mail once), two admins' conflicting bulk actions leave every record in one
// consistent state that the audit log explains, and a writer meets a held write lock by waiting, then
// saying the store is busy.
#include "domain/clock.h"
#include "mail/mail_settings.h"
#include "mail/outbox.h"
#include "mail/outbox_dispatcher.h"
#include "mail/smtp_mail_transport.h"
#include "pg_support.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "store/portable_sql.h"
#include "store/store.h"
#include "store/store_lease.h"
#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>

using namespace mdm;
using mdm::test::runConsole;
using mdm::test::scalar;
using mdm::test::SmtpServer;
using mdm::test::storeBackends;
using mdm::test::TempDir;
using mdm::test::TestStoreLocation;
using mdm::test::waitUntil;

namespace {

const QString kOtherSender =
    QStringLiteral("Another console or deliver command is sending this store's mail right now.");

// A store of the given backend for one test, open: a file in a fresh folder, or a fresh database.
class SharedStore
{
public:
    explicit SharedStore(const QString &backend) : where_(backend)
    {
        auto opened = Store::open(location());
        INFO(opened.error.toStdString());
        REQUIRE(opened.store);
        store_ = std::move(opened.store);
    }
    QString location() const { return where_.location(); }
    bool postgres() const { return where_.isPostgres(); }
    Store &store() { return *store_; }

private:
    TestStoreLocation where_;
    std::unique_ptr<Store> store_;
};

// A real mdm-console started at once, not waited for: several run side by side.
std::unique_ptr<QProcess> startConsole(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(MDM_CONSOLE_BINARY), arguments);
    REQUIRE(process->waitForStarted());
    return process;
}

using Processes = std::vector<std::unique_ptr<QProcess>>;

Processes startConsoles(const QList<QStringList> &commands)
{
    Processes processes;
    for (const QStringList &arguments : commands)
        processes.push_back(startConsole(arguments));
    return processes;
}

// Runs whileHeld in a transaction of this process, which holds the store's write lock the whole time; then
// rolls back (nothing was written), which lets the writers waiting for the lock go.
void holdingWriteLock(Store &store, const std::function<void()> &whileHeld)
{
    QString error;
    store.transaction(
        [&](QString *) {
            whileHeld();
            return false;
        },
        &error);
}

struct Finished
{
    int exitCode = -1;
    QString out;
    QString err;
};

Finished finish(QProcess &process)
{
    REQUIRE(waitUntil([&] { return process.state() == QProcess::NotRunning; }, 180000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The Message-ID header of every message the server received.
QStringList receivedMessageIds(const SmtpServer &smtp)
{
    QStringList ids;
    const QDir dir(smtp.mailDir());
    static const QRegularExpression header(QStringLiteral("^Message-ID:\\s*(\\S+)\\s*$"),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::MultilineOption);
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")})) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QRegularExpressionMatch m = header.match(text.left(text.indexOf(QLatin1String("\r\n\r\n"))));
        ids << (m.hasMatch() ? m.captured(1) : QStringLiteral("(none in %1)").arg(name));
    }
    return ids;
}

QList<InviteRequest> inviteRequests(int count, const QString &prefix)
{
    QList<InviteRequest> requests;
    for (int i = 0; i < count; ++i) {
        InviteRequest r;
        r.name = QStringLiteral("%1 %2").arg(prefix).arg(i);
        r.email = QStringLiteral("%1%2@contoso.example").arg(prefix).arg(i);
        r.platform = Platform::iOS;
        requests << r;
    }
    return requests;
}

// count enrolled devices of one user, in one transaction; their IDs in order.
QList<qint64> seedManagedDevices(Store &store, int count, const QString &tag)
{
    QList<qint64> ids;
    QString error;
    const bool ok = store.transaction(
        [&](QString *err) {
            QSqlQuery user(store.database());
            user.prepare(QStringLiteral("INSERT INTO users (name, email) VALUES (?, ?) RETURNING id"));
            user.addBindValue(QStringLiteral("Old Owner %1").arg(tag));
            user.addBindValue(QStringLiteral("old-%1@contoso.example").arg(tag));
            const qint64 userId = insertReturningId(user, err);
            if (userId == 0)
                return false;
            QSqlQuery device(store.database());
            device.prepare(
                QStringLiteral("INSERT INTO devices (name, platform, serial, user_id, state, enrolled_at)"
                               " VALUES (?, 1, ?, ?, 1, 1000) RETURNING id"));
            for (int i = 0; i < count; ++i) {
                device.addBindValue(QStringLiteral("Phone %1-%2").arg(tag).arg(i));
                device.addBindValue(QStringLiteral("SN-%1-%2").arg(tag).arg(i));
                device.addBindValue(userId);
                const qint64 id = insertReturningId(device, err);
                if (id == 0)
                    return false;
                ids << id;
            }
            return true;
        },
        &error);
    INFO(error.toStdString());
    REQUIRE(ok);
    return ids;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

// One line of a bulk command's output: "skipped        #12  Phone 3: Changed since you selected it: …".
struct OutcomeLine
{
    QString result;
    QString text;
};

QHash<qint64, OutcomeLine> outcomeLines(const QString &out)
{
    static const QRegularExpression line(QStringLiteral("^(\\S+)\\s+#(\\d+)(.*)$"));
    QHash<qint64, OutcomeLine> lines;
    for (const QString &l : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = line.match(l);
        if (m.hasMatch())
            lines.insert(m.captured(2).toLongLong(), {m.captured(1), m.captured(3)});
    }
    return lines;
}

QSet<qint64> withResult(const QHash<qint64, OutcomeLine> &lines, const QString &result)
{
    QSet<qint64> ids;
    for (auto it = lines.cbegin(); it != lines.cend(); ++it)
        if (it->result == result)
            ids.insert(it.key());
    return ids;
}

// The records each audit entry of action names, by entry ID.
QHash<qint64, QSet<qint64>> auditRecords(Store &store, const QString &action)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral(
        "SELECT l.id, r.record_id FROM audit_log l JOIN audit_log_records r ON r.audit_id = l.id"
        " WHERE l.action = ?"));
    q.addBindValue(action);
    REQUIRE(q.exec());
    QHash<qint64, QSet<qint64>> entries;
    while (q.next())
        entries[q.value(0).toLongLong()].insert(q.value(1).toLongLong());
    return entries;
}

QHash<qint64, int> column(Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    REQUIRE(q.exec(sql));
    QHash<qint64, int> values;
    while (q.next())
        values.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return values;
}

QSet<qint64> toSet(const QList<qint64> &ids)
{
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

// Starts the commands at the same moment. On PostgreSQL this process holds the store's write lock until
// both wait for it (pg_locks says so), so that each has read its records (its "selection") before either
// may write; then they race for the lock. Opening an SQLite store takes its write lock briefly (the
// migration's check), so there a held lock would hold the openings back too: they just start together.
Processes startTogether(SharedStore &shared, const QList<QStringList> &commands)
{
    if (!shared.postgres())
        return startConsoles(commands);
    Processes processes;
    holdingWriteLock(shared.store(), [&] {
        processes = startConsoles(commands);
        waitUntil(
            [&] {
                return scalar(shared.store(),
                              QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                             " AND NOT granted AND database = (SELECT oid FROM pg_database"
                                             " WHERE datname = current_database())")) == commands.size();
            },
            4000);
    });
    return processes;
}

// A skipped record's line names what it is now. With both commands' selections read before either wrote
// (PostgreSQL, startTogether) the loser says the record changed since it selected it; on SQLite the loser
// may have read its selection after the winner's commit, and then gives the service's own reason.
bool skipExplained(const QString &line, bool changedSince, const QString &now, const QString &serviceReason)
{
    if (line.endsWith(QStringLiteral(": Changed since you selected it: now ") + now))
        return true;
    return !changedSince && line.endsWith(QStringLiteral(": %1: %2.").arg(serviceReason, now));
}

} // namespace

TEST_CASE("deliver from several processes at once sends every mail exactly once", "[pgsend]")
{
    const QString backend = GENERATE(from_range(storeBackends()));
    INFO("store: " << backend.toStdString());
    SharedStore shared(backend);
    Store &store = shared.store();
    const QString db = shared.location();
    SmtpServer smtp;
    REQUIRE(runConsole({QStringLiteral("--db"), db, QStringLiteral("mail-settings"), QStringLiteral("--host"),
                        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(smtp.port()),
                        QStringLiteral("--security"), QStringLiteral("none"), QStringLiteral("--from"),
                        QStringLiteral("it@contoso.example")})
                .exitCode == 0);
    Clock clock;
    constexpr int kMails = 300;
    const BulkResult invited =
        EnrollmentService(store, clock).invite(inviteRequests(kMails, QStringLiteral("user")));
    INFO(invited.error.toStdString());
    REQUIRE(invited.ok);
    REQUIRE(Outbox(store, clock).counts().queued == kMails);

    // Whether some process holds the outbox lease, watched without taking it: the lock file, or the
    // lease's advisory lock (class "mdml", two-integer key).
    const auto held = [&] {
        return shared.postgres()
                   ? scalar(store,
                            QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                           " AND granted AND classid = 1835298156 AND objsubid = 2")) == 1
                   : QFile::exists(db + QStringLiteral(".outbox-lock"));
    };

    SECTION("a held lease keeps every other sender out, on any connection, and goes with its holder")
    {
        auto lease = store.lease(QStringLiteral("outbox"));
        QString error;
        REQUIRE(lease->tryTake(&error));
        auto other = store.lease(QStringLiteral("outbox"));
        CHECK_FALSE(other->tryTake(&error));
        CHECK(error.isEmpty());
        // Another lease name is another right.
        CHECK(store.lease(QStringLiteral("other"))->tryTake(&error));

        const auto refused =
            runConsole({QStringLiteral("--db"), db, QStringLiteral("deliver"), QStringLiteral("--now")});
        INFO(refused.out.toStdString() << refused.err.toStdString());
        CHECK(refused.err.contains(kOtherSender));
        CHECK(refused.out.contains(QStringLiteral("sent 0,")));
        CHECK(smtp.delivered() == 0);

        lease.reset(); // its holder ends: the lease is free again
        CHECK(other->tryTake(&error));
        other->release();
        CHECK_FALSE(other->isHeld());
    }

    SECTION("a sender killed mid-pass leaves the lease free at once, and the next one finishes the outbox")
    {
        auto process =
            startConsole({QStringLiteral("--db"), db, QStringLiteral("deliver"), QStringLiteral("--now")});
        const bool sawHolder = waitUntil(held, 30000);
        // Mid-pass: some mails out, most still queued.
        waitUntil([&] { return smtp.delivered() >= 20; }, 30000);
        process->kill();
        process->waitForFinished();
        INFO("the sender held the lease before the kill: " << sawHolder << "; mails received by then: "
                                                           << smtp.delivered());
        CHECK(sawHolder);
        auto lease = store.lease(QStringLiteral("outbox"));
        QString error;
        CHECK(waitUntil([&] { return lease->tryTake(&error); }, 10000));
        CHECK(error.isEmpty());
        lease.reset();

        const auto rest =
            runConsole({QStringLiteral("--db"), db, QStringLiteral("deliver"), QStringLiteral("--now")});
        INFO(rest.out.right(200).toStdString() << rest.err.toStdString());
        CHECK(rest.exitCode == 0);
        CHECK(Outbox(store, clock).counts().queued == 0);
        // At most the one message the server took just before the kill, not yet recorded, comes twice.
        const QStringList ids = receivedMessageIds(smtp);
        CHECK(QSet<QString>(ids.cbegin(), ids.cend()).size() == kMails);
        CHECK(ids.size() <= kMails + 1);
    }

    SECTION("two deliver processes and a console's dispatcher race: each mail goes out once")
    {
        const QStringList deliver{QStringLiteral("--db"),    db,
                                  QStringLiteral("deliver"), QStringLiteral("--now"),
                                  QStringLiteral("--wait"),  QStringLiteral("120")};
        auto first = startConsole(deliver);
        auto second = startConsole(deliver);
        // The two processes race each other for the lease; the console joins while one of them sends.
        waitUntil([&] { return held() || smtp.delivered() > 0; }, 30000);
        // The third sender: a console's own dispatcher, as its background delivery runs it.
        mail::SmtpMailTransport transport;
        OutboxDispatcher dispatcher(store, clock, transport);
        dispatcher.setCredentials(MailSettings::load(store), {});
        int passes = 0;
        QStringList problems;
        // Its passes keep coming while the processes run, as the console's timer would bring them.
        while (first->state() != QProcess::NotRunning || second->state() != QProcess::NotRunning ||
               passes == 0) {
            dispatcher.deliverDue(true);
            REQUIRE(waitUntil([&] { return !dispatcher.isBusy(); }, 120000));
            ++passes;
            if (!dispatcher.lastProblem().isEmpty())
                problems << dispatcher.lastProblem();
            QTest::qWait(50);
        }
        const Finished a = finish(*first);
        const Finished b = finish(*second);
        INFO("first: " << a.out.right(300).toStdString() << a.err.toStdString());
        INFO("second: " << b.out.right(300).toStdString() << b.err.toStdString());
        INFO("console dispatcher: " << passes << " passes; "
                                    << problems.join(QLatin1String(" | ")).toStdString());
        CHECK(a.exitCode == 0);
        CHECK(b.exitCode == 0);
        for (const QString &problem : problems)
            CHECK(problem == kOtherSender);

        const QStringList ids = receivedMessageIds(smtp);
        QHash<QString, int> seen;
        QStringList twice;
        for (const QString &id : ids)
            if (++seen[id] == 2)
                twice << id;
        INFO("received twice: " << twice.join(QLatin1Char(' ')).toStdString());
        CHECK(twice.isEmpty());
        CHECK(ids.size() == kMails);
        CHECK(seen.size() == kMails);
        CHECK(Outbox(store, clock).counts().queued == 0);
        CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 1")) == kMails);
        // Every message sent is counted by exactly one sender.
        static const QRegularExpression sent(QStringLiteral("sent (\\d+),"));
        const int byProcesses = sent.match(a.out).captured(1).toInt() + sent.match(b.out).captured(1).toInt();
        CHECK(byProcesses + static_cast<int>(dispatcher.reports().size()) <= kMails);
    }
}

TEST_CASE("two admins deprovision the same devices at the same moment: one wins each record", "[pgsend]")
{
    const QString backend = GENERATE(from_range(storeBackends()));
    INFO("store: " << backend.toStdString());
    SharedStore shared(backend);
    Store &store = shared.store();
    const QString db = shared.location();
    const QList<qint64> devices = seedManagedDevices(store, 2000, QStringLiteral("a"));
    // Overlapping selections: 1,000 devices in both.
    const QList<qint64> revokeSet = devices.mid(0, 1500);
    const QList<qint64> wipeSet = devices.mid(500);
    const QSet<qint64> both = toSet(revokeSet) & toSet(wipeSet);

    auto processes =
        startTogether(shared, {{QStringLiteral("--db"), db, QStringLiteral("deprovision"),
                                QStringLiteral("--mode"), QStringLiteral("revoke"), QStringLiteral("--yes"),
                                QStringLiteral("--device"), idList(revokeSet)},
                               {QStringLiteral("--db"), db, QStringLiteral("deprovision"),
                                QStringLiteral("--mode"), QStringLiteral("factory-reset"),
                                QStringLiteral("--yes"), QStringLiteral("--device"), idList(wipeSet)}});
    const Finished revoke = finish(*processes[0]);
    const Finished wipe = finish(*processes[1]);
    INFO("revoke: " << revoke.err.toStdString() << revoke.out.right(200).toStdString());
    INFO("wipe: " << wipe.err.toStdString() << wipe.out.right(200).toStdString());
    REQUIRE(revoke.err.isEmpty());
    REQUIRE(wipe.err.isEmpty());

    const auto revokeLines = outcomeLines(revoke.out);
    const auto wipeLines = outcomeLines(wipe.out);
    REQUIRE(revokeLines.size() == revokeSet.size());
    REQUIRE(wipeLines.size() == wipeSet.size());
    const auto revokeAudit = auditRecords(store, QStringLiteral("device.revoke_mdm"));
    const auto wipeAudit = auditRecords(store, QStringLiteral("device.factory_reset"));
    REQUIRE(revokeAudit.size() == 1);
    REQUIRE(wipeAudit.size() == 1);
    const QSet<qint64> revoked = revokeAudit.cbegin().value();
    const QSet<qint64> wiped = wipeAudit.cbegin().value();

    // The audit entries partition the devices, and say what each command's output says it did.
    CHECK((revoked & wiped).isEmpty());
    CHECK((revoked | wiped) == toSet(devices));
    CHECK(withResult(revokeLines, QStringLiteral("done")) == revoked);
    CHECK(withResult(wipeLines, QStringLiteral("done")) == wiped);

    // Each device is in the state of the one entry that names it, with exactly one command queued.
    const auto states = column(store, QStringLiteral("SELECT id, state FROM devices"));
    const auto commands =
        column(store, QStringLiteral("SELECT device_id, count(*) FROM commands GROUP BY device_id"));
    int wrong = 0;
    for (qint64 id : devices) {
        const int expected = revoked.contains(id) ? 3 : 4;
        if (states.value(id) != expected || commands.value(id) != 1)
            ++wrong;
    }
    CHECK(wrong == 0);

    // One transaction won the 1,000 devices both selected; the other names each of them as changed since
    // it selected them, and what they are now.
    const bool revokeWon = revoked.contains(*both.cbegin());
    const auto &loserLines = revokeWon ? wipeLines : revokeLines;
    const QString now = revokeWon ? QStringLiteral("Revoke pending") : QStringLiteral("Wipe pending");
    CHECK(withResult(loserLines, QStringLiteral("skipped")) == both);
    CHECK((revokeWon ? revoked : wiped) == toSet(revokeWon ? revokeSet : wipeSet));
    int explained = 0;
    for (qint64 id : both)
        if (skipExplained(loserLines.value(id).text, shared.postgres(), now,
                          QStringLiteral("Already queued")))
            ++explained;
    INFO("loser's first skipped line: " << loserLines.value(*both.cbegin()).text.toStdString());
    CHECK(explained == both.size());
    CHECK((revokeWon ? wipe : revoke).exitCode == 1);
    CHECK((revokeWon ? revoke : wipe).exitCode == 0);
    CHECK((revokeWon ? wipe : revoke).out.contains(QStringLiteral(", skipped 1000, failed 0")));
}

TEST_CASE("one admin re-assigns while another deprovisions the same devices: no lost update", "[pgsend]")
{
    const QString backend = GENERATE(from_range(storeBackends()));
    INFO("store: " << backend.toStdString());
    SharedStore shared(backend);
    Store &store = shared.store();
    const QString db = shared.location();
    const QList<qint64> devices = seedManagedDevices(store, 2000, QStringLiteral("b"));
    QList<qint64> deprovisionSet;
    for (qsizetype i = 0; i < devices.size(); i += 2)
        deprovisionSet << devices[i];
    const QSet<qint64> deprovisionIds = toSet(deprovisionSet);

    // Started in both orders, so that either may come first.
    const bool reassignFirst = GENERATE(true, false);
    const QStringList reassign{QStringLiteral("--db"),
                               db,
                               QStringLiteral("reassign"),
                               QStringLiteral("--email"),
                               QStringLiteral("new@contoso.example"),
                               QStringLiteral("--name"),
                               QStringLiteral("New Owner"),
                               QStringLiteral("--device"),
                               idList(devices)};
    const QStringList deprovision{QStringLiteral("--db"),        db,
                                  QStringLiteral("deprovision"), QStringLiteral("--mode"),
                                  QStringLiteral("revoke"),      QStringLiteral("--yes"),
                                  QStringLiteral("--device"),    idList(deprovisionSet)};
    auto processes = startTogether(shared, reassignFirst ? QList<QStringList>{reassign, deprovision}
                                                         : QList<QStringList>{deprovision, reassign});
    const Finished ra = finish(*processes[reassignFirst ? 0 : 1]);
    const Finished dp = finish(*processes[reassignFirst ? 1 : 0]);
    INFO("reassign: " << ra.err.toStdString() << ra.out.right(200).toStdString());
    INFO("deprovision: " << dp.err.toStdString() << dp.out.right(200).toStdString());
    REQUIRE(ra.err.isEmpty());
    REQUIRE(dp.err.isEmpty());

    const auto raLines = outcomeLines(ra.out);
    const auto dpLines = outcomeLines(dp.out);
    REQUIRE(raLines.size() == devices.size());
    const auto raAudit = auditRecords(store, QStringLiteral("device.reassign"));
    const auto dpAudit = auditRecords(store, QStringLiteral("device.revoke_mdm"));
    REQUIRE(raAudit.size() <= 1);
    REQUIRE(dpAudit.size() == 1);
    const QSet<qint64> reassigned = raAudit.isEmpty() ? QSet<qint64>() : raAudit.cbegin().value();
    const QSet<qint64> deprovisioned = dpAudit.cbegin().value();

    // Deprovisioning applies to a re-assigned device as to any managed one: it never skips here.
    CHECK(deprovisioned == deprovisionIds);
    CHECK(withResult(dpLines, QStringLiteral("done")) == deprovisioned);
    CHECK(withResult(raLines, QStringLiteral("done")) == reassigned);

    // The final state of every device is the one the audit log explains.
    const QString newUser = QStringLiteral("(SELECT id FROM users WHERE email = 'new@contoso.example')");
    const auto owned = column(
        store,
        QStringLiteral("SELECT id, CASE WHEN user_id = %1 THEN 1 ELSE 0 END FROM devices").arg(newUser));
    const auto states = column(store, QStringLiteral("SELECT id, state FROM devices"));
    int wrong = 0;
    for (qint64 id : devices)
        if ((owned.value(id) == 1) != reassigned.contains(id) ||
            (states.value(id) == 3) != deprovisioned.contains(id) ||
            (states.value(id) != 3 && states.value(id) != 1))
            ++wrong;
    CHECK(wrong == 0);

    // A device being deprovisioned gets no new user: re-assigned and deprovisioned both only when the
    // re-assignment came first (its audit entry is the older one).
    const QSet<qint64> skipped = withResult(raLines, QStringLiteral("skipped"));
    if (!(reassigned & deprovisioned).isEmpty())
        CHECK(raAudit.cbegin().key() < dpAudit.cbegin().key());
    // One transaction each: the re-assignment got all its devices, or lost exactly the deprovisioned ones.
    CHECK((reassigned == toSet(devices) || skipped == deprovisionIds));
    CHECK((reassigned | skipped) == toSet(devices));
    if (!skipped.isEmpty()) {
        if (!raAudit.isEmpty())
            CHECK(dpAudit.cbegin().key() < raAudit.cbegin().key());
        int explained = 0;
        for (qint64 id : skipped)
            if (skipExplained(raLines.value(id).text, shared.postgres(), QStringLiteral("Revoke pending"),
                              QStringLiteral("Being deprovisioned")))
                ++explained;
        INFO("first skipped line: " << raLines.value(*skipped.cbegin()).text.toStdString());
        CHECK(explained == skipped.size());
        CHECK(ra.exitCode == 1);
    }
}

TEST_CASE("a writer meets a held write lock by waiting, then says the store is busy", "[pgsend]")
{
    const QString backend = GENERATE(from_range(storeBackends()));
    INFO("store: " << backend.toStdString());
    SharedStore shared(backend);
    Store &store = shared.store();
    const QString db = shared.location();
    const QList<qint64> devices = seedManagedDevices(store, 3, QStringLiteral("c"));
    const QStringList deprovision{QStringLiteral("--db"),        db,
                                  QStringLiteral("deprovision"), QStringLiteral("--mode"),
                                  QStringLiteral("revoke"),      QStringLiteral("--yes"),
                                  QStringLiteral("--device"),    idList(devices)};

    SECTION("held past the busy timeout: busy, and nothing changed")
    {
        Finished run;
        qint64 waitedMs = 0;
        // The write lock is held the whole time the other writer runs.
        holdingWriteLock(store, [&] {
            QElapsedTimer timer;
            timer.start();
            auto process = startConsole(deprovision);
            run = finish(*process);
            waitedMs = timer.elapsed();
        });
        INFO(run.out.toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 1);
        CHECK(waitedMs >= Store::kDefaultBusyTimeoutMs - 200);
        const QString busy =
            QStringLiteral("The store is locked by another program that is writing to it; gave up "
                           "after 5.0 s. Try again when it has finished.");
        // PostgreSQL: met at the transaction's BEGIN. SQLite: already at opening the store, whose
        // migration check takes the write lock too.
        CHECK(run.err.contains((shared.postgres() ? QStringLiteral("Nothing was changed: ")
                                                  : QStringLiteral("Cannot open “%1”: ").arg(db)) +
                               busy));
        CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM devices WHERE state = 1")) == 3);
        CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM commands")) == 0);
        CHECK(scalar(store, QStringLiteral(
                                "SELECT count(*) FROM audit_log WHERE action = 'device.revoke_mdm'")) == 0);
    }

    SECTION("a second connection of this process waits in its transaction's BEGIN, then is busy")
    {
        auto second = store.connectAgain();
        REQUIRE(second.store);
        Clock clock;
        BulkResult result;
        qint64 waitedMs = 0;
        holdingWriteLock(store, [&] {
            QElapsedTimer timer;
            timer.start();
            result = DeviceService(*second.store, clock).deprovision(devices, DeprovisionMode::RevokeMdm);
            waitedMs = timer.elapsed();
        });
        CHECK_FALSE(result.ok);
        CHECK(waitedMs >= Store::kDefaultBusyTimeoutMs - 200);
        CHECK(result.error.startsWith(QStringLiteral("The store is locked by another program")));
        CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM commands")) == 0);
    }

    SECTION("released within the busy timeout: the waiting writer goes on")
    {
        std::unique_ptr<QProcess> process;
        QElapsedTimer timer;
        holdingWriteLock(store, [&] {
            timer.start();
            process = startConsole(deprovision);
            QTest::qWait(1500);
        });
        const Finished run = finish(*process);
        INFO(run.out.toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(timer.elapsed() >= 1500);
        CHECK(run.out.contains(QStringLiteral("queued 3, skipped 0, failed 0")));
        CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM devices WHERE state = 3")) == 3);
    }
}

TEST_CASE("the same CSV file sent by two processes at once invites everybody once", "[pgsend]")
{
    const QString backend = GENERATE(from_range(storeBackends()));
    INFO("store: " << backend.toStdString());
    SharedStore shared(backend);
    Store &store = shared.store();
    const QString db = shared.location();
    TempDir dir;
    const QString csv = dir.file(QStringLiteral("invites.csv"));
    {
        QFile file(csv);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("EMAIL_ADDRESS,PLATFORM_TYPE\n");
        for (int i = 0; i < 500; ++i)
            file.write(QStringLiteral("person%1@contoso.example,ios\n").arg(i).toUtf8());
    }
    const QStringList invite{QStringLiteral("--db"), db, QStringLiteral("invite"), QStringLiteral("--csv"),
                             csv};
    // Both check the file against the store before either has written (the write lock is held meanwhile).
    auto processes = startTogether(shared, {invite, invite});
    const Finished a = finish(*processes[0]);
    const Finished b = finish(*processes[1]);
    INFO("first: " << a.err.left(400).toStdString() << a.out.right(100).toStdString());
    INFO("second: " << b.err.left(400).toStdString() << b.out.right(100).toStdString());
    CHECK(((a.exitCode == 0) != (b.exitCode == 0)));
    const Finished &loser = a.exitCode == 0 ? b : a;
    CHECK(loser.exitCode == 1);
    CHECK((loser.err.contains(
               QStringLiteral("500 lines were invited meanwhile by another console or command:")) ||
           loser.err.contains(QStringLiteral("would invite again"))));
    CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM invitations")) == 500);
    CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM outbox")) == 500);
    CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'invite.send'")) == 1);
}
