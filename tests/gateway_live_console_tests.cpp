// The console with a real enrollment gateway: File ▸ Enrollment Gateway… starts `mdm-console serve`
// (the built binary), shows it serving and its request log, stops it; and a virtual device enrolling and
// carrying out a revoke through that gateway shows up in the open console through the live change feed.
#include "console_fixture.h"
#include "dialogs/deprovision_dialog.h"
#include "domain/domain.h"
#include "domain/enrollment_token.h"
#include "gateway/gateway_controller.h"
#include "gateway/gateway_dialog.h"
#include "gateway/gateway_launch.h"
#include "gateway/gateway_status.h"
#include "gateway_server.h"
#include "index/record_table_model.h"
#include "window/console_actions.h"
#include "window/message_box.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>

using namespace mdm;
using namespace mdm::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

// A self-signed certificate for 127.0.0.1 and its key, made by openssl.
struct TestCertificate
{
    QString cert;
    QString key;
    explicit TestCertificate(const TempDir &dir)
        : cert(dir.file(qs("gateway.pem"))), key(dir.file(qs("gateway.key")))
    {
        REQUIRE(QProcess::execute(qs("openssl"), {qs("req"), qs("-x509"), qs("-newkey"), qs("ec"),
                                                  qs("-pkeyopt"), qs("ec_paramgen_curve:P-256"), qs("-nodes"),
                                                  qs("-days"), qs("2"), qs("-subj"), qs("/CN=127.0.0.1"),
                                                  qs("-addext"), qs("subjectAltName=IP:127.0.0.1"),
                                                  qs("-keyout"), key, qs("-out"), cert}) == 0);
    }
};

qint64 scalarOf(Store &store, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(store.database());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    REQUIRE(q.exec());
    return q.next() ? q.value(0).toLongLong() : -1;
}

// A delivered invitation for platform, written into the store as `invite` + `deliver` would leave it;
// returns its id and link token.
std::pair<qint64, QString> invite(Store &store, const QString &email, const char *platform)
{
    QSqlQuery q(store.database());
    q.prepare(qs("INSERT INTO users (name, email) VALUES (?, ?)"));
    q.addBindValue(qs("Live Test"));
    q.addBindValue(email);
    REQUIRE(q.exec());
    const qint64 user = q.lastInsertId().toLongLong();
    const EnrollmentToken token = EnrollmentToken::generate();
    const qint64 sent = QDateTime::currentMSecsSinceEpoch();
    const auto p = platformFromText(qs(platform));
    REQUIRE(p);
    q.prepare(
        qs("INSERT INTO invitations (user_id, email, platform, token_hash, requested_at, sent_at, expires_at,"
           " delivery) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"));
    for (const QVariant &v :
         QVariantList{user, email, static_cast<int>(*p), token.hash, sent, sent, sent + 7 * kDayMs})
        q.addBindValue(v);
    REQUIRE(q.exec());
    return {q.lastInsertId().toLongLong(), token.text};
}

GatewayLaunch launchOn(quint16 port, const TestCertificate &certificate)
{
    GatewayLaunch l;
    l.listen = qs("127.0.0.1:%1").arg(port);
    l.publicUrl = qs("https://127.0.0.1:%1/").arg(port);
    l.certFile = certificate.cert;
    l.keyFile = certificate.key;
    return l;
}

QProcess *gatewayProcess(GatewayController &gateway)
{
    return gateway.findChild<QProcess *>();
}

QString statusBarGatewayText(MainWindow &window)
{
    const auto labels = window.statusBar()->findChildren<QLabel *>();
    for (QLabel *l : labels)
        if (l->text().startsWith(qs("gateway: ")))
            return l->text();
    return {};
}

// GET path from the gateway, trusting its test certificate; the HTTP status.
int httpsGet(quint16 port, const QString &path, const TestCertificate &certificate,
             QByteArray *body = nullptr)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(qs("https://127.0.0.1:%1%2").arg(port).arg(path)));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(certificate.cert);
    request.setSslConfiguration(ssl);
    QNetworkReply *reply = manager.get(request);
    REQUIRE(waitUntil([reply] { return reply->isFinished(); }, 20000));
    if (body)
        *body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

// The virtual device (tests/gateway/virtual_device.py) against link; arguments after it.
std::unique_ptr<QProcess> virtualDevice(const QString &link, const TestCertificate &certificate,
                                        const QStringList &arguments)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::SeparateChannels);
    p->start(qs("/usr/bin/python3"),
             QStringList{qs(MDM_VIRTUAL_DEVICE_SCRIPT), link, qs("--cafile"), certificate.cert} + arguments);
    REQUIRE(p->waitForStarted(5000));
    return p;
}

// The cases below that run on both stores (storeBackends()).
void enrollAndRevokeShowInConsole(const QString &backend);

} // namespace

TEST_CASE("Gateway heartbeat: an idle gateway writes it well within the console's staleness limit",
          "[gatewayui]")
{
    // Three heartbeats may go missing (a busy store, a slow disk) before a console calls it gone.
    STATIC_REQUIRE(GatewayStatus::kStaleMs >= 3 * mdm::gateway::GatewayServer::kHeartbeatMs);
}

TEST_CASE("Enrollment Gateway dialog starts a real gateway, shows it serving and its log, stops it",
          "[gatewayui][gui][serve]")
{
    forgetSettings();
    ConsoleFixture f(20);
    const TestCertificate certificate(f.dir);
    const quint16 port = freePort();
    GatewayController *gateway = f.window->gateway();
    gateway->setProgram(qs(MDM_CONSOLE_BINARY));
    CHECK(statusBarGatewayText(*f.window) == qs("gateway: not started"));

    f.window->actions().gateway->trigger();
    GatewayDialog *dialog = gateway->dialog();
    REQUIRE(dialog);
    REQUIRE(waitUntil([dialog] { return dialog->isVisible(); }));
    const GatewayLaunch launch = launchOn(port, certificate);
    dialog->listenEdit()->setText(launch.listen);
    dialog->publicUrlEdit()->setText(launch.publicUrl);
    dialog->certEdit()->setText(launch.certFile);
    dialog->keyEdit()->setText(launch.keyFile);
    dialog->startButton()->click();
    INFO(dialog->problemText().toStdString());
    REQUIRE(gateway->runsHere());
    CHECK_FALSE(dialog->startButton()->isEnabled());
    CHECK(dialog->stopButton()->isEnabled());
    CHECK_FALSE(dialog->listenEdit()->isEnabled());

    // Serving, in the dialog and in the status bar, within a few seconds: from what serve wrote.
    const QString serving = qs("serving https://127.0.0.1:%1 · no check-in yet").arg(port);
    const bool up = waitUntil(
        [&] {
            return dialog->statusLabelText().startsWith(serving) &&
                   statusBarGatewayText(*f.window).startsWith(qs("gateway: ") + serving);
        },
        8000);
    INFO(dialog->statusLabelText().toStdString() << " | " << gateway->log().join(qs("\n")).toStdString());
    REQUIRE(up);
    CHECK(dialog->statusLabelText().contains(qs("(run by this window)")));
    const GatewayStatus status = GatewayStatus::read(*f.store);
    CHECK(status.listen == launch.listen);
    CHECK(status.publicUrl == qs("https://127.0.0.1:%1").arg(port)); // normalized: no trailing slash
    CHECK(status.startedAt > 0);
    CHECK(status.stoppedAt == 0);

    // A request: its line shows in the dialog's log, the token in it redacted.
    const auto [invitationId, token] = invite(*f.store, qs("landing@example.com"), "android");
    CHECK(invitationId > 0);
    QByteArray page;
    CHECK(httpsGet(port, qs("/enroll/") + token, certificate, &page) == 200);
    CHECK(page.contains("data-platform=\"android\""));
    REQUIRE(waitUntil([&] { return dialog->logView()->toPlainText().contains(qs("GET /enroll/")); }, 5000));
    CHECK_FALSE(dialog->logView()->toPlainText().contains(token));
    // The gateway writes the request within its next flush; the console reads it at its next tick.
    REQUIRE(waitUntil([&] { return GatewayStatus::read(*f.store).lastRequestAt > 0; }, 5000));
    saveScreenshot(dialog, qs("gateway-dialog-serving"));
    dialog->grab().save(qs("/tmp/gwconsole-dialog-serving.png"));
    f.window->statusBar()->grab().save(qs("/tmp/gwconsole-statusbar-serving.png"));

    // Stop: the gateway finishes cleanly and says so in the store; the console says not running.
    dialog->stopButton()->click();
    QProcess *process = gatewayProcess(*gateway);
    REQUIRE(process);
    REQUIRE(waitUntil([&] { return process->state() == QProcess::NotRunning; }, 10000));
    CHECK(process->exitStatus() == QProcess::NormalExit);
    CHECK(process->exitCode() == 0);
    CHECK_FALSE(gateway->runsHere());
    CHECK(GatewayStatus::read(*f.store).stoppedAt > 0);
    REQUIRE(waitUntil([&] { return dialog->statusLabelText().startsWith(qs("not running")); }, 5000));
    CHECK(statusBarGatewayText(*f.window).startsWith(qs("gateway: not running")));
    CHECK(dialog->startButton()->isEnabled());
    CHECK_FALSE(dialog->stopButton()->isEnabled());
    CHECK(dialog->problemText().isEmpty()); // a stop asked for is no surprise
    CHECK(dialog->logView()->toPlainText().contains(qs("Stopped.")));
    dialog->close();
    REQUIRE(waitUntil([gateway] { return gateway->dialog() == nullptr; }));

    // The launch is remembered: the dialog opens with it again.
    f.window->actions().gateway->trigger();
    dialog = gateway->dialog();
    REQUIRE(dialog);
    CHECK(dialog->listenEdit()->text() == launch.listen);
    CHECK(dialog->publicUrlEdit()->text() == launch.publicUrl);
    CHECK(dialog->certEdit()->text() == launch.certFile);
    CHECK(dialog->keyEdit()->text() == launch.keyFile);

    // Closing the window with the gateway running asks first; Cancel keeps both, Accept stops it.
    dialog->startButton()->click();
    REQUIRE(gateway->runsHere());
    REQUIRE(waitUntil([&] { return dialog->statusLabelText().startsWith(serving); }, 8000));
    process = gatewayProcess(*gateway);
    const int boxes = MessageBox::count();
    MessageBox::setNextAnswer(MessageBox::Cancel);
    CHECK_FALSE(f.window->close());
    CHECK(MessageBox::count() == boxes + 1);
    CHECK(MessageBox::lastMessage().title == qs("Enrollment gateway"));
    CHECK(gateway->runsHere());
    MessageBox::setNextAnswer(MessageBox::Accept);
    CHECK(f.window->close());
    CHECK(MessageBox::count() == boxes + 2);
    CHECK_FALSE(gateway->runsHere());
    CHECK(process->exitCode() == 0);
    CHECK(GatewayStatus::read(*f.store).stoppedAt > 0);
}

TEST_CASE("A device enrolling and carrying out a revoke through a real gateway shows in the open console",
          "[gatewayui][live]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            enrollAndRevokeShowInConsole(backend);
        }
    }
}

namespace {

void enrollAndRevokeShowInConsole(const QString &backend)
{
    forgetSettings();
    ConsoleFixture f(backend, 20);
    const TestCertificate certificate(f.dir);
    const quint16 port = freePort();
    GatewayController *gateway = f.window->gateway();
    gateway->setProgram(qs(MDM_CONSOLE_BINARY));
    QString error;
    REQUIRE(gateway->start(launchOn(port, certificate), &error));
    REQUIRE(waitUntil(
        [&] { return GatewayStatus::read(*f.store).serving(QDateTime::currentMSecsSinceEpoch()); }, 8000));

    const auto [appleInvitation, appleToken] = invite(*f.store, qs("apple-live@example.com"), "ios");
    const auto [agentInvitation, agentToken] = invite(*f.store, qs("agent-live@example.com"), "android");
    DeviceTabView *pending = f.show(TabKind::Pending);
    auto &pendingModel = pending->model();
    REQUIRE(waitUntil(
        [&] { return pendingModel.rowOf(appleInvitation) >= 0 && pendingModel.rowOf(agentInvitation) >= 0; },
        5000));

    // The admin has selected something else on Managed; the live updates must keep it.
    DeviceTabView *managed = f.window->tab(TabKind::Managed);
    auto &managedModel = managed->model();
    f.selectRows(TabKind::Managed, 2, 2);
    const qint64 selectedId = managedModel.idAt(2);
    auto selectedIds = [&] {
        QList<qint64> ids;
        for (const QModelIndex &i : managed->table()->selectionModel()->selectedRows())
            ids << managedModel.idAt(i.row());
        return ids;
    };
    f.show(TabKind::Pending);

    // Both enroll without --platform: the landing page's data-platform tells the Apple way from the agent
    // way. The Apple one checks in once; the agent one keeps checking in every half second.
    const QString base = qs("https://127.0.0.1:%1/enroll/").arg(port);
    auto apple =
        virtualDevice(base + appleToken, certificate, {qs("--once"), qs("--serial"), qs("LIVEAPPLE01")});
    auto agent = virtualDevice(base + agentToken, certificate,
                               {qs("--interval"), qs("0.5"), qs("--serial"), qs("LIVEAGENT01")});
    REQUIRE(apple->waitForFinished(30000));
    {
        INFO(apple->readAllStandardError().toStdString());
        REQUIRE(apple->exitCode() == 0);
    }
    CHECK(apple->readAllStandardOutput().contains("\"enrolled\""));
    qint64 appleDevice = -1;
    qint64 agentDevice = -1;
    REQUIRE(waitUntil(
        [&] {
            appleDevice = scalarOf(*f.store, qs("SELECT id FROM devices WHERE serial = 'LIVEAPPLE01'"));
            agentDevice = scalarOf(*f.store, qs("SELECT id FROM devices WHERE serial = 'LIVEAGENT01'"));
            return appleDevice > 0 && agentDevice > 0;
        },
        15000));
    CHECK(scalarOf(*f.store, qs("SELECT platform FROM devices WHERE id = ?"), {appleDevice}) ==
          static_cast<int>(Platform::iOS));
    CHECK(scalarOf(*f.store, qs("SELECT platform FROM devices WHERE id = ?"), {agentDevice}) ==
          static_cast<int>(Platform::Android));

    // Without F5: the invitations leave Enrollment Pending, the devices show on Managed as Enrolled.
    REQUIRE(waitUntil(
        [&] { return pendingModel.rowOf(appleInvitation) < 0 && pendingModel.rowOf(agentInvitation) < 0; },
        8000));
    auto managedText = [&](qint64 id, int column) {
        const int row = managedModel.rowOf(id);
        return row < 0 ? QString() : managedModel.index(row, column).data().toString();
    };
    REQUIRE(
        waitUntil([&] { return managedText(appleDevice, ManagedColumn::Status) == qs("Enrolled"); }, 8000));
    REQUIRE(
        waitUntil([&] { return managedText(agentDevice, ManagedColumn::Status) == qs("Enrolled"); }, 8000));
    CHECK(managedText(appleDevice, ManagedColumn::Serial) == qs("LIVEAPPLE01"));
    CHECK(managedText(agentDevice, ManagedColumn::Serial) == qs("LIVEAGENT01"));
    CHECK(selectedIds() == QList<qint64>{selectedId});

    // Revoke the agent device through the console; the device carries it out at its next check-in.
    const int row = managedModel.rowOf(agentDevice);
    f.selectRows(TabKind::Managed, row, row);
    f.window->actions().deprovision->trigger();
    auto *confirm = f.dialog<DeprovisionDialog>();
    confirm->revokeChoice()->setChecked(true);
    confirm->confirmationEdit()->setText(confirm->expectedConfirmation());
    REQUIRE(confirm->destroyButton()->isEnabled());
    confirm->destroyButton()->click();
    f.waitForAction();
    // Back to the earlier selection: the device's own changes, arriving live, must keep it.
    const int selectedRow = managedModel.rowOf(selectedId);
    f.selectRows(TabKind::Managed, selectedRow, selectedRow);
    REQUIRE(agent->waitForFinished(20000));
    {
        INFO(agent->readAllStandardError().toStdString());
        CHECK(agent->exitCode() == 0);
    }
    REQUIRE(waitUntil([&] { return managedModel.rowOf(agentDevice) < 0; }, 8000));
    CHECK(managedModel.rowOf(appleDevice) >= 0);
    CHECK(selectedIds() == QList<qint64>{selectedId});

    // The check-ins reached the console's status; an idle gateway keeps its heartbeat going.
    REQUIRE(waitUntil([&] { return GatewayStatus::read(*f.store).lastCheckinAt > 0; }, 5000));
    REQUIRE(waitUntil([&] { return gateway->statusText().contains(qs("last check-in")); }, 5000));
    // The heartbeat is the same code on both stores: waited for (up to kHeartbeatMs) once, on SQLite.
    if (!f.isPostgres()) {
        const qint64 heartbeat = GatewayStatus::read(*f.store).heartbeatAt;
        CHECK(waitUntil([&] { return GatewayStatus::read(*f.store).heartbeatAt > heartbeat; },
                        static_cast<int>(mdm::gateway::GatewayServer::kHeartbeatMs) + 3000));
    }

    gateway->stop();
    QProcess *process = gatewayProcess(*gateway);
    REQUIRE(waitUntil([&] { return process->state() == QProcess::NotRunning; }, 10000));
    CHECK(process->exitCode() == 0);
}

} // namespace
