#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace mdm {

enum class TabKind
{
    Managed = 0,
    Staged = 1,
    Pending = 2
};

// Where a column's sort key lives in the in-memory table index.
enum class SortSource
{
    Text,       // a searchable text field (sorted case-insensitively)
    Number,     // a numeric field (enum value, count or timestamp)
    Dictionary, // a low-cardinality text field kept as a dictionary id (group, model, OS, remarks)
    Status,     // the tab's derived status (depends on the clock for invitations)
    None,       // not sortable (the Actions column)
};

// How a column's value is shown: the table model, its details and the CSV export switch on it.
enum class ColumnFormat
{
    Text,      // the value as it is
    Platform,  // a Platform, shown by name
    Status,    // the tab's derived status, shown by name and coloured (DeviceState, staged,
               // InvitationDisplayStatus)
    Ownership, // an Ownership, shown by name
    Timestamp, // milliseconds since the epoch: local date and time (ISO 8601 in UTC in CSV); empty if none
    Countdown, // an expiry time: "in 2 days", "expired 3 days ago" (the time itself in the tooltip and CSV)
    Integer,   // a count, with the locale's digit grouping
    Actions,   // no value: the ⋯ button that opens the row's menu
};

// A picture shown before a cell's text.
enum class ColumnIcon
{
    None,
    Platform, // the row's platform
};

struct ColumnSpec
{
    const char *key;   // stable English key for the command line and CSV headers, e.g. "email"
    const char *title; // shown in the header, translated in context "Columns"
    ColumnFormat format;
    SortSource source;
    int field; // index into the text fields, the numeric fields or the dictionaries
    ColumnIcon icon = ColumnIcon::None;

    // False for the Actions column: nothing to copy, export or show in the details.
    bool holdsData() const { return format != ColumnFormat::Actions; }
};

// What a tab holds and how its records are read. The index reads indexColumns: the ID, the text fields,
// then the numeric fields (integers) and the dictionary fields (text), in the order named here; the
// views read displayColumns: the ID, then one value per column (and fields without a column after), then
// displayExtras; the CSV export reads displayColumns only.
struct TabSpec
{
    TabKind kind;
    const char *indexColumns;
    const char *displayColumns;
    const char *from;      // the table and its joins, e.g. "devices d LEFT JOIN users u ON ..."
    const char *predicate; // what puts a record on this tab, e.g. "d.state <> 0"
    const char *idColumn;  // e.g. "d.id"
    int textFields;
    int numberFields;
    int dictionaryFields;
    QVector<ColumnSpec> columns;
    // Positions within the numeric and dictionary fields used by the filters; -1 when absent.
    int platformNumber = -1;
    int groupDictionary = -1;
    int expiresNumber = -1;
    int deliveryNumber = -1;
    int stateNumber = -1;
    int userTextField = -1;
    // Bytes each numeric field needs in memory (1, 4 or 8), one digit per field; null: 8 for all.
    const char *numberWidths = nullptr;
    // Fields after displayColumns that only the views read (rowSql); null: none.
    const char *displayExtras = nullptr;
    // Counts the tab's records cheaply, so that the index can reserve its memory once.
    const char *countSql = nullptr;

    static const TabSpec &of(TabKind kind);
    QByteArray loadSql() const; // every record of the tab, by ID
    // "id IN (?,…) AND the tab's condition", for a statement on listed records: looked up by ID.
    QByteArray listedWhere(qsizetype ids) const;
    QByteArray refreshSql(qsizetype ids) const; // the index's fields of some records, if still on the tab
    QByteArray rowSql(qsizetype ids) const;     // the display values of some records
    QByteArray rowSqlIn(const QByteArray &idSet) const; // the same, for "id IN (idSet)"
    int columnCount() const { return static_cast<int>(columns.size()); }
    int columnByKey(const QByteArray &key) const;
    QString title(int column) const;
};

// Column positions, as shown by default.
namespace ManagedColumn {
enum
{
    Device,
    Platform,
    User,
    Email,
    Status,
    Ownership,
    Group,
    Serial,
    Imei,
    Model,
    OsVersion,
    EnrolledOn,
    LastSeen
};
}
namespace StagedColumn {
enum
{
    Device,
    Serial,
    Platform,
    User,
    Email,
    Group,
    Status,
    Imei
};
}
namespace PendingColumn {
enum
{
    Type,
    User,
    Email,
    Requested,
    Expires,
    Status,
    Remarks,
    Group,
    Resends,
    Actions
};
}

// The statuses a tab's status filter offers (values of the derived status).
struct StatusChoice
{
    int value;
    QString text;
};
QVector<StatusChoice> statusChoices(TabKind kind);
QString statusText(TabKind kind, int status);

class TabText
{
    Q_DECLARE_TR_FUNCTIONS(TabText)

public:
    static QString tabTitle(TabKind kind);
};

} // namespace mdm
