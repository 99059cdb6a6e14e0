#include "window/action_runner.h"

#include "store/store.h"

#include <QProgressDialog>
#include <QScopedValueRollback>
#include <QThread>
#include <QTimer>

namespace mdm {

namespace {
constexpr int kShowProgressAfterMs = 400;
}

// The worker thread's store connection: opened with the first job, closed on that thread when the
// thread finishes (SQLite connections must not cross threads).
class ActionConnection : public QObject
{
public:
    explicit ActionConnection(const Store &window) : window_(window) {}

    Store *get(QString *error)
    {
        if (!store_) {
            auto opened = window_.connectAgain();
            store_ = std::move(opened.store);
            *error = opened.error;
        }
        return store_.get();
    }

private:
    const Store &window_;
    std::unique_ptr<Store> store_;
};

ActionRunner::ActionRunner(const Store &store, QWidget *window)
    : QObject(window), store_(store), window_(window)
{
}

ActionRunner::~ActionRunner()
{
    if (!thread_)
        return;
    if (cancel_)
        cancel_->store(true);
    thread_->quit();
    thread_->wait();
}

void ActionRunner::startThread()
{
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("mdm-actions"));
    connection_ = new ActionConnection(store_);
    connection_->moveToThread(thread_);
    connect(thread_, &QThread::finished, connection_, &QObject::deleteLater);
    thread_->start();
}

void ActionRunner::run(const QString &label, qint64 total, Job job, Done done)
{
    Q_ASSERT(!busy_);
    if (!thread_)
        startThread();
    busy_ = true;
    label_ = label;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    progress_ = std::make_shared<std::atomic<qint64>>(0);

    auto *dialog =
        new QProgressDialog(label, tr("Cancel"), 0, total > INT_MAX ? 0 : static_cast<int>(total), window_);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(kShowProgressAfterMs);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setValue(0);
    dialog_ = dialog;
    connect(dialog, &QProgressDialog::canceled, this, [cancel = cancel_] { cancel->store(true); });
    auto *poll = new QTimer(dialog);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, dialog, [this, dialog, progress = progress_] {
        if (dialog->maximum() <= 0)
            return;
        // A shown window-modal dialog's setValue() runs the event loop, where the action may finish:
        // finish() must not delete the dialog under it.
        const QScopedValueRollback guard(updatingProgress_, true);
        dialog->setValue(static_cast<int>(std::min<qint64>(progress->load(), dialog->maximum())));
    });
    poll->start();
    emit busyChanged(true);

    QMetaObject::invokeMethod(
        connection_,
        [this, connection = connection_, cancel = cancel_, progress = progress_, job = std::move(job),
         done = std::move(done)]() mutable {
            BulkResult result;
            QString error;
            if (Store *store = connection->get(&error)) {
                ActionControl control;
                control.cancel = cancel.get();
                control.progress = [progress](qint64 doneCount, qint64) { progress->store(doneCount); };
                // Another program writing for longer than the busy timeout delays the action, it does not
                // fail it: the window says so, and Cancel still stops it.
                store->setBusyHandler([this, cancel] {
                    QMetaObject::invokeMethod(
                        this, [this] { emit storeBusy(); }, Qt::QueuedConnection);
                    return !cancel->load();
                });
                result = job(*store, control);
                store->setBusyHandler({});
            } else {
                result.error = error;
            }
            QMetaObject::invokeMethod(
                this,
                [this, result = std::move(result), done = std::move(done)]() mutable {
                    finish(std::move(result), std::move(done));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ActionRunner::finish(BulkResult result, Done done)
{
    if (updatingProgress_) {
        // Inside the dialog's setValue(): once more when it has returned.
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result), done = std::move(done)]() mutable {
                finish(std::move(result), std::move(done));
            },
            Qt::QueuedConnection);
        return;
    }
    // Gone before Done runs: a message box that Done opens runs its own event loop, where a deferred
    // delete waits and the progress dialog's timer still shows it, window-modal over the box, whose OK
    // then does nothing.
    delete dialog_.data();
    busy_ = false;
    label_.clear();
    emit busyChanged(false);
    done(result);
}

} // namespace mdm
