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

// Re-assign user (managed devices) and Assign / Re-enroll (staged devices): pick an existing user or
// enter a new one, optionally a group; says how many devices change hands.
class AssignDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Reassign,
        AssignStaged
    };

    AssignDialog(Mode mode, qint64 deviceCount, const Directory &directory, QWidget *parent = nullptr);

    AssignTarget target() const;
    QLineEdit *searchEdit() const { return search_; }
    QListWidget *userList() const { return users_; }
    QRadioButton *newUserChoice() const { return newUser_; }
    QLineEdit *newNameEdit() const { return newName_; }
    QLineEdit *newEmailEdit() const { return newEmail_; }
    QComboBox *groupBox() const { return group_; }
    QCheckBox *inviteBox() const { return invite_; }
    QPushButton *okButton() const { return ok_; }

private:
    void searchUsers();
    void validate();

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
    QLabel *problem_;
    QPushButton *ok_;
    QTimer debounce_;
};

} // namespace mdm
