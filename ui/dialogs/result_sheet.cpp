#include "dialogs/result_sheet.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mdm {

namespace {

class OutcomeModel : public QAbstractTableModel
{
public:
    OutcomeModel(const QList<Outcome> &outcomes, QObject *parent)
        : QAbstractTableModel(parent), outcomes_(outcomes)
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(outcomes_.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 3; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return {};
        const Outcome &o = outcomes_.at(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case 0:
                return o.label;
            case 1:
                return OutcomeText::result(o.result);
            case 2:
                return o.reason;
            }
        }
        if (role == Qt::ForegroundRole && index.column() == 1 && o.result != Outcome::Result::Done)
            return o.result == Outcome::Result::Failed ? QColor(0xc6, 0x28, 0x28) : QColor(0x8a, 0x4b, 0x00);
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
        case 0:
            return ResultSheet::tr("Record");
        case 1:
            return ResultSheet::tr("Result");
        default:
            return ResultSheet::tr("Reason");
        }
    }

private:
    QList<Outcome> outcomes_;
};

} // namespace

ResultSheet::ResultSheet(const QString &title, const BulkResult &result, QWidget *parent)
    : QDialog(parent), result_(result), summary_(new QLabel(this)), table_(new QTableView(this))
{
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    QLocale locale;
    const int done = result.count(Outcome::Result::Done);
    const int skipped = result.count(Outcome::Result::Skipped);
    const int failed = result.count(Outcome::Result::Failed);
    QString text = result.ok
                       ? tr("%1 done · %2 skipped · %3 failed")
                             .arg(locale.toString(done), locale.toString(skipped), locale.toString(failed))
                       : tr("Nothing was changed: %1").arg(result.error);
    summary_->setText(text);
    summary_->setWordWrap(true);
    QFont bold = summary_->font();
    bold.setBold(true);
    summary_->setFont(bold);

    table_->setModel(new OutcomeModel(result.outcomes, this));
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setColumnWidth(0, 320); // a device name with its serial or IMEI, an address with its platform
    table_->setColumnWidth(1, 90);
    table_->setVisible(!result.outcomes.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    retry_ = buttons->addButton(tr("&Retry Failed"), QDialogButtonBox::ActionRole);
    retry_->setEnabled(failed > 0 || !result.ok);
    if (!result.ok)
        retry_->setText(tr("&Retry"));
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(asText()); });
    connect(retry_, &QPushButton::clicked, this, [this] {
        QList<qint64> ids = result_.idsWith(Outcome::Result::Failed);
        if (!result_.ok)
            for (const Outcome &o : result_.outcomes)
                ids << o.id;
        emit retryRequested(ids);
        close();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    resize(720, result.outcomes.isEmpty() ? 160 : 440);
}

QString ResultSheet::summary() const
{
    return summary_->text();
}

QString ResultSheet::asText() const
{
    QStringList lines{summary_->text()};
    for (const Outcome &o : result_.outcomes)
        lines << QStringLiteral("%1\t%2\t%3").arg(o.label, OutcomeText::result(o.result), o.reason);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace mdm
