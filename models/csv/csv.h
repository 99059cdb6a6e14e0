#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdm::csv {

// One record of a CSV file, with the physical line (1-based) it starts on, for messages that send the
// admin to the right place in a file where quoted fields may span several lines.
struct Record
{
    int line = 0;
    QStringList fields;
};

struct Table
{
    char separator = ',';
    QList<Record> records; // the header (if the file has one) is records.first()
    QString error;         // the bytes are not readable CSV: records stop at an unclosed quote, and
                           // there are none when the bytes are not UTF-8
    int errorLine = 0;
};

// Reads RFC 4180 CSV leniently, the way spreadsheets write it: UTF-8 with or without a BOM; CRLF, LF or
// CR line ends; comma or semicolon separator, whichever occurs more often outside quotes in the first
// line with content (comma on a tie); quoted fields may hold separators, doubled quotes and line
// breaks. Spaces and tabs around a field are dropped, but kept inside quotes; blank lines and records
// whose fields are all empty (",,," from a spreadsheet's empty row) are skipped. A quote inside an
// unquoted field and text after a closing quote are kept as text, as Python's csv module does. Bytes
// that are not UTF-8 and a quote left open at the end are errors.
Table read(QByteArrayView bytes);

// The header-matching key of a column title: lower case without spaces, underscores and hyphens, so
// that "Serial Number", "serial_number" and "SERIALNUMBER" all read "serialnumber".
QString headerKey(const QString &title);

// Writing. Cells are UTF-8 bytes appended to a buffer; records end with CRLF.
inline constexpr char kLineEnd[] = "\r\n";
inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

enum class Formulas
{
    Neutralise,
    Raw
};

// Appends one cell, quoted when it holds a comma, a semicolon, a quote, CR or LF, starts or ends with a
// space or tab, or starts with a byte-order mark, with quotes doubled. Semicolons are quoted although
// we write commas, so that a re-import detects the same separator; spaces and the BOM are quoted because
// read() would drop them. Formulas::Neutralise prefixes a cell that a spreadsheet would run as a formula
// with an apostrophe (OWASP "CSV injection"): see needsFormulaGuard().
void appendCell(QByteArray &out, QByteArrayView utf8, Formulas formulas);

// A cell a spreadsheet would take for a formula: it starts with =, +, -, @, TAB or CR. So that
// restoreFormula() can tell our apostrophe from the admin's own, a cell that already starts with
// apostrophes followed by one of those characters gets one more.
bool needsFormulaGuard(QByteArrayView utf8);
// Undoes the guard: removes one leading apostrophe where needsFormulaGuard() would have added it.
QString restoreFormula(const QString &cell);

// ISO 8601 in UTC with an explicit offset, "2026-11-28T09:14:00+00:00" (whole seconds): UTC so that an
// export does not depend on the machine's time zone or on which side of a DST change a row falls.
void appendTimestamp(QByteArray &out, qint64 msSinceEpoch);

class CsvText
{
    Q_DECLARE_TR_FUNCTIONS(Csv)
};

} // namespace mdm::csv
