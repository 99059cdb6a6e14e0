#pragma once

#include "csv/staged_import.h"
#include "dialogs/csv_preview_dialog.h"

namespace mdm {

class ImportPreviewModel;

// Import Staged Devices: choose a CSV, see every row checked (line, result, parsed fields), then import
// all of it — or only the valid rows when the admin chooses so. Nothing is written until then.
class ImportDialog : public CsvPreviewDialog
{
    Q_OBJECT

public:
    // validate runs a dry run of the file and returns what it found.
    using Validator = std::function<StagedImportResult(const QString &path)>;

    ImportDialog(Validator validate, QWidget *parent = nullptr);

    ImportPreviewModel &preview() const { return *preview_; }

private:
    ImportDialog(Validator validate, ImportPreviewModel *preview, QWidget *parent);

    ImportPreviewModel *preview_;
};

} // namespace mdm
