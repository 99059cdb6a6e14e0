#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace mdm {

// Asks for a PostgreSQL store's password when the server wants one that neither libpq's sources
// (~/.pgpass, PGPASSWORD) nor the keychain had, or refused the one given. "Remember in the keychain"
// lets the app keep it there once the server took it. The dialog only asks: the app reads and writes the
// keychain and opens the store.
class StorePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    // entry: who logs in where ("postgresql://user@host:port/database"); problem: why the last try failed.
    StorePasswordDialog(const QString &entry, const QString &problem, QWidget *parent = nullptr);

    QString password() const;
    bool remember() const;
    QLineEdit *passwordEdit() const { return password_; }
    QCheckBox *rememberBox() const { return remember_; }
    QDialogButtonBox *buttons() const { return buttons_; }

private:
    QLineEdit *password_;
    QCheckBox *remember_;
    QDialogButtonBox *buttons_;
};

} // namespace mdm
