#include "dialogs/invite_csv_dialog.h"

#include "csv/invite_preview_model.h"

namespace mdm {

namespace {
CsvPreviewDialog::Texts inviteTexts()
{
    return {
        InviteCsvDialog::tr("Send Invites from CSV"),
        InviteCsvDialog::tr("A bulk-enrollment CSV with a header line: EMAIL_ADDRESS and PLATFORM_TYPE, and "
                            "optionally OWNED_BY, GROUP_NAME and USER_NAME. An address that already has an "
                            "open invitation or an enrolled device for the platform is not invited again. "
                            "Nothing is sent until every row is valid, unless you choose to send only the "
                            "valid rows."),
        InviteCsvDialog::tr("Send invites from CSV"),
        InviteCsvDialog::tr("&Send"),
        [](int n) { return InviteCsvDialog::tr("&Send %Ln Invitation(s)", nullptr, n); },
        [](int n) { return InviteCsvDialog::tr("Send Only the %Ln &Valid Row(s)", nullptr, n); }};
}
} // namespace

InviteCsvDialog::InviteCsvDialog(Checker check, QWidget *parent)
    : InviteCsvDialog(std::move(check), new InvitePreviewModel, std::make_shared<InviteCsvResult>(), parent)
{
}

InviteCsvDialog::InviteCsvDialog(Checker check, InvitePreviewModel *preview,
                                 std::shared_ptr<InviteCsvResult> result, QWidget *parent)
    : CsvPreviewDialog(
          inviteTexts(), preview,
          [check = std::move(check), preview, result](const QString &path) {
              *result = check(path);
              preview->setRows(result->rows);
              CsvPreviewSummary found;
              if (result->rows.isEmpty() && !result->errors.isEmpty())
                  found.fileError = result->errors.join(QLatin1Char('\n'));
              // The remarks of rows come last and show in the Check column; the file's own ones first.
              qsizetype rowWarnings = 0;
              for (const InviteCsvRow &row : result->rows)
                  rowWarnings += row.warning.isEmpty() ? 0 : 1;
              found.warnings = result->warnings.mid(0, result->warnings.size() - rowWarnings);
              found.rows = static_cast<int>(result->rows.size());
              for (const InviteCsvRow &row : result->rows)
                  if (!row.valid())
                      found.problems.append({row.line, row.problem});
              return found;
          },
          parent),
      preview_(preview), result_(std::move(result))
{
    preview_->setParent(this);
}

QList<InviteRequest> InviteCsvDialog::chosenRequests() const
{
    return onlyValidRows() ? result_->validRequests() : result_->requests;
}

} // namespace mdm
