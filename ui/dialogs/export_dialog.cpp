#include "dialogs/export_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace mdm {

ExportDialog::ExportDialog(const QString &tabTitle, qint64 total, qint64 shown, qint64 selected,
                           const QStringList &columns, const QString &lastFolder, QWidget *parent)
    : QDialog(parent), all_(new QRadioButton(this)), shown_(new QRadioButton(this)),
      selected_(new QRadioButton(this)), path_(new QLineEdit(this)),
      bom_(new QCheckBox(tr("Excel compatible (UTF-8 with a byte-order mark)"), this)),
      guard_(new QCheckBox(tr("Protect against spreadsheet formulas (recommended)"), this))
{
    setWindowTitle(tr("Export %1").arg(tabTitle));
    QLocale locale;
    all_->setText(tr("&All records (%1)").arg(locale.toString(total)));
    shown_->setText(tr("The records the search and filters &show (%1)").arg(locale.toString(shown)));
    selected_->setText(tr("The s&elected records (%1)").arg(locale.toString(selected)));
    selected_->setEnabled(selected > 0);
    shown_->setEnabled(shown != total);
    (selected > 1 ? selected_ : shown != total ? shown_ : all_)->setChecked(true);

    auto *rows = new QGroupBox(tr("Records"), this);
    auto *rowsLayout = new QVBoxLayout(rows);
    rowsLayout->addWidget(all_);
    rowsLayout->addWidget(shown_);
    rowsLayout->addWidget(selected_);

    auto *columnsLabel =
        new QLabel(tr("Columns, as on screen: %1").arg(columns.join(QStringLiteral(", "))), this);
    columnsLabel->setWordWrap(true);
    columnsLabel->setStyleSheet(QStringLiteral("color: gray"));

    guard_->setChecked(true);
    guard_->setToolTip(
        tr("Cells that begin with = + - @ get a leading apostrophe, so a spreadsheet shows them "
           "as text instead of running them. Turn off only for programs that read the file."));

    path_->setText(QDir(proposedFolder(lastFolder))
                       .filePath(tabTitle.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
                                 QStringLiteral(".csv")));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(new QLabel(tr("&File:"), this));
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    static_cast<QLabel *>(fileRow->itemAt(0)->widget())->setBuddy(path_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    export_ = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    export_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(path_, &QLineEdit::textChanged, this,
            [this] { export_->setEnabled(!path_->text().trimmed().isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(rows);
    layout->addWidget(columnsLabel);
    layout->addLayout(fileRow);
    layout->addWidget(bom_);
    layout->addWidget(guard_);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString ExportDialog::proposedFolder(const QString &lastFolder)
{
    // A folder that is not there (Documents on a fresh account, a removed last folder) would only
    // make the export fail.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    for (const QString &folder : {lastFolder, documents})
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    return QDir::homePath();
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path_->text(),
                                                        tr("CSV files (*.csv);;All files (*)"));
    if (!chosen.isEmpty())
        path_->setText(chosen);
}

ExportDialog::Scope ExportDialog::scope() const
{
    return selected_->isChecked() ? Scope::Selected : shown_->isChecked() ? Scope::Shown : Scope::All;
}

QString ExportDialog::path() const
{
    return path_->text().trimmed();
}

bool ExportDialog::bom() const
{
    return bom_->isChecked();
}

bool ExportDialog::raw() const
{
    return !guard_->isChecked();
}

} // namespace mdm
