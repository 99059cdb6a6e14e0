#pragma once

#include "services/enrollment_service.h"

#include <QDialog>

class QTextBrowser;

namespace mdm {

// For troubleshooting with a user on the phone: the invitation's details (link, expiry) beside the
// platform's enrollment steps.
class EnrollmentStepsDialog : public QDialog
{
    Q_OBJECT

public:
    EnrollmentStepsDialog(const InvitationInfo &invitation, qint64 nowMs, const QString &linkBase,
                          QWidget *parent = nullptr);
    QString detailsText() const;

signals:
    void resendRequested(qint64 invitationId);

private:
    QTextBrowser *details_;
};

} // namespace mdm
