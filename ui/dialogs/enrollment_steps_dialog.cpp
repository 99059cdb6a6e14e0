#include "dialogs/enrollment_steps_dialog.h"

#include "dialogs/help_pages.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "mail/link_qr_code.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace mdm {

namespace {
// The QR code fits under the details at this size (logical pixels), however long the link.
constexpr int kQrMaxSide = 240;
constexpr int kQrModulePixels = 4;

QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::LongFormat)
                  : QString();
}
} // namespace

EnrollmentStepsDialog::EnrollmentStepsDialog(const InvitationInfo &invitation, qint64 nowMs,
                                             const QString &link, QWidget *parent)
    : QDialog(parent), details_(new QTextBrowser(this)), qr_(new QLabel(this)), invitationId_(invitation.id)
{
    setWindowTitle(tr("Enrollment Steps — %1").arg(invitation.email));
    setAttribute(Qt::WA_DeleteOnClose);
    qr_->setObjectName(QStringLiteral("enrollmentQrCode"));
    qr_->setAlignment(Qt::AlignCenter);
    qr_->setAccessibleName(tr("QR code of the enrollment link"));
    showInvitation(invitation, nowMs, link);

    auto *steps = new QTextBrowser(this);
    steps->setSearchPaths({QStringLiteral(":/help")});
    steps->setSource(
        helpPageUrl(QStringLiteral("enrollment-steps-%1.html").arg(platformKey(invitation.platform))));

    // The QR code under the details: the user scans it with the device's camera instead of typing.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(details_, 1);
    leftLayout->addWidget(qr_);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(steps);
    splitter->setSizes({320, 480});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    resend_ = buttons->addButton(tr("&Resend Invite"), QDialogButtonBox::ActionRole);
    resend_->setEnabled(invitation.id != 0 && invitation.state == InvitationRecordState::Pending);
    connect(resend_, &QPushButton::clicked, this, [this, id = invitation.id] {
        emit resendRequested(id);
        close();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(900, 560);
}

void EnrollmentStepsDialog::showInvitation(const InvitationInfo &invitation, qint64 nowMs,
                                           const QString &link)
{
    if (invitation.id == 0 || invitation.state != InvitationRecordState::Pending) {
        // Removed or enrolled meanwhile (here or by another process): say so rather than show a stale record.
        const QString gone =
            invitation.state == InvitationRecordState::Accepted
                ? tr("This invitation has been used: the device is enrolled and no longer pending.")
                : tr("This enrollment request has been removed; its link no longer works.");
        details_->setHtml(QStringLiteral("<p style='color:#b71c1c'>%1</p>").arg(gone.toHtmlEscaped()) +
                          shownHtml_);
        showQrCode(QString()); // the link no longer works: nothing to scan
        if (resend_)
            resend_->setEnabled(false);
        return;
    }
    const InvitationDisplayStatus status = inviteStatus(invitation.delivery, invitation.expiresAt, nowMs);
    const QString linkText =
        link.isEmpty()
            ? tr("The link was emailed; only its fingerprint is kept here. Resend the invitation to "
                 "issue a new link.")
            : link;
    QString html =
        QStringLiteral("<h3>%1</h3><table cellpadding='2'>").arg(invitation.userName.toHtmlEscaped());
    const QList<QPair<QString, QString>> rows{
        {tr("Email"), invitation.email},
        {tr("Platform"), DomainText::platform(invitation.platform)},
        {tr("Ownership"), DomainText::ownership(invitation.ownership)},
        {tr("Group"), invitation.group},
        {tr("Status"), DomainText::inviteStatus(status)},
        {tr("Requested"), when(invitation.requestedAt)},
        {tr("Last sent"),
         InvitationText::lastSent(invitation.delivery, invitation.sentAt, QLocale::LongFormat)},
        {tr("Valid until"),
         InvitationText::expiresOn(invitation.delivery, invitation.expiresAt, QLocale::LongFormat)},
        {tr("Resent"), QLocale().toString(invitation.resendCount)},
        {tr("Remarks"), InvitationText::remark(invitation.remarks)},
        {tr("Enrollment link"), linkText},
    };
    for (const auto &[label, value] : rows)
        html += QStringLiteral("<tr><td style='color:gray'>%1</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    html += QStringLiteral("</table>");
    if (status == InvitationDisplayStatus::Expired)
        html +=
            QStringLiteral("<p style='color:#b71c1c'>%1</p>")
                .arg(tr("This invitation has expired: the link no longer works. Resend it to give the user a "
                        "new link valid for 7 days.")
                         .toHtmlEscaped());
    shownHtml_ = html;
    details_->setHtml(html);
    showQrCode(status == InvitationDisplayStatus::Expired ? QString() : link);
}

void EnrollmentStepsDialog::showQrCode(const QString &link)
{
    const QImage probe = linkQrImage(link, 1);
    if (probe.isNull()) {
        qr_->clear();
        qr_->setAccessibleDescription(QString());
        qr_->hide();
        return;
    }
    // Whole device pixels per module, no smoothing: a scaled QR code blurs and scanners fail on it.
    const int modulePixels = std::clamp(kQrMaxSide / probe.width(), 2, kQrModulePixels);
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(linkQrImage(link, qRound(modulePixels * ratio)));
    pixmap.setDevicePixelRatio(ratio);
    qr_->setPixmap(pixmap);
    qr_->setAccessibleDescription(link);
    qr_->setToolTip(tr("Scan with the device's camera to open the enrollment link."));
    qr_->show();
}

QImage EnrollmentStepsDialog::qrImage() const
{
    return qr_->isHidden() ? QImage() : qr_->pixmap().toImage();
}

QString EnrollmentStepsDialog::detailsText() const
{
    return details_->toPlainText();
}

} // namespace mdm
