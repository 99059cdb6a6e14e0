#pragma once

#include "index/tab_spec.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace mdm {

// Every action of the console in one place, shared by the menus, the toolbar and the context menus.
// update() is the one function that decides what is enabled and how it is labelled, from the current
// tab, the number of selected records and whether an action runs (KeePassXC's updateMenuActionState,
// in spirit).
class ConsoleActions : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleActions(QWidget *window);

    // File
    QAction *sendInvite;
    QAction *importInvites;
    QAction *importStaged;
    QAction *exportList;
    QAction *mailSettings;
    QAction *gateway;
    QAction *openDemo;
    QAction *quit;
    // Edit
    QAction *find;
    QAction *selectAll;
    QAction *clearFilters;
    QAction *copy;
    // View
    QAction *details;
    QAction *toggleDetailsPane;
    QAction *auditLog;
    QAction *refresh;
    // Actions: Managed
    QAction *additionalDevice;
    QAction *reassign;
    QAction *deprovision;
    // Actions: Enrollment Pending
    QAction *resend;
    QAction *resendExpired;
    QAction *removeRequest;
    QAction *enrollmentSteps;
    // Actions: Staged
    QAction *removeStaged;
    QAction *assignStaged;
    // Help
    QAction *helpContents;
    QAction *troubleshooting;
    QAction *howTo;
    QAction *faq;
    QList<QAction *> enrollmentStepsPages; // one per platform
    QAction *about;

    // The actions a tab's row context menu offers, in order (nullptr: a separator).
    QList<QAction *> contextActions(TabKind tab) const;
    // The actions that act on the current tab's selection (for the Actions menu).
    QList<QAction *> tabActions(TabKind tab) const;

    // The actions that start a job on the action runner (or open the dialog that does): while one
    // runs they are disabled, so a click is never dropped.
    QList<QAction *> jobActions() const;

    // The toolbar's actions, in order (nullptr: a separator); they show their short iconText there.
    QList<QAction *> toolBarActions() const;

    // The actions that change the store (each writes to it, or opens the dialog that does).
    QList<QAction *> writeActions() const;
    // A viewer's console (Store::Access::Viewer): update() keeps every write action disabled, with a
    // tooltip and status tip that say why. The server refuses a viewer's writes anyway; this says so first.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return readOnly_; }
    static QString readOnlyReason();

    void update(TabKind tab, qint64 selected, qint64 shown, bool busy);

private:
    bool readOnly_ = false;
    QAction *make(const QString &text, const char *icon = nullptr);
};

} // namespace mdm
