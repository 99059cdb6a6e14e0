#include "dialogs/import_dialog.h"

#include "csv/import_preview_model.h"

namespace mdm {

namespace {
CsvPreviewDialog::Texts importTexts()
{
    return {
        ImportDialog::tr("Import Staged Devices"),
        ImportDialog::tr("A CSV file with a header line. Each device needs a platform and a serial number "
                         "or an IMEI; device name, user name, email and group are optional. Nothing is "
                         "imported until every row is valid, unless you choose to import only the valid "
                         "rows."),
        ImportDialog::tr("Import staged devices"),
        ImportDialog::tr("&Import"),
        [](int n) { return ImportDialog::tr("&Import %Ln Device(s)", nullptr, n); },
        [](int n) { return ImportDialog::tr("Import Only the %Ln &Valid Row(s)", nullptr, n); }};
}
} // namespace

ImportDialog::ImportDialog(Validator validate, QWidget *parent)
    : ImportDialog(std::move(validate), new ImportPreviewModel, parent)
{
}

ImportDialog::ImportDialog(Validator validate, ImportPreviewModel *preview, QWidget *parent)
    : CsvPreviewDialog(
          importTexts(), preview,
          [validate = std::move(validate), preview](const QString &path) {
              const StagedImportResult result = validate(path);
              preview->setRows(result.rows);
              CsvPreviewSummary found;
              if (!result.ok && result.rows.isEmpty())
                  found.fileError = result.error;
              found.warnings = result.warnings;
              found.rows = static_cast<int>(result.rows.size());
              for (const StagedImportRow &row : result.rows)
                  if (!row.valid())
                      found.problems.append({row.line, row.problem});
              return found;
          },
          parent),
      preview_(preview)
{
    preview_->setParent(this);
}

} // namespace mdm
