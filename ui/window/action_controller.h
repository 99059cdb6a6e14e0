#pragma once

#include "dialogs/audit_log_window.h"
#include "dialogs/result_sheet.h"
#include "services/bulk_result.h"
#include "services/record_status.h"
#include "store/store.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QDialog;
class QWidget;

namespace mdm {

class ActionRunner;
class Clock;
class ConsoleActions;
class DeviceTabView;
class Directory;

// What each admin action does: it takes the selected record IDs from the current tab, asks what it
// needs in a dialog (opened with open()), runs the service off the UI thread, tells the tabs what
// changed and shows the outcome. MainWindow only connects it.
class ActionController : public QObject
{
    Q_OBJECT

public:
    ActionController(Store &store, const Clock &clock, ConsoleActions &actions,
                     std::function<DeviceTabView *()> currentTab, QWidget *window);
    ~ActionController() override;

    ActionRunner &runner() const { return *runner_; }
    QDialog *lastDialog() const { return lastDialog_; }
    ResultSheet *lastResultSheet() const { return lastSheet_; }
    AuditLogWindow *auditLogWindow() const { return auditLog_; }
    QString lastMessage() const { return lastMessage_; }

    // selected: the invitations' statuses when the admin chose them (none: not compared).
    void resendInvitations(const QList<qint64> &ids, const RecordStatuses &selected = {});
    // The preview of a bulk-enrollment CSV, with the file at path read (none: the admin chooses one).
    void sendInvitesFromCsv(const QString &path);

signals:
    void message(const QString &text);
    void actionFinished(const mdm::BulkResult &result);
    // Show this record selected and in view (a new invitation after it was sent).
    void revealRequested(mdm::RecordKind kind, qint64 id);

private:
    void sendInvite();
    void additionalDevice();
    void reassign(bool staged);
    void deprovision();
    void resend();
    void resendExpired();
    void removeRequest();
    void removeStaged();
    void enrollmentSteps();
    void showAuditLog();
    void exportList();
    void importStaged();
    void importInvites();
    void openInviteDialog(const struct InviteRequest *prefill);
    void sendInvites(const QList<struct InviteRequest> &requests, const QString &sourceName = {});
    // A job is rerun on the records that failed when the admin asks the result sheet to retry.
    using Job = std::function<BulkResult(Store &, const ActionControl &, const QList<qint64> &ids)>;
    // selected: the records' statuses when the admin chose them; a record skipped or failed that has changed
    // since (another process acted on it while the dialog was open) is named as changed in the result.
    void runAction(const QString &title, RecordKind kind, const QList<qint64> &ids, qint64 total, Job job,
                   const RecordStatuses &selected = {});
    RecordStatuses statusesOf(RecordKind kind, const QList<qint64> &ids) const;
    // True when no action runs; otherwise the admin is told which one and false is returned.
    bool idle(const QString &title) const;
    QList<qint64> selectedIds() const;
    // What the confirmations list: the first records' labels.
    QStringList labels(RecordKind kind, const QList<qint64> &ids) const;
    template <class Dialog> Dialog *track(Dialog *dialog);

    Store &store_;
    const Clock &clock_;
    ConsoleActions &actions_;
    std::function<DeviceTabView *()> currentTab_;
    QWidget *window_;
    std::unique_ptr<Directory> directory_;
    ActionRunner *runner_;
    QPointer<QDialog> lastDialog_;
    QPointer<ResultSheet> lastSheet_;
    QPointer<AuditLogWindow> auditLog_;
    QString lastMessage_;
};

} // namespace mdm
