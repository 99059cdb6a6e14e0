#pragma once

#include "index/tab_spec.h"
#include "index/table_index.h"

#include <QTimer>
#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace mdm {

class Clock;
class DetailsPane;
class RecordTableModel;
class Store;

// One tab of the console: search and filter row, the table, an empty-state message and the details
// pane. The same class serves Managed, Staged and Enrollment Pending.
class DeviceTabView : public QWidget
{
    Q_OBJECT

public:
    DeviceTabView(Store &store, const Clock &clock, TabKind kind, QWidget *parent = nullptr);

    TabKind kind() const { return kind_; }
    RecordTableModel &model() const { return *model_; }
    QTableView *table() const { return table_; }
    QLineEdit *searchBox() const { return search_; }

    // Record IDs of the selected rows, in view order; never view row numbers.
    std::vector<qint64> selectedIds() const;
    qint64 selectedCount() const;
    qint64 shownCount() const;
    qint64 totalCount() const;
    qint64 currentId() const;
    // The columns on screen, in their on-screen order (those that hold data).
    QList<int> visibleColumns() const;

    // Selects the record and scrolls it into view; a record the tab does not show yet (just created,
    // its row still on the way) is selected when its row arrives, unless the admin changes the filter.
    void reveal(qint64 id);
    void focusSearch();
    void selectAllShown();
    void clearFilters();
    void setDetailsVisible(bool visible);
    // Reads the selected record into the details pane again, or clears it when no single record is selected.
    void refreshDetails();
    QString detailsText() const;
    // Text of the selected rows, tab-separated with a header line, for the clipboard.
    QString selectionAsText() const;

    // Column layout, sort and splitter, remembered per tab (UiSettings).
    void saveState() const;
    void restoreState();

    // Empty-state buttons ask the window to run one of its actions.
    enum class Suggestion
    {
        SendInvite,
        ImportStaged,
        OpenDemo,
        ClearFilters,
        Reload
    };

signals:
    void selectionChanged();
    void countsChanged();
    void detailsRequested();
    void contextMenuRequested(const QPoint &globalPos);
    void suggestionChosen(mdm::DeviceTabView::Suggestion suggestion);
    // A line for the window's status bar, such as why the store could not be read.
    void message(const QString &text);

private:
    void rememberLayoutChanges();
    QWidget *buildFilterRow();
    QWidget *buildEmptyState();
    void applyFilter();
    void updateEmptyState();
    void showReadError(const QString &message);
    void rememberSelection();
    void restoreSelection();
    void showHeaderMenu(const QPoint &pos);
    int typicalWidth(int column) const;
    void revealPending();

    Store &store_;
    TabKind kind_;
    RecordTableModel *model_;
    QLineEdit *search_ = nullptr;
    QComboBox *platform_ = nullptr;
    QComboBox *status_ = nullptr;
    QComboBox *group_ = nullptr;
    QToolButton *expired_ = nullptr;
    QToolButton *expiringSoon_ = nullptr;
    QToolButton *clear_ = nullptr;
    QLabel *busy_ = nullptr;
    QStackedWidget *stack_ = nullptr;
    QTableView *table_ = nullptr;
    QLabel *emptyTitle_ = nullptr;
    QLabel *emptyText_ = nullptr;
    QList<QPushButton *> emptyButtons_;
    QSplitter *splitter_ = nullptr;
    DetailsPane *details_ = nullptr;
    QTimer searchDebounce_;
    QTimer detailsRefresh_;
    std::vector<qint64> selectionBeforeReset_;
    qint64 currentBeforeReset_ = -1;
    qint64 revealId_ = -1;  // a record to select once its row is shown
    qint64 topAnchor_ = -1; // the record at the top of the viewport while rows change above it
    int topOffset_ = 0;     // and where it was: 0 or above the viewport's top edge, in pixels
};

} // namespace mdm
