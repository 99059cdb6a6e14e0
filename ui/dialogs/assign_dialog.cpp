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
#include <QShowEvent>
#include <QVBoxLayout>

namespace mdm {

namespace {

// "Aiko Tanaka <aiko@…>", the email alone, or that nobody uses the device.
QString ownerText(const DeviceInfo &device)
{
    if (device.userName.isEmpty() && device.email.isEmpty())
        return AssignDialog::tr("no user");
    if (device.userName.isEmpty() || device.email.isEmpty())
        return device.userName.isEmpty() ? device.email : device.userName;
    return QStringLiteral("%1 <%2>").arg(device.userName, device.email);
}

} // namespace

AssignDialog::AssignDialog(Mode mode, const QList<DeviceInfo> &sample, qint64 deviceCount,
                           const Directory &directory, QWidget *parent)
    : QDialog(parent), mode_(mode), directory_(directory),
      existing_(new QRadioButton(tr("An &existing user:"), this)),
      newUser_(new QRadioButton(tr("A &new user:"), this)),
      groupOnly_(new QRadioButton(tr("Keep the user; change the group only"), this)),
      search_(new QLineEdit(this)), users_(new QListWidget(this)), newName_(new QLineEdit(this)),
      newEmail_(new QLineEdit(this)), group_(new QComboBox(this)), headline_(new QLabel(this)),
      effect_(new QLabel(this)), problem_(new QLabel(this)), note_(new QLabel(this)), count_(deviceCount)
{
    const int n = static_cast<int>(std::min<qint64>(deviceCount, INT_MAX));
    setWindowTitle(mode == Mode::Reassign ? tr("Re-Assign User") : tr("Assign / Re-Enroll Staged Devices"));

    // Which devices, and whose they are now: the admin sees what they are about to move.
    const bool one = deviceCount == 1 && !sample.isEmpty();
    if (one)
        headline_->setText(
            tr("<b>%1</b> — now used by %2")
                .arg(sample.first().name.toHtmlEscaped(), ownerText(sample.first()).toHtmlEscaped()));
    else
        headline_->setText(mode == Mode::Reassign
                               ? tr("<b>%Ln device(s)</b>, now used by:", nullptr, n)
                               : tr("<b>%Ln staged device(s)</b>, now assigned to:", nullptr, n));
    headline_->setWordWrap(true);
    auto *devices = new QListWidget(this);
    for (const DeviceInfo &device : sample)
        devices->addItem(QStringLiteral("%1 — %2").arg(device.name, ownerText(device)));
    if (deviceCount > sample.size())
        devices->addItem(tr("… and %1 more").arg(QLocale().toString(deviceCount - sample.size())));
    // As tall as its few lines, up to five or so.
    devices->setMaximumHeight(
        std::min(100, devices->sizeHintForRow(0) * devices->count() + 2 * devices->frameWidth() + 4));
    devices->setVisible(!one);
    effect_->setWordWrap(true);

    search_->setPlaceholderText(tr("Search users by name or email…"));
    search_->setClearButtonEnabled(true);
    users_->setMinimumHeight(160);
    newName_->setPlaceholderText(tr("Name"));
    newEmail_->setPlaceholderText(tr("Email address"));
    group_->setEditable(true);
    // A named first entry rather than a blank one: what leaving the group alone means is spelled out.
    group_->addItem(tr("Keep each device's group"));
    group_->addItems(directory_.groupNames());
    group_->setInsertPolicy(QComboBox::NoInsert);

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
    note_->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    ok_ = buttons->addButton(mode == Mode::Reassign ? tr("Re-&Assign") : tr("&Assign"),
                             QDialogButtonBox::AcceptRole);
    ok_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline_);
    layout->addWidget(devices);
    layout->addWidget(effect_);
    layout->addWidget(who);
    layout->addLayout(groupForm);
    if (mode == Mode::AssignStaged) {
        invite_ = new QCheckBox(tr("Send the user an enrollment invitation for each device"), this);
        layout->addWidget(invite_);
        connect(invite_, &QCheckBox::clicked, this, &AssignDialog::touch);
    }
    layout->addWidget(note_);
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
    // What the admin does marks the form touched; refills and programmatic changes only re-check it.
    for (QLineEdit *edit : {search_, newName_, newEmail_, group_->lineEdit()})
        connect(edit, &QLineEdit::textEdited, this, &AssignDialog::touch);
    for (QLineEdit *edit : {newName_, newEmail_})
        connect(edit, &QLineEdit::textChanged, this, &AssignDialog::validate);
    connect(users_, &QListWidget::currentRowChanged, this, [this] { filling_ ? validate() : touch(); });
    connect(group_, &QComboBox::activated, this, &AssignDialog::touch);
    connect(group_, &QComboBox::currentTextChanged, this, &AssignDialog::validate);
    for (QRadioButton *choice : {existing_, newUser_, groupOnly_}) {
        connect(choice, &QRadioButton::clicked, this, &AssignDialog::touch);
        connect(choice, &QRadioButton::toggled, this, &AssignDialog::validate);
    }
    searchUsers();
}

QString AssignDialog::headlineText() const
{
    return headline_->text();
}

QString AssignDialog::effectText() const
{
    return effect_->text();
}

QString AssignDialog::problemText() const
{
    return problem_->text();
}

QString AssignDialog::noteText() const
{
    return note_->text();
}

void AssignDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitHeight();
}

// Wrapped labels (the headline, what will happen, the note and the problem) need more height the
// more they say; a window does not grow for them by itself, and would squeeze its lists instead.
void AssignDialog::fitHeight()
{
    if (!isVisible())
        return;
    layout()->activate();
    const int needed = std::max(minimumSizeHint().height(), heightForWidth(width()));
    if (height() < needed)
        resize(width(), needed);
}

void AssignDialog::searchUsers()
{
    filling_ = true;
    users_->clear();
    for (const UserInfo &user : directory_.searchUsers(search_->text())) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 <%2>").arg(user.name, user.email), users_);
        item->setData(Qt::UserRole, user.id);
    }
    filling_ = false;
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
    // The first entry stands for "no change"; anything else is a group name (new ones are created).
    const QString group = group_->currentText().trimmed();
    t.group = group == group_->itemText(0) ? QString() : group;
    t.sendInvitation = invite_ && invite_->isChecked();
    return t;
}

void AssignDialog::touch()
{
    touched_ = true;
    validate();
}

void AssignDialog::validate()
{
    const int n = static_cast<int>(std::min<qint64>(count_, INT_MAX));
    const AssignTarget t = target();
    // Devices change hands only when the user changes; a group-only change says just that.
    if (mode_ == Mode::AssignStaged)
        effect_->setText(tr("%Ln staged device(s) will be assigned.", nullptr, n));
    else if (groupOnly_->isChecked())
        effect_->setText(n == 1
                             ? tr("The device keeps its user; only its group changes.")
                             : tr("The %Ln devices keep their users; only their group changes.", nullptr, n));
    else
        effect_->setText(tr("%Ln device(s) will change hands. The new user receives the access, settings "
                            "and configurations of their role.",
                            nullptr, n));

    QString problem;
    QString note;
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

    // A "new" user whose email is already known is that user: say so rather than drop the typed name.
    if (newUser_->isChecked() && problem.isEmpty()) {
        const UserInfo known = directory_.userByEmail(t.email);
        if (known.id > 0)
            note = known.name.compare(t.name, Qt::CaseInsensitive) == 0
                       ? tr("%1 is an existing user; the devices go to them.").arg(known.email)
                       : tr("%1 is already the email of %2. The devices go to %2; the name “%3” is not "
                            "used.")
                             .arg(known.email, known.name, t.name);
    }
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
    // No red text before the admin has done anything: the disabled button says enough then.
    problem_->setText(touched_ ? problem : QString());
    problem_->setVisible(!problem_->text().isEmpty());
    ok_->setEnabled(problem.isEmpty());
    fitHeight();
}

} // namespace mdm
