#include "action_runner.h"

#include "store.h"

#include <QProgressDialog>
#include <QThread>
#include <QTimer>

namespace mdm {

namespace {
constexpr int kShowProgressAfterMs = 400;
}

ActionRunner::ActionRunner(const QString &storePath, QWidget *window)
    : QObject(window), storePath_(storePath), window_(window)
{
}

ActionRunner::~ActionRunner()
{
    if (thread_) {
        cancel_->store(true);
        thread_->wait();
    }
}

void ActionRunner::run(const QString &label, qint64 total, Job job, Done done)
{
    busy_ = true;
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
    connect(poll, &QTimer::timeout, dialog, [dialog, progress = progress_] {
        if (dialog->maximum() > 0)
            dialog->setValue(static_cast<int>(std::min<qint64>(progress->load(), dialog->maximum())));
    });
    poll->start();

    const QString path = storePath_;
    auto cancel = cancel_;
    auto progress = progress_;
    thread_ = QThread::create(
        [this, path, cancel, progress, job = std::move(job), done = std::move(done)]() mutable {
            BulkResult result;
            // A connection of this thread's own: SQLite connections must not cross threads.
            auto opened = Store::open(path);
            if (!opened.store) {
                result.error = opened.error;
            } else {
                ActionControl control;
                control.cancel = cancel.get();
                control.progress = [progress](qint64 doneCount, qint64) { progress->store(doneCount); };
                result = job(*opened.store, control);
            }
            QMetaObject::invokeMethod(
                this,
                [this, result = std::move(result), done = std::move(done)] {
                    if (dialog_)
                        dialog_->deleteLater();
                    thread_->wait();
                    thread_->deleteLater();
                    thread_ = nullptr;
                    busy_ = false;
                    done(result);
                },
                Qt::QueuedConnection);
        });
    thread_->start();
}

} // namespace mdm
