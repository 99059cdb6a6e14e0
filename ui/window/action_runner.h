#pragma once

#include "services/bulk_result.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QThread;
class QWidget;

namespace mdm {

class Clock;
class Store;

// Runs one action at a time off the UI thread, with a progress dialog and Cancel once it takes longer
// than a moment. Every action runs on one worker thread and its one store connection, opened with the
// first action and kept until the window closes: a click never opens the store again. The result comes
// back on the UI thread.
class ActionRunner : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<BulkResult(Store &store, const ActionControl &control)>;
    using Done = std::function<void(const BulkResult &result)>;

    ActionRunner(const Store &store, QWidget *window);
    ~ActionRunner() override;

    bool isBusy() const { return busy_; }
    QString label() const { return label_; } // of the action that runs, while busy
    // Only when idle: callers check isBusy() (the console disables its actions while one runs).
    void run(const QString &label, qint64 total, Job job, Done done);

signals:
    // An action started (true) or finished (false, just before its Done is called).
    void busyChanged(bool busy);
    // The running action found the store locked by another writer past the busy timeout; it tries again
    // until the store is free or the admin cancels.
    void storeBusy();

private:
    void startThread();
    void finish(BulkResult result, Done done);

    const Store &store_;
    QWidget *window_;
    bool busy_ = false;
    bool updatingProgress_ = false; // inside the progress dialog's setValue()
    QString label_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<std::atomic<qint64>> progress_;
    QPointer<QProgressDialog> dialog_;
    QThread *thread_ = nullptr;
    class ActionConnection *connection_ = nullptr; // lives on thread_
};

} // namespace mdm
