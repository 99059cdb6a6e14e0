#include "dialogs/invite_dialog.h"

#include "domain/domain.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mdm {

InviteDialog::InviteDialog(const QStringList &groups, QWidget *parent)
    : QDialog(parent), name_(new QLineEdit(this)), email_(new QLineEdit(this)),
      platform_(new QComboBox(this)), corporate_(new QRadioButton(tr("Corporate-owned"), this)),
      personal_(new QRadioButton(tr("Personal (BYOD)"), this)), group_(new QComboBox(this)),
      problem_(new QLabel(this))
{
    setWindowTitle(tr("Send Enrollment Invite"));
    name_->setPlaceholderText(tr("e.g. Ana Silva"));
    email_->setPlaceholderText(tr("e.g. ana.silva@example.com"));
    for (int p = 0; p < kPlatformCount; ++p)
        platform_->addItem(QIcon(platformIconPath(static_cast<Platform>(p))),
                           DomainText::platform(static_cast<Platform>(p)), p);
    corporate_->setChecked(true);
    group_->setEditable(true);
    // A named first entry rather than a blank one; typing a new name creates that group.
    group_->addItem(tr("No group"));
    group_->addItems(groups);
    group_->setInsertPolicy(QComboBox::NoInsert);

    auto *ownership = new QHBoxLayout;
    ownership->addWidget(corporate_);
    ownership->addWidget(personal_);
    ownership->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("User &name:"), name_);
    form->addRow(tr("&Email:"), email_);
    form->addRow(tr("&Platform:"), platform_);
    form->addRow(tr("Ownership:"), ownership);
    form->addRow(tr("&Group:"), group_);

    auto *note =
        new QLabel(tr("The user receives an email with a link to enroll the device. The link is valid "
                      "for 7 days; you can resend it from the Enrollment Pending tab."),
                   this);
    note->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c"));
    problem_->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    send_ = buttons->addButton(tr("&Send Invite"), QDialogButtonBox::AcceptRole);
    send_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!check_ || check_(request()))
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(name_, &QLineEdit::textChanged, this, &InviteDialog::validate);
    connect(email_, &QLineEdit::textChanged, this, &InviteDialog::validate);
    validate();
}

void InviteDialog::prefill(const InviteRequest &request)
{
    setWindowTitle(tr("Enroll Additional Device"));
    name_->setText(request.name);
    email_->setText(request.email);
    platform_->setCurrentIndex(platform_->findData(static_cast<int>(request.platform)));
    (request.ownership == Ownership::Personal ? personal_ : corporate_)->setChecked(true);
    group_->setCurrentText(request.group.isEmpty() ? group_->itemText(0) : request.group);
    platform_->setFocus();
}

InviteRequest InviteDialog::request() const
{
    InviteRequest r;
    r.name = name_->text().trimmed();
    r.email = email_->text().trimmed();
    r.platform = static_cast<Platform>(platform_->currentData().toInt());
    r.ownership = personal_->isChecked() ? Ownership::Personal : Ownership::Corporate;
    // The first entry stands for no group.
    const QString group = group_->currentText().trimmed();
    r.group = group == group_->itemText(0) ? QString() : group;
    return r;
}

QString InviteDialog::problem() const
{
    return problem_->text();
}

void InviteDialog::validate()
{
    // Say what is wrong only once the admin has typed something there.
    const QString problem = EnrollmentService::validate(request());
    const bool typed = !name_->text().isEmpty() || !email_->text().isEmpty();
    problem_->setText(typed ? problem : QString());
    send_->setEnabled(problem.isEmpty());
}

} // namespace mdm
