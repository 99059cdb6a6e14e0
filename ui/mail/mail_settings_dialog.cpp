#include "mail/mail_settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mdm {

MailSettingsDialog::MailSettingsDialog(const MailSettings &settings, const QString &password, QWidget *parent)
    : QDialog(parent), host_(new QLineEdit(settings.host, this)), port_(new QSpinBox(this)),
      security_(new QComboBox(this)), user_(new QLineEdit(settings.user, this)),
      password_(new QLineEdit(password, this)), from_(new QLineEdit(settings.fromAddress, this)),
      fromName_(new QLineEdit(settings.fromName, this)), linkBase_(new QLineEdit(settings.linkBase, this)),
      caFile_(new QLineEdit(settings.caFile, this)), problem_(new QLabel(this)), testResult_(new QLabel(this))
{
    setWindowTitle(tr("Mail Server Settings"));
    host_->setPlaceholderText(tr("e.g. smtp.example.com"));
    port_->setRange(1, 65535);
    port_->setValue(settings.port);
    security_->addItem(tr("STARTTLS (usually port 587)"), static_cast<int>(MailSettings::Security::StartTls));
    security_->addItem(tr("TLS from the start (usually port 465)"),
                       static_cast<int>(MailSettings::Security::ImplicitTls));
    security_->addItem(tr("None — only for a relay on this machine"),
                       static_cast<int>(MailSettings::Security::None));
    security_->setCurrentIndex(security_->findData(static_cast<int>(settings.security)));
    user_->setPlaceholderText(tr("Leave empty when the relay needs no sign-in"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("Kept in the system keychain, never in the store"));
    from_->setPlaceholderText(tr("e.g. it-enrollment@example.com"));
    fromName_->setPlaceholderText(tr("e.g. IT Service Desk"));
    caFile_->setPlaceholderText(tr("Only for a relay with an internal certificate authority"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("CA certificate"), caFile_->text(),
                                         tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            caFile_->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(caFile_, 1);
    caRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), host_);
    form->addRow(tr("&Port:"), port_);
    form->addRow(tr("S&ecurity:"), security_);
    form->addRow(tr("&User:"), user_);
    form->addRow(tr("Pass&word:"), password_);
    form->addRow(tr("&From address:"), from_);
    form->addRow(tr("From &name:"), fromName_);
    form->addRow(tr("Enrollment &link:"), linkBase_);
    form->addRow(tr("CA certificate:"), caRow);

    problem_->setStyleSheet(QStringLiteral("color: #b71c1c"));
    problem_->setWordWrap(true);
    testResult_->setWordWrap(true);
    testResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    test_ = buttons->addButton(tr("Send &Test Email"), QDialogButtonBox::ActionRole);
    save_ = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    save_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(test_, &QPushButton::clicked, this, [this] {
        testResult_->setText(tr("Sending a test email to %1…").arg(from_->text()));
        test_->setEnabled(false);
        emit testRequested(this->settings(), this->password());
    });
    // The usual port follows the security choice unless the admin typed another.
    connect(security_, &QComboBox::currentIndexChanged, this, [this] {
        if (port_->value() == 587 || port_->value() == 465 || port_->value() == 25)
            port_->setValue(security_->currentData().toInt() ==
                                    static_cast<int>(MailSettings::Security::ImplicitTls)
                                ? 465
                                : 587);
    });
    for (QLineEdit *edit : {host_, from_, linkBase_})
        connect(edit, &QLineEdit::textChanged, this, &MailSettingsDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(testResult_);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    validate();
}

MailSettings MailSettingsDialog::settings() const
{
    MailSettings s;
    s.host = host_->text().trimmed();
    s.port = port_->value();
    s.security = static_cast<MailSettings::Security>(security_->currentData().toInt());
    s.user = user_->text().trimmed();
    s.fromAddress = from_->text().trimmed();
    s.fromName = fromName_->text().trimmed();
    s.linkBase = linkBase_->text().trimmed();
    s.caFile = caFile_->text().trimmed();
    return s;
}

QString MailSettingsDialog::password() const
{
    return password_->text();
}

void MailSettingsDialog::validate()
{
    const QString problem = settings().validate();
    const bool typed = !host_->text().isEmpty() || !from_->text().isEmpty();
    problem_->setText(typed ? problem : QString());
    save_->setEnabled(problem.isEmpty());
    test_->setEnabled(problem.isEmpty());
}

void MailSettingsDialog::showTestResult(bool ok, const QString &text)
{
    testResult_->setStyleSheet(ok ? QStringLiteral("color: #1b5e20") : QStringLiteral("color: #b71c1c"));
    testResult_->setText(text);
    test_->setEnabled(true);
}

QString MailSettingsDialog::testResult() const
{
    return testResult_->text();
}

} // namespace mdm
