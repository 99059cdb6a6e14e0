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
//
// The dialog does not save or send by itself: Save emits saveRequested() and stays open until the owner
// calls accept() (or showSaveError()); the test button emits testRequested() and the owner answers with
// finishTest() for the run it was given. Any edit starts a new run, so an answer about earlier values
// is dropped instead of standing beside the fields it no longer describes.
class MailSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    MailSettingsDialog(const MailSettings &settings, const QString &password, QWidget *parent = nullptr);

    MailSettings settings() const;
    QString password() const;
    QString testRecipient() const;
    // The run the values on screen belong to; it changes with every edit and every test.
    int testRun() const { return testRun_; }
    // The answer to the test started as run; shown only while the fields are unchanged since.
    void finishTest(int run, bool ok, const QString &text);
    void showSaveError(const QString &text);
    QString testResult() const;
    QString problem() const;

    QLineEdit *hostEdit() const { return host_; }
    QLineEdit *userEdit() const { return user_; }
    QLineEdit *passwordEdit() const { return password_; }
    QLineEdit *fromEdit() const { return from_; }
    QLineEdit *testToEdit() const { return testTo_; }
    QComboBox *securityBox() const { return security_; }
    QSpinBox *portBox() const { return port_; }
    QPushButton *saveButton() const { return save_; }
    QPushButton *testButton() const { return test_; }

signals:
    void testRequested(const mdm::MailSettings &settings, const QString &password, const QString &recipient);
    void saveRequested();

private:
    void validate();
    void fieldsEdited();

    QLineEdit *host_;
    QSpinBox *port_;
    QComboBox *security_;
    QLineEdit *user_;
    QLineEdit *password_;
    QLineEdit *from_;
    QLineEdit *fromName_;
    QLineEdit *linkBase_;
    QLineEdit *caFile_;
    QLineEdit *testTo_;
    QLabel *problem_;
    QLabel *testResult_;
    QPushButton *save_;
    QPushButton *test_;
    QString saveError_;
    int testRun_ = 0;
    bool testing_ = false;
    bool testToFollowsFrom_ = true;
};

} // namespace mdm
