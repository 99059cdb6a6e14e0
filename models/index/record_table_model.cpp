#include "index/record_table_model.h"

#include "domain/clock.h"
#include "domain/domain.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "store/bound_rows.h"
#include "store/dialect.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QIcon>
#include <QIconEngine>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace mdm {

namespace {

constexpr int kPageBefore = 40;
constexpr int kPageAfter = 120;
constexpr int kCacheLimit = 6000;
constexpr int kMinuteMs = 60 * 1000;
constexpr size_t kMaxRemovedRanges = 32;

QString formatTimestamp(const QVariant &value)
{
    if (value.isNull() || value.toLongLong() <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(value.toLongLong()).toLocalTime(),
                              QLocale::ShortFormat);
}

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

// Status colours come with the status word, never alone; lighter variants on a dark palette.
QColor statusColor(TabKind kind, int status)
{
    enum Tone
    {
        Good,
        Warn,
        Bad,
        Quiet,
        Neutral
    };
    Tone tone = Neutral;
    switch (kind) {
    case TabKind::Managed:
        tone = status == int(DeviceState::Enrolled)    ? Good
               : status == int(DeviceState::Unmanaged) ? Quiet
                                                       : Bad;
        break;
    case TabKind::Staged:
        tone = status == 0 ? Neutral : Quiet;
        break;
    case TabKind::Pending:
        tone = status == int(InvitationDisplayStatus::Pending)   ? Good
               : status == int(InvitationDisplayStatus::Queued)  ? Warn
               : status == int(InvitationDisplayStatus::Expired) ? Quiet
                                                                 : Bad;
        break;
    }
    const bool dark = darkPalette();
    switch (tone) {
    case Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case Warn:
        return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x4b, 0x00);
    case Bad:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
    case Quiet:
        return dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x61, 0x61, 0x61);
    case Neutral:
        break;
    }
    return {};
}

// The platform pictures are drawn in the platforms' colours, some of them close to a selection's
// highlight (blue on blue). On a selected row the picture is drawn in the highlighted text's colour instead.
class PlatformIconEngine : public QIconEngine
{
public:
    explicit PlatformIconEngine(const QString &path) : picture_(path) {}

    QIconEngine *clone() const override { return new PlatformIconEngine(*this); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        if (mode != QIcon::Selected)
            return picture_.pixmap(size, 1.0, mode, state);
        QPixmap out = picture_.pixmap(size, 1.0, QIcon::Normal, state);
        QPainter painter(&out);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(out.rect(), QGuiApplication::palette().color(QPalette::HighlightedText));
        return out;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pm = pixmap(rect.size() * ratio, mode, state);
        pm.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, pm);
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return picture_.actualSize(size, mode, state);
    }

private:
    QIcon picture_;
};

const QIcon &platformIcon(int platform)
{
    static QIcon icons[kPlatformCount];
    const int p = std::clamp(platform, 0, kPlatformCount - 1);
    if (icons[p].isNull())
        icons[p] = QIcon(new PlatformIconEngine(platformIconPath(static_cast<Platform>(p))));
    return icons[p];
}

} // namespace

RecordTableModel::RecordTableModel(Store &store, const Clock &clock, TabKind kind, QObject *parent)
    : QAbstractTableModel(parent), store_(store), clock_(clock), kind_(kind)
{
    query_.nowMs = clock_.nowMs();
    IndexWorker::Callbacks callbacks;
    // The worker calls back on its own thread; everything is handed to the UI thread as a queued call,
    // which Qt drops if this model is gone by then.
    callbacks.loadedChunk = [this](std::vector<qint64> &&ids, std::vector<ShownRow> &&rows) {
        QMetaObject::invokeMethod(
            this,
            [this, chunk = std::move(ids), shown = std::move(rows)]() mutable {
                onChunk(std::move(chunk), std::move(shown));
            },
            Qt::QueuedConnection);
    };
    callbacks.queryFinished = [this](QueryResult &&result) {
        QMetaObject::invokeMethod(
            this, [this, r = std::move(result)]() mutable { onQueryFinished(std::move(r)); },
            Qt::QueuedConnection);
    };
    callbacks.refreshed = [this](IndexDelta &&delta) {
        QMetaObject::invokeMethod(
            this, [this, d = std::move(delta)]() mutable { onRefreshed(std::move(d)); },
            Qt::QueuedConnection);
    };
    callbacks.failed = [this](const QString &message) {
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                if (readError_.isEmpty())
                    readError_ = message;
                emit failed(message);
            },
            Qt::QueuedConnection);
    };
    worker_ = std::make_unique<IndexWorker>(store_.path(), spec(), std::move(callbacks));
    requestQuery();

    connect(&store_, &Store::changed, this, &RecordTableModel::onStoreChanged);
    minuteTimer_.setInterval(kMinuteMs / 2);
    connect(&minuteTimer_, &QTimer::timeout, this, &RecordTableModel::onMinuteTick);
    if (kind_ == TabKind::Pending)
        minuteTimer_.start();
}

RecordTableModel::~RecordTableModel()
{
    worker_.reset();
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(ids_.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : spec().columnCount();
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= spec().columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return spec().title(section);
    if (role == Qt::UserRole)
        return QString::fromLatin1(spec().columns[section].key);
    return {};
}

qint64 RecordTableModel::idAt(int row) const
{
    return row >= 0 && row < static_cast<int>(ids_.size()) ? ids_[static_cast<size_t>(row)] : -1;
}

int RecordTableModel::rowOf(qint64 id) const
{
    const auto it = std::find(ids_.begin(), ids_.end(), id);
    return it == ids_.end() ? -1 : static_cast<int>(it - ids_.begin());
}

// In view order, each record once, however the selection was made.
std::vector<qint64> RecordTableModel::idsOf(const QItemSelection &selection) const
{
    std::vector<uint8_t> taken(ids_.size(), 0);
    size_t count = 0;
    for (const QItemSelectionRange &range : selection)
        for (int row = std::max(range.top(), 0); row <= range.bottom() && row < static_cast<int>(ids_.size());
             ++row)
            count += taken[static_cast<size_t>(row)] ? 0 : (taken[static_cast<size_t>(row)] = 1);
    std::vector<qint64> out;
    out.reserve(count);
    for (size_t row = 0; row < ids_.size() && out.size() < count; ++row)
        if (taken[row])
            out.push_back(ids_[row]);
    return out;
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= 0 && column < spec().columnCount() && spec().columns[column].source == SortSource::None)
        return;
    query_.sortColumn = column;
    query_.descending = order == Qt::DescendingOrder;
    requestQuery();
}

void RecordTableModel::setFilter(const IndexQuery &filter)
{
    const int column = query_.sortColumn;
    const bool descending = query_.descending;
    query_ = filter;
    query_.sortColumn = column;
    query_.descending = descending;
    requestQuery();
}

void RecordTableModel::requestQuery()
{
    query_.nowMs = clock_.nowMs();
    worker_->requestQuery(query_, ++requestedGeneration_, ++stamp_);
}

void RecordTableModel::takeShownRows(std::vector<ShownRow> &rows, quint64 stamp)
{
    if (allChangedAt_ >= stamp)
        return;
    for (ShownRow &row : rows)
        if (changedAt_.value(row.id, 0) < stamp)
            cache_.insert(row.id, Row{std::move(row.values)});
}

void RecordTableModel::onChunk(std::vector<qint64> &&ids, std::vector<ShownRow> &&rows)
{
    // Progressive display while the index loads: rows appear in store order, then the first query
    // result puts them in the order asked for.
    if (!loading_ || ids.empty())
        return;
    takeShownRows(rows, kLoadStamp);
    const int first = static_cast<int>(ids_.size());
    beginInsertRows({}, first, first + static_cast<int>(ids.size()) - 1);
    ids_.insert(ids_.end(), ids.begin(), ids.end());
    endInsertRows();
    total_ = static_cast<qint64>(ids_.size());
    emit countsChanged();
}

void RecordTableModel::onQueryFinished(QueryResult &&result)
{
    // A result for a query the admin has already replaced is dropped; the newer one is on its way. A
    // reload of the query shown now is taken even then: the worker places new rows by the result it sent
    // last, and the deltas that follow it until the newer result must meet the same rows here.
    if (result.generation != requestedGeneration_ &&
        (result.generation != appliedGeneration_ || !appliedGeneration_))
        return;
    appliedGeneration_ = result.generation;
    takeShownRows(result.rows, result.stamp);
    if (result.ids != ids_) {
        beginResetModel();
        ids_ = std::move(result.ids);
        endResetModel();
    } else if (!ids_.empty()) {
        // Same rows, possibly new values (a reload after a user or group changed): repaint them.
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
    total_ = result.total;
    groups_ = result.groups;
    if (loading_) {
        loading_ = false;
        emit loadingChanged(false);
    }
    emit countsChanged();
    emit queryApplied();
}

void RecordTableModel::onRefreshed(IndexDelta &&delta)
{
    total_ = delta.total;
    if (delta.generation != appliedGeneration_ || loading_) {
        emit countsChanged();
        return;
    }
    QHash<qint64, bool> shown;
    for (const auto &[id, visible] : delta.records)
        shown.insert(id, visible);

    // Rows that left the view go first, as contiguous ranges from the bottom up.
    std::vector<int> removed;
    std::vector<int> changed;
    for (size_t row = 0; row < ids_.size(); ++row) {
        const auto it = shown.find(ids_[row]);
        if (it == shown.end())
            continue;
        (it.value() ? changed : removed).push_back(static_cast<int>(row));
        shown.erase(it);
    }
    // Thousands of scattered removals would each move the rows below them; past a few ranges one
    // reset is cheaper, and the views keep their selection by record ID across it.
    size_t ranges = 0;
    for (size_t i = 0; i < removed.size(); ++i)
        ranges += (i == 0 || removed[i] != removed[i - 1] + 1) ? 1 : 0;
    if (ranges > kMaxRemovedRanges) {
        std::vector<uint8_t> gone(ids_.size(), 0);
        for (int row : removed)
            gone[static_cast<size_t>(row)] = 1;
        std::vector<qint64> kept;
        kept.reserve(ids_.size() - removed.size());
        for (size_t row = 0; row < ids_.size(); ++row)
            if (!gone[row])
                kept.push_back(ids_[row]);
        beginResetModel();
        ids_ = std::move(kept);
        endResetModel();
        removed.clear();
        changed.clear(); // the reset repaints them
    }
    for (auto it = removed.rbegin(); it != removed.rend();) {
        int last = *it;
        int first = last;
        ++it;
        while (it != removed.rend() && *it == first - 1) {
            first = *it;
            ++it;
        }
        beginRemoveRows({}, first, last);
        ids_.erase(ids_.begin() + first, ids_.begin() + last + 1);
        endRemoveRows();
    }
    // Rows whose data changed keep their place: re-sorting under the admin's cursor would lose it.
    // Both lists are in row order, so a row's new place is its old one less the removed rows above it;
    // neighbouring rows are announced as one range.
    for (size_t i = 0; i < changed.size();) {
        const auto shift = [&](int row) {
            return row -
                   static_cast<int>(std::lower_bound(removed.begin(), removed.end(), row) - removed.begin());
        };
        const int first = shift(changed[i]);
        int last = first;
        while (++i < changed.size() && shift(changed[i]) == last + 1)
            ++last;
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
    }
    // New records matching the view enter at the rows the worker placed them, in the current sort order
    // (see IndexWorker::placeAdded); neighbouring rows are announced as one range.
    std::vector<std::pair<int, qint64>> inserted;
    for (const auto &entry : delta.inserted)
        if (shown.contains(entry.second)) // not shown before: a guard should the two lists ever differ
            inserted.push_back(entry);
    size_t insertedRanges = 0;
    for (size_t i = 0; i < inserted.size(); ++i)
        insertedRanges += (i == 0 || inserted[i].first != inserted[i - 1].first + 1) ? 1 : 0;
    if (insertedRanges > kMaxRemovedRanges) {
        // Each insertion moves the rows below it: past a few places one reset is cheaper (as above).
        std::vector<qint64> next;
        next.reserve(ids_.size() + inserted.size());
        size_t from = 0;
        for (size_t k = 0; k < inserted.size(); ++k) {
            // The record's row less the records inserted above it: the shown rows that precede it.
            const auto before = static_cast<size_t>(std::max(inserted[k].first - static_cast<int>(k), 0));
            const size_t take = std::clamp(before, from, ids_.size());
            next.insert(next.end(), ids_.begin() + static_cast<std::ptrdiff_t>(from),
                        ids_.begin() + static_cast<std::ptrdiff_t>(take));
            from = take;
            next.push_back(inserted[k].second);
        }
        next.insert(next.end(), ids_.begin() + static_cast<std::ptrdiff_t>(from), ids_.end());
        beginResetModel();
        ids_ = std::move(next);
        endResetModel();
        inserted.clear();
    }
    for (size_t i = 0; i < inserted.size();) {
        const int first = std::clamp(inserted[i].first, 0, static_cast<int>(ids_.size()));
        size_t end = i + 1;
        while (end < inserted.size() && inserted[end].first == inserted[end - 1].first + 1)
            ++end;
        std::vector<qint64> range;
        range.reserve(end - i);
        for (size_t k = i; k < end; ++k)
            range.push_back(inserted[k].second);
        beginInsertRows({}, first, first + static_cast<int>(range.size()) - 1);
        ids_.insert(ids_.begin() + first, range.begin(), range.end());
        endInsertRows();
        i = end;
    }
    emit countsChanged();
}

void RecordTableModel::onStoreChanged(RecordKind kind, const QList<qint64> &ids)
{
    const bool mine = kind_ == TabKind::Pending ? kind == RecordKind::Invitation : kind == RecordKind::Device;
    if (!mine && kind != RecordKind::User && kind != RecordKind::Group)
        return;
    if (!mine || ids.isEmpty()) {
        // A full reload is a fresh try after a failed read: a read that fails again says so again.
        readError_.clear();
        cache_.clear();
        allChangedAt_ = stamp_;
        changedAt_.clear();
        worker_->requestRefresh({}, clock_.nowMs(), ++stamp_);
        return;
    }
    // Bounded: past it, every row still on its way is read anew, as after a change of everything.
    if (changedAt_.size() + ids.size() > kCacheLimit) {
        allChangedAt_ = stamp_;
        changedAt_.clear();
    }
    for (qint64 id : ids) {
        cache_.remove(id);
        changedAt_.insert(id, stamp_);
    }
    worker_->requestRefresh(ids, clock_.nowMs(), ++stamp_);
}

void RecordTableModel::onMinuteTick()
{
    // Expiry is live: countdowns and statuses move on while the console is open, and a filter that
    // depends on the time is applied again.
    const bool timeFiltered = query_.status >= 0 || query_.quick != IndexQuery::Quick::None;
    if (timeFiltered && !isQueryPending())
        requestQuery();
    if (!ids_.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::DisplayRole, Qt::ForegroundRole, StatusRole});
}

void RecordTableModel::fetchIds(const QList<qint64> &ids) const
{
    if (ids.isEmpty())
        return;
    QSqlQuery q(store_.database());
    q.setForwardOnly(true);
    // PostgreSQL: the IDs as one bound array, so that a page is one statement of the same text, not a list
    // of placeholders that the server plans value by value (10 ms for a page of 160 on a shown tab).
    const bool postgres = dialectOf(store_.database()).isPostgres();
    // A statement that cannot be prepared (a table gone) keeps its own error, not the binding's.
    bool ok = q.prepare(QString::fromLatin1(postgres ? spec().rowSqlIn(idSetSql(store_.database()).toLatin1())
                                                     : spec().rowSql(ids.size())));
    if (ok) {
        if (postgres)
            q.addBindValue(idSetValue(store_.database(), ids));
        else
            for (qint64 id : ids)
                q.addBindValue(id);
        ok = q.exec();
    }
    if (ok) {
        const int columns = q.record().count();
        while (q.next()) {
            Row row;
            row.values.reserve(columns - 1);
            for (int c = 1; c < columns; ++c)
                row.values << q.value(c);
            cache_.insert(q.value(0).toLongLong(), std::move(row));
        }
    }
    if (!q.lastError().isValid() || !readError_.isEmpty())
        return;
    // data() is const and may run inside a view's paint: the failure is told from the event loop.
    readError_ = describeSqlError(q.lastError(), store_.busyTimeoutMs());
    auto *self = const_cast<RecordTableModel *>(this);
    QMetaObject::invokeMethod(
        self, [self, message = readError_] { emit self->failed(message); }, Qt::QueuedConnection);
}

void RecordTableModel::fetchAround(int row) const
{
    if (cache_.size() > kCacheLimit)
        cache_.clear();
    QList<qint64> wanted;
    const int first = std::max(0, row - kPageBefore);
    const int last = std::min(static_cast<int>(ids_.size()) - 1, row + kPageAfter);
    for (int r = first; r <= last; ++r) {
        const qint64 id = ids_[static_cast<size_t>(r)];
        if (!cache_.contains(id))
            wanted << id;
    }
    fetchIds(wanted);
}

const RecordTableModel::Row *RecordTableModel::rowFor(int row) const
{
    if (row < 0 || row >= static_cast<int>(ids_.size()))
        return nullptr;
    const qint64 id = ids_[static_cast<size_t>(row)];
    auto it = cache_.constFind(id);
    if (it == cache_.constEnd()) {
        fetchAround(row);
        it = cache_.constFind(id);
        if (it == cache_.constEnd())
            return nullptr;
    }
    return &it.value();
}

QVariantList RecordTableModel::recordValues(qint64 id) const
{
    if (!cache_.contains(id))
        fetchIds({id});
    const auto it = cache_.constFind(id);
    return it == cache_.constEnd() ? QVariantList() : it->values;
}

QString RecordTableModel::queuedCommandText(const QString &packed, const QString &pushTopic)
{
    // "kind|pushed_at|protocol|push_dead|has token", see the Managed row query in tab_spec.cpp.
    const QStringList parts = packed.split(QLatin1Char('|'));
    if (parts.size() != 5)
        return {};
    const QString mode = DomainText::deprovisionMode(static_cast<DeprovisionMode>(parts[0].toInt()));
    const bool apple = parts[2] == QLatin1String("0");
    if (apple && parts[1].toLongLong() > 0)
        return tr("%1 queued — push sent %2").arg(mode, formatTimestamp(parts[1].toLongLong()));
    if (apple && parts[3] == QLatin1String("1"))
        return tr("%1 queued — waits for the device's next check-in (the device's push token is no longer "
                  "valid)")
            .arg(mode);
    if (apple && pushTopic.isEmpty())
        return tr("%1 queued — waits for the device's next check-in (no push certificate)").arg(mode);
    return tr("%1 queued — waits for the device's next check-in").arg(mode);
}

QList<QPair<QString, QString>> RecordTableModel::details(qint64 id) const
{
    QList<QPair<QString, QString>> out;
    const QVariantList values = recordValues(id);
    if (values.isEmpty())
        return out;
    const Row row{values};
    out.append({tr("Record ID"), QString::number(id)});
    for (int column = 0; column < columnCount(); ++column)
        if (spec().columns[column].holdsData())
            out.append({spec().title(column), displayValue(column, row).toString()});
    // Fields that have no column of their own follow the columns in the row query.
    const int extra = columnCount() - (kind_ == TabKind::Pending ? 1 : 0);
    switch (kind_) {
    case TabKind::Managed:
        // What a device answered to a failed deprovision, and the PIN that unlocks an erased Mac.
        if (const QString remarks = values.value(extra).toString(); !remarks.isEmpty())
            out.append({tr("Remarks"), remarks});
        if (const QString pin = values.value(extra + 1).toString(); !pin.isEmpty())
            out.append({tr("Erase PIN"), pin});
        if (const QString command =
                queuedCommandText(values.value(extra + 2).toString(), values.value(extra + 3).toString());
            !command.isEmpty())
            out.append({tr("Command"), command});
        break;
    case TabKind::Staged:
        out.append(
            {tr("Ownership"), DomainText::ownership(static_cast<Ownership>(values.value(extra).toInt()))});
        out.append({tr("Model"), values.value(extra + 1).toString()});
        out.append({tr("Staged on"), formatTimestamp(values.value(extra + 2))});
        break;
    case TabKind::Pending:
        out.append(
            {tr("Ownership"), DomainText::ownership(static_cast<Ownership>(values.value(extra).toInt()))});
        out.append(
            {tr("Last sent"), InvitationText::lastSent(deliveryOf(row), values.value(extra + 1).toLongLong(),
                                                       QLocale::ShortFormat)});
        out.append({tr("Expires on"), InvitationText::expiresOn(
                                          deliveryOf(row), values.value(PendingColumn::Expires).toLongLong(),
                                          QLocale::ShortFormat)});
        break;
    }
    return out;
}

QStringList RecordTableModel::typicalTexts(int column) const
{
    if (column < 0 || column >= columnCount())
        return {};
    const ColumnSpec &spec = this->spec().columns[column];
    QStringList out;
    switch (spec.format) {
    case ColumnFormat::Text: {
        // Free text: a long but ordinary value; codes: their full length.
        static const std::pair<const char *, const char *> samples[] = {
            {"device", "Aiko's Surface Laptop 5"},
            {"user", "Maximilian Okafor"},
            {"email", "maximilian.okafor@contoso.example"},
            {"group", "Human Resources"},
            {"serial", "C00WMQ0KZ3MH"},
            {"imei", "358756110004809"},
            {"model", "iPad Pro 12.9 (6th gen)"},
            {"os_version", "14.4.1 (23E224)"},
            {"remarks", "550 5.1.1 Mailbox unavailable"},
        };
        for (const auto &[key, sample] : samples)
            if (qstrcmp(spec.key, key) == 0)
                out << QString::fromUtf8(sample);
        if (out.isEmpty())
            out << QStringLiteral("Sample value text");
        break;
    }
    case ColumnFormat::Platform:
        for (int p = 0; p < kPlatformCount; ++p)
            out << DomainText::platform(static_cast<Platform>(p));
        break;
    case ColumnFormat::Status:
        for (const StatusChoice &choice : statusChoices(kind_))
            out << choice.text;
        break;
    case ColumnFormat::Ownership:
        out << DomainText::ownership(Ownership::Corporate) << DomainText::ownership(Ownership::Personal);
        break;
    case ColumnFormat::Timestamp:
        // Two-digit days and hours, morning and evening, every month (some locales name it): the widest a
        // date of the locale gets is among them.
        for (int month = 1; month <= 12; ++month)
            for (int hour : {10, 22})
                out << formatTimestamp(
                    QDateTime(QDate(2026, month, 28), QTime(hour, 58, 58)).toMSecsSinceEpoch());
        break;
    case ColumnFormat::Countdown: {
        const qint64 now = clock_.nowMs();
        constexpr qint64 hour = 60 * kMinuteMs;
        for (qint64 span : {7 * 24 * hour - kMinuteMs, 48 * hour - kMinuteMs, 24 * hour - kMinuteMs,
                            hour - kMinuteMs, 30 * 24 * hour})
            out << InvitationText::countdown(now + span, now) << InvitationText::countdown(now - span, now);
        // An unsent invitation's cell says why it has no expiry yet.
        out << InvitationText::expires(DeliveryState::Queued, 0, now)
            << InvitationText::expires(DeliveryState::Failed, 0, now);
        break;
    }
    case ColumnFormat::Integer:
        out << QLocale().toString(999);
        break;
    case ColumnFormat::Actions:
        out << QStringLiteral("⋯");
        break;
    }
    return out;
}

RecordKind RecordTableModel::recordKind() const
{
    return kind_ == TabKind::Pending ? RecordKind::Invitation : RecordKind::Device;
}

int RecordTableModel::platformOf(const Row &row) const
{
    switch (kind_) {
    case TabKind::Managed:
        return row.values.value(ManagedColumn::Platform).toInt();
    case TabKind::Staged:
        return row.values.value(StagedColumn::Platform).toInt();
    case TabKind::Pending:
        return row.values.value(PendingColumn::Type).toInt();
    }
    return 0;
}

int RecordTableModel::statusOf(const Row &row) const
{
    switch (kind_) {
    case TabKind::Managed:
        return row.values.value(ManagedColumn::Status).toInt();
    case TabKind::Staged:
        return row.values.value(StagedColumn::Status).toBool() ? 0 : 1;
    case TabKind::Pending:
        return static_cast<int>(inviteStatus(
            deliveryOf(row), row.values.value(PendingColumn::Expires).toLongLong(), clock_.nowMs()));
    }
    return 0;
}

// The Pending tab's Status column holds the stored delivery state; the status shown is derived from it.
DeliveryState RecordTableModel::deliveryOf(const Row &row)
{
    return static_cast<DeliveryState>(row.values.value(PendingColumn::Status).toInt());
}

QVariant RecordTableModel::displayValue(int column, const Row &row) const
{
    const QVariant raw = row.values.value(column);
    switch (spec().columns[column].format) {
    case ColumnFormat::Text:
        // Remarks are stored as data and worded in the reader's language.
        if (kind_ == TabKind::Pending && column == PendingColumn::Remarks)
            return InvitationText::remark(raw.toString());
        return raw.toString();
    case ColumnFormat::Platform:
        return DomainText::platform(static_cast<Platform>(std::clamp(raw.toInt(), 0, kPlatformCount - 1)));
    case ColumnFormat::Status:
        return statusText(kind_, statusOf(row));
    case ColumnFormat::Ownership:
        return DomainText::ownership(static_cast<Ownership>(raw.toInt()));
    case ColumnFormat::Timestamp:
        return formatTimestamp(raw);
    case ColumnFormat::Countdown:
        return InvitationText::expires(deliveryOf(row), raw.toLongLong(), clock_.nowMs());
    case ColumnFormat::Integer:
        return QLocale().toString(raw.toLongLong());
    case ColumnFormat::Actions:
        return QStringLiteral("⋯");
    }
    return raw.toString();
}

QVariant RecordTableModel::decoration(int column, const Row &row) const
{
    switch (spec().columns[column].icon) {
    case ColumnIcon::None:
        return {};
    case ColumnIcon::Platform:
        return platformIcon(platformOf(row));
    }
    return {};
}

QVariant RecordTableModel::foreground(int column, const Row &row) const
{
    switch (spec().columns[column].format) {
    case ColumnFormat::Status: {
        const QColor color = statusColor(kind_, statusOf(row));
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case ColumnFormat::Countdown:
        if (deliveredInvitationExpired(deliveryOf(row), row.values.value(column).toLongLong(),
                                       clock_.nowMs()))
            return statusColor(kind_, static_cast<int>(InvitationDisplayStatus::Expired));
        return {};
    default:
        return {};
    }
}

QVariant RecordTableModel::toolTip(int column, const Row &row) const
{
    switch (spec().columns[column].format) {
    case ColumnFormat::Countdown:
        if (deliveryOf(row) == DeliveryState::Sent)
            return formatTimestamp(row.values.value(column));
        return InvitationText::expiresToolTip(deliveryOf(row)); // also the whole text where it is cut off
    case ColumnFormat::Actions:
        return tr("Actions for this invitation");
    case ColumnFormat::Text:
        // A server's reply can be longer than any column: the whole of it on hover.
        if (qstrcmp(spec().columns[column].key, "remarks") == 0)
            return row.values.value(column);
        return {};
    default:
        return {};
    }
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole)
        return idAt(index.row());
    const Row *row = rowFor(index.row());
    // "…" while a row is on its way; nothing once reading has failed, so that no placeholder passes for data.
    if (!row)
        return role == Qt::DisplayRole && readError_.isEmpty() ? QVariant(QStringLiteral("…")) : QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(index.column(), *row);
    case Qt::ToolTipRole:
        return toolTip(index.column(), *row);
    case Qt::DecorationRole:
        return decoration(index.column(), *row);
    case Qt::ForegroundRole:
        return foreground(index.column(), *row);
    case Qt::TextAlignmentRole:
        if (spec().columns[index.column()].format == ColumnFormat::Actions)
            return int(Qt::AlignCenter);
        return {};
    case SortValueRole:
        return row->values.value(index.column());
    case StatusRole:
        return statusOf(*row);
    case PlatformRole:
        return platformOf(*row);
    default:
        return {};
    }
}

} // namespace mdm
