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

    void showRecord(const RecordTableModel &model, qint64 id);
    void showSelectionSummary(qint64 selected);
    QString text() const;

private:
    Store &store_;
    QTextBrowser *browser_;
};

} // namespace mdm
