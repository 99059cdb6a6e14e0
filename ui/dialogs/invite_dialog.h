#pragma once

#include "services/enrollment_service.h"

#include <QDialog>

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

    QLineEdit *nameEdit() const { return name_; }
    QLineEdit *emailEdit() const { return email_; }
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
};

} // namespace mdm
