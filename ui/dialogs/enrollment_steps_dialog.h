#pragma once

#include "services/enrollment_service.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace mdm {

// For troubleshooting with a user on the phone: the invitation's details (link and its QR code, expiry)
// beside the platform's enrollment steps.
class EnrollmentStepsDialog : public QDialog
{
    Q_OBJECT

public:
    // link: the enrollment link while the console still knows its token, else empty.
    EnrollmentStepsDialog(const InvitationInfo &invitation, qint64 nowMs, const QString &link,
                          QWidget *parent = nullptr);
    QString detailsText() const;
    // The QR code of the link as shown (null when no link is shown).
    QImage qrImage() const;
    qint64 invitationId() const { return invitationId_; }
    // The invitation as it is now: the dialog follows changes made by this window or another process.
    void showInvitation(const InvitationInfo &invitation, qint64 nowMs, const QString &link);

signals:
    void resendRequested(qint64 invitationId);

private:
    void showQrCode(const QString &link);

    QTextBrowser *details_;
    QLabel *qr_;
    qint64 invitationId_;
    QString shownHtml_; // the record as last shown, kept under a note once it is gone
    QPushButton *resend_ = nullptr;
};

} // namespace mdm
