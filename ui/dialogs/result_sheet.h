#pragma once

#include "services/bulk_result.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace mdm {

// What a bulk action did to each record: done, skipped (with why) or failed (with why). No bulk action
// ends with a silent partial result.
class ResultSheet : public QDialog
{
    Q_OBJECT

public:
    ResultSheet(const QString &title, const BulkResult &result, QWidget *parent = nullptr);

    QString summary() const;
    QString asText() const;
    QPushButton *retryButton() const { return retry_; }

signals:
    void retryRequested(const QList<qint64> &ids);

private:
    BulkResult result_;
    QLabel *summary_;
    QTableView *table_;
    QPushButton *retry_;
};

} // namespace mdm
