#include "csv/csv_export.h"

#include "csv/csv.h"
#include "domain/domain.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "store/audit_log.h"
#include "store/store.h"
#include "store/store_reader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace mdm {

namespace {

// Chunks big enough that writes cost little per byte, few enough in flight to keep memory bounded.
constexpr qsizetype kChunkBytes = qsizetype(4) << 20;
constexpr size_t kMaxQueuedChunks = 4;
constexpr qsizetype kListedBatch = 500;

enum class CellKind
{
    Text,
    Platform,
    Ownership,
    Timestamp,
    Integer,
    DeviceStatus,
    StagedStatus,
    InvitationDisplayStatus,
    InvitationExpiry, // a timestamp once the mail has left; empty while it waits or after it failed
    InvitationRemark  // stored as data, worded in the UI language with ISO 8601 times
};

struct OutColumn
{
    CellKind kind;
    int result; // column of the export query
};

// The export reads the tab's own display columns, so that it writes the values the table shows
// (column i of the tab is result i + 1, after the ID).
struct TabQuery
{
    const TabSpec &spec;

    QByteArray selectFrom() const
    {
        return QByteArray("SELECT ") + spec.displayColumns + " FROM " + spec.from;
    }
    QByteArray allSql() const
    {
        return selectFrom() + " WHERE " + spec.predicate + " ORDER BY " + spec.idColumn;
    }
    // The first table of the FROM clause with its alias is enough to count the tab's records.
    QByteArray countSql() const
    {
        const QList<QByteArray> words = QByteArray(spec.from).split(' ');
        return "SELECT count(*) FROM " + words.value(0) + ' ' + words.value(1) + " WHERE " + spec.predicate;
    }
    QByteArray listedSql(qsizetype n) const { return selectFrom() + " WHERE " + spec.listedWhere(n); }
};

QByteArray cell(const QString &text, csv::Formulas formulas)
{
    QByteArray out;
    csv::appendCell(out, text.toUtf8(), formulas);
    return out;
}

// Everything a row needs, decided once: which result column feeds each cell and the finished cells of
// the words (platforms, statuses, ownership), so that the loop over a million rows only copies bytes.
class RowFormat
{
public:
    RowFormat(TabKind tab, const QList<int> &columns, csv::Formulas formulas, qint64 nowMs)
        : formulas_(formulas), nowMs_(nowMs)
    {
        for (int column : columns)
            outs_.push_back({kindOf(tab, column), column + 1});
        for (int p = 0; p < kPlatformCount; ++p)
            platforms_.push_back(cell(DomainText::platform(static_cast<Platform>(p)), formulas));
        for (auto o : {Ownership::Corporate, Ownership::Personal})
            ownerships_.push_back(cell(DomainText::ownership(o), formulas));
        for (int s = 0; s < kDeviceStateCount; ++s)
            deviceStates_.push_back(cell(DomainText::deviceState(static_cast<DeviceState>(s)), formulas));
        for (int s = 0; s <= static_cast<int>(InvitationDisplayStatus::DeliveryFailed); ++s)
            inviteStatuses_.push_back(
                cell(DomainText::inviteStatus(static_cast<InvitationDisplayStatus>(s)), formulas));
        stagedStatuses_ = {cell(statusText(TabKind::Staged, 0), formulas),
                           cell(statusText(TabKind::Staged, 1), formulas)};
    }

    void append(QByteArray &out, const ReadCursor &row) const
    {
        for (size_t i = 0; i < outs_.size(); ++i) {
            if (i)
                out.append(',');
            const int c = outs_[i].result;
            switch (outs_[i].kind) {
            case CellKind::Text: {
                csv::appendCell(out, row.text(c), formulas_);
                break;
            }
            case CellKind::Platform:
                out.append(pick(platforms_, row.int64(c)));
                break;
            case CellKind::Ownership:
                out.append(pick(ownerships_, row.int64(c)));
                break;
            case CellKind::DeviceStatus:
                out.append(pick(deviceStates_, row.int64(c)));
                break;
            case CellKind::StagedStatus:
                out.append(stagedStatuses_[row.int64(c) ? 0 : 1]);
                break;
            case CellKind::InvitationDisplayStatus: {
                const InvitationDisplayStatus status = inviteStatus(
                    static_cast<DeliveryState>(row.int64(c)), row.int64(PendingColumn::Expires + 1), nowMs_);
                out.append(inviteStatuses_[static_cast<size_t>(status)]);
                break;
            }
            case CellKind::InvitationExpiry:
                if (row.int64(PendingColumn::Status + 1) != static_cast<int>(DeliveryState::Sent))
                    break;
                [[fallthrough]];
            case CellKind::Timestamp:
                // Never quoted or guarded: it starts with a digit and holds no separator.
                if (const qint64 ms = row.int64(c); ms > 0)
                    csv::appendTimestamp(out, ms);
                break;
            case CellKind::InvitationRemark: {
                const QByteArrayView stored = row.text(c);
                // Empty and old plain-text remarks go as they are; "Sent …" and "Expired …", on most rows,
                // from their words worked out once and the time written as every CSV time is.
                qint64 at = 0;
                if (const TimedWords *words = timedWords(stored, &at)) {
                    scratch_.clear();
                    scratch_.append(words->before);
                    csv::appendTimestamp(scratch_, at);
                    scratch_.append(words->after);
                    csv::appendCell(out, scratch_, formulas_);
                } else if (stored.startsWith('{'))
                    csv::appendCell(
                        out,
                        InvitationText::remark(QString::fromUtf8(stored), InvitationText::Times::Iso)
                            .toUtf8(),
                        formulas_);
                else
                    csv::appendCell(out, stored, formulas_);
                break;
            }
            case CellKind::Integer: {
                char digits[24];
                const auto end = std::to_chars(digits, digits + sizeof digits, row.int64(c)).ptr;
                out.append(digits, end - digits);
                break;
            }
            }
        }
        out.append(csv::kLineEnd, 2);
    }

private:
    // The export writes what the column shows, but times as times: a countdown is its expiry time.
    static CellKind kindOf(TabKind tab, int column)
    {
        if (tab == TabKind::Pending && column == PendingColumn::Remarks)
            return CellKind::InvitationRemark;
        if (tab == TabKind::Pending && column == PendingColumn::Expires)
            return CellKind::InvitationExpiry;
        switch (TabSpec::of(tab).columns[column].format) {
        case ColumnFormat::Platform:
            return CellKind::Platform;
        case ColumnFormat::Ownership:
            return CellKind::Ownership;
        case ColumnFormat::Status:
            return tab == TabKind::Managed  ? CellKind::DeviceStatus
                   : tab == TabKind::Staged ? CellKind::StagedStatus
                                            : CellKind::InvitationDisplayStatus;
        case ColumnFormat::Timestamp:
        case ColumnFormat::Countdown:
            return CellKind::Timestamp;
        case ColumnFormat::Integer:
            return CellKind::Integer;
        case ColumnFormat::Text:
        case ColumnFormat::Actions: // never exported
            break;
        }
        return CellKind::Text;
    }

    static const QByteArray &pick(const std::vector<QByteArray> &cells, qint64 value)
    {
        return cells[static_cast<size_t>(
            std::clamp<qint64>(value, 0, static_cast<qint64>(cells.size()) - 1))];
    }

    struct TimedWords
    {
        QString wording;
        QByteArray before, after; // the UTF-8 around the %1 of wording
    };

    const TimedWords *timedWords(QByteArrayView stored, qint64 *at) const
    {
        const QString wording = InvitationText::timedTemplate(stored, at);
        if (wording.isEmpty())
            return nullptr;
        for (const TimedWords &words : timedWords_)
            if (words.wording == wording)
                return &words;
        const qsizetype place = wording.indexOf(QLatin1String("%1"));
        if (place < 0)
            return nullptr;
        timedWords_.push_back({wording, wording.left(place).toUtf8(), wording.mid(place + 2).toUtf8()});
        return &timedWords_.back();
    }

    csv::Formulas formulas_;
    qint64 nowMs_;
    mutable std::deque<TimedWords> timedWords_; // deque: the pointers handed out stay valid
    mutable QByteArray scratch_;
    std::vector<OutColumn> outs_;
    std::vector<QByteArray> platforms_, ownerships_, deviceStates_, inviteStatuses_, stagedStatuses_;
};

// Rows are read and formatted on a thread of their own while the caller's thread writes the finished
// chunks, so the disk works while SQLite reads.
class ChunkQueue
{
public:
    // Blocks while the queue is full; false once the consumer has stopped.
    bool push(QByteArray &&chunk, qint64 rows)
    {
        std::unique_lock lock(mutex_);
        space_.wait(lock, [this] { return stopped_ || chunks_.size() < kMaxQueuedChunks; });
        if (stopped_)
            return false;
        chunks_.push_back({std::move(chunk), rows});
        ready_.notify_one();
        return true;
    }
    void finish(const QString &error)
    {
        std::lock_guard lock(mutex_);
        finished_ = true;
        error_ = error;
        ready_.notify_one();
    }
    void stop()
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        space_.notify_one();
    }
    // False when nothing more will come.
    bool pop(QByteArray *chunk, qint64 *rows)
    {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return finished_ || !chunks_.empty(); });
        if (chunks_.empty())
            return false;
        *chunk = std::move(chunks_.front().first);
        *rows = chunks_.front().second;
        chunks_.pop_front();
        space_.notify_one();
        return true;
    }
    QString error() const
    {
        std::lock_guard lock(mutex_);
        return error_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable ready_, space_;
    std::deque<std::pair<QByteArray, qint64>> chunks_;
    bool finished_ = false;
    bool stopped_ = false;
    QString error_;
};

class Producer
{
public:
    Producer(const QString &location, const TabQuery &query, const RowFormat &format,
             const std::optional<std::vector<qint64>> &ids, ChunkQueue &queue, const ActionControl &control)
        : location_(location), query_(query), format_(format), ids_(ids), queue_(queue), control_(control)
    {
    }

    void run()
    {
        const auto reader = StoreReader::open(location_);
        QString error = reader->error();
        if (error.isEmpty() && reader->beginRead()) {
            chunk_.reserve(kChunkBytes + (kChunkBytes >> 4));
            const bool ok = ids_ ? listed(*reader, &error) : all(*reader, &error);
            if (ok && !chunk_.isEmpty())
                flush();
            reader->endRead();
        } else if (error.isEmpty()) {
            error = reader->error();
        }
        queue_.finish(error);
    }

private:
    // False when the consumer has stopped (cancel or a write error).
    bool flush()
    {
        QByteArray full = std::move(chunk_);
        chunk_ = QByteArray();
        chunk_.reserve(kChunkBytes + (kChunkBytes >> 4));
        const qint64 rows = rows_;
        rows_ = 0;
        return queue_.push(std::move(full), rows) && !control_.cancelled();
    }

    bool add(const ReadCursor &row)
    {
        format_.append(chunk_, row);
        ++rows_;
        return chunk_.size() < kChunkBytes || flush();
    }

    bool all(StoreReader &reader, QString *error)
    {
        const auto statement = reader.prepare(query_.allSql());
        if (!statement->ok()) {
            *error = statement->error();
            return false;
        }
        while (statement->next())
            if (!add(*statement))
                return false;
        *error = statement->error();
        return error->isEmpty();
    }

    // A batch of IDs is looked up with one statement; its rows are formatted into a side buffer and then
    // copied in the order the caller gave.
    bool listed(StoreReader &reader, QString *error)
    {
        const std::vector<qint64> &ids = *ids_;
        const auto full = reader.prepare(query_.listedSql(kListedBatch));
        if (!full->ok()) {
            *error = full->error();
            return false;
        }
        QByteArray side;
        QHash<qint64, std::pair<qsizetype, qsizetype>> spans;
        for (size_t from = 0; from < ids.size(); from += kListedBatch) {
            const auto n = static_cast<qsizetype>(std::min<size_t>(kListedBatch, ids.size() - from));
            std::unique_ptr<ReadCursor> partial;
            if (n < kListedBatch)
                partial = reader.prepare(query_.listedSql(n));
            ReadCursor &statement = partial ? *partial : *full;
            for (qsizetype i = 0; i < n; ++i)
                statement.bind(static_cast<int>(i + 1), ids[from + static_cast<size_t>(i)]);
            side.clear();
            spans.clear();
            while (statement.next()) {
                const qsizetype start = side.size();
                format_.append(side, statement);
                spans.insert(statement.int64(0), {start, side.size() - start});
            }
            *error = statement.error();
            statement.reset();
            if (!error->isEmpty())
                return false;
            for (qsizetype i = 0; i < n; ++i) {
                const auto it = spans.constFind(ids[from + static_cast<size_t>(i)]);
                if (it == spans.constEnd())
                    continue;
                chunk_.append(side.constData() + it->first, it->second);
                ++rows_;
            }
            if (chunk_.size() >= kChunkBytes && !flush())
                return false;
        }
        return true;
    }

    QString location_;
    const TabQuery &query_;
    const RowFormat &format_;
    const std::optional<std::vector<qint64>> &ids_;
    ChunkQueue &queue_;
    const ActionControl &control_;
    QByteArray chunk_;
    qint64 rows_ = 0;
};

QByteArray header(const TabSpec &spec, const QList<int> &columns, const CsvExportOptions &options)
{
    QByteArray out;
    if (options.bom)
        out.append(csv::kUtf8Bom);
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i)
            out.append(',');
        const int c = columns[i];
        const QString title =
            options.englishTitles ? QString::fromLatin1(spec.columns[c].title) : spec.title(c);
        csv::appendCell(out, title.toUtf8(), options.raw ? csv::Formulas::Raw : csv::Formulas::Neutralise);
    }
    out.append(csv::kLineEnd);
    return out;
}

qint64 countRows(const QString &location, const TabQuery &query)
{
    const auto reader = StoreReader::open(location);
    if (!reader->error().isEmpty())
        return -1;
    const auto count = reader->prepare(query.countSql());
    return count->ok() && count->next() ? count->int64(0) : -1;
}

} // namespace

QList<int> CsvExport::exportableColumns(TabKind tab)
{
    const TabSpec &spec = TabSpec::of(tab);
    QList<int> out;
    for (int c = 0; c < spec.columnCount(); ++c)
        if (spec.columns[c].holdsData())
            out << c;
    return out;
}

QList<int> CsvExport::columnsForKeys(TabKind tab, const QStringList &keys, QString *error)
{
    const TabSpec &spec = TabSpec::of(tab);
    const QList<int> exportable = exportableColumns(tab);
    QList<int> out;
    for (const QString &key : keys) {
        const int c = spec.columnByKey(key.trimmed().toLower().toLatin1());
        if (c < 0 || !exportable.contains(c)) {
            QStringList known;
            for (int e : exportable)
                known << QString::fromLatin1(spec.columns[e].key);
            *error = tr("The %1 tab has no column “%2” to export. Its columns are: %3.")
                         .arg(TabText::tabTitle(tab), key, known.join(QStringLiteral(", ")));
            return {};
        }
        out << c;
    }
    return out;
}

CsvExportResult CsvExport::run(const Store &store, const CsvExportOptions &options,
                               const std::function<bool(const QByteArray &, QString *)> &sink,
                               const ActionControl &control)
{
    CsvExportResult result;
    const TabSpec &spec = TabSpec::of(options.tab);
    const QList<int> columns = options.columns.isEmpty() ? exportableColumns(options.tab) : options.columns;
    for (int c : columns) {
        if (c < 0 || c >= spec.columnCount() || !spec.columns[c].holdsData()) {
            result.error =
                tr("Column %1 of the %2 tab cannot be exported.").arg(c).arg(TabText::tabTitle(options.tab));
            return result;
        }
    }
    const TabQuery query{spec};
    const RowFormat format(options.tab, columns, options.raw ? csv::Formulas::Raw : csv::Formulas::Neutralise,
                           options.nowMs);

    const QByteArray head = header(spec, columns, options);
    if (!sink(head, &result.error))
        return result;
    result.bytes = head.size();

    ChunkQueue queue;
    Producer producer(store.path(), query, format, options.ids, queue, control);
    std::thread thread([&producer] { producer.run(); });
    // The count for the progress bar runs here, while the producer reads, so it costs no time.
    const qint64 total = options.ids        ? static_cast<qint64>(options.ids->size())
                         : control.progress ? countRows(store.path(), query)
                                            : -1;
    QByteArray chunk;
    qint64 rows = 0;
    QString error;
    while (queue.pop(&chunk, &rows)) {
        if (control.cancelled()) {
            result.cancelled = true;
            break;
        }
        if (!sink(chunk, &error))
            break;
        result.rows += rows;
        result.bytes += chunk.size();
        if (control.progress)
            control.progress(result.rows, total);
    }
    queue.stop();
    thread.join();
    if (result.cancelled || control.cancelled()) {
        result.cancelled = true;
        result.error = tr("Export cancelled; nothing was written.");
        return result;
    }
    if (error.isEmpty())
        error = queue.error();
    if (!error.isEmpty()) {
        result.error = tr("Cannot export the %1 tab: %2").arg(TabText::tabTitle(options.tab), error);
        return result;
    }
    result.ok = true;
    return result;
}

bool CsvExport::audit(Store &store, const CsvExportOptions &options, const QString &target, qint64 rows,
                      QString *error)
{
    static const char *const tabs[] = {"managed", "staged", "pending"};
    QJsonObject details{{QStringLiteral("tab"), QLatin1String(tabs[static_cast<int>(options.tab)])},
                        {QStringLiteral("rows"), rows},
                        {QStringLiteral("file"), target == QLatin1String("-")
                                                     ? QStringLiteral("-")
                                                     : QFileInfo(target).absoluteFilePath()}};
    if (options.ids)
        details.insert(QStringLiteral("scope"), QStringLiteral("chosen"));
    if (options.raw)
        details.insert(QStringLiteral("raw"), true);
    // Which records: as many as were written, named by the file; not a million IDs in the log.
    const AuditEntry entry{options.nowMs > 0 ? options.nowMs : QDateTime::currentMSecsSinceEpoch(),
                           AuditLog::currentActor(),
                           QStringLiteral("list.export"),
                           std::nullopt,
                           {},
                           AuditLog::details(details)};
    return store.transaction([&](QString *err) { return AuditLog::append(store.database(), entry, err); },
                             error);
}

CsvExportResult CsvExport::toBytes(const Store &store, const CsvExportOptions &options, QByteArray *out,
                                   const ActionControl &control)
{
    out->clear();
    CsvExportResult result = run(
        store, options,
        [out](const QByteArray &chunk, QString *) {
            out->append(chunk);
            return true;
        },
        control);
    if (!result.ok)
        out->clear();
    return result;
}

CsvExportResult CsvExport::toFile(const Store &store, const CsvExportOptions &options, const QString &path,
                                  const ActionControl &control)
{
    CsvExportResult result;
    if (store.isOwnFile(path)) {
        result.error = tr("“%1” is the console's own store; choose another file to export to.").arg(path);
        return result;
    }
    const bool existed = QFileInfo::exists(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return result;
    }
    if (!existed)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    result = run(
        store, options,
        [&file, &path](const QByteArray &chunk, QString *error) {
            if (file.write(chunk) == chunk.size())
                return true;
            *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
            return false;
        },
        control);
    if (!result.ok) {
        file.cancelWriting();
        return result;
    }
    if (!file.commit()) {
        result.ok = false;
        result.error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
    }
    return result;
}

double CsvExport::exportLimitMs(const QByteArray &csv, const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    for (qsizetype from = 0; from < csv.size(); from += kChunkBytes) {
        const qsizetype n = std::min(kChunkBytes, csv.size() - from);
        if (file.write(csv.constData() + from, n) != n)
            return -1;
    }
    if (!file.flush() || ::fdatasync(file.handle()) != 0)
        return -1;
    file.close();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace mdm
