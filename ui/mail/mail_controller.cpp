#include "mail/mail_controller.h"

#include "domain/clock.h"
#include "mail/mail_settings_dialog.h"
#include "mail/mail_transport.h"
#include "mail/outbox.h"
#include "mail/outbox_dispatcher.h"
#include "mail/password_vault.h"
#include "store/store.h"

#include <QInputDialog>
#include <QLocale>

namespace mdm {

MailController::MailController(Store &store, const Clock &clock, MailTransport &transport,
                               PasswordVault &vault, QWidget *window)
    : QObject(window), store_(store), clock_(clock), transport_(transport), vault_(vault), window_(window),
      dispatcher_(new OutboxDispatcher(store, clock, transport, this)), settings_(MailSettings::load(store))
{
    connect(dispatcher_, &OutboxDispatcher::statusChanged, this, &MailController::statusChanged);
    // A deliver run from cron or another console moves the outbox counts too.
    connect(&store_, &Store::changed, this, [this](RecordKind kind) {
        if (kind == RecordKind::Outbox)
            emit statusChanged();
    });
    connect(&vault_, &PasswordVault::readFinished, this,
            [this](const QString &key, bool ok, const QString &password, bool unavailable, const QString &) {
                if (key != settings_.keychainKey())
                    return;
                keychainMissing_ = unavailable;
                if (ok)
                    applyPassword(password);
                else if (unavailable)
                    askPasswordOnce();
            });
    connect(&transport_, &MailTransport::testFinished, this, [this](const DeliveryResult &result) {
        if (!dialog_)
            return;
        const bool ok = result.kind == DeliveryResult::Kind::Sent;
        const QString answer = result.serverReply.isEmpty() ? result.error : result.serverReply;
        dialog_->finishTest(testRun_, ok,
                            ok ? tr("Test email to %1 accepted by the server: %2").arg(testRecipient_, answer)
                               : tr("The test email to %1 was not accepted: %2").arg(testRecipient_, answer));
    });
}

void MailController::start()
{
    // A viewer may not write the outbox: sending is an admin's console's job.
    if (store_.access() == Store::Access::Viewer) {
        emit statusChanged();
        return;
    }
    dispatcher_->setCredentials(settings_, password_);
    if (settings_.isConfigured() && !settings_.user.isEmpty())
        vault_.read(settings_.keychainKey());
    dispatcher_->startBackground();
    emit statusChanged();
}

void MailController::applyPassword(const QString &password)
{
    password_ = password;
    dispatcher_->setCredentials(settings_, password_);
    emit statusChanged();
}

// No keychain here: ask once per session, keep the answer in memory only.
void MailController::askPasswordOnce()
{
    if (asked_ || !window_ || !window_->isVisible())
        return;
    asked_ = true;
    bool ok = false;
    const QString password = QInputDialog::getText(window_, tr("Mail server password"),
                                                   tr("No system keychain is available, so the password for "
                                                      "%1 on %2 is not remembered. Enter it for this "
                                                      "session:")
                                                       .arg(settings_.user, settings_.host),
                                                   QLineEdit::Password, QString(), &ok);
    if (ok)
        applyPassword(password);
}

void MailController::openSettings()
{
    auto *dialog = new MailSettingsDialog(settings_, password_, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog_ = dialog;
    connect(dialog, &MailSettingsDialog::testRequested, this,
            [this, dialog](const MailSettings &s, const QString &password, const QString &recipient) {
                // The transport runs one test at a time, so its next answer is this run's.
                testRun_ = dialog->testRun();
                testRecipient_ = recipient;
                const QString when = QLocale().toString(clock_.now().toLocalTime(), QLocale::LongFormat);
                transport_.sendTest(
                    s, password,
                    {QStringLiteral("<test-%1@mdm-console.invalid>").arg(clock_.nowMs()).toLatin1(),
                     recipient,
                     QString(),
                     tr("MDM Enrollment Console: test email"),
                     tr("This test email from the MDM Enrollment Console was sent at %1.").arg(when),
                     QString(),
                     clock_.now(),
                     {}});
            });
    connect(dialog, &MailSettingsDialog::saveRequested, this, [this, dialog] { save(dialog); });
    dialog->open();
}

// Stores the dialog's settings; the dialog stays open with the reason when that fails. The new
// settings take effect at once: the status follows and a delivery pass starts, so what waited for a
// mail server leaves now rather than at the next background tick.
void MailController::save(MailSettingsDialog *dialog)
{
    const MailSettings chosen = dialog->settings();
    QString error;
    const bool passwordChanged = !dialog->password().isEmpty() && dialog->password() != password_;
    if (!chosen.save(store_, &error, passwordChanged)) {
        dialog->showSaveError(error);
        return;
    }
    settings_ = chosen;
    password_ = dialog->password();
    if (!settings_.user.isEmpty() && !password_.isEmpty())
        vault_.write(settings_.keychainKey(), password_);
    dispatcher_->setCredentials(settings_, password_);
    dialog->accept();
    emit statusChanged();
    // Messages held back by the old settings' failures are tried with the new ones right away.
    dispatcher_->deliverDue(true);
}

QString MailController::statusText() const
{
    const Outbox::Counts counts = Outbox(store_, clock_).counts();
    QLocale locale;
    QString server;
    if (!settings_.isConfigured())
        server = tr("mail server: not set up");
    else if (!dispatcher_->lastProblem().isEmpty())
        server = tr("mail server: %1").arg(dispatcher_->lastProblem());
    else
        server = tr("mail server: %1").arg(settings_.host);
    return tr("outbox: %1 queued, %2 failed · %3")
        .arg(locale.toString(counts.queued), locale.toString(counts.failed), server);
}

} // namespace mdm
