#pragma once

#include "csv/invite_csv.h"
#include "dialogs/csv_preview_dialog.h"

namespace mdm {

class InvitePreviewModel;

// Send Invites from CSV: choose a bulk-enrollment CSV, see every row checked — the file's own rules and
// the single invite's (an open invitation for the same address and platform, an enrolled device) — then
// send all of them, or only the valid rows when the admin chooses so. Nothing is sent until then.
class InviteCsvDialog : public CsvPreviewDialog
{
    Q_OBJECT

public:
    // check reads the file and checks it against the store.
    using Checker = std::function<InviteCsvResult(const QString &path)>;

    InviteCsvDialog(Checker check, QWidget *parent = nullptr);

    InvitePreviewModel &preview() const { return *preview_; }
    // What the preview shows: the requests to send are requests() or, for valid rows only, validRequests().
    const InviteCsvResult &result() const { return *result_; }
    // The requests the admin chose to send.
    QList<InviteRequest> chosenRequests() const;

private:
    InviteCsvDialog(Checker check, InvitePreviewModel *preview, std::shared_ptr<InviteCsvResult> result,
                    QWidget *parent);

    InvitePreviewModel *preview_;
    std::shared_ptr<InviteCsvResult> result_;
};

} // namespace mdm
