#pragma once

#include "gateway/gateway_dialog.h"
#include "gateway/gateway_launch.h"
#include "gateway/gateway_status.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>

class QTimer;
class QWidget;

namespace mdm {

class Clock;
class Store;

// The console's side of the enrollment gateway: shows whether one serves this store (whichever
// machine runs it, from what it writes into the store), and runs one as a child process for a
// one-machine setup. The gateway itself is `mdm-console serve`: the same binary, never in the window's
// process, so a busy gateway cannot slow the window and a crash of one leaves the other running.
class GatewayController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kLogLines = 500;

    GatewayController(Store &store, const Clock &clock, QWidget *window);
    ~GatewayController() override;

    void openDialog();
    GatewayDialog *dialog() const { return dialog_; }

    // The program that runs `serve`: this very binary unless set (tests run the built mdm-console).
    void setProgram(const QString &program) { program_ = program; }
    bool start(const GatewayLaunch &launch, QString *error);
    void stop();
    // A gateway this window started and that has not exited.
    bool runsHere() const;
    // Asks before the window closes with a gateway of its own running; true: close (it was stopped).
    bool confirmClose();

    GatewayStatus status() const { return status_; }
    QString statusText() const;
    qint64 statusTimeMs() const;
    QStringList log() const { return log_; }

    // Reads the gateway's status from the store now (a timer does it every few seconds).
    void refresh();

signals:
    void statusChanged();
    void logLine(const QString &line);
    void message(const QString &text);

private:
    void readLog();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);

    Store &store_;
    const Clock &clock_;
    QWidget *window_;
    QTimer *timer_;
    QString program_;
    QProcess *process_ = nullptr;
    bool stopping_ = false;
    GatewayStatus status_;
    QString statusText_;
    QStringList log_;
    QByteArray partial_;
    QPointer<GatewayDialog> dialog_;
};

} // namespace mdm
