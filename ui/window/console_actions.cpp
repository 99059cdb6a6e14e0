#include "window/console_actions.h"

#include "domain/domain.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QLocale>
#include <QWidget>

namespace mdm {

namespace {
// A menu text as a tooltip: without its mnemonic "&" and the "…" that promises a dialog.
QString plainText(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}
} // namespace

ConsoleActions::ConsoleActions(QWidget *window) : QObject(window)
{
    sendInvite = make(tr("&Send Enrollment Invite…"), "send-invite");
    sendInvite->setShortcut(QKeySequence::New);
    importInvites = make(tr("Send Invites from &CSV…"), "import");
    importStaged = make(tr("&Import Staged Devices…"), "import");
    importStaged->setShortcut(QKeySequence(tr("Ctrl+I")));
    exportList = make(tr("&Export…"), "export");
    exportList->setShortcut(QKeySequence(tr("Ctrl+E")));
    mailSettings = make(tr("&Mail Server Settings…"));
    gateway = make(tr("Enrollment &Gateway…"));
    openDemo = make(tr("Open the &Demo Store"));
    quit = make(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    find = make(tr("&Find"), "search");
    find->setShortcut(QKeySequence::Find);
    selectAll = make(tr("Select &All"));
    selectAll->setShortcut(QKeySequence::SelectAll);
    clearFilters = make(tr("C&lear Search and Filters"), "clear-filter");
    clearFilters->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    copy = make(tr("&Copy"));
    copy->setShortcut(QKeySequence::Copy);

    details = make(tr("&Details"), "details");
    details->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    details->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    toggleDetailsPane = make(tr("Details &Pane"));
    toggleDetailsPane->setCheckable(true);
    toggleDetailsPane->setShortcut(QKeySequence(tr("F9")));
    auditLog = make(tr("&Audit Log"), "audit-log");
    auditLog->setShortcut(QKeySequence(tr("Ctrl+L")));
    refresh = make(tr("&Reload"), "refresh");
    refresh->setShortcut(QKeySequence::Refresh);

    additionalDevice = make(tr("Enroll &Additional Device…"), "additional-device");
    reassign = make(tr("Re-&Assign User…"), "reassign");
    deprovision = make(tr("&Deprovision…"), "deprovision");

    resend = make(tr("&Resend Enrollment Invite"), "resend");
    resend->setShortcut(QKeySequence(tr("Ctrl+R")));
    resendExpired = make(tr("Resend All &Expired Invites…"), "resend");
    removeRequest = make(tr("Re&move Request…"), "remove-request");
    removeRequest->setShortcut(QKeySequence::Delete);
    enrollmentSteps = make(tr("Enrollment &Steps…"), "enrollment-steps");

    removeStaged = make(tr("Re&move Staged Device…"), "staged-remove");
    removeStaged->setShortcut(QKeySequence::Delete);
    assignStaged = make(tr("Assign / Re-&Enroll…"), "assign");

    helpContents = make(tr("&Help Contents"), "help");
    helpContents->setShortcut(QKeySequence::HelpContents);
    troubleshooting = make(tr("&Troubleshooting"));
    howTo = make(tr("&How-To"));
    faq = make(tr("&FAQ"));
    for (int p = 0; p < kPlatformCount; ++p) {
        QAction *page = make(DomainText::platform(static_cast<Platform>(p)));
        page->setIcon(QIcon(platformIconPath(static_cast<Platform>(p))));
        page->setData(p);
        enrollmentStepsPages << page;
    }
    about = make(tr("&About MDM Enrollment Console"));
    about->setMenuRole(QAction::AboutRole);

    // The toolbar shows these short words, whatever the count: "Re-Assign 200,000 Devices…" would push
    // the last buttons into the overflow menu. The count stays in the menus and the tooltips.
    sendInvite->setIconText(tr("Invite"));
    resend->setIconText(tr("Resend"));
    removeRequest->setIconText(tr("Remove"));
    reassign->setIconText(tr("Re-Assign"));
    deprovision->setIconText(tr("Deprovision"));
    exportList->setIconText(tr("Export"));
    importStaged->setIconText(tr("Import"));
}

QList<QAction *> ConsoleActions::toolBarActions() const
{
    return {sendInvite, resend, removeRequest, reassign, deprovision, nullptr, exportList, importStaged};
}

QAction *ConsoleActions::make(const QString &text, const char *icon)
{
    auto *action = new QAction(text, parent());
    if (icon)
        action->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))));
    // Shortcuts work from anywhere in the window, not only where the action sits in a menu.
    static_cast<QWidget *>(parent())->addAction(action);
    return action;
}

QList<QAction *> ConsoleActions::tabActions(TabKind tab) const
{
    switch (tab) {
    case TabKind::Managed:
        return {additionalDevice, reassign, deprovision};
    case TabKind::Staged:
        return {assignStaged, removeStaged, importStaged};
    case TabKind::Pending:
        return {resend, resendExpired, removeRequest, enrollmentSteps, additionalDevice};
    }
    return {};
}

QList<QAction *> ConsoleActions::contextActions(TabKind tab) const
{
    QList<QAction *> out{details, nullptr};
    switch (tab) {
    case TabKind::Managed:
        out << additionalDevice << reassign << nullptr << deprovision;
        break;
    case TabKind::Staged:
        out << assignStaged << nullptr << removeStaged;
        break;
    case TabKind::Pending:
        out << resend << enrollmentSteps << additionalDevice << nullptr << removeRequest;
        break;
    }
    out << nullptr << copy << exportList;
    return out;
}

QList<QAction *> ConsoleActions::jobActions() const
{
    return {sendInvite,  importInvites, importStaged,  exportList,    additionalDevice, reassign,
            deprovision, resend,        resendExpired, removeRequest, removeStaged,     assignStaged};
}

QList<QAction *> ConsoleActions::writeActions() const
{
    // Export stays: a viewer may take a list away (its audit entry is the one write a viewer may make).
    return {sendInvite,       importInvites, importStaged, mailSettings, gateway,
            additionalDevice, reassign,      deprovision,  resend,       resendExpired,
            removeRequest,    removeStaged,  assignStaged};
}

QString ConsoleActions::readOnlyReason()
{
    return tr("Your database role may only read this store (viewer): ask an admin.");
}

void ConsoleActions::setReadOnly(bool readOnly)
{
    readOnly_ = readOnly;
    for (QAction *action : writeActions())
        action->setStatusTip(readOnly ? readOnlyReason() : QString());
}

void ConsoleActions::update(TabKind tab, qint64 selected, qint64 shown, bool busy)
{
    // While an action runs, no other may start: its own job would wait behind it on the runner.
    const bool idle = !busy;
    const bool managed = tab == TabKind::Managed;
    const bool staged = tab == TabKind::Staged;
    const bool pending = tab == TabKind::Pending;
    const bool one = selected == 1;
    const bool some = selected >= 1;
    const int n = static_cast<int>(std::min<qint64>(selected, INT_MAX));

    details->setEnabled(one);
    copy->setEnabled(some);
    selectAll->setEnabled(shown > 0);
    exportList->setText(some && selected > 1 ? tr("&Export %Ln Selected…", nullptr, n) : tr("&Export…"));
    sendInvite->setEnabled(idle);
    importInvites->setEnabled(idle);
    importStaged->setEnabled(idle);
    exportList->setEnabled(idle);

    additionalDevice->setEnabled(idle && (managed || pending) && one);
    reassign->setEnabled(idle && managed && some);
    reassign->setText(managed && selected > 1 ? tr("Re-&Assign %Ln Devices…", nullptr, n)
                                              : tr("Re-&Assign User…"));
    deprovision->setEnabled(idle && managed && some);
    deprovision->setText(managed && selected > 1 ? tr("&Deprovision %Ln Devices…", nullptr, n)
                                                 : tr("&Deprovision…"));

    resend->setEnabled(idle && pending && some);
    resend->setText(pending && selected > 1 ? tr("&Resend %Ln Invitations…", nullptr, n)
                                            : tr("&Resend Enrollment Invite"));
    // It acts on every expired invitation, not on the selection: at hand from any tab.
    resendExpired->setEnabled(idle);
    removeRequest->setEnabled(idle && pending && some);
    removeRequest->setText(pending && selected > 1 ? tr("Re&move %Ln Requests…", nullptr, n)
                                                   : tr("Re&move Request…"));
    enrollmentSteps->setEnabled(pending && one);

    removeStaged->setEnabled(idle && staged && some);
    removeStaged->setText(staged && selected > 1 ? tr("Re&move %Ln Staged Devices…", nullptr, n)
                                                 : tr("Re&move Staged Device…"));
    assignStaged->setEnabled(idle && staged && some);
    assignStaged->setText(staged && selected > 1 ? tr("Assign / Re-&Enroll %Ln Devices…", nullptr, n)
                                                 : tr("Assign / Re-&Enroll…"));

    for (QAction *action : toolBarActions())
        if (action)
            action->setToolTip(plainText(action->text()));
    // Last, over every rule above: a viewer's write actions stay off, and say why where they are.
    if (readOnly_) {
        for (QAction *action : writeActions()) {
            action->setEnabled(false);
            action->setToolTip(readOnlyReason());
        }
    }
}

} // namespace mdm
