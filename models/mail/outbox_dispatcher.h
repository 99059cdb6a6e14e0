#pragma once

#include "mail/mail_settings.h"
#include "mail/mail_transport.h"
#include "mail/outbox.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace mdm {

class Clock;
class Store;
class StoreLease;

// Sends what the outbox holds, in batches over one connection, and records each outcome. In the
// console it runs in the background; `mdm-console deliver` runs it once.
class OutboxDispatcher : public QObject
{
    Q_OBJECT

public:
    struct Report
    {
        qint64 outboxId;
        QString recipient;
        DeliveryResult result;
        QString storeError; // the outcome could not be recorded (the message stays queued)
    };

    OutboxDispatcher(Store &store, const Clock &clock, MailTransport &transport, QObject *parent = nullptr);
    ~OutboxDispatcher() override;

    void setCredentials(const MailSettings &settings, const QString &password);
    // Background delivery while the console runs: due messages now and then, and soon after new ones.
    void startBackground(int intervalMs = 30000);
    // One pass over the due messages (all queued ones with ignoreBackoff); finished() at the end.
    void deliverDue(bool ignoreBackoff);
    // Starts no further batch; finished() follows once the running one ends (cancel the transport too
    // to end that one sooner). Messages not yet tried stay queued as they were.
    void cancel();
    bool isBusy() const { return busy_; }
    QString lastProblem() const { return lastProblem_; }
    QList<Report> reports() const { return reports_; }

signals:
    void reported(const mdm::OutboxDispatcher::Report &report);
    void finished();
    void statusChanged();

private:
    void finishPass();
    void sendNextBatch();
    void onMailFinished(int index, const DeliveryResult &result);

    Store &store_;
    const Clock &clock_;
    MailTransport &transport_;
    MailSettings settings_;
    QString password_;
    // The store's "outbox" lease, held for the length of a pass: one sender in all, on every machine.
    std::unique_ptr<StoreLease> lease_;
    bool busy_ = false;
    bool ignoreBackoff_ = false;
    bool cancelled_ = false;
    QList<OutboxMessage> batch_;
    QList<qint64> attempted_; // a pass tries each message once
    QList<Report> reports_;
    QString lastProblem_;
    QTimer timer_;
    QTimer soon_;
};

} // namespace mdm
