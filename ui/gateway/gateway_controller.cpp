#include "gateway/gateway_controller.h"

#include "domain/clock.h"
#include "gateway/gateway_dialog.h"
#include "store/store.h"
#include "window/message_box.h"

#include <QCoreApplication>
#include <QTimer>

namespace mdm {

GatewayController::GatewayController(Store &store, const Clock &clock, QWidget *window)
    : QObject(window), store_(store), clock_(clock), window_(window), timer_(new QTimer(this))
{
    // The gateway writes its heartbeat every few seconds; reading a handful of settings is cheap.
    timer_->setInterval(3000);
    connect(timer_, &QTimer::timeout, this, &GatewayController::refresh);
    timer_->start();
    refresh();
}

GatewayController::~GatewayController()
{
    // A gateway of this window never outlives it as an orphan nobody sees.
    if (runsHere()) {
        process_->disconnect(this);
        process_->terminate();
        if (!process_->waitForFinished(5000))
            process_->kill();
    }
}

void GatewayController::refresh()
{
    status_ = GatewayStatus::read(store_);
    const QString text = statusText();
    if (text != statusText_) {
        statusText_ = text;
        emit statusChanged();
    }
}

QString GatewayController::statusText() const
{
    return tr("gateway: %1").arg(status_.summary(clock_.nowMs()));
}

qint64 GatewayController::statusTimeMs() const
{
    return clock_.nowMs();
}

bool GatewayController::runsHere() const
{
    return process_ && process_->state() != QProcess::NotRunning;
}

bool GatewayController::start(const GatewayLaunch &launch, QString *error)
{
    if (runsHere())
        return true;
    if (const QString problem = launch.problem(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (status_.serving(clock_.nowMs())) {
        *error = tr("A gateway already serves this store at %1. Stop it first, or use that one.")
                     .arg(status_.publicUrl.isEmpty() ? status_.listen : status_.publicUrl);
        return false;
    }
    launch.remember();
    delete process_;
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::MergedChannels);
    connect(process_, &QProcess::readyReadStandardOutput, this, &GatewayController::readLog);
    connect(process_, &QProcess::finished, this, &GatewayController::onFinished);
    stopping_ = false;
    process_->start(program_.isEmpty() ? QCoreApplication::applicationFilePath() : program_,
                    launch.arguments(store_.path()));
    if (!process_->waitForStarted(5000)) {
        *error = tr("Could not start the gateway: %1").arg(process_->errorString());
        return false;
    }
    emit statusChanged();
    // Its first heartbeat says it serves; read soon rather than at the next tick.
    QTimer::singleShot(700, this, &GatewayController::refresh);
    return true;
}

void GatewayController::stop()
{
    if (!runsHere())
        return;
    stopping_ = true;
    // SIGTERM: the gateway finishes the requests in flight and writes what it batched.
    process_->terminate();
}

bool GatewayController::confirmClose()
{
    if (!runsHere())
        return true;
    MessageBox::Confirmation c;
    c.title = tr("Enrollment gateway");
    c.text = tr("This window runs the enrollment gateway. Closing it stops the gateway: devices cannot "
                "enroll or check in until a gateway runs again.");
    c.acceptText = tr("Stop Gateway and Close");
    if (!MessageBox::confirm(window_, c))
        return false;
    stopping_ = true;
    process_->terminate();
    if (!process_->waitForFinished(5000))
        process_->kill();
    return true;
}

void GatewayController::readLog()
{
    partial_ += process_->readAllStandardOutput();
    qsizetype end;
    while ((end = partial_.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(partial_.left(end)).trimmed();
        partial_.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        log_ << line;
        if (log_.size() > kLogLines)
            log_.removeFirst();
        emit logLine(line);
    }
}

void GatewayController::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    readLog();
    if (!partial_.isEmpty()) {
        log_ << QString::fromUtf8(partial_).trimmed();
        emit logLine(log_.last());
        partial_.clear();
    }
    if (!stopping_) {
        const QString last = log_.isEmpty() ? QString() : log_.last();
        emit message(exitStatus == QProcess::CrashExit
                         ? tr("The enrollment gateway stopped unexpectedly. %1").arg(last)
                         : tr("The enrollment gateway stopped (exit code %1). %2").arg(exitCode).arg(last));
    }
    stopping_ = false;
    refresh();
    emit statusChanged();
}

void GatewayController::openDialog()
{
    if (!dialog_) {
        dialog_ = new GatewayDialog(*this, window_);
        dialog_->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog_->show();
    dialog_->raise();
    dialog_->activateWindow();
}

} // namespace mdm
