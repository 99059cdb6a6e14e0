#include "concurrent_bench.h"

#include "deliver_bench.h"
#include "store/store.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>

namespace mdm::bench {

namespace {

constexpr int kClients = 10;
constexpr int kDeliverers = 2; // clients 0 and 1 alternate deliver runs with bulk actions
constexpr int kPoolSize = 2000;

// What the store holds, counted the same way before and after.
struct Snapshot
{
    qint64 staged = 0, managed = 0, pending = 0, removed = 0, otherInvitations = 0;
    qint64 deviceDuplicates = 0, invitationDuplicates = 0;
    qint64 maxAuditId = 0, maxOutboxId = 0;
};

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

Snapshot snapshot(const QSqlDatabase &db)
{
    Snapshot s;
    s.staged = scalar(db, QStringLiteral("SELECT count(*) FROM devices WHERE state = 0"));
    s.managed = scalar(db, QStringLiteral("SELECT count(*) FROM devices WHERE state <> 0"));
    s.pending = scalar(db, QStringLiteral("SELECT count(*) FROM invitations WHERE state = 0"));
    s.removed = scalar(db, QStringLiteral("SELECT count(*) FROM invitations WHERE state = 2"));
    s.otherInvitations =
        scalar(db, QStringLiteral("SELECT count(*) FROM invitations WHERE state NOT IN (0, 2)"));
    s.deviceDuplicates = scalar(db, QStringLiteral("SELECT count(*) - count(DISTINCT id) FROM devices"));
    s.invitationDuplicates =
        scalar(db, QStringLiteral("SELECT count(*) - count(DISTINCT id) FROM invitations"));
    s.maxAuditId = scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM audit_log"));
    s.maxOutboxId = scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM outbox"));
    return s;
}

QList<qint64> ids(const QSqlDatabase &db, const QString &sql)
{
    QList<qint64> all;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(sql))
        while (q.next())
            all << q.value(0).toLongLong();
    return all;
}

// kPoolSize IDs drawn at random from all; the admins' commands pick from these, so that they collide.
QList<qint64> pool(QList<qint64> all, QRandomGenerator &rng)
{
    for (qsizetype i = 0; i < std::min<qsizetype>(kPoolSize, all.size()); ++i)
        std::swap(all[i], all[i + rng.bounded(static_cast<int>(all.size() - i))]);
    all.resize(std::min<qsizetype>(kPoolSize, all.size()));
    return all;
}

QList<qint64> pick(const QList<qint64> &from, QRandomGenerator &rng)
{
    QList<qint64> chosen;
    const int count = 20 + rng.bounded(280);
    for (int i = 0; i < count && !from.isEmpty(); ++i)
        chosen << from.at(rng.bounded(static_cast<int>(from.size())));
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    return chosen;
}

// What the commands reported done, per audit action and record.
using Reported = std::map<std::pair<QString, qint64>, int>;

struct Client
{
    QProcess process;
    QString action; // the audit action of the command running ("" for deliver)
    int runs = 0;
};

} // namespace

std::map<QString, double> concurrentAdminFigures(const QString &location, int seconds,
                                                 const std::function<void(const QString &)> &log)
{
    std::map<QString, double> f;
    auto opened = Store::open(location);
    if (!opened.store) {
        log(opened.error);
        return f;
    }
    const QSqlDatabase db = opened.store->database();
    QRandomGenerator rng(20261206);
    const QList<qint64> devices =
        pool(ids(db, QStringLiteral("SELECT id FROM devices WHERE state IN (1, 2)")), rng);
    const QList<qint64> invitations =
        pool(ids(db, QStringLiteral("SELECT id FROM invitations WHERE state = 0")), rng);
    QStringList emails;
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT email FROM users ORDER BY id LIMIT 5"));
        while (q.next())
            emails << q.value(0).toString();
    }
    if (devices.isEmpty() || invitations.isEmpty() || emails.isEmpty()) {
        log(QStringLiteral("concurrent_admins: the store has no devices, invitations or users to act on"));
        return f;
    }

    QTemporaryDir mailDir;
    QProcess smtp;
    const quint16 port = startSmtpServer(smtp, mailDir, log);
    if (port == 0)
        return f;
    const auto console = [&](QStringList arguments) {
        arguments.prepend(QStringLiteral("en"));
        arguments.prepend(QStringLiteral("--lang"));
        arguments.prepend(location);
        arguments.prepend(QStringLiteral("--db"));
        return arguments;
    };
    {
        QProcess settings;
        settings.start(QStringLiteral(MDM_CONSOLE_BINARY),
                       console({QStringLiteral("mail-settings"), QStringLiteral("--host"),
                                QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--security"), QStringLiteral("none"),
                                QStringLiteral("--from"), QStringLiteral("it-desk@example.com")}));
        if (!settings.waitForFinished(60000) || settings.exitCode() != 0) {
            log(QStringLiteral("concurrent_admins: mail-settings failed: %1")
                    .arg(QString::fromUtf8(settings.readAllStandardError())));
            return f;
        }
    }

    const Snapshot before = snapshot(db);
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    Reported reported;
    int actions = 0, failedActions = 0, deliverRuns = 0;
    qint64 resentDone = 0, removedDone = 0, done = 0;
    std::vector<std::unique_ptr<Client>> clients;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    int running = 0;

    const std::function<void(Client &, int)> startNext = [&](Client &client, int index) {
        if (clock.elapsed() >= seconds * 1000LL) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QStringList arguments;
        const bool deliver = index < kDeliverers && client.runs % 3 == 1;
        if (deliver) {
            client.action.clear();
            // A short run stays short: deliver stops within the time the admins act.
            arguments = {QStringLiteral("deliver"), QStringLiteral("--now"), QStringLiteral("--wait"),
                         QString::number(std::min(5, seconds))};
        } else {
            const int kind = rng.bounded(4);
            const QList<qint64> chosen = pick(kind < 2 ? devices : invitations, rng);
            const QString option = kind < 2 ? QStringLiteral("--device") : QStringLiteral("--id");
            if (kind == 0) {
                client.action = QStringLiteral("device.reassign");
                arguments = {QStringLiteral("reassign"), QStringLiteral("--email"),
                             emails.at(rng.bounded(static_cast<int>(emails.size())))};
            } else if (kind == 1) {
                const bool revoke = rng.bounded(2) == 0;
                client.action =
                    revoke ? QStringLiteral("device.revoke_mdm") : QStringLiteral("device.factory_reset");
                arguments = {QStringLiteral("deprovision"), QStringLiteral("--mode"),
                             revoke ? QStringLiteral("revoke") : QStringLiteral("factory-reset"),
                             QStringLiteral("--yes")};
            } else if (kind == 2) {
                client.action = QStringLiteral("invite.resend");
                arguments = {QStringLiteral("resend")};
            } else {
                client.action = QStringLiteral("invite.remove");
                arguments = {QStringLiteral("remove-request")};
            }
            for (const qint64 id : chosen)
                arguments << option << QString::number(id);
        }
        ++client.runs;
        client.process.start(QStringLiteral(MDM_CONSOLE_BINARY), console(arguments));
    };

    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<Client>());
        Client &client = *clients.back();
        QObject::connect(
            &client.process, &QProcess::finished, &loop, [&, i](int exitCode, QProcess::ExitStatus) {
                Client &c = *clients[static_cast<size_t>(i)];
                const QString output = QString::fromUtf8(c.process.readAllStandardOutput());
                const QString errors = QString::fromUtf8(c.process.readAllStandardError());
                if (c.action.isEmpty()) {
                    ++deliverRuns;
                    ++actions;
                    // Its summary ("sent N, retry later M, …") and why it stopped, if it did.
                    const QStringList lines = output.trimmed().split(QLatin1Char('\n'));
                    log(QStringLiteral("concurrent_admins: deliver: %1 %2")
                            .arg(lines.constLast(), errors.trimmed().section(QLatin1Char('\n'), -1)));
                } else if (output.contains(QLatin1String(", skipped "))) {
                    // One line per record: "done           #42  label"; then the summary.
                    ++actions;
                    for (const QString &line : output.split(QLatin1Char('\n'))) {
                        if (!line.startsWith(QLatin1String("done ")))
                            continue;
                        const qsizetype hash = line.indexOf(QLatin1Char('#'));
                        const qint64 id = line.mid(hash + 1).section(QLatin1Char(' '), 0, 0).toLongLong();
                        ++reported[{c.action, id}];
                        ++done;
                        if (c.action == QLatin1String("invite.resend")) {
                            ++resentDone;
                        } else if (c.action == QLatin1String("invite.remove")) {
                            ++removedDone;
                        }
                    }
                } else {
                    ++failedActions;
                    log(QStringLiteral("concurrent_admins: %1 changed nothing (exit %2): %3")
                            .arg(c.action)
                            .arg(exitCode)
                            .arg(errors.trimmed().left(300)));
                }
                startNext(c, i);
            });
        ++running;
        startNext(client, i);
    }
    QTimer::singleShot((seconds + 600) * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    const double elapsedS = static_cast<double>(clock.elapsed()) / 1000.0;
    smtp.kill(); // the PID this QProcess started
    smtp.waitForFinished(5000);

    // Per tab: the counts before, moved by what the commands reported done.
    const Snapshot after = snapshot(db);
    qint64 lost = 0, duplicated = after.deviceDuplicates + after.invitationDuplicates;
    const auto compare = [&](const char *what, qint64 expected, qint64 actual) {
        if (expected != actual)
            log(QStringLiteral("concurrent_admins: %1: %2 expected, %3 found")
                    .arg(QLatin1String(what))
                    .arg(expected)
                    .arg(actual));
        lost += std::max<qint64>(0, expected - actual);
        duplicated += std::max<qint64>(0, actual - expected);
    };
    compare("staged devices", before.staged, after.staged);
    compare("managed devices", before.managed, after.managed);
    compare("pending invitations", before.pending - removedDone, after.pending);
    compare("removed invitations", before.removed + removedDone, after.removed);
    compare("other invitations", before.otherInvitations, after.otherInvitations);

    // The audit log: one record entry per change reported done, none for anything else.
    Reported audited;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT a.action, r.record_id FROM audit_log a"
                                 " JOIN audit_log_records r ON r.audit_id = a.id WHERE a.id > ?"
                                 " AND a.action IN ('device.reassign', 'device.revoke_mdm',"
                                 " 'device.factory_reset', 'invite.resend', 'invite.remove')"));
        q.addBindValue(before.maxAuditId);
        if (q.exec())
            while (q.next())
                ++audited[{q.value(0).toString(), q.value(1).toLongLong()}];
    }
    qint64 auditLost = 0, auditDuplicated = 0;
    for (const auto &[key, count] : reported) {
        const auto found = audited.find(key);
        const int have = found == audited.end() ? 0 : found->second;
        auditLost += std::max(0, count - have);
        auditDuplicated += std::max(0, have - count);
    }
    for (const auto &[key, count] : audited)
        if (reported.find(key) == reported.end())
            auditDuplicated += count;
    if (auditLost || auditDuplicated)
        log(QStringLiteral("concurrent_admins: audit entries: %1 missing, %2 in excess")
                .arg(auditLost)
                .arg(auditDuplicated));
    lost += auditLost;
    duplicated += auditDuplicated;

    // The outbox: one new message per invitation resent, none else.
    const qint64 newMessages =
        scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE id > %1").arg(before.maxOutboxId));
    compare("new outbox messages", resentDone, newMessages);

    // Mails: every message the server received, by its Message-ID.
    std::map<QByteArray, int> messageIds;
    qint64 received = 0;
    const QStringList files = QDir(mailDir.path()).entryList({QStringLiteral("*.eml")}, QDir::Files);
    for (const QString &name : files) {
        QFile file(mailDir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++received;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                break;
            if (line.toLower().startsWith("message-id:"))
                ++messageIds[line.mid(11).trimmed()];
        }
    }
    qint64 twice = 0;
    for (const auto &[id, count] : messageIds)
        twice += count - 1;
    const qint64 recordedSent =
        scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE sent_at >= %1").arg(startedMs));
    log(QStringLiteral(
            "concurrent_admins: %1 actions (%2 deliver runs) by %3 processes in %4 s; %5 records "
            "changed; %6 mails received (%7 Message-IDs); %8 outbox rows recorded sent since the start")
            .arg(actions)
            .arg(deliverRuns)
            .arg(kClients)
            .arg(elapsedS, 0, 'f', 1)
            .arg(done)
            .arg(received)
            .arg(static_cast<qint64>(messageIds.size()))
            .arg(recordedSent));

    f[QStringLiteral("concurrent_admins_actions")] = actions;
    f[QStringLiteral("concurrent_admins_failed_actions")] = failedActions;
    f[QStringLiteral("concurrent_admins_rows_lost")] = static_cast<double>(lost);
    f[QStringLiteral("concurrent_admins_rows_duplicated")] = static_cast<double>(duplicated);
    f[QStringLiteral("concurrent_admins_mails_twice")] = static_cast<double>(twice);
    f[QStringLiteral("concurrent_admins_mails_received")] = static_cast<double>(received);
    return f;
}

} // namespace mdm::bench
