#include "dialogs/audit_log_window.h"

#include "index/audit_log_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace mdm {

AuditLogWindow::AuditLogWindow(Store &store, QWidget *parent)
    : QDialog(parent), model_(new AuditLogModel(store, this)), search_(new QLineEdit(this)),
      table_(new QTableView(this)), count_(new QLabel(this))
{
    setWindowTitle(tr("Audit Log"));
    search_->setPlaceholderText(tr("Search who, what, which records…"));
    search_->setClearButtonEnabled(true);
    table_->setModel(model_);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(AuditLogModel::When, 150);
    table_->setColumnWidth(AuditLogModel::Who, 200);
    table_->setColumnWidth(AuditLogModel::Action, 200);
    table_->setColumnWidth(AuditLogModel::Records, 200);
    table_->setWordWrap(false);

    debounce_.setSingleShot(true);
    debounce_.setInterval(250);
    connect(search_, &QLineEdit::textChanged, this, [this] { debounce_.start(); });
    connect(&debounce_, &QTimer::timeout, this, [this] {
        model_->setSearch(search_->text());
        updateCount();
    });
    connect(model_, &QAbstractItemModel::modelReset, this, &AuditLogWindow::updateCount);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(search_);
    layout->addWidget(table_, 1);
    layout->addWidget(count_);
    layout->addWidget(buttons);
    resize(980, 560);
    updateCount();
}

void AuditLogWindow::updateCount()
{
    QLocale locale;
    QString text = tr("%1 of %2 entries")
                       .arg(locale.toString(model_->matchCount()), locale.toString(model_->totalCount()));
    if (model_->matchCount() > model_->rowCount())
        text += tr(" (newest %1 shown)").arg(locale.toString(model_->rowCount()));
    count_->setText(text);
}

} // namespace mdm
