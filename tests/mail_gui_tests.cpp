#include "domain/clock.h"
#include "gui_support.h"
#include "keychain_vault.h"
#include "mail/mail_controller.h"
#include "mail/mail_settings_dialog.h"
#include "mail/outbox_dispatcher.h"
#include "services/enrollment_service.h"
#include "smtp_mail_transport.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::saveScreenshot;
using mdm::test::scalar;
using mdm::test::SmtpServer;
using mdm::test::TempDir;
using mdm::test::waitUntil;

namespace {

} // namespace

TEST_CASE("Mail settings are saved and the test email reports the server's answer", "[gui][mail]")
{
    SmtpServer server;
    TempDir dir;
    auto opened = Store::open(dir.file(QStringLiteral("console.db")));
    REQUIRE(opened.store);
    Clock clock;
    mdm::test::forgetSettings();
    MainWindow window(*opened.store, clock);
    mail::SmtpMailTransport transport;
    KeychainVault vault;
    window.show();
    window.enableMail(transport, vault);
    window.actions().mailSettings->trigger();
    MailSettingsDialog *dialog = window.mail()->settingsDialog();
    REQUIRE(dialog);
    CHECK_FALSE(dialog->saveButton()->isEnabled());
    dialog->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    dialog->fromEdit()->setText(QStringLiteral("it@contoso"));
    CHECK_FALSE(dialog->saveButton()->isEnabled());
    dialog->fromEdit()->setText(QStringLiteral("it@contoso.example"));
    REQUIRE(dialog->saveButton()->isEnabled());
    // A localhost relay without TLS, as the admin would choose it for such a relay.
    MailSettings chosen = dialog->settings();
    CHECK(chosen.security == MailSettings::Security::StartTls);
    dialog->findChild<QComboBox *>()->setCurrentIndex(2);
    dialog->findChildren<QSpinBox *>().first()->setValue(server.port());
    dialog->testButton()->click();
    REQUIRE(waitUntil([&] { return dialog->testResult().contains(QStringLiteral("250")); }, 15000));
    CHECK(server.delivered() == 1);
    saveScreenshot(dialog, QStringLiteral("dialog-mail-settings"));
    dialog->saveButton()->click();
    const MailSettings saved = MailSettings::load(*opened.store);
    CHECK(saved.host == QStringLiteral("127.0.0.1"));
    CHECK(saved.port == server.port());
    CHECK(saved.security == MailSettings::Security::None);
}

TEST_CASE("The console delivers new invitations in the background and shows the outcome", "[gui][mail]")
{
    SmtpServer server;
    TempDir dir;
    auto opened = Store::open(dir.file(QStringLiteral("console.db")));
    REQUIRE(opened.store);
    Store &store = *opened.store;
    MailSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.port();
    settings.security = MailSettings::Security::None;
    settings.fromAddress = QStringLiteral("it@contoso.example");
    QString error;
    REQUIRE(settings.save(store, &error));
    Clock clock;
    mdm::test::forgetSettings();
    MainWindow window(store, clock);
    mail::SmtpMailTransport transport;
    KeychainVault vault;
    window.show();
    window.enableMail(transport, vault);

    InviteRequest request;
    request.name = QStringLiteral("Ana Silva");
    request.email = QStringLiteral("ana.silva@contoso.example");
    request.platform = Platform::iOS;
    REQUIRE(EnrollmentService(store, clock).invite({request}).ok);
    REQUIRE(waitUntil([&] { return server.delivered() == 1; }, 20000));
    REQUIRE(
        waitUntil([&] { return scalar(store, QStringLiteral("SELECT delivery FROM invitations")) == 1; }));
    CHECK(window.mail()->statusText().startsWith(QStringLiteral("outbox: 0 queued, 0 failed")));
}
