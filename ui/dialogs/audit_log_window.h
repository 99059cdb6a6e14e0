#pragma once

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QTableView;

namespace mdm {

class AuditLogModel;
class Store;

// View ▸ Audit Log: every action, newest first, searchable; nothing here can be edited.
class AuditLogWindow : public QDialog
{
    Q_OBJECT

public:
    AuditLogWindow(Store &store, QWidget *parent = nullptr);
    AuditLogModel &model() const { return *model_; }
    QLineEdit *searchBox() const { return search_; }

private:
    void updateCount();

    AuditLogModel *model_;
    QLineEdit *search_;
    QTableView *table_;
    QLabel *count_;
    QTimer debounce_;
};

} // namespace mdm
