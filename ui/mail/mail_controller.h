#pragma once

#include "mail/mail_settings.h"
#include "mail/mail_settings_dialog.h"

#include <QObject>
#include <QPointer>

namespace mdm {

class Clock;
class MailTransport;
class OutboxDispatcher;
class PasswordVault;
class Store;

// The console's side of invitation mail: keeps the settings and the password (from the keychain, or
// asked once per session), delivers the outbox in the background, and says how it goes.
class MailController : public QObject
{
    Q_OBJECT

public:
    MailController(Store &store, const Clock &clock, MailTransport &transport, PasswordVault &vault,
                   QWidget *window);

    void start();
    void openSettings();
    QString statusText() const;
    MailSettingsDialog *settingsDialog() const { return dialog_; }
    OutboxDispatcher &dispatcher() const { return *dispatcher_; }

signals:
    void statusChanged();

private:
    void applyPassword(const QString &password);
    void askPasswordOnce();
    void save(MailSettingsDialog *dialog);

    Store &store_;
    const Clock &clock_;
    MailTransport &transport_;
    PasswordVault &vault_;
    QWidget *window_;
    OutboxDispatcher *dispatcher_;
    MailSettings settings_;
    QString password_;
    int testRun_ = -1;      // the dialog's run the transport's next test answer belongs to
    QString testRecipient_; // where that test went
    bool asked_ = false;
    bool keychainMissing_ = false;
    QPointer<MailSettingsDialog> dialog_;
};

} // namespace mdm
