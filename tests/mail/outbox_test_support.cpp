#include "outbox_test_support.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QVariant>

namespace mdm::mail::test {

TestStore::TestStore()
{
    REQUIRE(dir.isValid());
    path = dir.filePath(QStringLiteral("store.db"));
    auto opened = Store::open(path);
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    store = std::move(opened.store);
}

InviteRequest inviteRequest(const QString &name, const QString &email, Platform platform)
{
    InviteRequest request;
    request.name = name;
    request.email = email;
    request.platform = platform;
    return request;
}

QList<qint64> invite(Store &store, const Clock &clock, const QList<InviteRequest> &requests)
{
    const BulkResult result = EnrollmentService(store, clock).invite(requests);
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    REQUIRE(result.createdIds.size() == requests.size());
    return result.createdIds;
}

MailSettings mailSettingsFor(quint16 port)
{
    MailSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = MailSettings::Security::None;
    settings.fromAddress = QStringLiteral("it-desk@example.com");
    settings.fromName = QStringLiteral("Example IT Desk");
    settings.linkBase = QStringLiteral("https://enroll.example.test/e/");
    return settings;
}

PassRun runPass(OutboxDispatcher &dispatcher, bool ignoreBackoff, int waitMs)
{
    PassRun run;
    const QMetaObject::Connection connection =
        QObject::connect(&dispatcher, &OutboxDispatcher::reported,
                         [&run](const OutboxDispatcher::Report &report) { run.reports.append(report); });
    QSignalSpy finished(&dispatcher, &OutboxDispatcher::finished);
    dispatcher.deliverDue(ignoreBackoff);
    run.finished = !finished.isEmpty() || finished.wait(waitMs);
    QObject::disconnect(connection);
    return run;
}

OutboxRow outboxRowFor(Store &store, qint64 invitationId)
{
    QSqlQuery q(store.database());
    q.prepare(
        QStringLiteral("SELECT id, invitation_id, recipient, state, attempts, next_attempt_at, created_at,"
                       " sent_at, link_token IS NULL, last_error FROM outbox WHERE invitation_id = ?"));
    q.addBindValue(invitationId);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    OutboxRow row;
    row.id = q.value(0).toLongLong();
    row.invitationId = q.value(1).toLongLong();
    row.recipient = q.value(2).toString();
    row.state = q.value(3).toInt();
    row.attempts = q.value(4).toInt();
    row.nextAttemptAt = q.value(5).toLongLong();
    row.createdAt = q.value(6).toLongLong();
    row.sentAt = q.value(7).toLongLong();
    row.linkTokenNull = q.value(8).toBool();
    row.lastError = q.value(9).toString();
    REQUIRE_FALSE(q.next()); // one message per invitation in these tests
    return row;
}

InvitationRow invitationRow(Store &store, qint64 id)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral(
        "SELECT state, delivery, remarks, token_hash, expires_at FROM invitations WHERE id = ?"));
    q.addBindValue(id);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    InvitationRow row;
    row.state = q.value(0).toInt();
    row.delivery = q.value(1).toInt();
    row.remarks = q.value(2).toString();
    row.tokenHash = q.value(3).toByteArray();
    row.expiresAt = q.value(4).toLongLong();
    return row;
}

QMap<QString, int> deliveredPerRecipient(const SmtpTestServer &server)
{
    QMap<QString, int> counts;
    const QStringList events = server.events();
    for (const QString &line : events) {
        // "MESSAGE <file> FROM <sender> TO <rcpt,...>"
        if (!line.startsWith(QLatin1String("MESSAGE ")))
            continue;
        const QString to = line.section(QLatin1String(" TO "), -1);
        for (const QString &recipient : to.split(QLatin1Char(','), Qt::SkipEmptyParts))
            ++counts[recipient];
    }
    return counts;
}

QStringList messageFilesFor(const SmtpTestServer &server, const QString &recipient)
{
    QStringList files;
    const QStringList events = server.events();
    for (const QString &line : events) {
        if (line.startsWith(QLatin1String("MESSAGE ")) &&
            line.section(QLatin1String(" TO "), -1).split(QLatin1Char(',')).contains(recipient))
            files << line.section(QLatin1Char(' '), 1, 1);
    }
    return files;
}

QProcessEnvironment consoleEnvironment(const QString &home)
{
    QProcessEnvironment env = keychainConsoleEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    // No keychain service: a session bus that is not there (and nothing to autolaunch one).
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-such-bus").arg(home));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("XDG_CURRENT_DESKTOP"));
    return env;
}

QProcessEnvironment keychainConsoleEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("MDM_SMTP_PASSWORD"));
    return env;
}

ConsoleRun runConsole(const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &stdinData, int waitMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer elapsed;
    elapsed.start();
    process.start(QStringLiteral(MDM_CONSOLE_BINARY), arguments);
    REQUIRE(process.waitForStarted(10000));
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    ConsoleRun run;
    if (!process.waitForFinished(waitMs)) {
        process.kill();
        process.waitForFinished(5000);
    } else if (process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
    }
    run.elapsedMs = elapsed.elapsed();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    UNSCOPED_INFO("mdm-console " << arguments.join(QLatin1Char(' ')).toStdString() << " → " << run.exitCode
                                 << "\nstdout:\n"
                                 << run.out.toStdString() << "stderr:\n"
                                 << run.err.toStdString());
    return run;
}

QStringList filesContaining(const QString &folder, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace mdm::mail::test
