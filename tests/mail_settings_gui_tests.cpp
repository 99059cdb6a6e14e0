// The mail settings dialog and what saving it does, against Debian's aiosmtpd (tests/mail/smtp_server.py).
#include "domain/clock.h"
#include "gui_support.h"
#include "keychain_vault.h"
#include "mail/mail_controller.h"
#include "mail/mail_settings_dialog.h"
#include "mail/outbox_dispatcher.h"
#include "services/enrollment_service.h"
#include "smtp_mail_transport.h"
#include "store/store.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/main_window.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QTranslator>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::saveScreenshot;
using mdm::test::TempDir;
using mdm::test::waitUntil;

namespace {

// smtp_server.py with the options a case needs; the delivered messages are readable as text.
class MailServer
{
public:
    explicit MailServer(const QStringList &options = {})
    {
        QDir().mkpath(dir_.file(QStringLiteral("mail")));
        process_.start(QStringLiteral("/usr/bin/python3"),
                       QStringList{QStringLiteral(MDM_SMTP_SERVER_SCRIPT), QStringLiteral("--port"),
                                   QStringLiteral("0"), QStringLiteral("--outdir"),
                                   dir_.file(QStringLiteral("mail")), QStringLiteral("--log"),
                                   dir_.file(QStringLiteral("log"))} +
                           options);
        REQUIRE(process_.waitForStarted());
        REQUIRE(waitUntil([&] { return process_.canReadLine(); }, 15000));
        const QByteArray line = process_.readLine().trimmed();
        REQUIRE(line.startsWith("PORT "));
        port_ = line.mid(5).toInt();
    }
    ~MailServer()
    {
        process_.kill();
        process_.waitForFinished();
    }
    MailServer(const MailServer &) = delete;
    MailServer &operator=(const MailServer &) = delete;

    int port() const { return port_; }
    QStringList messages() const
    {
        const QDir dir(dir_.file(QStringLiteral("mail")));
        QStringList texts;
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                texts << QString::fromUtf8(file.readAll());
        }
        return texts;
    }

private:
    QProcess process_;
    TempDir dir_;
    int port_ = 0;
};

// A window with mail enabled on a fresh store, and its settings dialog.
struct MailWindow
{
    TempDir dir;
    Store::OpenResult opened = Store::open(dir.file(QStringLiteral("console.db")));
    Clock clock;
    mail::SmtpMailTransport transport;
    KeychainVault vault;
    std::unique_ptr<MainWindow> window; // before the transport and vault it uses is gone

    MailWindow()
    {
        REQUIRE(opened.store);
        mdm::test::forgetSettings();
        window = std::make_unique<MainWindow>(*opened.store, clock);
        window->show();
        window->enableMail(transport, vault);
    }
    Store &store() { return *opened.store; }
    MailSettingsDialog *openDialog()
    {
        window->actions().mailSettings->trigger();
        MailSettingsDialog *dialog = window->mail()->settingsDialog();
        REQUIRE(dialog);
        return dialog;
    }
};

void fill(MailSettingsDialog *dialog, int port, MailSettings::Security security)
{
    dialog->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    dialog->fromEdit()->setText(QStringLiteral("it@contoso.example"));
    dialog->securityBox()->setCurrentIndex(dialog->securityBox()->findData(static_cast<int>(security)));
    dialog->portBox()->setValue(port);
}

// Clicks "Send Test Email" and waits for the answer.
QString testAnswer(MailSettingsDialog *dialog)
{
    REQUIRE(dialog->testButton()->isEnabled());
    dialog->testButton()->click();
    REQUIRE(waitUntil([&] { return dialog->testButton()->isEnabled(); }, 20000));
    return dialog->testResult();
}

// Room the field gives its text, as the style lays it out (frame, text margins, QLineEdit's own 2 px).
int textRoom(QLineEdit *edit)
{
    // As QLineEdit::initStyleOption (protected) fills it.
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.rect = edit->contentsRect();
    option.lineWidth =
        edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit) : 0;
    option.midLineWidth = 0;
    option.state |= QStyle::State_Sunken;
    const QRect contents = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit);
    return contents.width() - edit->textMargins().left() - edit->textMargins().right() - 2 * 2;
}

void checkPlaceholdersFit(MailSettingsDialog *dialog)
{
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->placeholderText().isEmpty() || !edit->isVisible())
            continue;
        INFO(edit->placeholderText().toStdString());
        CHECK(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) <= textRoom(edit));
        // ... and the field itself inside the dialog.
        CHECK(edit->mapTo(dialog, QPoint(edit->width(), 0)).x() <= dialog->width());
    }
}

} // namespace

TEST_CASE("Saving mail settings shows the server at once and delivers what waited", "[gui][mailsettings]")
{
    MailServer server;
    MailWindow w;
    InviteRequest request;
    request.name = QStringLiteral("Ana Silva");
    request.email = QStringLiteral("ana.silva@contoso.example");
    request.platform = Platform::iOS;
    REQUIRE(EnrollmentService(w.store(), w.clock).invite({request}).ok);
    // The background pass finds no server and remembers so.
    REQUIRE(waitUntil([&] {
        return w.window->mail()->dispatcher().lastProblem().contains(QStringLiteral("No mail server"));
    }));

    MailSettingsDialog *dialog = w.openDialog();
    fill(dialog, server.port(), MailSettings::Security::None);
    dialog->saveButton()->click();
    CHECK_FALSE(dialog->isVisible());
    // No stale "No mail server is set up" after Save, and the waiting invitation leaves now, not at the
    // next background tick (30 s).
    CHECK_FALSE(w.window->mail()->statusText().contains(QStringLiteral("No mail server")));
    CHECK(w.window->mail()->statusText().contains(QStringLiteral("127.0.0.1")));
    REQUIRE(waitUntil([&] { return server.messages().size() == 1; }, 10000));
    CHECK(server.messages().first().contains(QStringLiteral("ana.silva@contoso.example")));
}

TEST_CASE("The test email names what the server lacks instead of quoting its EHLO", "[gui][mailsettings]")
{
    SECTION("STARTTLS chosen, not offered")
    {
        MailServer server; // plain: no STARTTLS
        MailWindow w;
        MailSettingsDialog *dialog = w.openDialog();
        fill(dialog, server.port(), MailSettings::Security::StartTls);
        const QString answer = testAnswer(dialog);
        CHECK(answer.contains(QStringLiteral("The server does not offer STARTTLS; choose TLS or None.")));
        CHECK_FALSE(answer.contains(QStringLiteral("250")));
        saveScreenshot(dialog, QStringLiteral("mailsettings-no-starttls"));
    }
    SECTION("a user name set, AUTH not offered")
    {
        MailServer server({QStringLiteral("--auth-require-tls")}); // AUTH only over TLS: none here
        MailWindow w;
        MailSettingsDialog *dialog = w.openDialog();
        fill(dialog, server.port(), MailSettings::Security::None);
        dialog->userEdit()->setText(QStringLiteral("enroll-bot"));
        dialog->passwordEdit()->setText(QStringLiteral("secret"));
        const QString answer = testAnswer(dialog);
        CHECK(answer.contains(QStringLiteral("The server does not offer authentication (AUTH)")));
        CHECK_FALSE(answer.contains(QStringLiteral("250")));
        CHECK(server.messages().isEmpty());
    }
}

TEST_CASE("deliver says what the server lacks", "[cli][mailsettings]")
{
    MailServer server;
    TempDir dir;
    const QString path = dir.file(QStringLiteral("console.db"));
    {
        auto opened = Store::open(path);
        REQUIRE(opened.store);
        MailSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = server.port();
        settings.security = MailSettings::Security::StartTls;
        settings.fromAddress = QStringLiteral("it@contoso.example");
        QString error;
        REQUIRE(settings.save(*opened.store, &error));
        InviteRequest request;
        request.name = QStringLiteral("Ana Silva");
        request.email = QStringLiteral("ana.silva@contoso.example");
        request.platform = Platform::iOS;
        Clock clock;
        REQUIRE(EnrollmentService(*opened.store, clock).invite({request}).ok);
    }
    const auto run = mdm::test::runConsole({QStringLiteral("--db"), path, QStringLiteral("deliver")});
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(run.out.contains(QStringLiteral("ana.silva@contoso.example: The server does not offer STARTTLS; "
                                          "choose TLS or None.")));
    CHECK_FALSE(run.out.contains(QStringLiteral("250-")));
    CHECK(server.messages().isEmpty());
}

TEST_CASE("An edit clears the test result, and a late answer about old values is dropped",
          "[gui][mailsettings]")
{
    MailServer server;
    MailWindow w;
    MailSettingsDialog *dialog = w.openDialog();
    fill(dialog, server.port(), MailSettings::Security::None);
    CHECK(testAnswer(dialog).contains(QStringLiteral("accepted")));
    dialog->fromEdit()->setText(QStringLiteral("helpdesk@contoso.example"));
    CHECK(dialog->testResult().isEmpty());

    // Edited while the test runs: its answer describes the old values and is not shown.
    dialog->testButton()->click();
    CHECK(dialog->testResult().contains(QStringLiteral("Sending")));
    dialog->portBox()->setValue(server.port() == 2525 ? 2526 : 2525);
    CHECK(dialog->testResult().isEmpty());
    REQUIRE(waitUntil([&] { return server.messages().size() == 2; }, 20000));
    REQUIRE(waitUntil([&] { return dialog->testButton()->isEnabled(); }, 20000));
    CHECK(dialog->testResult().isEmpty());
}

TEST_CASE("The test email goes to the chosen recipient, remembered with the settings", "[gui][mailsettings]")
{
    MailServer server;
    MailWindow w;
    MailSettingsDialog *dialog = w.openDialog();
    // Until another recipient is typed, the test goes to the From address.
    fill(dialog, server.port(), MailSettings::Security::None);
    CHECK(dialog->testToEdit()->text() == QStringLiteral("it@contoso.example"));
    dialog->testToEdit()->clear();
    dialog->testToEdit()->insert(QStringLiteral("not an address"));
    CHECK_FALSE(dialog->testButton()->isEnabled());
    CHECK(dialog->problem().contains(QStringLiteral("not an address")));
    dialog->testToEdit()->clear();
    dialog->testToEdit()->insert(QStringLiteral("admin@contoso.example"));
    const QString answer = testAnswer(dialog);
    CHECK(answer.contains(QStringLiteral("admin@contoso.example")));
    REQUIRE(server.messages().size() == 1);
    CHECK(server.messages().first().contains(QStringLiteral("To: admin@contoso.example")));
    // A changed From no longer moves a recipient the admin typed.
    dialog->fromEdit()->setText(QStringLiteral("noreply@contoso.example"));
    CHECK(dialog->testToEdit()->text() == QStringLiteral("admin@contoso.example"));
    dialog->saveButton()->click();
    CHECK(MailSettings::load(w.store()).testRecipient == QStringLiteral("admin@contoso.example"));

    MailSettingsDialog *again = w.openDialog();
    CHECK(again->testToEdit()->text() == QStringLiteral("admin@contoso.example"));
    again->reject();
}

TEST_CASE("Save keeps the dialog open with the reason when the store refuses", "[gui][mailsettings]")
{
    MailWindow w;
    MailSettingsDialog *dialog = w.openDialog();
    fill(dialog, 2525, MailSettings::Security::None);
    QSqlQuery q(w.store().database());
    REQUIRE(q.exec(QStringLiteral("ALTER TABLE settings RENAME TO settings_gone")));
    dialog->saveButton()->click();
    CHECK(dialog->isVisible());
    CHECK(dialog->problem().contains(QStringLiteral("not saved")));
    saveScreenshot(dialog, QStringLiteral("mailsettings-save-failed"));
    REQUIRE(q.exec(QStringLiteral("ALTER TABLE settings_gone RENAME TO settings")));
    // Editing clears the old reason; saving again succeeds and closes.
    dialog->fromEdit()->setText(QStringLiteral("it2@contoso.example"));
    CHECK(dialog->problem().isEmpty());
    dialog->saveButton()->click();
    CHECK_FALSE(dialog->isVisible());
    CHECK(MailSettings::load(w.store()).fromAddress == QStringLiteral("it2@contoso.example"));
}

TEST_CASE("Every placeholder of the mail settings is readable whole, in English and German",
          "[gui][mailsettings]")
{
    MailWindow w;
    SECTION("English")
    {
        MailSettingsDialog *dialog = w.openDialog();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        checkPlaceholdersFit(dialog);
        saveScreenshot(dialog, QStringLiteral("mailsettings-en"));
    }
    SECTION("German")
    {
        QTranslator german;
        REQUIRE(german.load(QLocale(QLocale::German), QStringLiteral("mdm_console"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&german);
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        MailSettingsDialog *dialog = w.openDialog();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        CHECK(dialog->windowTitle() != QStringLiteral("Mail Server Settings"));
        checkPlaceholdersFit(dialog);
        saveScreenshot(dialog, QStringLiteral("mailsettings-de"));
        dialog->reject();
        QCoreApplication::removeTranslator(&german);
        QLocale::setDefault(previous);
    }
}
