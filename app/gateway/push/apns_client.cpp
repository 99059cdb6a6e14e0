#include "apns_client.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimer>
#include <algorithm>

namespace mdm::gateway {

namespace {

// Enough of the token to find the device in a log, too little to address it.
QString shortToken(const QByteArray &tokenHex)
{
    return QString::fromLatin1(tokenHex.left(8)) + QStringLiteral("…");
}

// Qt's error texts can quote the request URL, which holds the whole token.
QString withoutToken(QString text, const QByteArray &tokenHex)
{
    return text.replace(QString::fromLatin1(tokenHex), shortToken(tokenHex));
}

// Apple's error body: {"reason":"BadDeviceToken"} (410 adds "timestamp").
QString appleReason(const QByteArray &body)
{
    const QJsonDocument json = QJsonDocument::fromJson(body);
    return json.isObject() ? json.object().value(QStringLiteral("reason")).toString() : QString();
}

} // namespace

ApnsClient::ApnsClient(ApnsConfig config, QObject *parent)
    : QObject(parent), config_(std::move(config)), network_(new QNetworkAccessManager(this))
{
    qRegisterMetaType<mdm::gateway::PushOutcome>();
}

ApnsClient::~ApnsClient()
{
    // Deleting the manager aborts the replies in flight; their finished() must not reach a half-destroyed
    // client.
    const auto replies = findChildren<QNetworkReply *>(); // of the current and of retired managers
    for (QNetworkReply *reply : replies)
        reply->disconnect(this);
}

bool ApnsClient::load(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    PushCredentials credentials;
    if (!PushCredentials::load(config_.certFile, config_.keyFile, config_.topicOverride, &credentials, error))
        return false;
    if (!config_.baseUrl.isValid() || config_.baseUrl.scheme() != QStringLiteral("https") ||
        config_.baseUrl.host().isEmpty()) {
        *error = PushCredentials::tr("The push service address \"%1\" is not an https:// URL.")
                     .arg(config_.baseUrl.toString());
        return false;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!config_.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(config_.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = PushCredentials::tr("No CA certificate could be read from \"%1\".").arg(config_.caFile);
            return false;
        }
        ssl.addCaCertificates(cas);
    }
    ssl.setLocalCertificateChain(credentials.chain);
    ssl.setPrivateKey(credentials.key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    credentials_ = credentials;
    ssl_ = ssl;
    loaded_ = true;
    return true;
}

void ApnsClient::push(qint64 enrollmentId, const QByteArray &deviceToken, const QString &pushMagic)
{
    if (!loaded_) {
        finishLater(enrollmentId, PushOutcome::Rejected, tr("No push certificate is loaded."));
        return;
    }
    if (deviceToken.isEmpty() || pushMagic.isEmpty()) {
        finishLater(enrollmentId, PushOutcome::Rejected, tr("The device has no push token or PushMagic."));
        return;
    }
    const quint64 id = nextId_++;
    pending_.insert(id, Pending{enrollmentId, deviceToken.toHex(), pushMagic, 0});
    send(id);
}

void ApnsClient::stop()
{
    stopping_ = true;
    pending_.clear();
    // abort() finishes each reply at once; onReplyFinished then retires its manager.
    const auto replies = findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        if (reply->isRunning())
            reply->abort();
    if (!inFlight_.contains(network_))
        network_->deleteLater();
}

bool ApnsClient::stopped() const
{
    // A manager closes its connections in its own thread when it is deleted, from the event loop.
    return stopping_ && findChildren<QNetworkAccessManager *>(Qt::FindDirectChildrenOnly).isEmpty();
}

void ApnsClient::send(quint64 id)
{
    auto it = pending_.find(id);
    if (it == pending_.end() || stopping_)
        return;
    ++it->attempts;

    QUrl url = config_.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/3/device/") + QString::fromLatin1(it->tokenHex));

    QNetworkRequest request(url);
    request.setSslConfiguration(ssl_);
    // APNs speaks only HTTP/2. Over TLS Qt 6 offers h2 by ALPN and, while the first handshake runs, queues
    // further requests instead of opening more connections: all pushes share one multiplexed connection
    // (tested). Not Http2DirectAttribute: over TLS Qt then offers no ALPN at all, and APNs negotiates h2 by
    // ALPN.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setTransferTimeout(config_.requestTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("apns-topic"), credentials_.topic.toUtf8());
    request.setRawHeader(QByteArrayLiteral("apns-push-type"), QByteArrayLiteral("mdm"));
    request.setRawHeader(QByteArrayLiteral("apns-priority"), QByteArrayLiteral("10"));
    // No apns-expiration: without it APNs keeps the latest push for an offline device and delivers it when
    // the device comes back, which is what a queued command needs (0 would drop it if the device is away).

    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("mdm"), it->pushMagic}}).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = network_->post(request, body);
    ++inFlight_[network_];
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onReplyFinished(id, reply); });
}

void ApnsClient::onReplyFinished(quint64 id, QNetworkReply *reply)
{
    reply->deleteLater();
    QNetworkAccessManager *manager = reply->manager();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid() && manager == network_ && !stopping_)
        renewConnection();
    if (--inFlight_[manager] <= 0) {
        inFlight_.remove(manager);
        if (manager != network_ || stopping_)
            manager->deleteLater();
    }

    auto it = pending_.find(id);
    if (it == pending_.end())
        return;
    if (!statusAttribute.isValid()) {
        retryOrFail(id, withoutToken(reply->errorString(), it->tokenHex));
        return;
    }
    const int status = statusAttribute.toInt();
    const QString reason = appleReason(reply->readAll());
    const QString answer = reason.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                                            : QStringLiteral("HTTP %1 %2").arg(status).arg(reason);
    if (status == 200) {
        finish(id, PushOutcome::Delivered, answer);
    } else if (status == 410) {
        finish(id, PushOutcome::Unregistered, answer);
    } else if (status == 429 || status >= 500) {
        retryOrFail(id, answer);
    } else {
        finish(id, PushOutcome::Rejected, answer);
    }
}

void ApnsClient::renewConnection()
{
    // Qt 6.4 keeps an HTTP/2 connection that the peer dropped without GOAWAY in its cache, and requests
    // queued on it are never sent (they end only by transfer timeout). A fresh manager opens a fresh
    // connection; the old one is deleted once its last reply has finished.
    QNetworkAccessManager *old = network_;
    network_ = new QNetworkAccessManager(this);
    if (!inFlight_.contains(old))
        old->deleteLater();
}

int ApnsClient::backoffMs(int attempts) const
{
    // attempts sends so far: 1 → initial, 2 → 2 × initial, … capped.
    qint64 wait = std::max(0, config_.initialBackoffMs);
    for (int i = 1; i < attempts && wait < config_.maxBackoffMs; ++i)
        wait *= 2;
    return int(std::min<qint64>(wait, std::max(0, config_.maxBackoffMs)));
}

void ApnsClient::retryOrFail(quint64 id, const QString &why)
{
    const auto it = pending_.constFind(id);
    if (it->attempts >= std::max(1, config_.maxAttempts)) {
        finish(id, PushOutcome::Failed, tr("Gave up: %1").arg(why));
        return;
    }
    QTimer::singleShot(backoffMs(it->attempts), this, [this, id] { send(id); });
}

void ApnsClient::finish(quint64 id, PushOutcome outcome, const QString &detail)
{
    const Pending done = pending_.take(id);
    const QString text =
        tr("%1 (token %2, attempt %3)").arg(detail, shortToken(done.tokenHex)).arg(done.attempts);
    emit finished(done.enrollmentId, outcome, text);
}

void ApnsClient::finishLater(qint64 enrollmentId, PushOutcome outcome, const QString &detail)
{
    QTimer::singleShot(
        0, this, [this, enrollmentId, outcome, detail] { emit finished(enrollmentId, outcome, detail); });
}

} // namespace mdm::gateway
