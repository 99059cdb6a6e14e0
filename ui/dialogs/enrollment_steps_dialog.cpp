#include "dialogs/enrollment_steps_dialog.h"

#include "dialogs/help_pages.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace mdm {

namespace {
QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::LongFormat)
                  : QString();
}
} // namespace

EnrollmentStepsDialog::EnrollmentStepsDialog(const InvitationInfo &invitation, qint64 nowMs,
                                             const QString &link, QWidget *parent)
    : QDialog(parent), details_(new QTextBrowser(this)), invitationId_(invitation.id)
{
    setWindowTitle(tr("Enrollment Steps — %1").arg(invitation.email));
    setAttribute(Qt::WA_DeleteOnClose);
    showInvitation(invitation, nowMs, link);

    auto *steps = new QTextBrowser(this);
    steps->setSearchPaths({QStringLiteral(":/help")});
    steps->setSource(
        helpPageUrl(QStringLiteral("enrollment-steps-%1.html").arg(platformKey(invitation.platform))));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(details_);
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
}

QString EnrollmentStepsDialog::detailsText() const
{
    return details_->toPlainText();
}

} // namespace mdm
