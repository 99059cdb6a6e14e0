#include "index/table_index.h"

#include "domain/domain.h"
#include "domain/invitation_rules.h"
#include "store/sql.h"
#include "store/store_reader.h"

#include <QStringList>
#include <algorithm>
#include <cstring>
#include <thread>

namespace mdm {

namespace {

constexpr char kFieldSeparator = '\x1f';
constexpr size_t kSlotBytes = sizeof(uint32_t);
constexpr size_t kFirstChunk = 2000;
// The first statement's rows: a screenful and the rows read around it, no more (each row costs the
// server time before the first one arrives on PostgreSQL).
constexpr size_t kFirstRows = 200;
constexpr size_t kChunk = 100000;
constexpr size_t kParallelThreshold = 200000;

// Lower-cases for case-insensitive search and sort; ASCII takes the fast path.
void appendFolded(std::string &out, QByteArrayView text)
{
    bool ascii = true;
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) {
        for (char c : text) {
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c + ('a' - 'A'));
            else if (c == '\0' || c == kFieldSeparator)
                c = ' ';
            out.push_back(c);
        }
        return;
    }
    const QByteArray folded = QString::fromUtf8(text).toLower().toUtf8();
    for (char c : folded)
        out.push_back(c == '\0' || c == kFieldSeparator ? ' ' : c);
}

std::string foldedNeedle(const QString &search)
{
    std::string out;
    appendFolded(out, search.trimmed().toUtf8());
    return out;
}

// Eight bytes of a text from offset as a big-endian number: two of them settle most comparisons
// without touching the text again.
uint64_t prefixKey(std::string_view s, size_t offset)
{
    uint64_t key = 0;
    for (size_t i = offset; i < offset + 8; ++i)
        key = (key << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
    return key;
}

uint64_t orderedKey(qint64 v)
{
    return static_cast<uint64_t>(v) ^ (uint64_t(1) << 63);
}

} // namespace

bool IndexQuery::filters() const
{
    return !search.trimmed().isEmpty() || platform >= 0 || status >= 0 || !group.isEmpty() ||
           quick != Quick::None;
}

struct TableIndex::Prepared
{
    const IndexQuery *query = nullptr;
    std::string needle;
    int64_t groupValue = -1; // dictionary id; -2: a group that no row has
    bool anyFilter = false;
};

TableIndex::TableIndex(const TabSpec &spec) : spec_(spec)
{
    clear();
}

void TableIndex::NumberColumn::set(size_t slot, qint64 value)
{
    if (width_ == 1)
        bytes_[slot] = static_cast<int8_t>(value);
    else if (width_ == 4)
        ints_[slot] = static_cast<int32_t>(value);
    else
        longs_[slot] = value;
}

void TableIndex::NumberColumn::push_back(qint64 value)
{
    if (width_ == 1)
        bytes_.push_back(static_cast<int8_t>(value));
    else if (width_ == 4)
        ints_.push_back(static_cast<int32_t>(value));
    else
        longs_.push_back(value);
}

void TableIndex::NumberColumn::reserve(size_t n)
{
    if (width_ == 1)
        bytes_.reserve(n);
    else if (width_ == 4)
        ints_.reserve(n);
    else
        longs_.reserve(n);
}

// Growing by doubling would hold two copies of each array for a moment and leave up to half of it
// unused: for a million rows that is most of the memory budget.
void TableIndex::reserve(size_t rows, size_t textBytes)
{
    ids_.reserve(rows);
    alive_.reserve(rows);
    textStart_.reserve(rows);
    fieldEnd_.reserve(rows * static_cast<size_t>(spec_.textFields));
    for (auto &column : numbers_)
        column.reserve(rows);
    for (auto &dictionary : dictionaries_)
        dictionary.bySlot.reserve(rows);
    blob_.reserve(textBytes);
}

void TableIndex::clear()
{
    ids_.clear();
    sortedPrefix_ = 0;
    lateSlots_.clear();
    alive_.clear();
    live_ = 0;
    blob_.clear();
    textStart_.clear();
    fieldEnd_.clear();
    numbers_.clear();
    for (int n = 0; n < spec_.numberFields; ++n)
        numbers_.emplace_back(spec_.numberWidths ? spec_.numberWidths[n] - '0' : 8);
    dictionaries_.assign(static_cast<size_t>(spec_.dictionaryFields), {});
    sortCache_ = {};
    ++version_;
}

TableIndex::Slot TableIndex::slotOf(qint64 id) const
{
    const auto end = ids_.begin() + static_cast<std::ptrdiff_t>(sortedPrefix_);
    const auto it = std::lower_bound(ids_.begin(), end, id);
    if (it != end && *it == id)
        return static_cast<Slot>(it - ids_.begin());
    const auto late = lateSlots_.find(id);
    return late == lateSlots_.end() ? kNoSlot : late->second;
}

bool TableIndex::contains(qint64 id) const
{
    const Slot slot = slotOf(id);
    return slot != kNoSlot && alive_[slot];
}

// Row layout of the statements: id, text fields, number fields, dictionary fields.
void TableIndex::upsert(const ReadCursor &row)
{
    const qint64 id = row.int64(0);
    Slot slot = slotOf(id);
    if (slot == kNoSlot) {
        slot = static_cast<Slot>(ids_.size());
        const bool inOrder = ids_.size() == sortedPrefix_ && (ids_.empty() || ids_.back() < id);
        ids_.push_back(id);
        if (inOrder)
            sortedPrefix_ = ids_.size();
        else
            lateSlots_.emplace(id, slot);
        alive_.push_back(0);
        textStart_.push_back(0);
        fieldEnd_.resize(fieldEnd_.size() + static_cast<size_t>(spec_.textFields));
        for (auto &column : numbers_)
            column.push_back(0);
        for (auto &dictionary : dictionaries_)
            dictionary.bySlot.push_back(0);
    }
    if (!alive_[slot]) {
        alive_[slot] = 1;
        ++live_;
    }

    // Text is appended; an updated row's old text stays behind as dead bytes that no slot points to.
    const size_t start = blob_.size();
    textStart_[slot] = static_cast<uint32_t>(start);
    int column = 1;
    for (int f = 0; f < spec_.textFields; ++f, ++column) {
        if (f > 0)
            blob_.push_back(kFieldSeparator);
        appendFolded(blob_, row.text(column));
        fieldEnd_[slot * static_cast<size_t>(spec_.textFields) + static_cast<size_t>(f)] =
            static_cast<uint16_t>(std::min<size_t>(blob_.size() - start, 0xffff));
    }
    blob_.push_back('\0');
    char slotBytes[kSlotBytes];
    std::memcpy(slotBytes, &slot, kSlotBytes);
    blob_.append(slotBytes, kSlotBytes);

    for (int n = 0; n < spec_.numberFields; ++n, ++column)
        numbers_[static_cast<size_t>(n)].set(slot, row.int64(column));
    for (int d = 0; d < spec_.dictionaryFields; ++d, ++column) {
        auto &dictionary = dictionaries_[static_cast<size_t>(d)];
        const QByteArrayView text = row.text(column);
        std::string value(text.data() ? text.data() : "", static_cast<size_t>(text.size()));
        auto [it, added] =
            dictionary.lookup.try_emplace(value, static_cast<uint32_t>(dictionary.values.size()));
        if (added)
            dictionary.values.push_back(std::move(value));
        dictionary.bySlot[slot] = it->second;
    }
}

bool TableIndex::load(StoreReader &reader, const std::function<void(std::vector<qint64> &&)> &onChunk,
                      QString *error)
{
    clear();
    // One snapshot for the count and the statements below, so that the first rows and the rest agree.
    const bool snapshot = reader.beginRead();
    const bool ok = loadRows(reader, onChunk, error);
    if (snapshot)
        reader.endRead();
    if (!ok)
        return false;
    ++version_;
    return true;
}

bool TableIndex::loadRows(StoreReader &reader, const std::function<void(std::vector<qint64> &&)> &onChunk,
                          QString *error)
{
    std::vector<qint64> pending;
    // The first rows by a statement of their own, before the count: its LIMIT lets PostgreSQL's planner
    // pick a plan that streams them at once (the ID index and nested loops), where the whole tab's plan
    // joins and sorts every row before the first comes out (at 200,000 devices: 650 ms to the first rows
    // instead of 25 ms). A tab that fits in them is read whole by it; otherwise the whole tab's statement
    // then skips them.
    qint64 lastFirst = 0;
    if (onChunk) {
        const auto cursor = reader.prepare(spec_.loadSql() + " LIMIT " + QByteArray::number(kFirstRows));
        if (!cursor->ok()) {
            *error = cursor->error();
            return false;
        }
        while (cursor->next()) {
            upsert(*cursor);
            pending.push_back(ids_.back());
        }
        if (!cursor->error().isEmpty()) {
            *error = cursor->error();
            return false;
        }
        if (pending.empty())
            return true;
        lastFirst = pending.back();
        const bool whole = pending.size() < kFirstRows;
        onChunk(std::move(pending));
        pending = {};
        if (whole)
            return true;
    }
    size_t expected = 0;
    if (spec_.countSql) {
        const auto count = reader.prepare(spec_.countSql);
        if (count->next())
            expected = static_cast<size_t>(std::max<qint64>(count->int64(0), 0));
    }
    // Headroom for records added while the console is open.
    reserve(expected + expected / 50 + 16, 0);
    if (!ids_.empty())
        blob_.reserve(blob_.size() / ids_.size() * (expected + expected / 50) + 4096);
    const auto cursor = reader.prepare(spec_.loadSql());
    ReadCursor &all = *cursor;
    if (!all.ok()) {
        *error = all.error();
        return false;
    }
    while (all.next()) {
        if (all.int64(0) <= lastFirst)
            continue;
        upsert(all);
        pending.push_back(ids_.back());
        if (ids_.size() == kFirstChunk && expected > kFirstChunk)
            blob_.reserve(blob_.size() / kFirstChunk * (expected + expected / 50) + 4096);
        if (pending.size() >= kChunk && onChunk) {
            onChunk(std::move(pending));
            pending = {};
        }
    }
    if (!all.error().isEmpty()) {
        *error = all.error();
        return false;
    }
    if (onChunk && !pending.empty())
        onChunk(std::move(pending));
    return true;
}

bool TableIndex::refresh(StoreReader &reader, const QList<qint64> &ids, QString *error)
{
    for (qsizetype from = 0; from < ids.size(); from += kIdBatch) {
        const qsizetype count = std::min<qsizetype>(kIdBatch, ids.size() - from);
        const auto cursor = reader.prepare(spec_.refreshSql(count));
        ReadCursor &rows = *cursor;
        if (!rows.ok()) {
            *error = rows.error();
            return false;
        }
        for (qsizetype i = 0; i < count; ++i)
            rows.bind(static_cast<int>(i + 1), ids[from + i]);
        // The IDs still on the tab. Checked per ID, not per position: an ID given twice is still one
        // record, and must not be dropped because its second position found no row of its own.
        std::vector<qint64> present;
        present.reserve(static_cast<size_t>(count));
        while (rows.next()) {
            upsert(rows);
            present.push_back(rows.int64(0));
        }
        if (!rows.error().isEmpty()) {
            *error = rows.error();
            return false;
        }
        std::sort(present.begin(), present.end());
        for (qsizetype i = 0; i < count; ++i) {
            if (std::binary_search(present.begin(), present.end(), ids[from + i]))
                continue;
            const Slot slot = slotOf(ids[from + i]);
            if (slot != kNoSlot && alive_[slot]) {
                alive_[slot] = 0;
                --live_;
            }
        }
    }
    ++version_;
    return true;
}

std::string_view TableIndex::field(Slot slot, int f) const
{
    const size_t base = slot * static_cast<size_t>(spec_.textFields);
    const size_t begin = f == 0 ? 0 : fieldEnd_[base + static_cast<size_t>(f) - 1] + 1u;
    const size_t end = fieldEnd_[base + static_cast<size_t>(f)];
    return std::string_view(blob_.data() + textStart_[slot] + begin, end > begin ? end - begin : 0);
}

int TableIndex::statusOf(Slot slot, qint64 nowMs) const
{
    switch (spec_.kind) {
    case TabKind::Managed:
        return static_cast<int>(numbers_[static_cast<size_t>(spec_.stateNumber)][slot]);
    case TabKind::Staged:
        return field(slot, spec_.userTextField).empty() ? 1 : 0;
    case TabKind::Pending:
        return static_cast<int>(inviteStatus(
            static_cast<DeliveryState>(numbers_[static_cast<size_t>(spec_.deliveryNumber)][slot]),
            numbers_[static_cast<size_t>(spec_.expiresNumber)][slot], nowMs));
    }
    return 0;
}

TableIndex::Prepared TableIndex::prepare(const IndexQuery &q) const
{
    Prepared p;
    p.query = &q;
    p.needle = foldedNeedle(q.search);
    if (!q.group.isEmpty() && spec_.groupDictionary >= 0) {
        const auto &dictionary = dictionaries_[static_cast<size_t>(spec_.groupDictionary)];
        const auto it = dictionary.lookup.find(q.group.toStdString());
        p.groupValue = it == dictionary.lookup.end() ? -2 : it->second;
    }
    p.anyFilter = q.filters();
    return p;
}

// Every filter but the text search, which searchInto() has already applied.
bool TableIndex::passes(Slot slot, const Prepared &p) const
{
    const IndexQuery &q = *p.query;
    if (q.platform >= 0 && spec_.platformNumber >= 0 &&
        numbers_[static_cast<size_t>(spec_.platformNumber)][slot] != q.platform)
        return false;
    if (p.groupValue != -1 && dictionaries_[static_cast<size_t>(spec_.groupDictionary)].bySlot[slot] !=
                                  static_cast<uint32_t>(p.groupValue))
        return false;
    if (q.status >= 0 && statusOf(slot, q.nowMs) != q.status)
        return false;
    if (q.quick != IndexQuery::Quick::None && spec_.expiresNumber >= 0) {
        // Only delivered invitations expire, so only they are expired or expiring soon.
        if (spec_.deliveryNumber >= 0 && numbers_[static_cast<size_t>(spec_.deliveryNumber)][slot] !=
                                             static_cast<int>(DeliveryState::Sent))
            return false;
        const qint64 expires = numbers_[static_cast<size_t>(spec_.expiresNumber)][slot];
        const bool expired = invitationExpired(expires, q.nowMs);
        if (q.quick == IndexQuery::Quick::Expired ? !expired
                                                  : (expired || expires - q.nowMs > kExpiringSoonMs))
            return false;
    }
    return true;
}

void TableIndex::searchRange(size_t from, size_t to, const std::string &needle,
                             std::vector<uint8_t> &hits) const
{
    const char *base = blob_.data();
    size_t p = from;
    while (p < to) {
        const void *match = memmem(base + p, to - p, needle.data(), needle.size());
        if (!match)
            return;
        const size_t pos = static_cast<size_t>(static_cast<const char *>(match) - base);
        const void *terminator = std::memchr(base + pos, '\0', blob_.size() - pos);
        if (!terminator)
            return;
        const size_t end = static_cast<size_t>(static_cast<const char *>(terminator) - base);
        Slot slot = kNoSlot;
        if (end + kSlotBytes < blob_.size())
            std::memcpy(&slot, base + end + 1, kSlotBytes);
        // A hit counts only inside the current text of a live row (not in stale or slot bytes).
        const bool valid =
            slot < ids_.size() && alive_[slot] && textStart_[slot] <= pos &&
            textStart_[slot] + fieldEnd_[(slot + 1) * static_cast<size_t>(spec_.textFields) - 1] == end &&
            pos + needle.size() <= end;
        if (valid) {
            hits[slot] = 1;
            p = end + 1 + kSlotBytes;
        } else {
            p = pos + 1;
        }
    }
}

void TableIndex::searchInto(const std::string &needle, std::vector<uint8_t> &hits) const
{
    hits.assign(ids_.size(), 0);
    const size_t size = blob_.size();
    if (size < kParallelThreshold * 16) {
        searchRange(0, size, needle, hits);
        return;
    }
    // Two halves split at a row boundary; each writes only the hits of its own rows.
    size_t mid = size / 2;
    const void *terminator = std::memchr(blob_.data() + mid, '\0', size - mid);
    mid = terminator
              ? static_cast<size_t>(static_cast<const char *>(terminator) - blob_.data()) + 1 + kSlotBytes
              : size;
    std::thread other([&] { searchRange(mid, size, needle, hits); });
    searchRange(0, std::min(mid, size), needle, hits);
    other.join();
}

std::vector<TableIndex::Slot> TableIndex::sorted(std::vector<Slot> rows, const IndexQuery &q) const
{
    if (q.sortColumn < 0 || q.sortColumn >= spec_.columnCount() ||
        spec_.columns[q.sortColumn].source == SortSource::None) {
        if (q.descending)
            std::reverse(rows.begin(), rows.end());
        return rows;
    }
    const ColumnSpec &column = spec_.columns[q.sortColumn];
    std::vector<uint64_t> dictionaryRank;
    if (column.source == SortSource::Dictionary) {
        const auto &values = dictionaries_[static_cast<size_t>(column.field)].values;
        std::vector<uint32_t> order(values.size());
        for (uint32_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            return QString::fromStdString(values[a]).compare(QString::fromStdString(values[b]),
                                                             Qt::CaseInsensitive) < 0;
        });
        // Values equal but for case share a rank, so that ties fall back to the ID as for text columns.
        dictionaryRank.resize(values.size());
        uint64_t rank = 0;
        for (uint32_t i = 0; i < order.size(); ++i) {
            if (i > 0 && QString::fromStdString(values[order[i - 1]])
                                 .compare(QString::fromStdString(values[order[i]]), Qt::CaseInsensitive) != 0)
                ++rank;
            dictionaryRank[order[i]] = rank;
        }
    }

    struct Keyed
    {
        uint64_t key;
        uint64_t key2; // text only: the next eight bytes
        Slot slot;
    };
    std::vector<Keyed> keyed(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const Slot s = rows[i];
        uint64_t key = 0;
        uint64_t key2 = 0;
        switch (column.source) {
        case SortSource::Text: {
            const std::string_view text = field(s, column.field);
            key = prefixKey(text, 0);
            key2 = prefixKey(text, 8);
            break;
        }
        case SortSource::Number:
            key = orderedKey(numbers_[static_cast<size_t>(column.field)][s]);
            break;
        case SortSource::Dictionary:
            key = dictionaryRank[dictionaries_[static_cast<size_t>(column.field)].bySlot[s]];
            break;
        case SortSource::Status:
            key = static_cast<uint64_t>(statusOf(s, q.nowMs));
            break;
        case SortSource::None:
            break;
        }
        keyed[i] = {key, key2, s};
    }
    const bool text = column.source == SortSource::Text;
    const auto less = [&](const Keyed &a, const Keyed &b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.key2 != b.key2)
            return a.key2 < b.key2;
        if (text) {
            const int c = field(a.slot, column.field).compare(field(b.slot, column.field));
            if (c != 0)
                return c < 0;
        }
        return ids_[a.slot] < ids_[b.slot];
    };
    if (keyed.size() >= kParallelThreshold) {
        const auto mid = keyed.begin() + static_cast<std::ptrdiff_t>(keyed.size() / 2);
        std::thread other([&] { std::sort(mid, keyed.end(), less); });
        std::sort(keyed.begin(), mid, less);
        other.join();
        std::inplace_merge(keyed.begin(), mid, keyed.end(), less);
    } else {
        std::sort(keyed.begin(), keyed.end(), less);
    }
    for (size_t i = 0; i < keyed.size(); ++i)
        rows[i] = keyed[i].slot;
    if (q.descending)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

std::vector<qint64> TableIndex::query(const IndexQuery &q)
{
    const Prepared p = prepare(q);
    std::vector<uint8_t> hits;
    const bool textSearch = !p.needle.empty();
    if (textSearch)
        searchInto(p.needle, hits);

    const auto selected = [&](Slot s) {
        return alive_[s] && (!textSearch || hits[s]) && (!p.anyFilter || passes(s, p));
    };

    // Status sorts of invitations depend on the clock: reuse them only within the same minute.
    const qint64 bucket = q.nowMs / 60000;
    const bool cached = sortCache_.column == q.sortColumn && sortCache_.descending == q.descending &&
                        sortCache_.version == version_ && sortCache_.nowBucket == bucket;
    std::vector<Slot> order;
    if (cached) {
        order.reserve(static_cast<size_t>(live_));
        for (Slot s : sortCache_.order)
            if (selected(s))
                order.push_back(s);
    } else {
        std::vector<Slot> chosen;
        for (Slot s = 0; s < ids_.size(); ++s)
            if (selected(s))
                chosen.push_back(s);
        // A large result is sorted in full once and kept, so that narrowing and clearing the search
        // later only filters; a small one is cheaper to sort on its own.
        if (chosen.size() * 8 < ids_.size() && q.sortColumn >= 0) {
            order = sorted(std::move(chosen), q);
        } else {
            std::vector<Slot> all;
            all.reserve(static_cast<size_t>(live_));
            for (Slot s = 0; s < ids_.size(); ++s)
                if (alive_[s])
                    all.push_back(s);
            sortCache_ = {q.sortColumn, q.descending, version_, bucket, sorted(std::move(all), q)};
            order.reserve(chosen.size());
            for (Slot s : sortCache_.order)
                if (selected(s))
                    order.push_back(s);
        }
    }
    std::vector<qint64> out(order.size());
    for (size_t i = 0; i < order.size(); ++i)
        out[i] = ids_[order[i]];
    return out;
}

bool TableIndex::matches(qint64 id, const IndexQuery &q) const
{
    const Slot slot = slotOf(id);
    if (slot == kNoSlot || !alive_[slot])
        return false;
    const Prepared p = prepare(q);
    if (!p.needle.empty()) {
        const size_t total =
            spec_.textFields ? fieldEnd_[(slot + 1) * static_cast<size_t>(spec_.textFields) - 1] : 0;
        const std::string_view text(blob_.data() + textStart_[slot], total);
        if (text.find(p.needle) == std::string_view::npos)
            return false;
    }
    return !p.anyFilter || passes(slot, p);
}

int TableIndex::compareKeys(Slot a, Slot b, const ColumnSpec &column, qint64 nowMs) const
{
    const auto sign = [](auto x, auto y) { return x < y ? -1 : y < x ? 1 : 0; };
    const auto f = static_cast<size_t>(column.field);
    switch (column.source) {
    case SortSource::Text: {
        // Unsigned bytes, as the prefix keys of sorted() compare them.
        const int c = field(a, column.field).compare(field(b, column.field));
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case SortSource::Number:
        return sign(numbers_[f][a], numbers_[f][b]);
    case SortSource::Dictionary: {
        const auto &dictionary = dictionaries_[f];
        return QString::fromStdString(dictionary.values[dictionary.bySlot[a]])
            .compare(QString::fromStdString(dictionary.values[dictionary.bySlot[b]]), Qt::CaseInsensitive);
    }
    case SortSource::Status:
        return sign(statusOf(a, nowMs), statusOf(b, nowMs));
    case SortSource::None:
        break;
    }
    return 0;
}

bool TableIndex::less(qint64 a, qint64 b, const IndexQuery &q) const
{
    // Descending is the ascending order reversed, ties included.
    if (q.descending)
        std::swap(a, b);
    const Slot sa = slotOf(a);
    const Slot sb = slotOf(b);
    if (sa == kNoSlot || sb == kNoSlot)
        return a < b;
    if (q.sortColumn < 0 || q.sortColumn >= spec_.columnCount() ||
        spec_.columns[q.sortColumn].source == SortSource::None)
        return sa < sb; // insertion order
    const int c = compareKeys(sa, sb, spec_.columns[q.sortColumn], q.nowMs);
    return c != 0 ? c < 0 : a < b;
}

QStringList TableIndex::groups() const
{
    QStringList out;
    if (spec_.groupDictionary < 0)
        return out;
    for (const auto &value : dictionaries_[static_cast<size_t>(spec_.groupDictionary)].values)
        if (!value.empty())
            out << QString::fromStdString(value);
    out.sort(Qt::CaseInsensitive);
    return out;
}

} // namespace mdm
