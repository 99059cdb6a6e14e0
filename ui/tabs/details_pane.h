#pragma once

#include <QWidget>

class QTextBrowser;

namespace mdm {

class RecordTableModel;
class Store;

// Every field of the selected record and its history from the audit log. Hidden with F9.
class DetailsPane : public QWidget
{
    Q_OBJECT

public:
    DetailsPane(Store &store, QWidget *parent = nullptr);

    // Reads the record afresh from the model and the audit log; "Nothing selected" if it is gone.
    void showRecord(const RecordTableModel &model, qint64 id);
    void showNothing();
    void showSelectionSummary(qint64 selected);
    // The record shown, or -1 for the placeholder and the summary.
    qint64 recordId() const { return recordId_; }
    // What the admin reads, without the invisible break points.
    QString text() const;

private:
    void showPlaceholder(const QString &title, const QString &hint);

    Store &store_;
    QTextBrowser *browser_;
    qint64 recordId_ = -1;
};

} // namespace mdm
