#pragma once

#include "mail/mail_settings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mdm {

// File ▸ Mail Server Settings: the relay, how to reach it, who the mail is from, and the enrollment
// link; "Send Test Email" reports the server's exact answer. The password goes to the OS keychain.
class MailSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    MailSettingsDialog(const MailSettings &settings, const QString &password, QWidget *parent = nullptr);

    MailSettings settings() const;
    QString password() const;
    void showTestResult(bool ok, const QString &text);
    QString testResult() const;

    QLineEdit *hostEdit() const { return host_; }
    QLineEdit *fromEdit() const { return from_; }
    QPushButton *saveButton() const { return save_; }
    QPushButton *testButton() const { return test_; }

signals:
    void testRequested(const mdm::MailSettings &settings, const QString &password);

private:
    void validate();

    QLineEdit *host_;
    QSpinBox *port_;
    QComboBox *security_;
    QLineEdit *user_;
    QLineEdit *password_;
    QLineEdit *from_;
    QLineEdit *fromName_;
    QLineEdit *linkBase_;
    QLineEdit *caFile_;
    QLabel *problem_;
    QLabel *testResult_;
    QPushButton *save_;
    QPushButton *test_;
};

} // namespace mdm
