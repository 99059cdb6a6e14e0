#include "dialogs/csv_preview_dialog.h"

#include <QAbstractItemModel>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace mdm {

namespace {
// A typed or pasted path is read again once the admin pauses, not on every keystroke.
constexpr int kRereadDelayMs = 600;
} // namespace

CsvPreviewDialog::CsvPreviewDialog(const Texts &texts, QAbstractItemModel *model, Loader load,
                                   QWidget *parent)
    : QDialog(parent), texts_(texts), load_(std::move(load)), path_(new QLineEdit(this)),
      summary_(new QLabel(this)), table_(new QTableView(this)), reread_(new QTimer(this))
{
    setWindowTitle(texts_.title);
    auto *intro = new QLabel(texts_.intro, this);
    intro->setWordWrap(true);
    path_->setPlaceholderText(tr("Type or paste the path of a CSV file, or choose one…"));
    path_->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Choose File…"), this);
    connect(browse, &QPushButton::clicked, this, &CsvPreviewDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    reread_->setSingleShot(true);
    reread_->setInterval(kRereadDelayMs);
    connect(reread_, &QTimer::timeout, this, [this] { loadFile(path_->text().trimmed()); });
    connect(path_, &QLineEdit::textEdited, this, &CsvPreviewDialog::pathEdited);
    connect(path_, &QLineEdit::returnPressed, this, [this] {
        reread_->stop();
        loadFile(path_->text().trimmed());
    });

    table_->setModel(model);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideMiddle);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(0, 50);
    table_->setColumnWidth(1, 260);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    import_ = buttons->addButton(texts_.action, QDialogButtonBox::AcceptRole);
    importValid_ = buttons->addButton(texts_.validOnly(0), QDialogButtonBox::AcceptRole);
    // Enter in the path field reads the file; it must never press an import button as well.
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
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

void CsvPreviewDialog::browse()
{
    const QString chosen = QFileDialog::getOpenFileName(this, texts_.chooseTitle, path_->text(),
                                                        tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!chosen.isEmpty())
        loadFile(chosen);
}

void CsvPreviewDialog::pathEdited()
{
    // Until the new path is read, the buttons would act on a file the preview does not show.
    import_->setEnabled(false);
    importValid_->setEnabled(false);
    reread_->start();
}

void CsvPreviewDialog::loadFile(const QString &path)
{
    reread_->stop();
    if (path_->text() != path)
        path_->setText(path);
    loaded_ = path;
    CsvPreviewSummary found;
    if (path.isEmpty())
        found.fileError = tr("Choose a CSV file.");
    else
        found = load_(path);
    QLocale locale;
    const int problems = static_cast<int>(found.problems.size());
    const int valid = found.rows - problems;
    QStringList lines;
    if (!found.fileError.isEmpty())
        lines << found.fileError;
    else
        lines << tr("%1 rows: %2 valid, %3 with problems.")
                     .arg(locale.toString(found.rows), locale.toString(valid), locale.toString(problems));
    lines << found.warnings;
    // The first problems in full (the table's cells are narrow), and how many more the table holds.
    for (int i = 0; i < problems && i < kProblemsShown; ++i)
        lines << tr("line %1: %2").arg(found.problems[i].first).arg(found.problems[i].second);
    if (problems > kProblemsShown)
        lines << tr("…and %1 more (see the Check column).").arg(locale.toString(problems - kProblemsShown));
    summary_->setText(lines.join(QLatin1Char('\n')));
    // The columns as wide as what they hold (reasons, emails, serials), within reason; a longer text
    // shows whole on hover.
    for (int column = 1; column < table_->model()->columnCount(); ++column) {
        table_->resizeColumnToContents(column);
        table_->setColumnWidth(column, std::clamp(table_->columnWidth(column), 90, column == 1 ? 420 : 260));
    }
    const bool all = found.fileError.isEmpty() && found.rows > 0 && problems == 0;
    import_->setEnabled(all);
    // A count only on a button that can act on it: a disabled "Import 3 Devices" for a 10-row file lies.
    import_->setText(all ? texts_.actionN(found.rows) : texts_.action);
    const bool some = found.fileError.isEmpty() && problems > 0 && valid > 0;
    importValid_->setVisible(some);
    importValid_->setEnabled(some);
    importValid_->setText(texts_.validOnly(valid));
    // Buttons whose text grows after the dialog is laid out keep their old width otherwise.
    for (QPushButton *button : {import_, importValid_})
        button->setMinimumWidth(button->sizeHint().width());
}

QString CsvPreviewDialog::summary() const
{
    return summary_->text();
}

} // namespace mdm
