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
    // link: the enrollment link while the console still knows its token, else empty.
    EnrollmentStepsDialog(const InvitationInfo &invitation, qint64 nowMs, const QString &link,
                          QWidget *parent = nullptr);
    QString detailsText() const;

signals:
    void resendRequested(qint64 invitationId);

private:
    QTextBrowser *details_;
};

} // namespace mdm
