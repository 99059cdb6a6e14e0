#pragma once

#include "domain/clock.h"
#include "mail/mail_settings.h"
#include "mail/outbox_dispatcher.h"
#include "mail_test_support.h"
#include "services/enrollment_service.h"
#include "store/store.h"

#include <QMap>
#include <QProcessEnvironment>
#include <memory>

namespace mdm::mail::test {

// A store file in its own temporary folder (opened with the real schema and migrations).
struct TestStore
{
    TestStore();
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Store> store;
};

InviteRequest inviteRequest(const QString &name, const QString &email, Platform platform);
// Invites through EnrollmentService (one transaction: invitations, outbox rows, audit); the invitation IDs.
QList<qint64> invite(Store &store, const Clock &clock, const QList<InviteRequest> &requests);

// Plain SMTP on 127.0.0.1:port, sender it-desk@example.com, link base https://enroll.example.test/e/.
MailSettings mailSettingsFor(quint16 port);

// One OutboxDispatcher pass, waited for with an event loop.
struct PassRun
{
    bool finished = false;
    QList<OutboxDispatcher::Report> reports;
};
PassRun runPass(OutboxDispatcher &dispatcher, bool ignoreBackoff, int waitMs = 20000);

struct OutboxRow
{
    qint64 id = 0;
    qint64 invitationId = 0;
    QString recipient;
    int state = -1;
    int attempts = -1;
    qint64 nextAttemptAt = 0;
    qint64 createdAt = 0;
    qint64 sentAt = 0;
    bool linkTokenNull = false;
    QString lastError;
};
OutboxRow outboxRowFor(Store &store, qint64 invitationId); // the invitation's (only) outbox row

struct InvitationRow
{
    int state = -1;
    int delivery = -1;
    QString remarks;
    QByteArray tokenHash;
    qint64 expiresAt = 0;
};
InvitationRow invitationRow(Store &store, qint64 id);

// Accepted messages per recipient, from the server's event log.
QMap<QString, int> deliveredPerRecipient(const SmtpTestServer &server);
// The .eml files (in order) addressed to the recipient.
QStringList messageFilesFor(const SmtpTestServer &server, const QString &recipient);

// The real mdm-console, headless. By default with no keychain service (a session bus address that leads
// nowhere), HOME and XDG folders in `home`, and no MDM_SMTP_PASSWORD.
QProcessEnvironment consoleEnvironment(const QString &home);
// For the keychain run (under dbus-run-session): the session bus and HOME as they are.
QProcessEnvironment keychainConsoleEnvironment();

struct ConsoleRun
{
    int exitCode = -1; // -1: crashed or did not finish
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};
ConsoleRun runConsole(const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &stdinData = {}, int waitMs = 30000);

// Every file below the folder (recursively) whose bytes contain the needle.
QStringList filesContaining(const QString &folder, const QByteArray &needle);

} // namespace mdm::mail::test
