#include "dialogs/store_password_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdm {

StorePasswordDialog::StorePasswordDialog(const QString &entry, const QString &problem, QWidget *parent)
    : QDialog(parent), password_(new QLineEdit(this)),
      remember_(new QCheckBox(tr("Remember in the keychain"), this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Store password"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The PostgreSQL server asks for the password of %1.").arg(entry), this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    auto *why = new QLabel(problem, this);
    why->setWordWrap(true);
    why->setTextFormat(Qt::PlainText);
    why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    why->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(why);

    auto *form = new QFormLayout;
    password_->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), password_);
    layout->addLayout(form);
    remember_->setToolTip(tr("Keep the password in the system's keychain, so that the console and its "
                             "commands find it next time. It is never written to the store."));
    layout->addWidget(remember_);
    layout->addWidget(buttons_);

    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Open"));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(password_, &QLineEdit::textChanged, this, [this](const QString &text) {
        buttons_->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
    });
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(440);
}

QString StorePasswordDialog::password() const
{
    return password_->text();
}

bool StorePasswordDialog::remember() const
{
    return remember_->isChecked();
}

} // namespace mdm
