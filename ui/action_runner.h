#pragma once

#include "bulk_result.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

namespace mdm {

class Clock;
class Store;

// Runs one action off the UI thread, on a store connection of its own, with a progress dialog and
// Cancel once it takes longer than a moment. The result comes back on the UI thread.
class ActionRunner : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<BulkResult(Store &store, const ActionControl &control)>;
    using Done = std::function<void(const BulkResult &result)>;

    ActionRunner(const QString &storePath, QWidget *window);
    ~ActionRunner() override;

    bool isBusy() const { return busy_; }
    void run(const QString &label, qint64 total, Job job, Done done);

private:
    QString storePath_;
    QWidget *window_;
    bool busy_ = false;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<std::atomic<qint64>> progress_;
    QPointer<QProgressDialog> dialog_;
    class QThread *thread_ = nullptr;
};

} // namespace mdm
