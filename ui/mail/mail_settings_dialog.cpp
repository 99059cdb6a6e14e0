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
#include <QStyle>
#include <QVBoxLayout>

namespace mdm {

namespace {
// A placeholder is the field's explanation: it must be readable whole, in every language, so the
// field is at least as wide as its placeholder (the layout widens the dialog as needed).
void fitToPlaceholder(QLineEdit *edit)
{
    if (edit->placeholderText().isEmpty())
        return;
    const QMargins text = edit->textMargins();
    const QMargins contents = edit->contentsMargins();
    const int frame = 2 * edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, edit);
    // QLineEdit keeps 2 px of its own on each side of the text; 8 px more so the text never touches.
    const int width = edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + text.left() +
                      text.right() + contents.left() + contents.right() + frame + 4 + 8;
    edit->setMinimumWidth(width);
}
} // namespace

MailSettingsDialog::MailSettingsDialog(const MailSettings &settings, const QString &password, QWidget *parent)
    : QDialog(parent), host_(new QLineEdit(settings.host, this)), port_(new QSpinBox(this)),
      security_(new QComboBox(this)), user_(new QLineEdit(settings.user, this)),
      password_(new QLineEdit(password, this)), from_(new QLineEdit(settings.fromAddress, this)),
      fromName_(new QLineEdit(settings.fromName, this)), linkBase_(new QLineEdit(settings.linkBase, this)),
      caFile_(new QLineEdit(settings.caFile, this)),
      testTo_(new QLineEdit(settings.testRecipientOrFrom(), this)), problem_(new QLabel(this)),
      testResult_(new QLabel(this)),
      testToFollowsFrom_(settings.testRecipientOrFrom() == settings.fromAddress.trimmed())
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
    linkBase_->setPlaceholderText(tr("e.g. https://mdm.example.com"));
    linkBase_->setAccessibleDescription(tr("Public URL of the enrollment gateway"));
    testTo_->setPlaceholderText(tr("Empty: the From address"));
    for (QLineEdit *edit : {host_, user_, password_, from_, fromName_, caFile_, testTo_})
        fitToPlaceholder(edit);
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

    test_ = new QPushButton(tr("Send &Test Email"), this);
    test_->setAutoDefault(false);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(testTo_, 1);
    testRow->addWidget(test_);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), host_);
    form->addRow(tr("&Port:"), port_);
    form->addRow(tr("S&ecurity:"), security_);
    form->addRow(tr("&User:"), user_);
    form->addRow(tr("Pass&word:"), password_);
    form->addRow(tr("&From address:"), from_);
    form->addRow(tr("From &name:"), fromName_);
    // The help sits right under its field, in the field's column.
    auto *linkHelp = new QLabel(tr("The address at which devices reach the enrollment gateway. Invitation "
                                   "links read <i>public URL</i>/enroll/<i>token</i>."),
                                this);
    linkHelp->setWordWrap(true);
    linkHelp->setForegroundRole(QPalette::PlaceholderText);
    auto *linkColumn = new QVBoxLayout;
    linkColumn->setSpacing(2);
    linkColumn->addWidget(linkBase_);
    linkColumn->addWidget(linkHelp);
    auto *linkLabel = new QLabel(tr("Gateway public &URL:"), this);
    linkLabel->setBuddy(linkBase_);
    form->addRow(linkLabel, linkColumn);
    form->addRow(tr("CA certificate:"), caRow);
    // A row holding a layout gets a label without a buddy, which would show the "&" itself.
    auto *testToLabel = new QLabel(tr("Send test t&o:"), this);
    testToLabel->setBuddy(testTo_);
    form->addRow(testToLabel, testRow);

    problem_->setStyleSheet(QStringLiteral("color: #b71c1c"));
    problem_->setWordWrap(true);
    problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testResult_->setWordWrap(true);
    testResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    save_ = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    save_->setDefault(true);
    // Save asks the owner; the dialog closes only when the settings were stored.
    connect(save_, &QPushButton::clicked, this, &MailSettingsDialog::saveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(test_, &QPushButton::clicked, this, [this] {
        ++testRun_;
        testing_ = true;
        testResult_->setStyleSheet(QString());
        testResult_->setText(tr("Sending a test email to %1…").arg(testRecipient()));
        validate();
        emit testRequested(this->settings(), this->password(), testRecipient());
    });
    // The usual port follows the security choice unless the admin typed another.
    connect(security_, &QComboBox::currentIndexChanged, this, [this] {
        if (port_->value() == 587 || port_->value() == 465 || port_->value() == 25)
            port_->setValue(security_->currentData().toInt() ==
                                    static_cast<int>(MailSettings::Security::ImplicitTls)
                                ? 465
                                : 587);
    });
    // The test goes to the From address until the admin types another recipient.
    connect(from_, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (testToFollowsFrom_)
            testTo_->setText(text.trimmed());
    });
    connect(testTo_, &QLineEdit::textEdited, this, [this](const QString &text) {
        testToFollowsFrom_ = text.trimmed().isEmpty() || text.trimmed() == from_->text().trimmed();
    });
    for (QLineEdit *edit : {host_, user_, password_, from_, fromName_, linkBase_, caFile_, testTo_})
        connect(edit, &QLineEdit::textChanged, this, &MailSettingsDialog::fieldsEdited);
    connect(port_, &QSpinBox::valueChanged, this, &MailSettingsDialog::fieldsEdited);
    connect(security_, &QComboBox::currentIndexChanged, this, &MailSettingsDialog::fieldsEdited);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(testResult_);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    // No fixed minimum width: the layout's own minimum (fields as wide as their placeholders) must
    // decide, or a longer language would push fields past the dialog's edge.
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
    s.testRecipient = testTo_->text().trimmed();
    return s;
}

QString MailSettingsDialog::password() const
{
    return password_->text();
}

QString MailSettingsDialog::testRecipient() const
{
    return settings().testRecipientOrFrom();
}

// The test result and a save error describe the values as they were: an edit makes them stale.
void MailSettingsDialog::fieldsEdited()
{
    ++testRun_;
    testResult_->clear();
    saveError_.clear();
    validate();
}

void MailSettingsDialog::validate()
{
    const QString problem = settings().validate();
    const bool typed = !host_->text().isEmpty() || !from_->text().isEmpty();
    problem_->setText(typed && !problem.isEmpty() ? problem : saveError_);
    save_->setEnabled(problem.isEmpty());
    test_->setEnabled(problem.isEmpty() && !testing_);
}

void MailSettingsDialog::finishTest(int run, bool ok, const QString &text)
{
    testing_ = false;
    if (run == testRun_) {
        testResult_->setStyleSheet(ok ? QStringLiteral("color: #1b5e20") : QStringLiteral("color: #b71c1c"));
        testResult_->setText(text);
    }
    validate();
}

void MailSettingsDialog::showSaveError(const QString &text)
{
    saveError_ = tr("The settings were not saved: %1").arg(text);
    validate();
}

QString MailSettingsDialog::testResult() const
{
    return testResult_->text();
}

QString MailSettingsDialog::problem() const
{
    return problem_->text();
}

} // namespace mdm
