#include "deliver_bench.h"

#include "domain/clock.h"
#include "mail/mail_settings.h"
#include "mail/outbox_dispatcher.h"
#include "services/enrollment_service.h"
#include "smtp_mail_transport.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

namespace mdm::bench {

quint16 startSmtpServer(QProcess &server, const QTemporaryDir &dir,
                        const std::function<void(const QString &)> &log)
{
    server.start(QStringLiteral(MDM_BENCH_PYTHON),
                 {QStringLiteral("-u"), QStringLiteral(MDM_SMTP_SERVER_SCRIPT), QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--outdir"), dir.path(), QStringLiteral("--log"),
                  dir.filePath(QStringLiteral("events.log"))});
    QByteArray output;
    QElapsedTimer waited;
    waited.start();
    while (!output.contains('\n') && waited.elapsed() < 15000 && server.state() != QProcess::NotRunning) {
        server.waitForReadyRead(200);
        output += server.readAllStandardOutput();
    }
    const QList<QByteArray> words = output.trimmed().split(' ');
    bool ok = false;
    const quint16 port =
        words.size() == 2 && words.at(0) == "PORT" ? static_cast<quint16>(words.at(1).toUInt(&ok)) : 0;
    if (!ok && log)
        log(QStringLiteral("deliver: smtp_server.py did not start: %1 %2")
                .arg(server.errorString(), QString::fromUtf8(server.readAllStandardError())));
    return ok ? port : 0;
}

double deliverMessagesPerSecond(int count, const std::function<void(const QString &)> &log)
{
    QTemporaryDir dir;
    QProcess server;
    const quint16 port = startSmtpServer(server, dir, log);
    if (port == 0)
        return -1;

    auto opened = Store::open(dir.filePath(QStringLiteral("deliver.db")));
    if (!opened.store) {
        if (log)
            log(opened.error);
        return -1;
    }
    Store &store = *opened.store;
    Clock clock;
    QList<InviteRequest> requests;
    for (int i = 0; i < count; ++i) {
        InviteRequest request;
        request.name = QStringLiteral("Bench User %1").arg(i);
        request.email = QStringLiteral("bench.user%1@example.com").arg(i);
        request.platform = static_cast<Platform>(i % kPlatformCount);
        requests << request;
    }
    const BulkResult invited = EnrollmentService(store, clock).invite(requests);
    if (!invited.ok) {
        if (log)
            log(invited.error);
        return -1;
    }

    MailSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = MailSettings::Security::None;
    settings.fromAddress = QStringLiteral("it-desk@example.com");
    settings.fromName = QStringLiteral("Example IT Desk");
    mail::SmtpMailTransport transport;
    OutboxDispatcher dispatcher(store, clock, transport);
    dispatcher.setCredentials(settings, QString());
    int sent = 0;
    QObject::connect(&dispatcher, &OutboxDispatcher::reported,
                     [&sent](const OutboxDispatcher::Report &report) {
                         if (report.result.kind == DeliveryResult::Kind::Sent && report.storeError.isEmpty())
                             ++sent;
                     });
    QEventLoop loop;
    QObject::connect(&dispatcher, &OutboxDispatcher::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);

    QElapsedTimer timer;
    timer.start();
    dispatcher.deliverDue(false);
    if (dispatcher.isBusy())
        loop.exec();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    server.kill(); // the PID this QProcess started
    server.waitForFinished(5000);
    QFile events(dir.filePath(QStringLiteral("events.log")));
    const int connections =
        events.open(QIODevice::ReadOnly) ? static_cast<int>(events.readAll().count("CONNECT\n")) : -1;
    if (log)
        log(QStringLiteral("deliver: %1 of %2 accepted in %3 s over %4 connection(s)")
                .arg(sent)
                .arg(count)
                .arg(seconds, 0, 'f', 2)
                .arg(connections));
    if (sent != count || seconds <= 0)
        return -1;
    return sent / seconds;
}

} // namespace mdm::bench
