#include "dialogs/import_dialog.h"

#include "csv/import_preview_model.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mdm {

ImportDialog::ImportDialog(Validator validate, QWidget *parent)
    : QDialog(parent), validate_(std::move(validate)), preview_(new ImportPreviewModel(this)),
      path_(new QLineEdit(this)), summary_(new QLabel(this)), table_(new QTableView(this))
{
    setWindowTitle(tr("Import Staged Devices"));
    auto *intro =
        new QLabel(tr("A CSV file with a header line. Each device needs a platform and a serial number "
                      "or an IMEI; device name, user name, email and group are optional. Nothing is "
                      "imported until every row is valid, unless you choose to import only the valid rows."),
                   this);
    intro->setWordWrap(true);
    path_->setReadOnly(true);
    path_->setPlaceholderText(tr("Choose a CSV file…"));
    auto *browse = new QPushButton(tr("&Choose File…"), this);
    connect(browse, &QPushButton::clicked, this, &ImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);

    table_->setModel(preview_);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(ImportPreviewModel::Line, 50);
    table_->setColumnWidth(ImportPreviewModel::Result, 260);
    summary_->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    import_ = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importValid_ = buttons->addButton(tr("Import Only &Valid Rows"), QDialogButtonBox::AcceptRole);
    import_->setEnabled(false);
    importValid_->setEnabled(false);
    importValid_->setVisible(false);
    connect(import_, &QPushButton::clicked, this, [this] {
        onlyValid_ = false;
        accept();
    });
    connect(importValid_, &QPushButton::clicked, this, [this] {
        onlyValid_ = true;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(table_, 1);
    layout->addWidget(summary_);
    layout->addWidget(buttons);
    resize(900, 520);
}

void ImportDialog::browse()
{
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Import staged devices"), path_->text(),
                                                        tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!chosen.isEmpty())
        loadFile(chosen);
}

void ImportDialog::loadFile(const QString &path)
{
    path_->setText(path);
    const StagedImportResult result = validate_(path);
    preview_->setRows(result.rows);
    QLocale locale;
    const int problems = result.problemCount();
    const int valid = static_cast<int>(result.rows.size()) - problems;
    QStringList lines;
    if (!result.ok && result.rows.isEmpty())
        lines << result.error;
    else
        lines << tr("%1 rows: %2 valid, %3 with problems.")
                     .arg(locale.toString(result.rows.size()), locale.toString(valid),
                          locale.toString(problems));
    lines << result.warnings;
    // The first problems in full; the table's cells are narrow.
    int shown = 0;
    for (const StagedImportRow &row : result.rows)
        if (!row.valid() && shown++ < 3)
            lines << tr("line %1: %2").arg(row.line).arg(row.problem);
    summary_->setText(lines.join(QLatin1Char('\n')));
    import_->setEnabled(!result.rows.isEmpty() && problems == 0);
    import_->setText(tr("&Import %Ln Device(s)", nullptr, valid));
    importValid_->setVisible(problems > 0 && valid > 0);
    importValid_->setEnabled(problems > 0 && valid > 0);
    importValid_->setText(tr("Import Only the %Ln &Valid Row(s)", nullptr, valid));
    // Buttons whose text grows after the dialog is laid out keep their old width otherwise.
    for (QPushButton *button : {import_, importValid_})
        button->setMinimumWidth(button->sizeHint().width());
}

QString ImportDialog::path() const
{
    return path_->text();
}

QString ImportDialog::summary() const
{
    return summary_->text();
}

} // namespace mdm
