#include "dialogs/assign_dialog.h"

#include "store/directory.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mdm {

AssignDialog::AssignDialog(Mode mode, qint64 deviceCount, const Directory &directory, QWidget *parent)
    : QDialog(parent), mode_(mode), directory_(directory),
      existing_(new QRadioButton(tr("An &existing user:"), this)),
      newUser_(new QRadioButton(tr("A &new user:"), this)),
      groupOnly_(new QRadioButton(tr("Keep the user; change the group only"), this)),
      search_(new QLineEdit(this)), users_(new QListWidget(this)), newName_(new QLineEdit(this)),
      newEmail_(new QLineEdit(this)), group_(new QComboBox(this)), problem_(new QLabel(this))
{
    const int n = static_cast<int>(std::min<qint64>(deviceCount, INT_MAX));
    setWindowTitle(mode == Mode::Reassign ? tr("Re-Assign User") : tr("Assign / Re-Enroll Staged Devices"));
    auto *headline =
        new QLabel(mode == Mode::Reassign
                       ? tr("%Ln device(s) will change hands. The new user receives the access, settings "
                            "and configurations of their role.",
                            nullptr, n)
                       : tr("%Ln staged device(s) will be assigned.", nullptr, n),
                   this);
    headline->setWordWrap(true);

    search_->setPlaceholderText(tr("Search users by name or email…"));
    search_->setClearButtonEnabled(true);
    users_->setMinimumHeight(160);
    newName_->setPlaceholderText(tr("Name"));
    newEmail_->setPlaceholderText(tr("Email address"));
    group_->setEditable(true);
    group_->addItem(QString());
    group_->addItems(directory_.groupNames());
    group_->lineEdit()->setPlaceholderText(tr("Keep each device's group"));

    auto *who = new QGroupBox(tr("Assign to"), this);
    auto *whoLayout = new QVBoxLayout(who);
    whoLayout->addWidget(existing_);
    whoLayout->addWidget(search_);
    whoLayout->addWidget(users_);
    whoLayout->addWidget(newUser_);
    auto *newForm = new QFormLayout;
    newForm->addRow(tr("Name:"), newName_);
    newForm->addRow(tr("Email:"), newEmail_);
    whoLayout->addLayout(newForm);
    whoLayout->addWidget(groupOnly_);
    existing_->setChecked(true);

    auto *groupForm = new QFormLayout;
    groupForm->addRow(tr("&Group:"), group_);

    problem_->setStyleSheet(QStringLiteral("color: #b71c1c"));
    problem_->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    ok_ = buttons->addButton(mode == Mode::Reassign ? tr("Re-&Assign") : tr("&Assign"),
                             QDialogButtonBox::AcceptRole);
    ok_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addWidget(who);
    layout->addLayout(groupForm);
    if (mode == Mode::AssignStaged) {
        invite_ = new QCheckBox(tr("Send the user an enrollment invitation for each device"), this);
        layout->addWidget(invite_);
        connect(invite_, &QCheckBox::toggled, this, &AssignDialog::validate);
    }
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    debounce_.setSingleShot(true);
    debounce_.setInterval(200);
    connect(&debounce_, &QTimer::timeout, this, &AssignDialog::searchUsers);
    connect(search_, &QLineEdit::textChanged, this, [this] {
        existing_->setChecked(true);
        debounce_.start();
    });
    connect(newName_, &QLineEdit::textEdited, this, [this] { newUser_->setChecked(true); });
    connect(newEmail_, &QLineEdit::textEdited, this, [this] { newUser_->setChecked(true); });
    for (QObject *source : std::initializer_list<QObject *>{newName_, newEmail_})
        connect(static_cast<QLineEdit *>(source), &QLineEdit::textChanged, this, &AssignDialog::validate);
    connect(users_, &QListWidget::currentRowChanged, this, &AssignDialog::validate);
    connect(group_, &QComboBox::currentTextChanged, this, &AssignDialog::validate);
    for (QRadioButton *choice : {existing_, newUser_, groupOnly_})
        connect(choice, &QRadioButton::toggled, this, &AssignDialog::validate);
    searchUsers();
}

void AssignDialog::searchUsers()
{
    users_->clear();
    for (const UserInfo &user : directory_.searchUsers(search_->text())) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 <%2>").arg(user.name, user.email), users_);
        item->setData(Qt::UserRole, user.id);
    }
    validate();
}

AssignTarget AssignDialog::target() const
{
    AssignTarget t;
    if (existing_->isChecked() && users_->currentItem())
        t.userId = users_->currentItem()->data(Qt::UserRole).toLongLong();
    if (newUser_->isChecked()) {
        t.name = newName_->text().trimmed();
        t.email = newEmail_->text().trimmed();
    }
    t.group = group_->currentText().trimmed();
    t.sendInvitation = invite_ && invite_->isChecked();
    return t;
}

void AssignDialog::validate()
{
    QString problem;
    const AssignTarget t = target();
    if (existing_->isChecked() && t.userId <= 0)
        problem = tr("Choose a user from the list.");
    else if (newUser_->isChecked())
        problem = (newName_->text().isEmpty() && newEmail_->text().isEmpty())
                      ? tr("Enter the new user's name and email.")
                      : DeviceService::validate(t);
    else if (groupOnly_->isChecked() && t.group.isEmpty())
        problem = tr("Choose the group.");
    if (groupOnly_->isChecked() && t.sendInvitation)
        problem = tr("An invitation needs a user.");
    problem_->setText(problem);
    ok_->setEnabled(problem.isEmpty());
}

} // namespace mdm
