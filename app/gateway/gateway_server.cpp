#include "gateway_server.h"

#include "agent_json.h"
#include "apns_client.h"
#include "checkin_message.h"
#include "device_identity.h"
#include "domain/clock.h"
#include "enrollment_profile.h"
#include "landing_page.h"
#include "mail/link_qr_code.h"
#include "mail/mail_settings.h"
#include "page_language.h"
#include "push_credentials.h"
#include "push_dispatcher.h"
#include "request_log.h"
#include "store/store.h"

#include <QAbstractHttpServer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <cstdio>

namespace mdm::gateway {

namespace {

constexpr int kFreeStrikes = 5;           // 401/404 answers to one address before they slow down
constexpr int kStrikeStepMs = 200;        // each further one waits this much longer …
constexpr int kMaxPenaltyMs = 2000;       // … up to this
constexpr qint64 kStrikeWindowMs = 60000; // a quiet minute forgives

const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kHtml = QByteArrayLiteral("text/html; charset=utf-8");
const QByteArray kPlist = QByteArrayLiteral("application/xml; charset=utf-8");

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    default:
        break;
    }
    return QStringLiteral("OTHER");
}

// A header by name, compared without case (clients differ in how they write them).
QByteArray header(const QHttpServerRequest &request, const char *name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

// The media type without parameters, lower case: "application/json; charset=utf-8" → "application/json".
QByteArray mediaType(const QHttpServerRequest &request)
{
    QByteArray type = header(request, "Content-Type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

QString bearer(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, "Authorization").trimmed();
    if (!value.startsWith("Bearer ") && !value.startsWith("bearer "))
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

GatewayServer::Reply json(int status, const QJsonObject &object)
{
    return {status, kJson, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

GatewayServer::Reply jsonError(int status, const QString &message)
{
    return json(status, {{QStringLiteral("error"), message}});
}

int httpStatus(GatewayOutcome outcome)
{
    switch (outcome) {
    case GatewayOutcome::Ok:
        return 200;
    case GatewayOutcome::Created:
        return 201;
    case GatewayOutcome::NotFound:
        return 404;
    case GatewayOutcome::Gone:
        return 410;
    case GatewayOutcome::Conflict:
        return 409;
    case GatewayOutcome::Unauthorized:
        return 401;
    case GatewayOutcome::BadRequest:
        return 400;
    case GatewayOutcome::Failed:
        break;
    }
    return 500;
}

QString goneText(InvitationGone gone)
{
    switch (gone) {
    case InvitationGone::Expired:
        return QStringLiteral("expired");
    case InvitationGone::Removed:
        return QStringLiteral("removed");
    case InvitationGone::Used:
        return QStringLiteral("used");
    case InvitationGone::None:
        break;
    }
    return {};
}

// A page for a person's browser, in the shipped language its Accept-Language asks for, else in the serve
// process's. render gets the language's code; its tr() texts are in that language while it runs.
template <typename Render>
GatewayServer::Reply htmlPage(int status, const QByteArray &acceptLanguage, Render render)
{
    const PageLanguage language(negotiateLanguage(acceptLanguage, shippedLanguages(), processLanguage()));
    return {status, kHtml, render(language.code()), language.code().toLatin1()};
}

LandingPage::Gone landingGone(InvitationGone gone)
{
    switch (gone) {
    case InvitationGone::Expired:
        return LandingPage::Gone::Expired;
    case InvitationGone::Removed:
        return LandingPage::Gone::Removed;
    default:
        break;
    }
    return LandingPage::Gone::Used;
}

bool appleBodyType(const QByteArray &type)
{
    return type == "application/x-apple-aspen-mdm-checkin" || type == "application/x-apple-aspen-mdm" ||
           type == "application/xml" || type == "text/xml" || type == "application/x-plist";
}

} // namespace

// Qt's server with our own dispatch: handleRequest gets every parsed request and its socket, so that an
// answer can be held back (a deferred reply) without blocking the event loop.
class GatewayServer::Http : public QAbstractHttpServer
{
public:
    explicit Http(GatewayServer &owner) : owner_(owner) {}
    static QHttpServerResponder responder(const QHttpServerRequest &request, QTcpSocket *socket)
    {
        return makeResponder(request, socket);
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        owner_.handle(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        owner_.handle(request, socket);
    }

private:
    GatewayServer &owner_;
};

GatewayServer::GatewayServer(Store &store, const Clock &clock, ServeOptions options, QObject *parent)
    : QObject(parent), store_(store), clock_(clock), options_(std::move(options)),
      http_(std::make_unique<Http>(*this)), service_(store, clock)
{
    flushTimer_.setInterval(1000);
    QObject::connect(&flushTimer_, &QTimer::timeout, this, [this] { flushStatus(false); });
}

GatewayServer::~GatewayServer()
{
    // Before the client it listens to.
    delete dispatcher_;
}

bool GatewayServer::loadPush(QString *error)
{
    if (options_.apnsCert.isEmpty() || apns_)
        return true;
    ApnsConfig config;
    config.certFile = options_.apnsCert;
    config.keyFile = options_.apnsKey;
    config.topicOverride = options_.apnsTopic;
    if (!options_.apnsUrl.isEmpty())
        config.baseUrl = QUrl(options_.apnsUrl);
    config.caFile = options_.apnsCa;
    auto *client = new ApnsClient(config, this);
    if (!client->load(error)) {
        delete client;
        return false;
    }
    apns_ = client;
    return true;
}

bool GatewayServer::start(QString *error)
{
    publicUrl_ = MailSettings::normalizedPublicUrl(
        options_.publicUrl.isEmpty() ? MailSettings::load(store_).linkBase : options_.publicUrl);
    if (!options_.insecureHttp) {
        QFile certFile(options_.certFile);
        QFile keyFile(options_.keyFile);
        if (!certFile.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read the certificate “%1”.").arg(options_.certFile);
            return false;
        }
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read the private key “%1”.").arg(options_.keyFile);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || chain.first().isNull()) {
            *error = tr("“%1” holds no PEM certificate.").arg(options_.certFile);
            return false;
        }
        if (key.isNull()) {
            *error = tr("“%1” holds no unencrypted PEM private key (RSA or EC).").arg(options_.keyFile);
            return false;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        http_->sslSetup(ssl);
    }

    port_ = http_->listen(options_.address, options_.port);
    if (port_ == 0) {
        *error = tr("Cannot listen on %1:%2.").arg(options_.address.toString()).arg(options_.port);
        return false;
    }
    const qint64 now = clock_.nowMs();
    QString flushError;
    if (!service_.flush({{QStringLiteral("gateway.listen"),
                          QStringLiteral("%1:%2").arg(options_.address.toString()).arg(port_)},
                         {QStringLiteral("gateway.public_url"), publicUrl_},
                         {QStringLiteral("gateway.started_at"), QString::number(now)},
                         {QStringLiteral("gateway.stopped_at"), QStringLiteral("0")},
                         {QStringLiteral("gateway.heartbeat_at"), QString::number(now)},
                         // The console tells "waits for the next check-in (no push certificate)" by it.
                         {QStringLiteral("gateway.push_topic"), apns_ ? apns_->topic() : QStringLiteral("")}},
                        &flushError)) {
        *error = tr("Cannot write to the store: %1").arg(flushError);
        return false;
    }
    heartbeatAt_ = now;
    flushTimer_.start();
    if (apns_) {
        dispatcher_ = new PushDispatcher(store_, clock_, *apns_, this);
        dispatcher_->start();
    }
    return true;
}

void GatewayServer::stop()
{
    for (QTcpServer *server : http_->servers())
        server->close();
    flushTimer_.stop();
    if (dispatcher_)
        dispatcher_->stop();
    if (apns_)
        apns_->stop();
    flushStatus(true);
}

bool GatewayServer::pushesStopped() const
{
    return !apns_ || apns_->stopped();
}

void GatewayServer::flushStatus(bool final)
{
    const qint64 now = clock_.nowMs();
    // An idle gateway writes only its heartbeat, every kHeartbeatMs rather than every tick: each write
    // wakes every console on the store. News (a request, a check-in) is written within the tick.
    const bool news = lastRequestAt_ != flushedRequestAt_ || lastCheckinAt_ != flushedCheckinAt_;
    // (A last-seen batch always comes with news: every request sets lastRequestAt_.)
    if (!final && !news && now - heartbeatAt_ < kHeartbeatMs)
        return;
    QList<QPair<QString, QString>> settings{{QStringLiteral("gateway.heartbeat_at"), QString::number(now)}};
    if (lastRequestAt_ > 0)
        settings.append({QStringLiteral("gateway.last_request_at"), QString::number(lastRequestAt_)});
    if (lastCheckinAt_ > 0)
        settings.append({QStringLiteral("gateway.last_checkin_at"), QString::number(lastCheckinAt_)});
    if (final)
        settings.append({QStringLiteral("gateway.stopped_at"), QString::number(now)});
    QString error;
    if (service_.flush(settings, &error)) {
        heartbeatAt_ = now;
        flushedRequestAt_ = lastRequestAt_;
        flushedCheckinAt_ = lastCheckinAt_;
    } else {
        std::fprintf(stderr, "%s\n", qUtf8Printable(tr("Cannot write to the store: %1").arg(error)));
    }
}

int GatewayServer::penalty(const QHostAddress &address, int status)
{
    if (status != 401 && status != 404)
        return 0;
    const qint64 now = clock_.nowMs();
    Strikes &s = strikes_[address.toString()];
    if (now - s.lastAt > kStrikeWindowMs)
        s.count = 0;
    s.lastAt = now;
    ++s.count;
    if (strikes_.size() > 100000) // an address flood must not grow memory without bound
        strikes_.clear();
    return s.count <= kFreeStrikes ? 0 : std::min(kMaxPenaltyMs, (s.count - kFreeStrikes) * kStrikeStepMs);
}

void GatewayServer::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const QString method = methodName(request.method());
    const QString path = redactedPath(request.url());
    lastRequestAt_ = clock_.nowMs();
    const Reply reply = route(request);
    auto responder = std::make_shared<QHttpServerResponder>(Http::responder(request, socket));
    const auto send = [reply, method, path, timer](QHttpServerResponder &r) {
        const auto status = static_cast<QHttpServerResponder::StatusCode>(reply.status);
        if (reply.body.isEmpty() && reply.contentType.isEmpty())
            r.write(status);
        else if (reply.language.isEmpty())
            r.write(reply.body, {{"Content-Type", reply.contentType}, {"Cache-Control", "no-store"}}, status);
        else
            r.write(reply.body,
                    {{"Content-Type", reply.contentType},
                     {"Cache-Control", "no-store"},
                     {"Content-Language", reply.language},
                     {"Vary", "Accept-Language"}},
                    status);
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(requestLogLine(QDateTime::currentMSecsSinceEpoch(), method, path,
                                                   reply.status, timer.elapsed())));
        std::fflush(stderr);
    };
    const int delay = penalty(request.remoteAddress(), reply.status);
    if (delay == 0) {
        send(*responder);
        return;
    }
    ++pending_;
    QPointer<QTcpSocket> alive(socket);
    QTimer::singleShot(delay, this, [this, responder, alive, send] {
        --pending_;
        if (alive && alive->state() == QAbstractSocket::ConnectedState)
            send(*responder);
    });
}

GatewayServer::Reply GatewayServer::failed(const QString &error)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(tr("Store error: %1").arg(error)));
    return jsonError(500, tr("The server could not complete the request."));
}

GatewayServer::Reply GatewayServer::route(const QHttpServerRequest &request)
{
    // Qt 6.4 reads the whole body before it hands over the request: the limit is checked here, the
    // announced length first.
    bool lengthOk = true;
    const qint64 announced = header(request, "Content-Length").trimmed().toLongLong(&lengthOk);
    if ((lengthOk && announced > kMaxBodyBytes) || request.body().size() > kMaxBodyBytes)
        return jsonError(413, tr("The body is larger than %1 bytes.").arg(kMaxBodyBytes));

    const QStringList parts = request.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const auto method = request.method();
    const auto is = [&](std::initializer_list<const char *> words) {
        if (parts.size() != static_cast<qsizetype>(words.size()))
            return false;
        qsizetype i = 0;
        for (const char *word : words) {
            if (qstrcmp(word, "*") != 0 && parts[i] != QLatin1String(word))
                return false;
            ++i;
        }
        return true;
    };
    const auto wrongMethod = [] { return jsonError(405, tr("Method not allowed.")); };

    if (is({"enroll", "*"}))
        return method == QHttpServerRequest::Method::Get
                   ? landing(parts[1], header(request, "Accept-Language"))
                   : wrongMethod();
    if (is({"enroll", "*", "profile.mobileconfig"}))
        return method == QHttpServerRequest::Method::Get
                   ? profile(parts[1], header(request, "Accept-Language"))
                   : wrongMethod();
    if (is({"mdm", "checkin"}))
        return method == QHttpServerRequest::Method::Put ? appleCheckin(request) : wrongMethod();
    if (is({"mdm", "connect"}))
        return method == QHttpServerRequest::Method::Put ? appleConnect(request) : wrongMethod();
    if (parts.size() >= 2 && parts[0] == QLatin1String("agent") && parts[1] == QLatin1String("v1")) {
        if (method != QHttpServerRequest::Method::Post)
            return wrongMethod();
        if (!request.body().trimmed().isEmpty() && mediaType(request) != kJson)
            return jsonError(415, tr("The body must be application/json."));
        if (is({"agent", "v1", "enroll"}))
            return agentEnroll(request);
        if (is({"agent", "v1", "checkin"}))
            return agentCheckin(request);
        if (is({"agent", "v1", "checkout"}))
            return agentCheckout(request);
        if (is({"agent", "v1", "commands", "*", "result"})) {
            bool ok = false;
            const qint64 id = parts[3].toLongLong(&ok);
            if (ok && id > 0)
                return agentResult(request, id);
        }
    }
    return jsonError(404, tr("Not found."));
}

GatewayServer::Reply GatewayServer::landing(const QString &token, const QByteArray &acceptLanguage)
{
    const auto view = service_.viewInvitation(token);
    switch (view.status) {
    case GatewayOutcome::Ok: {
        LandingPageInput in;
        in.firstName = view.firstName;
        in.platform = view.platform;
        in.link = MailSettings::enrollmentLinkFor(publicUrl_, token);
        in.profileUrl = in.link + QStringLiteral("/profile.mobileconfig");
        in.qrPng = linkQrPng(in.link);
        return htmlPage(200, acceptLanguage, [&](const QString &language) {
            in.language = language;
            return LandingPage::invitation(in);
        });
    }
    case GatewayOutcome::Gone:
        return htmlPage(410, acceptLanguage, [&](const QString &language) {
            return LandingPage::gone(landingGone(view.gone), language);
        });
    case GatewayOutcome::Failed:
        return failed(view.error);
    default:
        break;
    }
    return htmlPage(404, acceptLanguage, &LandingPage::notFound);
}

GatewayServer::Reply GatewayServer::profile(const QString &token, const QByteArray &acceptLanguage)
{
    const auto issued = service_.issueAppleEnrollment(token);
    switch (issued.invitation.status) {
    case GatewayOutcome::Ok:
        break;
    case GatewayOutcome::Gone:
        return htmlPage(410, acceptLanguage, [&](const QString &language) {
            return LandingPage::gone(landingGone(issued.invitation.gone), language);
        });
    case GatewayOutcome::Conflict:
        return jsonError(409, tr("This invitation is not for an Apple device."));
    case GatewayOutcome::Failed:
        return failed(issued.invitation.error);
    default:
        return htmlPage(404, acceptLanguage, &LandingPage::notFound);
    }
    // The topic the device's pushes come with: the push certificate's (or --apns-topic).
    const QString topic = apns_ ? apns_->topic() : options_.apnsTopic;
    EnrollmentProfileInput in;
    in.publicUrl = publicUrl_;
    in.secret = issued.secret;
    in.profileIdentifier = issued.profileIdentifier;
    in.topic = topic.isEmpty() ? QStringLiteral("com.apple.mgmt.External.unconfigured") : topic;
    in.organisation = tr("Device management");
    in.userDisplayName = issued.invitation.firstName;
    // A fresh identity per enrollment, named by its profile.
    const DeviceIdentity identity = makeDeviceIdentity(issued.profileIdentifier.left(kMaxIdentityCommonName));
    if (!identity.ok())
        return failed(identity.error);
    in.identityPkcs12 = identity.pkcs12;
    in.identityPassword = identity.password;
    return {200, QByteArrayLiteral("application/x-apple-aspen-config"), enrollmentProfile(in)};
}

GatewayServer::Reply GatewayServer::appleCheckin(const QHttpServerRequest &request)
{
    if (!appleBodyType(mediaType(request)))
        return jsonError(415, tr("The body must be an Apple check-in plist."));
    const QString secret = request.query().queryItemValue(QStringLiteral("e"), QUrl::FullyDecoded);
    const CheckinMessage message = parseCheckin(request.body());
    if (!message.ok())
        return jsonError(400, message.error);
    DeviceGatewayService::Result result;
    switch (message.type) {
    case CheckinType::Authenticate:
        result = service_.authenticate(secret,
                                       {message.udid, message.serialNumber, message.imei,
                                        message.productName.isEmpty() ? message.model : message.productName,
                                        message.osVersion, message.deviceName});
        break;
    case CheckinType::TokenUpdate:
        result = service_.tokenUpdate(secret, {message.token, message.pushMagic,
                                               message.hasUnlockToken ? message.unlockToken : QByteArray()});
        break;
    case CheckinType::CheckOut:
        result = service_.checkOut(secret);
        break;
    case CheckinType::Unknown:
        return jsonError(400, tr("Unknown MessageType."));
    }
    if (result.status == GatewayOutcome::Failed)
        return failed(result.error);
    lastCheckinAt_ = clock_.nowMs();
    const int status = httpStatus(result.status);
    return status == 200 ? Reply{200, {}, {}} : jsonError(status, result.error);
}

GatewayServer::Reply GatewayServer::appleConnect(const QHttpServerRequest &request)
{
    if (!appleBodyType(mediaType(request)))
        return jsonError(415, tr("The body must be an Apple command report plist."));
    const QString secret = request.query().queryItemValue(QStringLiteral("e"), QUrl::FullyDecoded);
    const ConnectReport report = parseConnect(request.body());
    if (!report.ok())
        return jsonError(400, report.error);
    CommandReportStatus status = CommandReportStatus::Idle;
    switch (report.status) {
    case CommandStatus::Idle:
        break;
    case CommandStatus::Acknowledged:
        status = CommandReportStatus::Acknowledged;
        break;
    case CommandStatus::Error:
    case CommandStatus::CommandFormatError:
        status = CommandReportStatus::Error;
        break;
    case CommandStatus::NotNow:
        status = CommandReportStatus::NotNow;
        break;
    case CommandStatus::Unknown:
        return jsonError(400, tr("Unknown Status."));
    }
    const QString errorText =
        report.errorChain.isEmpty() && report.status == CommandStatus::CommandFormatError
            ? QStringLiteral("CommandFormatError")
            : report.errorChain;
    const auto reply = service_.connect(secret, status, report.commandUuid, errorText);
    if (reply.status == GatewayOutcome::Failed)
        return failed(reply.error);
    if (reply.status != GatewayOutcome::Ok)
        return jsonError(httpStatus(reply.status), reply.error);
    lastCheckinAt_ = clock_.nowMs();
    if (!reply.command)
        return {200, {}, {}};
    const GatewayCommand &c = *reply.command;
    if (c.mode == DeprovisionMode::RevokeMdm)
        return {200, kPlist,
                commandPlist(c.uuid, QStringLiteral("RemoveProfile"),
                             {{QStringLiteral("Identifier"), c.profileIdentifier}})};
    QVariantMap extra;
    if (!c.pin.isEmpty())
        extra.insert(QStringLiteral("PIN"), c.pin);
    return {200, kPlist, commandPlist(c.uuid, QStringLiteral("EraseDevice"), extra)};
}

GatewayServer::Reply GatewayServer::agentEnroll(const QHttpServerRequest &request)
{
    if (mediaType(request) != kJson)
        return jsonError(415, tr("The body must be application/json."));
    const AgentEnrollBody body = readAgentEnroll(request.body());
    if (!body.error.isEmpty())
        return jsonError(400, body.error);
    const auto enrolled = service_.enrollAgent(body.token, body.platform, body.facts);
    switch (enrolled.status) {
    case GatewayOutcome::Created:
        return json(201, {{QStringLiteral("deviceId"), enrolled.deviceId},
                          {QStringLiteral("deviceSecret"), enrolled.secret},
                          {QStringLiteral("pollSeconds"), enrolled.pollSeconds}});
    case GatewayOutcome::Gone:
        return json(410, {{QStringLiteral("error"), tr("This invitation is no longer valid.")},
                          {QStringLiteral("reason"), goneText(enrolled.gone)}});
    case GatewayOutcome::NotFound:
        return jsonError(404, tr("Unknown invitation."));
    case GatewayOutcome::Failed:
        return failed(enrolled.error);
    default:
        break;
    }
    return jsonError(httpStatus(enrolled.status), enrolled.error);
}

GatewayServer::Reply GatewayServer::agentCheckin(const QHttpServerRequest &request)
{
    if (const QString error = checkEmptyAgentBody(request.body()); !error.isEmpty())
        return jsonError(400, error);
    const auto checkin = service_.agentCheckin(bearer(request));
    if (checkin.status == GatewayOutcome::Failed)
        return failed(checkin.error);
    if (checkin.status != GatewayOutcome::Ok)
        return jsonError(httpStatus(checkin.status), tr("Unknown or revoked device secret."));
    lastCheckinAt_ = clock_.nowMs();
    if (checkin.commands.isEmpty())
        return {204, {}, {}};
    QJsonArray commands;
    for (const GatewayCommand &c : checkin.commands)
        commands.append(QJsonObject{{QStringLiteral("id"), c.id},
                                    {QStringLiteral("type"), c.mode == DeprovisionMode::FactoryReset
                                                                 ? QStringLiteral("FactoryReset")
                                                                 : QStringLiteral("RevokeMdm")}});
    return json(200, {{QStringLiteral("commands"), commands}});
}

GatewayServer::Reply GatewayServer::agentResult(const QHttpServerRequest &request, qint64 commandId)
{
    const AgentResultBody body = readAgentResult(request.body());
    if (!body.error.isEmpty())
        return jsonError(400, body.error);
    const auto result = service_.agentResult(bearer(request), commandId, body.status, body.errorText);
    if (result.status == GatewayOutcome::Failed)
        return failed(result.error);
    if (result.status != GatewayOutcome::Ok)
        return jsonError(httpStatus(result.status), result.status == GatewayOutcome::NotFound
                                                        ? tr("Unknown command.")
                                                        : tr("Unknown or revoked device secret."));
    return {204, {}, {}};
}

GatewayServer::Reply GatewayServer::agentCheckout(const QHttpServerRequest &request)
{
    if (const QString error = checkEmptyAgentBody(request.body()); !error.isEmpty())
        return jsonError(400, error);
    const auto result = service_.agentCheckout(bearer(request));
    if (result.status == GatewayOutcome::Failed)
        return failed(result.error);
    if (result.status != GatewayOutcome::Ok)
        return jsonError(httpStatus(result.status), tr("Unknown or revoked device secret."));
    return {204, {}, {}};
}

} // namespace mdm::gateway
