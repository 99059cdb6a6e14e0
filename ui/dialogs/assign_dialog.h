#pragma once

#include "services/device_service.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace mdm {

class Directory;

// Re-assign user (managed devices) and Assign / Re-enroll (staged devices): names the devices and their
// current users, then asks for an existing user or a new one, optionally a group; says what will
// happen (devices change hands, or only their group changes). Problems show once the admin has
// touched the form; a "new" user whose email is already known is named as that existing user.
class AssignDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Reassign,
        AssignStaged
    };

    // sample: the first devices of the selection (for their names and users); deviceCount: all of them.
    AssignDialog(Mode mode, const QList<DeviceInfo> &sample, qint64 deviceCount, const Directory &directory,
                 QWidget *parent = nullptr);

    AssignTarget target() const;
    QLineEdit *searchEdit() const { return search_; }
    QListWidget *userList() const { return users_; }
    QRadioButton *newUserChoice() const { return newUser_; }
    QRadioButton *groupOnlyChoice() const { return groupOnly_; }
    QLineEdit *newNameEdit() const { return newName_; }
    QLineEdit *newEmailEdit() const { return newEmail_; }
    QComboBox *groupBox() const { return group_; }
    QCheckBox *inviteBox() const { return invite_; }
    QPushButton *okButton() const { return ok_; }
    QString headlineText() const;
    QString effectText() const;
    QString problemText() const;
    QString noteText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void searchUsers();
    void fitHeight();
    void validate();
    void touch();

    Mode mode_;
    const Directory &directory_;
    QRadioButton *existing_;
    QRadioButton *newUser_;
    QRadioButton *groupOnly_;
    QLineEdit *search_;
    QListWidget *users_;
    QLineEdit *newName_;
    QLineEdit *newEmail_;
    QComboBox *group_;
    QCheckBox *invite_ = nullptr;
    QLabel *headline_;
    QLabel *effect_;
    QLabel *problem_;
    QLabel *note_;
    bool touched_ = false; // the admin has typed or chosen something
    bool filling_ = false; // the user list is being refilled: its row changes are not the admin's
    qint64 count_;
    QPushButton *ok_;
    QTimer debounce_;
};

} // namespace mdm
