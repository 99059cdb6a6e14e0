#include "smtp_client.h"

#include "mime_message.h"
#include "smtp_reply.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <algorithm>
#include <utility>

namespace mdm::mail {

namespace {

constexpr qsizetype kMaxTranscript = 5000;
constexpr int kDefaultTimeoutMs = 30000;
constexpr int kMaxQuitWaitMs = 5000; // every result is out by then; do not hold batchFinished() for long

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return QStringLiteral("TLS");
    }
}

} // namespace

SmtpClient::SmtpClient(SmtpSettings settings, QObject *parent)
    : QObject(parent), settings_(std::move(settings))
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &SmtpClient::onTimeout);
}

SmtpClient::~SmtpClient()
{
    if (socket_) {
        socket_->disconnect(this);
        socket_->abort();
    }
}

bool SmtpClient::setSettings(const SmtpSettings &settings)
{
    if (isBusy())
        return false;
    settings_ = settings;
    return true;
}

bool SmtpClient::sendBatch(const QList<MailMessage> &messages)
{
    if (isBusy())
        return false;
    messages_ = messages;
    return begin(Mode::Batch);
}

bool SmtpClient::testConnection()
{
    if (isBusy())
        return false;
    messages_.clear();
    return begin(Mode::Test);
}

void SmtpClient::cancel()
{
    if (!isBusy())
        return;
    const quint64 run = run_;
    QMetaObject::invokeMethod(
        this,
        [this, run] {
            if (run_ != run || !isBusy())
                return;
            note(QStringLiteral("-- cancelled"));
            abortAll(SendResult::Kind::Transient, QString(),
                     tr("Cancelled before the server confirmed delivery."));
        },
        Qt::QueuedConnection);
}

bool SmtpClient::begin(Mode mode)
{
    mode_ = mode;
    step_ = Step::Starting;
    ++run_;
    buffer_.clear();
    replyLines_.clear();
    transcript_.clear();
    sslErrors_.clear();
    extended_ = false;
    startTlsOffered_ = false;
    tlsActive_ = false;
    authMechanisms_.clear();
    greeting_.clear();
    authReply_.clear();
    current_ = -1;
    nextUnreported_ = 0;
    currentData_.clear();
    currentTo_.clear();
    testResult_ = SendResult{};
    testDone_ = false;
    const quint64 run = run_;
    // Always asynchronous: even an immediate failure arrives through the event loop, after the caller
    // returned.
    QMetaObject::invokeMethod(
        this,
        [this, run] {
            if (run_ == run && step_ == Step::Starting)
                start();
        },
        Qt::QueuedConnection);
    return true;
}

void SmtpClient::start()
{
    using Kind = SendResult::Kind;
    if (mode_ == Mode::Batch && messages_.isEmpty()) {
        finish();
        return;
    }
    if (settings_.host.trimmed().isEmpty() || settings_.port == 0) {
        abortAll(Kind::ConfigError, QString(), tr("No mail server (host and port) is set."));
        return;
    }
    const auto from = mime::normalizeAddress(settings_.fromAddress);
    if (!from) {
        abortAll(Kind::ConfigError, QString(),
                 tr("The sender address \"%1\" is not a valid email address.").arg(settings_.fromAddress));
        return;
    }
    envelopeFrom_ = *from;

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (settings_.security != SmtpSettings::Security::None) {
        if (!QSslSocket::supportsSsl()) {
            abortAll(Kind::ConfigError, QString(),
                     tr("TLS is not available on this computer (no TLS backend)."));
            return;
        }
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!settings_.caFile.isEmpty()) {
            QList<QSslCertificate> certificates = QSslCertificate::fromPath(settings_.caFile, QSsl::Pem);
            if (certificates.isEmpty())
                certificates = QSslCertificate::fromPath(settings_.caFile, QSsl::Der);
            if (certificates.isEmpty()) {
                abortAll(Kind::ConfigError, QString(),
                         tr("No certificate could be read from the CA file \"%1\".").arg(settings_.caFile));
                return;
            }
            config.addCaCertificates(certificates);
        }
    }

    socket_ = new QSslSocket(this);
    socket_->setSslConfiguration(config);
    socket_->setPeerVerifyName(settings_.host.trimmed());
    connect(socket_, &QSslSocket::connected, this, &SmtpClient::onConnected);
    connect(socket_, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(socket_, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(socket_, &QSslSocket::sslErrors, this, &SmtpClient::onSslErrors);
    connect(socket_, &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(socket_, &QSslSocket::disconnected, this, &SmtpClient::onDisconnected);
    connect(socket_, &QSslSocket::bytesWritten, this, &SmtpClient::onProgress);
    connect(socket_, &QSslSocket::encryptedBytesWritten, this, &SmtpClient::onProgress);

    step_ = Step::Connecting;
    restartTimer();
    const bool implicitTls = settings_.security == SmtpSettings::Security::ImplicitTls;
    note(QStringLiteral("-- connecting to %1 (%2)")
             .arg(peer(), implicitTls ? QStringLiteral("implicit TLS")
                          : settings_.security == SmtpSettings::Security::StartTls
                              ? QStringLiteral("STARTTLS")
                              : QStringLiteral("plain")));
    // Last statement: a connection error may be reported synchronously from here.
    if (implicitTls)
        socket_->connectToHostEncrypted(settings_.host.trimmed(), settings_.port);
    else
        socket_->connectToHost(settings_.host.trimmed(), settings_.port);
}

void SmtpClient::onConnected()
{
    if (!socket_ || step_ != Step::Connecting)
        return;
    note(QStringLiteral("-- connected to %1").arg(socket_->peerAddress().toString()));
    step_ = settings_.security == SmtpSettings::Security::ImplicitTls ? Step::TlsHandshake : Step::Greeting;
    restartTimer();
    processBuffer();
}

void SmtpClient::onEncrypted()
{
    if (!socket_)
        return;
    tlsActive_ = true;
    note(QStringLiteral("-- TLS established (%1, %2)")
             .arg(protocolName(socket_->sessionProtocol()), socket_->sessionCipher().name()));
    if (step_ == Step::TlsHandshake) {
        step_ = Step::Greeting;
        restartTimer();
        processBuffer();
    } else if (step_ == Step::StartTlsHandshake) {
        // RFC 3207: forget everything learnt before TLS and say EHLO again.
        extended_ = false;
        startTlsOffered_ = false;
        authMechanisms_.clear();
        sendHello(true);
    }
}

void SmtpClient::onReadyRead()
{
    if (!socket_)
        return;
    buffer_ += socket_->readAll();
    restartTimer();
    processBuffer();
}

void SmtpClient::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: QSslSocket fails the handshake next, and onSocketError() reports these errors.
    sslErrors_ = errors;
    for (const QSslError &error : errors)
        note(QStringLiteral("-- certificate error: %1").arg(error.errorString()));
}

void SmtpClient::onSocketError()
{
    using Kind = SendResult::Kind;
    if (!socket_)
        return;
    const QAbstractSocket::SocketError error = socket_->error();
    const QString text = socket_->errorString();
    note(QStringLiteral("-- socket error: %1").arg(text));
    if (step_ == Step::Quit) {
        dropSocket(false);
        finish();
        return;
    }
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
        if (!sslErrors_.isEmpty()) {
            abortAll(Kind::ConfigError, QString(), certificateError());
        } else {
            abortAll(Kind::ConfigError, QString(),
                     tr("The TLS handshake with %1 failed: %2. Check the port and the security setting "
                        "(STARTTLS is usually on port 587, implicit TLS on port 465).")
                         .arg(peer(), text));
        }
        break;
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        abortAll(Kind::ConfigError, QString(), tr("TLS error with %1: %2.").arg(peer(), text));
        break;
    case QAbstractSocket::RemoteHostClosedError:
        abortAll(Kind::Transient, QString(),
                 tr("%1 closed the connection %2.").arg(peer(), stepDescription()));
        break;
    default:
        if (step_ == Step::Connecting)
            abortAll(Kind::Transient, QString(), tr("Could not connect to %1: %2.").arg(peer(), text));
        else
            abortAll(Kind::Transient, QString(),
                     tr("Connection to %1 failed %2: %3.").arg(peer(), stepDescription(), text));
        break;
    }
}

void SmtpClient::onDisconnected()
{
    if (!socket_)
        return;
    note(QStringLiteral("-- disconnected"));
    if (step_ == Step::Quit) {
        dropSocket(false);
        finish();
        return;
    }
    abortAll(SendResult::Kind::Transient, QString(),
             tr("%1 closed the connection %2.").arg(peer(), stepDescription()));
}

void SmtpClient::onTimeout()
{
    if (step_ == Step::Idle || step_ == Step::Starting)
        return;
    note(QStringLiteral("-- timeout"));
    if (step_ == Step::Quit) {
        dropSocket(false);
        finish();
        return;
    }
    abortAll(SendResult::Kind::Transient, QString(),
             tr("No answer from %1 within %2 s %3.")
                 .arg(peer(), QString::number(timer_.interval() / 1000.0, 'g', 3), stepDescription()));
}

void SmtpClient::onProgress()
{
    if (socket_ && step_ != Step::Idle && step_ != Step::Starting)
        restartTimer();
}

void SmtpClient::processBuffer()
{
    using Kind = SendResult::Kind;
    while (socket_) {
        switch (step_) {
        case Step::Idle:
        case Step::Starting:
        case Step::Connecting:
        case Step::TlsHandshake:
        case Step::StartTlsHandshake:
            return; // no reply expected; data before the TLS handshake is dropped when it starts
        default:
            break;
        }
        const SmtpReplyRead taken = takeSmtpReply(&buffer_, &replyLines_);
        switch (taken.kind) {
        case SmtpReplyRead::Kind::NeedMore:
            return;
        case SmtpReplyRead::Kind::LineTooLong:
            abortAll(Kind::ConfigError, QString(),
                     tr("%1 does not answer like an SMTP server (a line of more than %2 bytes). Check the "
                        "host, port and security settings.")
                         .arg(peer())
                         .arg(kMaxReplyLine));
            return;
        case SmtpReplyRead::Kind::NotSmtp:
            note(QStringLiteral("S: %1").arg(QString::fromUtf8(taken.badLine)));
            abortAll(Kind::ConfigError, QString::fromUtf8(taken.badLine),
                     tr("%1 does not answer like an SMTP server. Check the host, port and security settings.")
                         .arg(peer()));
            return;
        case SmtpReplyRead::Kind::Reply:
            handleReply(taken.code, taken.lines);
            break;
        }
    }
}

void SmtpClient::handleReply(int code, const QStringList &lines)
{
    const QString reply = lines.join(QLatin1Char('\n'));
    for (const QString &line : lines)
        note(QStringLiteral("S: ") + line);

    if (code == 421 && step_ != Step::Quit) {
        abortAll(SendResult::Kind::Transient, reply,
                 tr("The server is closing the connection (service not available)."));
        return;
    }
    switch (step_) {
    case Step::Greeting:
    case Step::Ehlo:
    case Step::Helo:
    case Step::StartTls:
        onHelloReply(code, reply, lines);
        return;
    case Step::AuthPlain:
    case Step::AuthLogin:
    case Step::AuthLoginUser:
    case Step::AuthLoginPassword:
        onAuthReply(code, reply);
        return;
    case Step::MailFrom:
        onMailFromReply(code, reply);
        return;
    case Step::RcptTo:
    case Step::Data:
    case Step::DataBody:
    case Step::Rset:
        onTransactionReply(code, reply);
        return;
    case Step::Quit:
        dropSocket(true);
        finish();
        return;
    default:
        return;
    }
}

void SmtpClient::unexpectedReply(const QString &reply)
{
    abortAll(SendResult::Kind::Transient, reply,
             tr("Unexpected answer from %1 %2.").arg(peer(), stepDescription()));
}

// Greeting, EHLO or HELO, STARTTLS: the session before any login or message.
void SmtpClient::onHelloReply(int code, const QString &reply, const QStringList &lines)
{
    using Kind = SendResult::Kind;
    const Kind configFailure = code >= 500 ? Kind::ConfigError : Kind::Transient;
    switch (step_) {
    case Step::Greeting:
        greeting_ = reply;
        if (code == 220)
            sendHello(true);
        else if (code < 400)
            unexpectedReply(reply);
        else
            failAndQuit(configFailure, reply, tr("The mail server %1 refuses the connection.").arg(peer()));
        return;
    case Step::Ehlo:
        if (code == 250) {
            handleCapabilities(lines);
            afterHello();
        } else if (code >= 500) {
            sendHello(false); // an old server: HELO, without extensions
        } else if (code < 400) {
            unexpectedReply(reply);
        } else {
            failAndQuit(Kind::Transient, reply, tr("The server refused EHLO for now."));
        }
        return;
    case Step::Helo:
        if (code == 250) {
            extended_ = false;
            startTlsOffered_ = false;
            authMechanisms_.clear();
            afterHello();
        } else if (code < 400) {
            unexpectedReply(reply);
        } else {
            failAndQuit(configFailure, reply, tr("The server refused HELO."));
        }
        return;
    case Step::StartTls:
        if (code == 220) {
            if (!buffer_.isEmpty()) {
                // Anything sent before the handshake is unauthenticated (RFC 3207 injection): drop it.
                note(QStringLiteral("-- dropped %1 bytes received before the TLS handshake")
                         .arg(buffer_.size()));
                buffer_.clear();
            }
            step_ = Step::StartTlsHandshake;
            restartTimer();
            socket_->startClientEncryption();
        } else if (code < 400) {
            unexpectedReply(reply);
        } else {
            failAndQuit(configFailure, reply, tr("The server refused STARTTLS."));
        }
        return;
    default:
        return;
    }
}

void SmtpClient::onAuthReply(int code, const QString &reply)
{
    using Kind = SendResult::Kind;
    switch (step_) {
    case Step::AuthPlain:
    case Step::AuthLogin:
    case Step::AuthLoginUser:
    case Step::AuthLoginPassword:
        if (code == 235) {
            authReply_ = reply;
            authenticated();
        } else if (code == 334 && step_ == Step::AuthLogin) {
            sendCommand(settings_.user.toUtf8().toBase64(), Step::AuthLoginUser,
                        QStringLiteral("<user name, base64>"));
        } else if (code == 334 && step_ == Step::AuthLoginUser) {
            sendCommand(settings_.password.toUtf8().toBase64(), Step::AuthLoginPassword,
                        QStringLiteral("<password hidden>"));
        } else if (code < 400) {
            abortAll(Kind::ConfigError, reply,
                     tr("Unexpected answer from %1 during authentication.").arg(peer()));
        } else if (code >= 500) {
            failAndQuit(
                Kind::ConfigError, reply,
                tr("The server rejected the login as \"%1\". Check the user name and password in the mail "
                   "settings.")
                    .arg(settings_.user));
        } else {
            failAndQuit(Kind::Transient, reply, tr("The server could not check the login right now."));
        }
        return;
    default:
        return;
    }
}

void SmtpClient::onMailFromReply(int code, const QString &reply)
{
    using Kind = SendResult::Kind;
    if (code == 250) {
        if (mode_ == Mode::Test) {
            const QString tls = tlsActive_ ? protocolName(socket_->sessionProtocol()) : tr("not encrypted");
            const QString login = settings_.user.isEmpty()
                                      ? tr("no login")
                                      : tr("logged in as %1: %2").arg(settings_.user, authReply_);
            messageResult(Kind::Sent, reply,
                          tr("Connected to %1 (%2). Greeting: %3. %4. Sender %5 accepted.")
                              .arg(peer(), tls, greeting_, login, QString::fromLatin1(envelopeFrom_)));
            sendCommand("RSET", Step::Rset);
        } else {
            sendCommand("RCPT TO:<" + currentTo_ + '>', Step::RcptTo);
        }
    } else if (code < 400) {
        unexpectedReply(reply);
    } else if (code >= 500) {
        // The sender is the same for every message: a settings problem, not this message's.
        failAndQuit(Kind::ConfigError, reply,
                    tr("The server refuses the sender address %1.").arg(QString::fromLatin1(envelopeFrom_)));
    } else {
        rejectMessage(Kind::Transient, reply, tr("The server does not accept the sender right now."));
    }
}

// RCPT TO, DATA, the message itself, RSET: one message's transaction.
void SmtpClient::onTransactionReply(int code, const QString &reply)
{
    using Kind = SendResult::Kind;
    const Kind failure = code >= 500 ? Kind::Permanent : Kind::Transient;
    switch (step_) {
    case Step::RcptTo:
        if (code == 250 || code == 251)
            sendCommand("DATA", Step::Data);
        else if (code < 400)
            unexpectedReply(reply);
        else
            rejectMessage(failure, reply,
                          tr("The server refused the recipient %1.").arg(QString::fromLatin1(currentTo_)));
        return;
    case Step::Data:
        if (code == 354) {
            step_ = Step::DataBody;
            const QByteArray data = mime::dotStuff(currentData_);
            note(QStringLiteral("C: <message, %1 bytes>").arg(data.size()));
            note(QStringLiteral("C: ."));
            socket_->write(data + ".\r\n");
            restartTimer();
        } else if (code < 400) {
            unexpectedReply(reply);
        } else {
            rejectMessage(failure, reply, tr("The server refused to take the message."));
        }
        return;
    case Step::DataBody:
        if (code == 250) {
            messageResult(Kind::Sent, reply, QString());
            if (step_ != Step::Idle)
                nextMessage();
        } else if (code < 400) {
            unexpectedReply(reply);
        } else {
            rejectMessage(failure, reply, tr("The server refused the message."));
        }
        return;
    case Step::Rset:
        if (code != 250)
            abortAll(Kind::Transient, reply, tr("The server did not reset the mail transaction."));
        else if (mode_ == Mode::Test)
            sendQuit();
        else
            nextMessage();
        return;
    default:
        return;
    }
}

void SmtpClient::handleCapabilities(const QStringList &lines)
{
    extended_ = true;
    SmtpCapabilities capabilities = parseSmtpCapabilities(lines);
    startTlsOffered_ = capabilities.startTls;
    authMechanisms_ = std::move(capabilities.authMechanisms);
}

void SmtpClient::sendHello(bool extended)
{
    // Our address literal: always valid, unlike a local host name that may not resolve.
    QString domain = QStringLiteral("localhost");
    const QHostAddress local = socket_->localAddress();
    bool isIpv4 = false;
    const quint32 ipv4 = local.toIPv4Address(&isIpv4);
    if (isIpv4) {
        domain = QLatin1Char('[') + QHostAddress(ipv4).toString() + QLatin1Char(']');
    } else if (!local.isNull()) {
        QHostAddress withoutScope = local;
        withoutScope.setScopeId(QString());
        domain = QStringLiteral("[IPv6:") + withoutScope.toString() + QLatin1Char(']');
    }
    sendCommand((extended ? "EHLO " : "HELO ") + domain.toLatin1(), extended ? Step::Ehlo : Step::Helo);
}

void SmtpClient::afterHello()
{
    using Kind = SendResult::Kind;
    if (settings_.security == SmtpSettings::Security::StartTls && !tlsActive_) {
        if (!startTlsOffered_) {
            // The EHLO capability list is no refusal: an empty server reply lets every caller show this
            // advice instead of "250-localhost 250-8BITMIME 250 HELP".
            failAndQuit(Kind::ConfigError, QString(),
                        tr("The server does not offer STARTTLS; choose TLS or None. Nothing was sent."));
            return;
        }
        sendCommand("STARTTLS", Step::StartTls);
        return;
    }
    if (settings_.user.isEmpty()) {
        authenticated();
        return;
    }
    if (authMechanisms_.isEmpty()) {
        failAndQuit(Kind::ConfigError, QString(),
                    tr("The server does not offer authentication (AUTH); leave the user name empty, or "
                       "choose STARTTLS or TLS if it offers AUTH only on an encrypted connection."));
        return;
    }
    if (authMechanisms_.contains(QLatin1String("PLAIN"))) {
        const QByteArray credentials = '\0' + settings_.user.toUtf8() + '\0' + settings_.password.toUtf8();
        sendCommand("AUTH PLAIN " + credentials.toBase64(), Step::AuthPlain,
                    QStringLiteral("AUTH PLAIN <credentials hidden>"));
    } else if (authMechanisms_.contains(QLatin1String("LOGIN"))) {
        sendCommand("AUTH LOGIN", Step::AuthLogin);
    } else {
        failAndQuit(Kind::ConfigError, QString(),
                    tr("%1 offers none of the supported login methods (PLAIN, LOGIN), only: %2.")
                        .arg(peer(), authMechanisms_.join(QLatin1Char(' '))));
    }
}

void SmtpClient::authenticated()
{
    if (mode_ == Mode::Test)
        sendCommand("MAIL FROM:<" + envelopeFrom_ + '>', Step::MailFrom);
    else
        nextMessage();
}

void SmtpClient::nextMessage()
{
    while (step_ != Step::Idle) {
        ++current_;
        if (current_ >= messages_.size()) {
            sendQuit();
            return;
        }
        const MailMessage &message = messages_.at(current_);
        if (!mime::normalizeAddress(message.to)) {
            messageResult(SendResult::Kind::Permanent, QString(),
                          tr("The recipient address \"%1\" is not a valid email address; nothing was sent.")
                              .arg(message.to));
            continue;
        }
        const mime::BuiltMessage built = mime::build(message, settings_.fromAddress, settings_.fromName);
        if (!built.error.isEmpty()) {
            messageResult(SendResult::Kind::Permanent, QString(),
                          tr("The message could not be built (%1); nothing was sent.").arg(built.error));
            continue;
        }
        currentData_ = built.data;
        currentTo_ = built.envelopeTo;
        sendCommand("MAIL FROM:<" + envelopeFrom_ + '>', Step::MailFrom);
        return;
    }
}

void SmtpClient::sendCommand(const QByteArray &command, Step next, const QString &logged)
{
    step_ = next;
    note(QStringLiteral("C: ") + (logged.isEmpty() ? QString::fromUtf8(command) : logged));
    socket_->write(command + "\r\n");
    restartTimer();
}

void SmtpClient::messageResult(SendResult::Kind kind, const QString &reply, const QString &error)
{
    const SendResult result{kind, reply, error};
    if (mode_ == Mode::Test) {
        if (!testDone_) {
            testDone_ = true;
            testResult_ = result;
        }
        return;
    }
    if (current_ < nextUnreported_)
        return;
    nextUnreported_ = current_ + 1;
    emit messageFinished(current_, result);
}

void SmtpClient::rejectMessage(SendResult::Kind kind, const QString &reply, const QString &error)
{
    messageResult(kind, reply, error);
    if (step_ != Step::Idle)
        sendCommand("RSET", Step::Rset);
}

void SmtpClient::reportRemaining(const SendResult &result)
{
    if (mode_ == Mode::Test) {
        if (!testDone_) {
            testDone_ = true;
            testResult_ = result;
        }
        return;
    }
    while (nextUnreported_ < messages_.size()) {
        const int index = nextUnreported_++;
        emit messageFinished(index, result);
    }
}

void SmtpClient::abortAll(SendResult::Kind kind, const QString &reply, const QString &error)
{
    note(QStringLiteral("-- %1: %2").arg(toString(kind), error));
    dropSocket(false);
    reportRemaining(SendResult{kind, reply, error});
    finish();
}

void SmtpClient::failAndQuit(SendResult::Kind kind, const QString &reply, const QString &error)
{
    note(QStringLiteral("-- %1: %2").arg(toString(kind), error));
    reportRemaining(SendResult{kind, reply, error});
    if (socket_ && socket_->state() == QAbstractSocket::ConnectedState) {
        sendQuit();
    } else {
        dropSocket(false);
        finish();
    }
}

void SmtpClient::sendQuit()
{
    sendCommand("QUIT", Step::Quit);
}

void SmtpClient::dropSocket(bool graceful)
{
    timer_.stop();
    if (!socket_)
        return;
    QSslSocket *socket = std::exchange(socket_, nullptr);
    socket->disconnect(this);
    // Deferred: this may run inside one of the socket's own signals (even from inside its TLS backend).
    QMetaObject::invokeMethod(
        socket,
        [socket, graceful] {
            if (graceful)
                socket->disconnectFromHost();
            else
                socket->abort();
            socket->deleteLater();
        },
        Qt::QueuedConnection);
}

void SmtpClient::finish()
{
    if (step_ == Step::Idle)
        return;
    dropSocket(false);
    step_ = Step::Idle;
    const Mode mode = mode_;
    messages_.clear();
    currentData_.clear();
    if (mode == Mode::Batch)
        emit batchFinished();
    else
        emit connectionTested(testResult_);
}

QString SmtpClient::peer() const
{
    const QString host = settings_.host.trimmed();
    const QString port = QString::number(settings_.port);
    if (host.contains(QLatin1Char(':'))) // an IPv6 address
        return QLatin1Char('[') + host + QStringLiteral("]:") + port;
    return host + QLatin1Char(':') + port;
}

QString SmtpClient::stepDescription() const
{
    switch (step_) {
    case Step::Idle:
    case Step::Starting:
    case Step::Connecting:
        return tr("while connecting");
    case Step::TlsHandshake:
    case Step::StartTlsHandshake:
        return tr("during the TLS handshake");
    case Step::Greeting:
        return tr("before its greeting (check the port and the security setting)");
    case Step::Ehlo:
        return tr("after EHLO");
    case Step::Helo:
        return tr("after HELO");
    case Step::StartTls:
        return tr("after STARTTLS");
    case Step::AuthPlain:
    case Step::AuthLogin:
    case Step::AuthLoginUser:
    case Step::AuthLoginPassword:
        return tr("during authentication");
    case Step::MailFrom:
        return tr("after MAIL FROM");
    case Step::RcptTo:
        return tr("after RCPT TO");
    case Step::Data:
        return tr("after DATA");
    case Step::DataBody:
        return tr("after the message was sent, before it was confirmed");
    case Step::Rset:
        return tr("after RSET");
    case Step::Quit:
        return tr("after QUIT");
    }
    return QString();
}

QString SmtpClient::certificateError() const
{
    QStringList reasons;
    QSslCertificate certificate;
    for (const QSslError &error : sslErrors_) {
        if (!reasons.contains(error.errorString()))
            reasons.append(error.errorString());
        if (certificate.isNull() && !error.certificate().isNull())
            certificate = error.certificate();
    }
    if (certificate.isNull() && socket_)
        certificate = socket_->peerCertificate();
    QString details;
    if (!certificate.isNull()) {
        details = tr(" The certificate is for \"%1\", issued by \"%2\", valid until %3.")
                      .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
                           certificate.expiryDate().toString(Qt::ISODate));
    }
    return tr("The certificate of %1 was rejected: %2.%3 If the server uses a certificate from your "
              "organisation's "
              "own certificate authority, add that CA certificate in the mail settings; otherwise check the "
              "host "
              "name and the server's certificate.")
        .arg(peer(), reasons.join(QStringLiteral("; ")), details);
}

void SmtpClient::note(const QString &line)
{
    if (transcript_.size() >= kMaxTranscript)
        transcript_.removeFirst();
    transcript_.append(line);
}

void SmtpClient::restartTimer()
{
    const int timeout = settings_.timeoutMs > 0 ? settings_.timeoutMs : kDefaultTimeoutMs;
    timer_.start(step_ == Step::Quit ? std::min(timeout, kMaxQuitWaitMs) : timeout);
}

} // namespace mdm::mail
