#pragma once

#include "services/enrollment_service.h"

#include <QDialog>
#include <functional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace mdm {

// Send enrollment invite / Enroll additional device: who, which platform, whose device, which group.
class InviteDialog : public QDialog
{
    Q_OBJECT

public:
    InviteDialog(const QStringList &groups, QWidget *parent = nullptr);

    // For "Enroll additional device": the same user, another device.
    void prefill(const InviteRequest &request);
    InviteRequest request() const;
    // Asked when the admin sends, before the dialog closes: false keeps the form open as it is (for
    // a warning the admin declines, such as a duplicate invitation).
    using SendCheck = std::function<bool(const InviteRequest &)>;
    void setSendCheck(SendCheck check) { check_ = std::move(check); }

    QLineEdit *nameEdit() const { return name_; }
    QLineEdit *emailEdit() const { return email_; }
    QComboBox *platformBox() const { return platform_; }
    QComboBox *groupBox() const { return group_; }
    QPushButton *sendButton() const { return send_; }
    QString problem() const;

private:
    void validate();

    QLineEdit *name_;
    QLineEdit *email_;
    QComboBox *platform_;
    QRadioButton *corporate_;
    QRadioButton *personal_;
    QComboBox *group_;
    QLabel *problem_;
    QPushButton *send_;
    SendCheck check_;
};

} // namespace mdm
