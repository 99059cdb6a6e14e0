#pragma once

#include "csv/staged_import.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mdm {

class ImportPreviewModel;

// Staged ▸ Import: choose a CSV, see every row checked (line, result, parsed fields), then import all
// of it — or only the valid rows when the admin chooses so. Nothing is written until then.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    // validate runs a dry run of the file and returns what it found.
    using Validator = std::function<StagedImportResult(const QString &path)>;

    ImportDialog(Validator validate, QWidget *parent = nullptr);

    void loadFile(const QString &path);
    QString path() const;
    bool onlyValidRows() const { return onlyValid_; }
    QString summary() const;
    QPushButton *importButton() const { return import_; }
    QPushButton *importValidButton() const { return importValid_; }
    ImportPreviewModel &preview() const { return *preview_; }

private:
    void browse();

    Validator validate_;
    ImportPreviewModel *preview_;
    QLineEdit *path_;
    QLabel *summary_;
    QTableView *table_;
    QPushButton *import_;
    QPushButton *importValid_;
    bool onlyValid_ = false;
};

} // namespace mdm
