#pragma once
// Wakes Apple devices that have a command waiting (`serve --apns-cert …`): follows the store's change journal
// (commands are queued by other processes: the console window, `mdm-console deprovision`), sweeps at start
// and every minute, pushes once per queued command through ApnsClient and writes the outcomes in batches.

#include "push/apns_client.h"
#include "services/push_queue.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

namespace mdm {
class Clock;
class Store;
class StoreWatcher;
struct StoreChange;
} // namespace mdm

namespace mdm::gateway {

class PushDispatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSweepIntervalMs = 60 * 1000;
    // Outcomes arriving within this time share one transaction.
    static constexpr int kRecordDelayMs = 200;

    // client: loaded already; owned by the caller, outlives this.
    PushDispatcher(Store &store, const Clock &clock, ApnsClient &client, QObject *parent = nullptr);
    ~PushDispatcher() override;

    // Follows the journal from now on and sweeps once.
    void start();
    // Stops following and writes the outcomes received so far.
    void stop();

    // Pushes sent whose outcome has not come yet.
    int inFlight() const { return int(inFlight_.size()); }

private:
    void onChanges(const QList<mdm::StoreChange> &changes);
    void scan(const QSet<qint64> &deviceIds);
    void onFinished(qint64 commandId, PushOutcome outcome, const QString &detail);
    void record();

    Store &store_;
    const Clock &clock_;
    ApnsClient &client_;
    std::unique_ptr<StoreWatcher> watcher_;
    QTimer sweep_;
    QTimer recordTimer_;
    QHash<qint64, PushQueue::Due> inFlight_; // by command ID
    // Commands whose push was rejected or failed: not pushed again by this process (they wait for the
    // device's next check-in; a restart tries once more).
    QSet<qint64> gaveUp_;
    QList<PushQueue::Result> results_;
    QSet<qint64> unrecorded_; // command IDs in results_
};

} // namespace mdm::gateway
