// The console's view of the enrollment gateway: the status it reads from the store, the launch
// settings it checks before starting one, and File ▸ Enrollment Gateway… itself.
#include "console_fixture.h"
#include "gateway/gateway_controller.h"
#include "gateway/gateway_dialog.h"
#include "gateway/gateway_launch.h"
#include "gateway/gateway_status.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QStatusBar>

using namespace mdm;
using namespace mdm::test;

namespace {

void writeGatewaySettings(Store &store, const std::map<QString, qint64> &values, const QString &url)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    for (const auto &[key, value] : values) {
        q.addBindValue(QStringLiteral("gateway.") + key);
        q.addBindValue(QString::number(value));
        REQUIRE(q.exec());
    }
    q.addBindValue(QStringLiteral("gateway.public_url"));
    q.addBindValue(url);
    REQUIRE(q.exec());
}

} // namespace

TEST_CASE("Gateway status: serving, stale and never started, as the store says", "[gatewayui]")
{
    TempDir dir;
    auto opened = Store::open(dir.file(QStringLiteral("s.db")));
    REQUIRE(opened.store);
    Store &store = *opened.store;
    const qint64 now = 1'800'000'000'000;

    GatewayStatus none = GatewayStatus::read(store);
    CHECK_FALSE(none.everRan());
    CHECK_FALSE(none.serving(now));
    CHECK(none.summary(now) == QStringLiteral("not started"));

    writeGatewaySettings(store,
                         {{QStringLiteral("started_at"), now - 600'000},
                          {QStringLiteral("heartbeat_at"), now - 2'000},
                          {QStringLiteral("last_checkin_at"), now - 180'000}},
                         QStringLiteral("https://mdm.example.com"));
    GatewayStatus s = GatewayStatus::read(store);
    CHECK(s.serving(now));
    // (The English plural forms come from the translation the window loads; "3 minute(s)" without it.)
    CHECK(s.summary(now).startsWith(
        QStringLiteral("serving https://mdm.example.com · last check-in 3 minute")));

    // A gateway killed without a word: its heartbeat ages, and the console says so.
    CHECK_FALSE(s.serving(now + GatewayStatus::kStaleMs + 5'000));
    CHECK(s.summary(now + 3'600'000).startsWith(QStringLiteral("not running (last seen")));

    // One that stopped cleanly says so at once.
    writeGatewaySettings(store, {{QStringLiteral("stopped_at"), now - 1'000}},
                         QStringLiteral("https://mdm.example.com"));
    CHECK_FALSE(GatewayStatus::read(store).serving(now));
}

TEST_CASE("Gateway launch: what is missing is named before anything starts", "[gatewayui]")
{
    TempDir dir;
    GatewayLaunch l;
    l.listen = QStringLiteral("localhost");
    CHECK(l.problem().contains(QStringLiteral("address and a port")));
    l.listen = QStringLiteral("127.0.0.1:70000");
    CHECK(l.problem().contains(QStringLiteral("address and a port")));
    l.listen = QStringLiteral("127.0.0.1:8443");
    CHECK(l.problem().contains(QStringLiteral("certificate")));
    l.certFile = dir.file(QStringLiteral("missing.pem"));
    l.keyFile = dir.file(QStringLiteral("missing.key"));
    CHECK(l.problem().startsWith(QStringLiteral("Cannot read")));
    l.insecureHttp = true;
    CHECK(l.problem().isEmpty());
    l.publicUrl = QStringLiteral("mdm.example.com");
    CHECK(l.problem().contains(QStringLiteral("Public URL")));
    l.publicUrl = QStringLiteral("https://mdm.example.com/");
    CHECK(l.problem().isEmpty());
    CHECK(l.arguments(QStringLiteral("/s.db")) ==
          QStringList{QStringLiteral("--db"), QStringLiteral("/s.db"), QStringLiteral("serve"),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:8443"),
                      QStringLiteral("--public-url"), QStringLiteral("https://mdm.example.com/"),
                      QStringLiteral("--insecure-http")});
}

TEST_CASE("Enrollment Gateway dialog: status from the store, refuses a bad launch, remembers",
          "[gatewayui][gui]")
{
    forgetSettings();
    ConsoleFixture f;
    const qint64 now = f.clock.nowMs();
    writeGatewaySettings(
        *f.store, {{QStringLiteral("started_at"), now - 60'000}, {QStringLiteral("heartbeat_at"), now}},
        QStringLiteral("https://mdm.example.com"));
    GatewayController *gateway = f.window->gateway();
    gateway->refresh();
    CHECK(gateway->statusText() ==
          QStringLiteral("gateway: serving https://mdm.example.com · no check-in yet"));
    const auto labels = f.window->statusBar()->findChildren<QLabel *>();
    CHECK(std::any_of(labels.begin(), labels.end(),
                      [&](QLabel *l) { return l->text() == gateway->statusText(); }));

    gateway->openDialog();
    GatewayDialog *dialog = gateway->dialog();
    REQUIRE(dialog);
    REQUIRE(waitUntil([dialog] { return dialog->isVisible(); }));
    CHECK(dialog->statusLabelText().startsWith(QStringLiteral("serving https://mdm.example.com")));
    saveScreenshot(dialog, QStringLiteral("gateway-dialog"));

    // Another gateway serves this store: a second one is refused with the reason, nothing starts.
    dialog->findChild<QCheckBox *>()->setChecked(true);
    dialog->startButton()->click();
    CHECK(dialog->problemText().contains(QStringLiteral("already serves this store")));
    CHECK_FALSE(gateway->runsHere());
    CHECK(dialog->stopButton()->isEnabled() == false);
    CHECK(GatewayLaunch::remembered().insecureHttp == false); // only a started launch is remembered
    dialog->close();
}
