#pragma once

#include "mail_types.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslError>
#include <QStringList>
#include <QTimer>

class QSslSocket;

namespace mdm::mail {

// An asynchronous SMTP submission client on QSslSocket: never blocks, never spins a nested event loop.
//
// One connection carries a whole batch: greeting → EHLO (HELO when EHLO is refused) → STARTTLS and EHLO again
// (Security::StartTls) → AUTH PLAIN or LOGIN when a user is set (PLAIN preferred, chosen from the EHLO
// capabilities) → per message MAIL FROM / RCPT TO / DATA (dot-stuffed, CRLF.CRLF), RSET after a rejected
// message → QUIT. Commands are sent one at a time (no PIPELINING). Every step has its own timeout
// (settings.timeoutMs, restarted on progress). Certificates are verified against the system CAs plus
// settings.caFile and are never ignored.
//
// Results: messageFinished(index, result) once for every message of the batch, in order, then
// batchFinished(). A dropped connection or timeout gives the current and all remaining messages a Transient
// result; a configuration problem (TLS, certificate, AUTH, sender) gives them all a ConfigError. See
// SendResult::Kind.
//
// The client may live in any thread with an event loop. Do not delete it from a slot connected to its own
// signals (use deleteLater()).
class SmtpClient : public QObject
{
    Q_OBJECT

public:
    explicit SmtpClient(SmtpSettings settings, QObject *parent = nullptr);
    ~SmtpClient() override;

    const SmtpSettings &settings() const { return settings_; }
    // Takes effect with the next sendBatch()/testConnection(); ignored (false) while busy.
    bool setSettings(const SmtpSettings &settings);

    bool isBusy() const { return step_ != Step::Idle; }

    // Sends the messages over one connection; returns at once. False (and nothing happens, no signal) when a
    // batch or test is already running. An empty list still emits batchFinished().
    bool sendBatch(const QList<MailMessage> &messages);

    // For the "Test connection" button: connects, secures, authenticates and asks whether the sender is
    // accepted (MAIL FROM, then RSET), without sending a message; reports connectionTested(). The result is
    // Sent on success (serverReply: the reply to MAIL FROM, error: a summary with the greeting, TLS protocol
    // and AUTH reply), otherwise exactly what a batch would report. To send a real test email, use
    // sendBatch() with one message: its result carries the server's exact answer ("250 2.0.0 Ok: queued as
    // …").
    bool testConnection();

    // Stops the running batch or test (asynchronously): every message without a result gets Transient.
    void cancel();

    // The conversation of the last (or current) connection: "C: …" sent, "S: …" received, "-- …" events.
    // Credentials are never recorded.
    QStringList transcript() const { return transcript_; }

signals:
    void messageFinished(int index, mdm::mail::SendResult result);
    void batchFinished();
    void connectionTested(mdm::mail::SendResult result);

private:
    enum class Mode
    {
        Batch,
        Test
    };
    enum class Step
    {
        Idle,
        Starting,
        Connecting,
        TlsHandshake, // implicit TLS, before the greeting
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        StartTlsHandshake,
        AuthPlain,
        AuthLogin,
        AuthLoginUser,
        AuthLoginPassword,
        MailFrom,
        RcptTo,
        Data,
        DataBody,
        Rset,
        Quit,
    };

    bool begin(Mode mode);
    void start();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketError();
    void onDisconnected();
    void onTimeout();
    void onProgress();

    void processBuffer();
    void handleReply(int code, const QStringList &lines);
    void onHelloReply(int code, const QString &reply, const QStringList &lines);
    void onAuthReply(int code, const QString &reply);
    void onMailFromReply(int code, const QString &reply);
    void onTransactionReply(int code, const QString &reply);
    void unexpectedReply(const QString &reply);
    void handleCapabilities(const QStringList &lines);
    void sendHello(bool extended);
    void afterHello();
    void authenticated();
    void nextMessage();
    void sendCommand(const QByteArray &command, Step next, const QString &logged = QString());
    void messageResult(SendResult::Kind kind, const QString &reply, const QString &error);
    void rejectMessage(SendResult::Kind kind, const QString &reply, const QString &error);

    // Reports every message without a result (or the test) and ends: abort closes the connection at once,
    // failAndQuit says QUIT first (the connection is healthy, e.g. after a 535).
    void abortAll(SendResult::Kind kind, const QString &reply, const QString &error);
    void failAndQuit(SendResult::Kind kind, const QString &reply, const QString &error);
    void reportRemaining(const SendResult &result);
    void sendQuit();
    void dropSocket(bool graceful);
    void finish();

    QString peer() const;
    QString stepDescription() const;
    QString certificateError() const;
    void note(const QString &line);
    void restartTimer();

    SmtpSettings settings_;
    Mode mode_ = Mode::Batch;
    Step step_ = Step::Idle;
    QSslSocket *socket_ = nullptr;
    QTimer timer_;

    QByteArray buffer_;
    QList<QByteArray> replyLines_;
    QStringList transcript_;
    QList<QSslError> sslErrors_;

    bool extended_ = false;
    bool startTlsOffered_ = false;
    bool tlsActive_ = false;
    QStringList authMechanisms_;
    QString greeting_;
    QString authReply_;

    QList<MailMessage> messages_;
    int current_ = -1;       // index of the message in progress
    int nextUnreported_ = 0; // first index without a result
    QByteArray currentData_; // built message of current_
    QByteArray currentTo_;
    QByteArray envelopeFrom_;
    SendResult testResult_;
    bool testDone_ = false;
    quint64 run_ = 0; // identifies the current batch/test for queued calls
};

} // namespace mdm::mail
