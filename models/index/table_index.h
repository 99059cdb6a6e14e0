#pragma once

#include "index/tab_spec.h"

#include <QList>
#include <QString>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mdm {

class ReadCursor;
class StoreReader;

// What a tab shows: search text, filters and sort. Applied to the index as one unit.
struct IndexQuery
{
    enum class Quick
    {
        None,
        Expired,
        ExpiringSoon
    };

    QString search;
    int platform = -1; // -1: any
    int status = -1;   // the tab's derived status, -1: any
    QString group;     // empty: any
    Quick quick = Quick::None;
    int sortColumn = -1; // -1: insertion order
    bool descending = false;
    qint64 nowMs = 0;

    bool filters() const;
};

inline constexpr qint64 kExpiringSoonMs = qint64(48) * 3600 * 1000;

// A compact, in-memory copy of what a tab searches, filters and sorts on, for every record of the tab
// (designed for 1,000,000 rows in well under 200 MB). Text is kept lower-cased in one contiguous blob so
// a search is a single memmem pass; display text is fetched per visible row from the store instead.
// Not thread-safe: one worker thread owns it.
class TableIndex
{
public:
    explicit TableIndex(const TabSpec &spec);

    const TabSpec &spec() const { return spec_; }

    // Reads the whole tab; onChunk receives the IDs added so far in chunks, for progressive display.
    bool load(StoreReader &reader, const std::function<void(std::vector<qint64> &&ids)> &onChunk,
              QString *error);

    // Re-reads the given records (an ID may appear more than once); afterwards each is either present
    // (in this tab) or not.
    bool refresh(StoreReader &reader, const QList<qint64> &ids, QString *error);

    std::vector<qint64> query(const IndexQuery &q);
    bool contains(qint64 id) const;
    bool matches(qint64 id, const IndexQuery &q) const;
    // Whether record a comes before record b in the order query(q) gives (both must be on the tab):
    // the same keys and tie-breaks, so that a record can be placed among rows already sorted.
    bool less(qint64 a, qint64 b, const IndexQuery &q) const;
    qint64 liveCount() const { return live_; }
    QStringList groups() const;

private:
    using Slot = uint32_t;
    static constexpr Slot kNoSlot = 0xffffffffu;

    struct Prepared; // a query with its lower-cased needle and resolved dictionary ids

    bool loadRows(StoreReader &reader, const std::function<void(std::vector<qint64> &&ids)> &onChunk,
                  QString *error);

    Slot slotOf(qint64 id) const;
    void upsert(const ReadCursor &row);
    void clear();
    void reserve(size_t rows, size_t textBytes);
    std::string_view field(Slot slot, int field) const;
    int statusOf(Slot slot, qint64 nowMs) const;
    bool passes(Slot slot, const Prepared &p) const;
    void searchInto(const std::string &needle, std::vector<uint8_t> &hits) const;
    void searchRange(size_t from, size_t to, const std::string &needle, std::vector<uint8_t> &hits) const;
    std::vector<Slot> sorted(std::vector<Slot> rows, const IndexQuery &q) const;
    int compareKeys(Slot a, Slot b, const ColumnSpec &column, qint64 nowMs) const;
    Prepared prepare(const IndexQuery &q) const;

    const TabSpec &spec_;
    std::vector<qint64> ids_;                    // by slot; ascending up to sortedPrefix_
    size_t sortedPrefix_ = 0;                    // ids_[0, sortedPrefix_) are ascending: binary search
    std::unordered_map<qint64, Slot> lateSlots_; // ids that arrived out of order
    std::vector<uint8_t> alive_;
    qint64 live_ = 0;

    // Per row: text fields joined by 0x1f, then a 0 byte, then the slot (4 bytes): a search hit
    // finds its row by the terminator that follows it.
    std::string blob_;
    std::vector<uint32_t> textStart_;
    std::vector<uint16_t> fieldEnd_; // per slot, textFields entries: end of each field from textStart
    // A numeric field at the width it needs: a million platform codes take 1 MB, not 8 MB.
    class NumberColumn
    {
    public:
        explicit NumberColumn(int width = 8) : width_(width) {}
        qint64 operator[](size_t slot) const
        {
            return width_ == 1 ? bytes_[slot] : width_ == 4 ? ints_[slot] : longs_[slot];
        }
        void set(size_t slot, qint64 value);
        void push_back(qint64 value);
        void reserve(size_t n);

    private:
        int width_;
        std::vector<int8_t> bytes_;
        std::vector<int32_t> ints_;
        std::vector<int64_t> longs_;
    };
    std::vector<NumberColumn> numbers_;
    struct Dictionary
    {
        std::vector<std::string> values; // as stored (display case)
        std::unordered_map<std::string, uint32_t> lookup;
        std::vector<uint32_t> bySlot;
    };
    std::vector<Dictionary> dictionaries_;

    // The last full sort, reused by later searches and by clearing a search.
    struct SortCache
    {
        int column = -2;
        bool descending = false;
        quint64 version = 0;
        qint64 nowBucket = 0;
        std::vector<Slot> order;
    } sortCache_;
    quint64 version_ = 1;
};

} // namespace mdm
