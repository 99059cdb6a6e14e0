// serve: the enrollment gateway devices talk to (app/gateway), on the store named by --db.
#include "cli_commands.h"
#include "cli_common.h"
#include "command_line.h"
#include "domain/clock.h"
#include "gateway_server.h"
#include "store/audit_log.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace mdm::cli {

namespace {

// How long a stop waits for answers being held back (slowed-down 401/404) before it exits anyway.
constexpr int kStopGraceMs = 3000;

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    if (host == QLatin1String("*") || host == QLatin1String("0.0.0.0"))
        *address = QHostAddress(QHostAddress::AnyIPv4);
    else if (host == QLatin1String("localhost"))
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (!address->setAddress(host))
        return false;
    *port = static_cast<quint16>(number);
    return true;
}

} // namespace

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    for (const char *name : {"listen", "cert", "key", "public-url", "apns-cert", "apns-key", "apns-topic",
                             "apns-url", "apns-ca"})
        parser.addOption({QLatin1String(name), QString(), QStringLiteral("value")});
    parser.addOption({QStringLiteral("insecure-http"), QString()});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.positionalArguments().size() > 1)
        return usageError(Text::tr("unexpected argument “%1”.").arg(parser.positionalArguments().at(1)));

    gateway::ServeOptions options;
    if (!parser.isSet(QStringLiteral("listen")) ||
        !parseListen(parser.value(QStringLiteral("listen")), &options.address, &options.port))
        return usageError(Text::tr("serve needs --listen ADDRESS:PORT (e.g. 0.0.0.0:8443)."));
    options.insecureHttp = parser.isSet(QStringLiteral("insecure-http"));
    options.certFile = parser.value(QStringLiteral("cert"));
    options.keyFile = parser.value(QStringLiteral("key"));
    if (!options.insecureHttp && (options.certFile.isEmpty() || options.keyFile.isEmpty()))
        return usageError(
            Text::tr("serve needs --cert FILE and --key FILE (or --insecure-http for a trial on "
                     "one machine)."));
    options.publicUrl = parser.value(QStringLiteral("public-url"));
    options.apnsCert = parser.value(QStringLiteral("apns-cert"));
    options.apnsKey = parser.value(QStringLiteral("apns-key"));
    options.apnsTopic = parser.value(QStringLiteral("apns-topic"));
    options.apnsUrl = parser.value(QStringLiteral("apns-url"));
    options.apnsCa = parser.value(QStringLiteral("apns-ca"));
    if (options.apnsCert.isEmpty() != options.apnsKey.isEmpty())
        return usageError(Text::tr("--apns-cert and --apns-key go together."));

    AuditLog::setProgram(QStringLiteral("gateway"));
    auto store = openStore(parser);
    if (!store)
        return ExitFailure;
    if (options.insecureHttp)
        err() << Text::tr(
                     "warning: serving plain HTTP (--insecure-http): enrollment secrets cross the network "
                     "unencrypted. Use this only for a trial on one machine.")
              << '\n';
    err().flush();

    Clock clock;
    gateway::GatewayServer server(*store, clock, options);
    QString error;
    // A push certificate that cannot be used is the admin's to fix before devices are told a topic.
    if (!server.loadPush(&error)) {
        err() << error << '\n';
        return ExitUsage;
    }
    if (!server.start(&error)) {
        err() << error << '\n';
        return ExitFailure;
    }
    err() << Text::tr("Serving %1 on %2:%3 (%4).")
                 .arg(server.publicUrl(), options.address.toString())
                 .arg(server.port())
                 .arg(options.insecureHttp ? QStringLiteral("http") : QStringLiteral("https"))
          << '\n';
    if (!server.pushes())
        err() << Text::tr("No push certificate (--apns-cert): queued commands wait for each Apple device's "
                          "next check-in.")
              << '\n';
    err().flush();

    // SIGINT and SIGTERM reach the event loop through a pipe: a handler may do nothing else safely.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        err() << Text::tr("Cannot set up signal handling.") << '\n';
        return ExitFailure;
    }
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QElapsedTimer stopping;
    QTimer drain;
    drain.setInterval(20);
    QObject::connect(&drain, &QTimer::timeout, [&] {
        if ((server.pendingReplies() == 0 && server.pushesStopped()) || stopping.elapsed() > kStopGraceMs)
            QCoreApplication::quit();
    });
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        if (stopping.isValid())
            return;
        stopping.start();
        server.stop(); // no new connections; requests already read were answered at once
        drain.start();
    });
    QCoreApplication::exec();
    // What was let go of last (a reply, a push connection) is deleted before the server and the store.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    err() << Text::tr("Stopped.") << '\n';
    return ExitOk;
}

} // namespace mdm::cli
