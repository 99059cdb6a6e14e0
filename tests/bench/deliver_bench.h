#pragma once

#include <QString>
#include <functional>

class QProcess;
class QTemporaryDir;

namespace mdm::bench {

// Invitations delivered per second, end to end: `count` invitations (EnrollmentService::invite, one
// transaction) in a fresh store, then one OutboxDispatcher pass through SmtpMailTransport to a local aiosmtpd
// server (tests/mail/smtp_server.py, plain SMTP on 127.0.0.1, started here with /usr/bin/python3). The
// dispatcher sends batches of 200 over one connection each (1,000 → 5 connections) and records every
// outcome in the store, as the console does. Timed from deliverDue() to finished(). -1 when the server
// cannot be started or not every message was accepted; why goes to `log`.
double deliverMessagesPerSecond(int count, const std::function<void(const QString &)> &log);

// Starts the mail tests' SMTP server (tests/mail/smtp_server.py) in `server` on a free loopback port,
// saving messages as dir/NNN.eml and its events in dir/events.log; the port, or 0 when it did not come up.
quint16 startSmtpServer(QProcess &server, const QTemporaryDir &dir,
                        const std::function<void(const QString &)> &log);

} // namespace mdm::bench
