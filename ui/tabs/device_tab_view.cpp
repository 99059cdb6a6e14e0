#include "tabs/device_tab_view.h"

#include "domain/domain.h"
#include "index/record_table_model.h"
#include "store/store.h"
#include "tabs/details_pane.h"
#include "window/layout_settings.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <unordered_set>

namespace mdm {

namespace {

constexpr int kSearchDebounceMs = 250;
constexpr size_t kKeepSelectionLimit = 20000;
constexpr qint64 kCopyLimit = 10000;

// Columns hidden until the admin shows them from the header's menu.
bool hiddenByDefault(const QByteArray &key)
{
    return key == "model" || key == "os_version" || key == "resends";
}

} // namespace

DeviceTabView::DeviceTabView(Store &store, const Clock &clock, TabKind kind, QWidget *parent)
    : QWidget(parent), store_(store), kind_(kind), model_(new RecordTableModel(store, clock, kind, this))
{
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setShowGrid(false);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table_->setIconSize(QSize(16, 16));

    QHeaderView *header = table_->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (int c = 0; c < model_->columnCount(); ++c)
        header->setSectionHidden(c, hiddenByDefault(model_->spec().columns[c].key));
    // As in the web console, the ⋯ actions sit right after the remarks.
    if (kind_ == TabKind::Pending)
        header->moveSection(header->visualIndex(PendingColumn::Actions),
                            header->visualIndex(PendingColumn::Remarks) + 1);
    const int defaultSort = kind_ == TabKind::Pending ? PendingColumn::Requested : 0;
    header->setSortIndicator(defaultSort,
                             kind_ == TabKind::Pending ? Qt::DescendingOrder : Qt::AscendingOrder);
    table_->setSortingEnabled(true);
    // Each column as wide as its kind of content (a 15-digit IMEI, a date, the longest status); the admin's
    // own layout, restored later, wins. Space left over, as when the details pane is hidden, goes to the last
    // one.
    for (int c = 0; c < model_->columnCount(); ++c)
        header->resizeSection(c, typicalWidth(c));
    header->setStretchLastSection(true);
    // Tab moves on to the next control, as everywhere else, instead of from cell to cell (which also
    // collapsed a multi-selection to one row).
    table_->setTabKeyNavigation(false);
    connect(header, &QWidget::customContextMenuRequested, this, &DeviceTabView::showHeaderMenu);

    stack_ = new QStackedWidget(this);
    stack_->addWidget(table_);
    stack_->addWidget(buildEmptyState());

    details_ = new DetailsPane(store_, this);
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(stack_);
    splitter_->addWidget(details_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 0);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({1000, 240});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(buildFilterRow());
    layout->addWidget(splitter_, 1);

    searchDebounce_.setSingleShot(true);
    searchDebounce_.setInterval(kSearchDebounceMs);
    connect(&searchDebounce_, &QTimer::timeout, this, &DeviceTabView::applyFilter);

    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, &DeviceTabView::rememberSelection);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        restoreSelection();
        // A reset drops the selection without telling (a search that hides the selected row): the pane and
        // the window hear it here.
        refreshDetails();
        emit selectionChanged();
    });
    // The pane follows its record: an action, another console or a device changed it, or it left the view.
    // Many changes in a row are read once.
    detailsRefresh_.setSingleShot(true);
    detailsRefresh_.setInterval(0);
    connect(&detailsRefresh_, &QTimer::timeout, this, &DeviceTabView::refreshDetails);
    const auto refreshSoon = [this] { detailsRefresh_.start(); };
    connect(model_, &QAbstractItemModel::dataChanged, this, refreshSoon);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, refreshSoon);
    connect(model_, &QAbstractItemModel::layoutChanged, this, refreshSoon);
    connect(model_, &RecordTableModel::countsChanged, this, [this] {
        updateEmptyState();
        emit countsChanged();
    });
    connect(model_, &RecordTableModel::queryApplied, this, [this] {
        busy_->setVisible(model_->isLoading() || model_->isQueryPending());
        // Groups come from the records; keep the admin's choice while refreshing the list.
        const QString chosen = group_->currentData().toString();
        QStringList groups = model_->groups();
        QStringList current;
        for (int i = 1; i < group_->count(); ++i)
            current << group_->itemData(i).toString();
        if (groups != current) {
            QSignalBlocker block(group_);
            group_->clear();
            group_->addItem(tr("All groups"), QString());
            for (const QString &g : groups)
                group_->addItem(g, g);
            group_->setCurrentIndex(std::max(0, group_->findData(chosen)));
        }
        updateEmptyState();
    });
    connect(model_, &RecordTableModel::loadingChanged, this,
            [this](bool loading) { busy_->setVisible(loading || model_->isQueryPending()); });
    connect(model_, &RecordTableModel::failed, this, &DeviceTabView::showReadError);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        refreshDetails();
        emit selectionChanged();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeviceTabView::refreshDetails);
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (model_->spec().columns[index.column()].holdsData())
            emit detailsRequested();
    });
    connect(table_, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { emit contextMenuRequested(table_->viewport()->mapToGlobal(pos)); });
    // The ⋯ button of the Actions column opens the row's menu, as in the web console.
    connect(table_, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (model_->spec().columns[index.column()].format != ColumnFormat::Actions)
            return;
        if (!table_->selectionModel()->isRowSelected(index.row(), {}))
            table_->selectRow(index.row());
        const QRect cell = table_->visualRect(index);
        emit contextMenuRequested(table_->viewport()->mapToGlobal(cell.bottomLeft()));
    });
    // Rows another process adds or removes above the viewport must not slide the records the admin
    // is looking at: the record at the top stays at the top. At the very top, new rows show.
    const auto rememberTop = [this](const QModelIndex &, int first, int) {
        const int top = table_->rowAt(0);
        topAnchor_ = top > 0 && first <= top ? model_->idAt(top) : -1;
        topOffset_ = table_->rowViewportPosition(top);
    };
    const auto rememberTopBeforeRemoval = [this](const QModelIndex &, int, int last) {
        const int top = table_->rowAt(0);
        topAnchor_ = top > 0 && last < top ? model_->idAt(top) : -1;
        topOffset_ = table_->rowViewportPosition(top);
    };
    const auto restoreTop = [this] {
        if (topAnchor_ < 0)
            return;
        const int row = model_->rowOf(topAnchor_);
        topAnchor_ = -1;
        if (row < 0)
            return;
        // To the pixel: the top row may have been partly scrolled out of view.
        table_->scrollTo(model_->index(row, 0), QAbstractItemView::PositionAtTop);
        QScrollBar *bar = table_->verticalScrollBar();
        bar->setValue(bar->value() + table_->rowViewportPosition(row) - topOffset_);
    };
    connect(model_, &QAbstractItemModel::rowsAboutToBeInserted, this, rememberTop);
    connect(model_, &QAbstractItemModel::rowsAboutToBeRemoved, this, rememberTopBeforeRemoval);
    connect(model_, &QAbstractItemModel::rowsInserted, this, restoreTop);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, restoreTop);
    // A record to reveal may arrive with any of these.
    connect(model_, &QAbstractItemModel::rowsInserted, this, &DeviceTabView::revealPending);
    connect(model_, &QAbstractItemModel::modelReset, this, &DeviceTabView::revealPending);
    connect(model_, &RecordTableModel::queryApplied, this, &DeviceTabView::revealPending);
    updateEmptyState();
}

void DeviceTabView::reveal(qint64 id)
{
    revealId_ = id;
    revealPending();
}

void DeviceTabView::revealPending()
{
    if (revealId_ < 0)
        return;
    const int row = model_->rowOf(revealId_);
    if (row < 0)
        return;
    revealId_ = -1;
    const QModelIndex index = model_->index(row, 0);
    table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    table_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

QWidget *DeviceTabView::buildFilterRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);

    search_ = new QLineEdit(row);
    search_->setPlaceholderText(kind_ == TabKind::Pending
                                    ? tr("Search user name or email… (Ctrl+F)")
                                    : tr("Search name, user, email, serial, IMEI… (Ctrl+F)"));
    search_->setClearButtonEnabled(true);
    search_->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    search_->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    connect(search_, &QLineEdit::textChanged, this, [this] { searchDebounce_.start(); });
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        searchDebounce_.stop();
        applyFilter();
    });
    layout->addWidget(search_, 1);

    platform_ = new QComboBox(row);
    platform_->addItem(tr("All platforms"), -1);
    for (int p = 0; p < kPlatformCount; ++p)
        platform_->addItem(QIcon(platformIconPath(static_cast<Platform>(p))),
                           DomainText::platform(static_cast<Platform>(p)), p);
    platform_->setToolTip(tr("Platform"));
    layout->addWidget(platform_);

    status_ = new QComboBox(row);
    status_->addItem(tr("All statuses"), -1);
    for (const StatusChoice &choice : statusChoices(kind_))
        status_->addItem(choice.text, choice.value);
    status_->setToolTip(tr("Status"));
    layout->addWidget(status_);

    group_ = new QComboBox(row);
    group_->addItem(tr("All groups"), QString());
    group_->setToolTip(tr("Group"));
    group_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(group_);

    for (QComboBox *combo : {platform_, status_, group_})
        connect(combo, &QComboBox::currentIndexChanged, this, &DeviceTabView::applyFilter);

    if (kind_ == TabKind::Pending) {
        expired_ = new QToolButton(row);
        expired_->setText(tr("Expired"));
        expired_->setToolTip(tr("Show only invitations whose 7-day validity has passed"));
        expiringSoon_ = new QToolButton(row);
        expiringSoon_->setText(tr("Expiring within 48 h"));
        expiringSoon_->setToolTip(tr("Show only valid invitations that expire within the next 48 hours"));
        for (QToolButton *quick : {expired_, expiringSoon_}) {
            quick->setCheckable(true);
            quick->setAutoRaise(false);
            layout->addWidget(quick);
            connect(quick, &QToolButton::toggled, this, [this, quick](bool on) {
                // The two quick filters exclude each other.
                QToolButton *other = quick == expired_ ? expiringSoon_ : expired_;
                if (on && other->isChecked()) {
                    QSignalBlocker block(other);
                    other->setChecked(false);
                }
                applyFilter();
            });
        }
    }

    clear_ = new QToolButton(row);
    clear_->setIcon(QIcon(QStringLiteral(":/icons/clear-filter.svg")));
    clear_->setToolTip(tr("Clear search and filters (Ctrl+Shift+L)"));
    clear_->setEnabled(false);
    connect(clear_, &QToolButton::clicked, this, &DeviceTabView::clearFilters);
    layout->addWidget(clear_);

    busy_ = new QLabel(tr("Loading…"), row);
    busy_->setStyleSheet(QStringLiteral("color: gray"));
    layout->addWidget(busy_);
    return row;
}

QWidget *DeviceTabView::buildEmptyState()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    emptyTitle_ = new QLabel(page);
    emptyTitle_->setObjectName(QStringLiteral("emptyTitle"));
    QFont big = emptyTitle_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    emptyTitle_->setFont(big);
    emptyTitle_->setAlignment(Qt::AlignCenter);
    emptyText_ = new QLabel(page);
    emptyText_->setObjectName(QStringLiteral("emptyText"));
    emptyText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    emptyText_->setAlignment(Qt::AlignCenter);
    emptyText_->setWordWrap(true);
    layout->addWidget(emptyTitle_);
    layout->addWidget(emptyText_);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    const std::pair<Suggestion, QString> choices[] = {
        {Suggestion::SendInvite, tr("Send Enrollment Invite…")},
        {Suggestion::ImportStaged, tr("Import Staged Devices…")},
        {Suggestion::OpenDemo, tr("Try the Demo Store")},
        {Suggestion::ClearFilters, tr("Clear Search and Filters")},
        {Suggestion::Reload, tr("Reload")},
    };
    for (const auto &[suggestion, text] : choices) {
        auto *button = new QPushButton(text, page);
        button->setProperty("suggestion", static_cast<int>(suggestion));
        connect(button, &QPushButton::clicked, this, [this, s = suggestion] {
            if (s == Suggestion::ClearFilters)
                clearFilters();
            emit suggestionChosen(s);
        });
        buttons->addWidget(button);
        emptyButtons_ << button;
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch(3);
    return page;
}

// A tab whose store cannot be read shows why instead of rows it cannot fill, until a reload succeeds.
void DeviceTabView::showReadError(const QString &message)
{
    busy_->hide();
    updateEmptyState();
    emit this->message(tr("%1: the store could not be read: %2").arg(TabText::tabTitle(kind_), message));
}

void DeviceTabView::updateEmptyState()
{
    const IndexQuery q = model_->currentQuery();
    clear_->setEnabled(q.filters());
    const QString error = model_->readError();
    const bool empty = model_->rowCount() == 0 && !model_->isLoading();
    stack_->setCurrentIndex(empty || !error.isEmpty() ? 1 : 0);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    emptyTitle_->setStyleSheet(
        error.isEmpty() ? QString()
                        : QStringLiteral("color: %1").arg(QLatin1String(dark ? "#ef9a9a" : "#b71c1c")));
    if (!empty && error.isEmpty())
        return;
    const bool filtered = q.filters() && model_->totalCount() > 0;
    QList<Suggestion> offered;
    if (!error.isEmpty()) {
        emptyTitle_->setText(tr("The store could not be read"));
        emptyText_->setText(tr("%1\n\nThe records of this tab cannot be shown until the store can be read "
                               "again. Reload to try again.")
                                .arg(error));
        offered = {Suggestion::Reload};
    } else if (filtered) {
        emptyTitle_->setText(tr("Nothing matches"));
        emptyText_->setText(tr("No record matches the search and filters; %Ln in this tab in all.", nullptr,
                               static_cast<int>(model_->totalCount())));
        offered = {Suggestion::ClearFilters};
    } else {
        switch (kind_) {
        case TabKind::Managed:
            emptyTitle_->setText(tr("No managed devices yet"));
            emptyText_->setText(
                tr("Devices appear here when users complete enrollment. Send an enrollment invite "
                   "to get started, or try the demo store to explore the console."));
            offered = {Suggestion::SendInvite, Suggestion::ImportStaged, Suggestion::OpenDemo};
            break;
        case TabKind::Staged:
            emptyTitle_->setText(tr("No staged devices"));
            emptyText_->setText(
                tr("Import a CSV list of devices (serial number or IMEI, platform) to prepare them "
                   "for enrollment in bulk."));
            offered = {Suggestion::ImportStaged, Suggestion::OpenDemo};
            break;
        case TabKind::Pending:
            emptyTitle_->setText(tr("No pending invitations"));
            emptyText_->setText(
                tr("An enrollment invite waits here until the user enrolls the device. Invitations "
                   "are valid for 7 days."));
            offered = {Suggestion::SendInvite, Suggestion::OpenDemo};
            break;
        }
    }
    for (QPushButton *button : emptyButtons_)
        button->setVisible(offered.contains(static_cast<Suggestion>(button->property("suggestion").toInt())));
}

void DeviceTabView::applyFilter()
{
    revealId_ = -1; // the admin asked for other rows
    IndexQuery q;
    q.search = search_->text();
    q.platform = platform_->currentData().toInt();
    q.status = status_->currentData().toInt();
    q.group = group_->currentData().toString();
    if (expired_ && expired_->isChecked())
        q.quick = IndexQuery::Quick::Expired;
    else if (expiringSoon_ && expiringSoon_->isChecked())
        q.quick = IndexQuery::Quick::ExpiringSoon;
    model_->setFilter(q);
    busy_->setText(tr("Searching…"));
    busy_->setVisible(true);
    clear_->setEnabled(q.filters());
}

void DeviceTabView::clearFilters()
{
    // The search box is not blocked: its clear button hides when it hears its text go; the search that
    // its change would start is replaced by the one below.
    for (QWidget *w : std::initializer_list<QWidget *>{platform_, status_, group_, expired_, expiringSoon_})
        if (w)
            w->blockSignals(true);
    search_->clear();
    platform_->setCurrentIndex(0);
    status_->setCurrentIndex(0);
    group_->setCurrentIndex(0);
    if (expired_) {
        expired_->setChecked(false);
        expiringSoon_->setChecked(false);
    }
    for (QWidget *w : std::initializer_list<QWidget *>{platform_, status_, group_, expired_, expiringSoon_})
        if (w)
            w->blockSignals(false);
    searchDebounce_.stop();
    applyFilter();
}

void DeviceTabView::focusSearch()
{
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void DeviceTabView::selectAllShown()
{
    table_->setFocus();
    table_->selectAll();
}

std::vector<qint64> DeviceTabView::selectedIds() const
{
    return model_->idsOf(table_->selectionModel()->selection());
}

qint64 DeviceTabView::selectedCount() const
{
    qint64 count = 0;
    for (const QItemSelectionRange &range : table_->selectionModel()->selection())
        count += range.height();
    return count;
}

qint64 DeviceTabView::shownCount() const
{
    return model_->rowCount();
}

qint64 DeviceTabView::totalCount() const
{
    return model_->totalCount();
}

qint64 DeviceTabView::currentId() const
{
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (current.isValid() && table_->selectionModel()->isRowSelected(current.row(), {}))
        return model_->idAt(current.row());
    const std::vector<qint64> ids = selectedCount() == 1 ? selectedIds() : std::vector<qint64>{};
    return ids.empty() ? -1 : ids.front();
}

void DeviceTabView::refreshDetails()
{
    detailsRefresh_.stop();
    if (details_->isHidden())
        return;
    const qint64 selected = selectedCount();
    if (selected == 1)
        details_->showRecord(*model_, currentId());
    else
        details_->showSelectionSummary(selected);
}

void DeviceTabView::setDetailsVisible(bool visible)
{
    details_->setVisible(visible);
    refreshDetails();
}

QString DeviceTabView::detailsText() const
{
    return details_->text();
}

QList<int> DeviceTabView::visibleColumns() const
{
    QHeaderView *header = table_->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical) && model_->spec().columns[logical].holdsData())
            columns << logical;
    }
    return columns;
}

QString DeviceTabView::selectionAsText() const
{
    const QList<int> columns = visibleColumns();
    QStringList lines;
    QStringList titles;
    for (int c : columns)
        titles << model_->spec().title(c);
    lines << titles.join(QLatin1Char('\t'));
    qint64 copied = 0;
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        if (++copied > kCopyLimit)
            break;
        QStringList cells;
        for (int c : columns)
            cells << model_->index(row.row(), c).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void DeviceTabView::rememberSelection()
{
    selectionBeforeReset_.clear();
    currentBeforeReset_ = model_->idAt(table_->selectionModel()->currentIndex().row());
    if (static_cast<size_t>(selectedCount()) <= kKeepSelectionLimit)
        selectionBeforeReset_ = selectedIds();
}

// A new sort or search keeps the same records selected, wherever they now stand.
void DeviceTabView::restoreSelection()
{
    if (selectionBeforeReset_.empty())
        return;
    const std::unordered_set<qint64> wanted(selectionBeforeReset_.begin(), selectionBeforeReset_.end());
    QItemSelection selection;
    const std::vector<qint64> ids = model_->shownIds();
    int runStart = -1;
    int currentRow = -1;
    const int lastColumn = model_->columnCount() - 1;
    for (int row = 0; row <= static_cast<int>(ids.size()); ++row) {
        const bool in = row < static_cast<int>(ids.size()) && wanted.count(ids[static_cast<size_t>(row)]);
        if (in && ids[static_cast<size_t>(row)] == currentBeforeReset_)
            currentRow = row;
        if (in && runStart < 0)
            runStart = row;
        if (!in && runStart >= 0) {
            selection.select(model_->index(runStart, 0), model_->index(row - 1, lastColumn));
            runStart = -1;
        }
    }
    selectionBeforeReset_.clear();
    if (currentRow >= 0)
        table_->selectionModel()->setCurrentIndex(model_->index(currentRow, 0),
                                                  QItemSelectionModel::NoUpdate);
    table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (currentRow >= 0)
        table_->scrollTo(model_->index(currentRow, 0));
}

// What the table's delegate needs for the widest typical value of the column, icon and margins included,
// and at least what the header needs for its title and sort arrow.
int DeviceTabView::typicalWidth(int column) const
{
    QStyleOptionViewItem option;
    option.initFrom(table_);
    option.font = table_->font();
    option.fontMetrics = table_->fontMetrics();
    option.features = QStyleOptionViewItem::HasDisplay;
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    option.textElideMode = Qt::ElideNone;
    if (model_->spec().columns[column].icon != ColumnIcon::None) {
        option.features |= QStyleOptionViewItem::HasDecoration;
        option.decorationSize = table_->iconSize();
        option.decorationPosition = QStyleOptionViewItem::Left;
        option.icon = QIcon(platformIconPath(Platform::Other));
    }
    int width = table_->horizontalHeader()->sectionSizeHint(column);
    for (const QString &text : model_->typicalTexts(column)) {
        option.text = text;
        width = std::max(
            width, style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), table_).width());
    }
    return width;
}

void DeviceTabView::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = table_->horizontalHeader();
    QMenu menu(this);
    menu.addSection(tr("Columns"));
    for (int c = 0; c < model_->columnCount(); ++c) {
        QAction *toggle = menu.addAction(model_->spec().title(c));
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(c));
        connect(toggle, &QAction::toggled, header,
                [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

void DeviceTabView::saveState() const
{
    UiSettings::tabHeader(kind_).set(table_->horizontalHeader()->saveState());
    UiSettings::tabSplitter(kind_).set(splitter_->saveState());
}

void DeviceTabView::restoreState()
{
    QHeaderView *header = table_->horizontalHeader();
    if (header->restoreState(UiSettings::tabHeader(kind_).get()))
        model_->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    header->setStretchLastSection(true); // a layout saved before it stretched says otherwise
    splitter_->restoreState(UiSettings::tabSplitter(kind_).get());
    rememberLayoutChanges();
}

void DeviceTabView::rememberLayoutChanges()
{
    // Saved when it changes, not only on close: a crash or a kill keeps the layout the admin made.
    auto *save = new QTimer(this);
    save->setSingleShot(true);
    save->setInterval(500);
    connect(save, &QTimer::timeout, this, [this] { saveState(); });
    const auto later = [save] { save->start(); };
    QHeaderView *header = table_->horizontalHeader();
    connect(header, &QHeaderView::sectionMoved, save, later);
    connect(header, &QHeaderView::sectionResized, save, later); // hiding a column resizes it to 0
    connect(header, &QHeaderView::sortIndicatorChanged, save, later);
    connect(splitter_, &QSplitter::splitterMoved, save, later);
}

} // namespace mdm
