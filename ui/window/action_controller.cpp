#include "window/action_controller.h"

#include "csv/csv_export.h"
#include "csv/invite_csv.h"
#include "dialogs/assign_dialog.h"
#include "dialogs/audit_log_window.h"
#include "dialogs/deprovision_dialog.h"
#include "dialogs/enrollment_steps_dialog.h"
#include "dialogs/export_dialog.h"
#include "dialogs/import_dialog.h"
#include "dialogs/invite_csv_dialog.h"
#include "dialogs/invite_dialog.h"
#include "dialogs/result_sheet.h"
#include "domain/clock.h"
#include "index/record_table_model.h"
#include "mail/mail_settings.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "services/record_labels.h"
#include "services/record_status.h"
#include "store/directory.h"
#include "tabs/device_tab_view.h"
#include "window/action_runner.h"
#include "window/console_actions.h"
#include "window/layout_settings.h"
#include "window/message_box.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>
#include <QTableView>

namespace mdm {

namespace {
constexpr int kListedRecords = 50;

QList<qint64> toList(const std::vector<qint64> &ids)
{
    return QList<qint64>(ids.begin(), ids.end());
}
} // namespace

ActionController::ActionController(Store &store, const Clock &clock, ConsoleActions &actions,
                                   std::function<DeviceTabView *()> currentTab, QWidget *window)
    : QObject(window), store_(store), clock_(clock), actions_(actions), currentTab_(std::move(currentTab)),
      window_(window), directory_(std::make_unique<Directory>(store)),
      runner_(new ActionRunner(store, window))
{
    connect(actions_.sendInvite, &QAction::triggered, this, &ActionController::sendInvite);
    connect(actions_.additionalDevice, &QAction::triggered, this, &ActionController::additionalDevice);
    connect(actions_.reassign, &QAction::triggered, this, [this] { reassign(false); });
    connect(actions_.assignStaged, &QAction::triggered, this, [this] { reassign(true); });
    connect(actions_.deprovision, &QAction::triggered, this, &ActionController::deprovision);
    connect(actions_.resend, &QAction::triggered, this, &ActionController::resend);
    connect(actions_.resendExpired, &QAction::triggered, this, &ActionController::resendExpired);
    connect(actions_.removeRequest, &QAction::triggered, this, &ActionController::removeRequest);
    connect(actions_.removeStaged, &QAction::triggered, this, &ActionController::removeStaged);
    connect(actions_.enrollmentSteps, &QAction::triggered, this, &ActionController::enrollmentSteps);
    connect(actions_.auditLog, &QAction::triggered, this, &ActionController::showAuditLog);
    connect(actions_.exportList, &QAction::triggered, this, &ActionController::exportList);
    connect(actions_.importStaged, &QAction::triggered, this, &ActionController::importStaged);
    connect(actions_.importInvites, &QAction::triggered, this, &ActionController::importInvites);
}

ActionController::~ActionController() = default;

template <class Dialog> Dialog *ActionController::track(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    lastDialog_ = dialog;
    return dialog;
}

QList<qint64> ActionController::selectedIds() const
{
    DeviceTabView *tab = currentTab_();
    return tab ? toList(tab->selectedIds()) : QList<qint64>{};
}

QStringList ActionController::labels(RecordKind kind, const QList<qint64> &ids) const
{
    // From the records, not the view's rows: the same words the result sheet will use.
    return RecordLabels::of(store_, kind, ids, kListedRecords);
}

RecordStatuses ActionController::statusesOf(RecordKind kind, const QList<qint64> &ids) const
{
    return RecordStatusReader::of(store_, kind, ids, clock_.nowMs());
}

bool ActionController::idle(const QString &title) const
{
    if (!runner_->isBusy())
        return true;
    // The console disables its actions while one runs; what still gets here (a retry from a result
    // sheet, a resend from the enrollment steps) is told why nothing happens, not dropped in silence.
    MessageBox::information(
        window_, title, tr("“%1” is still running. Try again when it has finished.").arg(runner_->label()));
    return false;
}

void ActionController::runAction(const QString &title, RecordKind kind, const QList<qint64> &ids,
                                 qint64 total, Job job, const RecordStatuses &selected)
{
    if (!idle(title))
        return;
    auto bound = [job, ids](Store &store, const ActionControl &control) { return job(store, control, ids); };
    runner_->run(title, total, bound, [this, title, kind, ids, total, job, selected](const BulkResult &ran) {
        BulkResult result = ran;
        if (result.ok && !selected.isEmpty()) {
            // Only the remembered records the service did not change are read again: few, and quick by ID.
            QList<qint64> notDone;
            for (const Outcome &outcome : result.outcomes)
                if (outcome.result != Outcome::Result::Done && selected.contains(outcome.id))
                    notDone << outcome.id;
            if (!notDone.isEmpty())
                RecordStatusReader::markChanged(&result, selected, statusesOf(kind, notDone));
        }
        // The job ran on a connection of its own; the tabs listen to this one.
        // An empty list would mean "everything changed" to the tabs: announce only real changes.
        if (result.ok && !result.idsWith(Outcome::Result::Done).isEmpty()) {
            store_.announce(kind, result.idsWith(Outcome::Result::Done));
            if (!result.createdIds.isEmpty())
                store_.announce(RecordKind::Invitation, result.createdIds);
        }
        const bool quiet = result.ok && result.outcomes.size() == 1 &&
                           result.outcomes.first().result == Outcome::Result::Done;
        if (quiet) {
            lastMessage_ = tr("%1: done for %2.").arg(title, result.outcomes.first().label);
            emit message(lastMessage_);
        } else {
            auto *sheet = new ResultSheet(title, result, window_);
            lastSheet_ = sheet;
            // Failed records again; after an error that changed nothing, the whole set again.
            connect(sheet, &ResultSheet::retryRequested, this,
                    [this, title, kind, ids, total, job, selected](const QList<qint64> &failed) {
                        runAction(title, kind, failed.isEmpty() ? ids : failed,
                                  failed.isEmpty() ? total : failed.size(), job, selected);
                    });
            sheet->open();
            lastMessage_ = sheet->summary();
        }
        emit actionFinished(result);
    });
}

void ActionController::sendInvite()
{
    openInviteDialog(nullptr);
}

void ActionController::additionalDevice()
{
    DeviceTabView *tab = currentTab_();
    const QList<qint64> ids = selectedIds();
    if (!tab || ids.size() != 1)
        return;
    EnrollmentService service(store_, clock_);
    const InviteRequest prefill = service.additionalDeviceFor(ids.first(), tab->kind() != TabKind::Pending);
    openInviteDialog(&prefill);
}

void ActionController::openInviteDialog(const InviteRequest *prefill)
{
    auto *dialog = track(new InviteDialog(directory_->groupNames(), window_));
    if (prefill)
        dialog->prefill(*prefill);
    // The duplicate warning comes while the form is still open: Cancel goes back to it, not away.
    dialog->setSendCheck([this, dialog](const InviteRequest &request) {
        const QStringList warnings = EnrollmentService(store_, clock_).warnings(request);
        return warnings.isEmpty() ||
               MessageBox::confirm(dialog, {tr("Send another invitation?"),
                                            warnings.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                                                tr("Send the invitation anyway?"),
                                            {},
                                            0,
                                            tr("Send Anyway"),
                                            false});
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString title = tr("Send enrollment invite");
        if (!idle(title))
            return;
        // Once sent, the new invitation is shown selected in its tab.
        auto done = std::make_shared<QMetaObject::Connection>();
        *done =
            connect(this, &ActionController::actionFinished, this, [this, done](const BulkResult &result) {
                disconnect(*done);
                if (result.ok && result.createdIds.size() == 1)
                    emit revealRequested(RecordKind::Invitation, result.createdIds.first());
            });
        sendInvites({dialog->request()});
    });
    dialog->open();
}

void ActionController::sendInvites(const QList<InviteRequest> &requests, const QString &sourceName)
{
    const Clock &clock = clock_;
    runAction(
        requests.size() == 1 ? tr("Send enrollment invite") : tr("Send enrollment invites"),
        RecordKind::Invitation, {}, requests.size(),
        [requests, sourceName, &clock](Store &store, const ActionControl &control, const QList<qint64> &) {
            return EnrollmentService(store, clock).invite(requests, control, sourceName);
        });
}

void ActionController::reassign(bool staged)
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const QList<DeviceInfo> sample = DeviceService(store_, clock_).devices(ids, kListedRecords);
    const RecordStatuses selected = statusesOf(RecordKind::Device, ids);
    auto *dialog =
        track(new AssignDialog(staged ? AssignDialog::Mode::AssignStaged : AssignDialog::Mode::Reassign,
                               sample, ids.size(), *directory_, window_));
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids, staged, selected] {
        const AssignTarget target = dialog->target();
        const Clock &clock = clock_;
        auto job = [target, staged, &clock](Store &store, const ActionControl &control,
                                            const QList<qint64> &set) {
            DeviceService service(store, clock);
            return staged ? service.assignStaged(set, target, control)
                          : service.reassign(set, target, control);
        };
        runAction(staged ? tr("Assign staged devices") : tr("Re-assign user"), RecordKind::Device, ids,
                  ids.size(), job, selected);
    });
    dialog->open();
}

void ActionController::deprovision()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const QList<DeviceInfo> sample = DeviceService(store_, clock_).devices(ids, kListedRecords);
    const RecordStatuses selected = statusesOf(RecordKind::Device, ids);
    auto *dialog = track(new DeprovisionDialog(sample, ids.size(), window_));
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids, selected] {
        const DeprovisionMode mode = dialog->mode();
        const Clock &clock = clock_;
        runAction(
            DomainText::deprovisionMode(mode), RecordKind::Device, ids, ids.size(),
            [mode, &clock](Store &store, const ActionControl &control, const QList<qint64> &set) {
                return DeviceService(store, clock).deprovision(set, mode, control);
            },
            selected);
    });
    dialog->open();
}

void ActionController::resend()
{
    const QList<qint64> ids = selectedIds();
    const int n = static_cast<int>(ids.size());
    const RecordStatuses selected = statusesOf(RecordKind::Invitation, ids);
    // One invitation goes at once; more than one is a bulk action and says how many first.
    if (n > 1 &&
        !MessageBox::confirm(window_, {tr("Resend enrollment invitations"),
                                       tr("Resend %Ln enrollment invitation(s)? A new link, valid for 7 "
                                          "days, replaces any link sent before.",
                                          nullptr, n),
                                       labels(RecordKind::Invitation, ids), ids.size(),
                                       tr("Resend %Ln Invitation(s)", nullptr, n), false}))
        return;
    resendInvitations(ids, selected);
}

void ActionController::resendInvitations(const QList<qint64> &ids, const RecordStatuses &selected)
{
    if (ids.isEmpty())
        return;
    const Clock &clock = clock_;
    runAction(
        tr("Resend enrollment invite"), RecordKind::Invitation, ids, ids.size(),
        [&clock](Store &store, const ActionControl &control, const QList<qint64> &set) {
            return EnrollmentService(store, clock).resend(set, control);
        },
        selected);
}

void ActionController::resendExpired()
{
    const QList<qint64> ids = EnrollmentService(store_, clock_).expiredInvitationIds();
    if (ids.isEmpty()) {
        lastMessage_ = tr("No invitation has expired.");
        emit message(lastMessage_);
        return;
    }
    const int n = static_cast<int>(ids.size());
    if (!MessageBox::confirm(
            window_,
            {tr("Resend expired invitations"),
             tr("Resend %Ln expired invitation(s)? A new link, valid for 7 days, replaces the expired one.",
                nullptr, n),
             labels(RecordKind::Invitation, ids), ids.size(), tr("Resend %Ln Invitation(s)", nullptr, n),
             false}))
        return;
    resendInvitations(ids);
}

void ActionController::removeRequest()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const int n = static_cast<int>(ids.size());
    const RecordStatuses selected = statusesOf(RecordKind::Invitation, ids);
    if (!MessageBox::confirm(
            window_,
            {tr("Remove enrollment requests"),
             tr("Remove %Ln enrollment request(s) from the Enrollment Pending tab? Invitation links "
                "already sent stop working at once.",
                nullptr, n),
             labels(RecordKind::Invitation, ids), ids.size(), tr("Remove %Ln Request(s)", nullptr, n), true}))
        return;
    const Clock &clock = clock_;
    runAction(
        tr("Remove request"), RecordKind::Invitation, ids, ids.size(),
        [&clock](Store &store, const ActionControl &control, const QList<qint64> &set) {
            return EnrollmentService(store, clock).removeRequests(set, control);
        },
        selected);
}

void ActionController::removeStaged()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const int n = static_cast<int>(ids.size());
    const RecordStatuses selected = statusesOf(RecordKind::Device, ids);
    if (!MessageBox::confirm(
            window_,
            {tr("Remove staged devices"),
             tr("Remove %Ln staged device(s)? A removed device is no longer prepared for enrollment.",
                nullptr, n),
             labels(RecordKind::Device, ids), ids.size(), tr("Remove %Ln Device(s)", nullptr, n), true}))
        return;
    const Clock &clock = clock_;
    runAction(
        tr("Remove staged device"), RecordKind::Device, ids, ids.size(),
        [&clock](Store &store, const ActionControl &control, const QList<qint64> &set) {
            return DeviceService(store, clock).removeStaged(set, control);
        },
        selected);
}

void ActionController::enrollmentSteps()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1)
        return;
    // The same link as the mail: built from the mail settings as they are now.
    const auto linkOf = [this](const InvitationInfo &invitation) {
        return invitation.linkToken.isEmpty()
                   ? QString()
                   : MailSettings::load(store_).enrollmentLink(invitation.linkToken);
    };
    const InvitationInfo info = EnrollmentService(store_, clock_).invitation(ids.first());
    auto *dialog = track(new EnrollmentStepsDialog(info, clock_.nowMs(), linkOf(info), window_));
    connect(dialog, &EnrollmentStepsDialog::resendRequested, this,
            [this](qint64 id) { resendInvitations({id}); });
    // The dialog follows its invitation: a resend, a delivery or a removal, here or by another process.
    connect(&store_, &Store::changed, dialog,
            [this, dialog, linkOf](RecordKind kind, const QList<qint64> &changed) {
                const qint64 id = dialog->invitationId();
                if (kind != RecordKind::Invitation || (!changed.isEmpty() && !changed.contains(id)))
                    return;
                const InvitationInfo now = EnrollmentService(store_, clock_).invitation(id);
                dialog->showInvitation(now, clock_.nowMs(), linkOf(now));
            });
    dialog->open();
}

void ActionController::showAuditLog()
{
    if (!auditLog_)
        auditLog_ = new AuditLogWindow(store_, window_);
    auditLog_->show();
    auditLog_->raise();
}

void ActionController::exportList()
{
    DeviceTabView *tab = currentTab_();
    if (!tab)
        return;
    QStringList titles;
    const QList<int> columns = tab->visibleColumns();
    for (int c : columns)
        titles << tab->model().spec().title(c);
    auto *dialog =
        track(new ExportDialog(TabText::tabTitle(tab->kind()), tab->totalCount(), tab->shownCount(),
                               tab->selectedCount(), titles, UiSettings::exportFolder().get(), window_));
    connect(dialog, &QDialog::accepted, this, [this, dialog, tab, columns] {
        CsvExportOptions options;
        options.tab = tab->kind();
        options.columns = columns;
        options.bom = dialog->bom();
        options.raw = dialog->raw();
        options.nowMs = clock_.nowMs();
        if (dialog->scope() == ExportDialog::Scope::Shown)
            options.ids = tab->model().shownIds();
        else if (dialog->scope() == ExportDialog::Scope::Selected)
            options.ids = tab->selectedIds();
        const qint64 total = options.ids ? static_cast<qint64>(options.ids->size()) : tab->totalCount();
        const QString path = dialog->path();
        if (!idle(tr("Export")))
            return;
        auto summary = std::make_shared<QString>();
        runner_->run(
            tr("Exporting %Ln record(s)…", nullptr, static_cast<int>(std::min<qint64>(total, INT_MAX))),
            total,
            [options, path, summary](Store &store, const ActionControl &control) {
                const CsvExportResult exported = CsvExport::toFile(store, options, path, control);
                BulkResult result;
                result.ok = exported.ok;
                result.cancelled = exported.cancelled;
                result.error = exported.error;
                *summary = tr("Exported %Ln record(s) to %1.", nullptr, static_cast<int>(exported.rows))
                               .arg(QFileInfo(path).fileName());
                QString auditError;
                if (exported.ok && !CsvExport::audit(store, options, path, exported.rows, &auditError))
                    *summary +=
                        QLatin1Char(' ') + tr("The audit log could not record it: %1").arg(auditError);
                return result;
            },
            [this, summary, path](const BulkResult &result) {
                if (result.ok)
                    UiSettings::exportFolder().set(QFileInfo(path).absolutePath());
                lastMessage_ = result.ok ? *summary : tr("Nothing was exported: %1").arg(result.error);
                if (!result.ok && !result.cancelled)
                    MessageBox::warning(window_, tr("Export"), lastMessage_);
                emit message(lastMessage_);
                emit actionFinished(result);
            });
    });
    dialog->open();
}

void ActionController::importStaged()
{
    auto *dialog = track(new ImportDialog(
        [this](const QString &path) {
            StagedImportOptions dryRun;
            dryRun.dryRun = true;
            return StagedImport(store_, clock_).fromFile(path, dryRun);
        },
        window_));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString path = dialog->path();
        const bool onlyValid = dialog->onlyValidRows();
        const Clock &clock = clock_;
        if (!idle(tr("Import")))
            return;
        auto summary = std::make_shared<QString>();
        runner_->run(
            tr("Importing staged devices…"), 0,
            [path, onlyValid, summary, &clock](Store &store, const ActionControl &control) {
                StagedImportOptions options;
                options.onlyValidRows = onlyValid;
                const StagedImportResult imported =
                    StagedImport(store, clock).fromFile(path, options, control);
                BulkResult result;
                result.ok = imported.ok;
                result.cancelled = imported.cancelled;
                result.error = imported.error;
                result.createdIds = imported.createdIds;
                *summary = tr("Imported %Ln staged device(s).", nullptr, static_cast<int>(imported.imported));
                if (imported.skipped > 0)
                    *summary += QLatin1Char(' ') +
                                tr("Skipped %Ln row(s).", nullptr, static_cast<int>(imported.skipped));
                return result;
            },
            [this, summary](const BulkResult &result) {
                if (result.ok && !result.createdIds.isEmpty())
                    store_.announce(RecordKind::Device, result.createdIds);
                lastMessage_ = result.ok ? *summary : tr("Nothing was imported: %1").arg(result.error);
                if (!result.ok && !result.cancelled)
                    MessageBox::warning(window_, tr("Import"), lastMessage_);
                emit message(lastMessage_);
                emit actionFinished(result);
            });
    });
    dialog->open();
}

void ActionController::importInvites()
{
    sendInvitesFromCsv({});
}

void ActionController::sendInvitesFromCsv(const QString &path)
{
    auto *dialog = track(new InviteCsvDialog(
        [this](const QString &file) {
            InviteCsvResult csv;
            // Reading the store through a file handle of its own would release this process's locks on it.
            if (store_.isOwnFile(file)) {
                csv.errors << tr("“%1” is the console's own store, not a CSV file.").arg(file);
                return csv;
            }
            csv = InviteCsv::readFile(file);
            InviteCsv::checkAgainst(EnrollmentService(store_, clock_), &csv);
            return csv;
        },
        window_));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<InviteRequest> requests = dialog->chosenRequests();
        if (!requests.isEmpty())
            sendInvites(requests, QFileInfo(dialog->path()).fileName());
    });
    dialog->open();
    if (!path.isEmpty())
        dialog->loadFile(path);
}

} // namespace mdm
