#include "csv/csv.h"

#include <QStringDecoder>
#include <array>
#include <cstring>

namespace mdm::csv {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The characters a spreadsheet reads as the start of a formula (OWASP: =, +, -, @, TAB, CR).
bool isFormulaStart(char32_t c)
{
    return c == U'=' || c == U'+' || c == U'-' || c == U'@' || c == U'\t' || c == U'\r';
}

constexpr std::array<bool, 256> specialBytes()
{
    std::array<bool, 256> table{};
    for (unsigned char c : {',', ';', '"', '\r', '\n'})
        table[c] = true;
    return table;
}
constexpr std::array<bool, 256> kSpecial = specialBytes();

// The offset of the first byte that is not well-formed UTF-8 (Unicode table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), or -1. QString::fromUtf8 would silently replace such bytes, and a
// file saved as Windows-1252 must be refused, not imported with "�" in names.
qsizetype invalidUtf8At(const unsigned char *p, qsizetype n)
{
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (n - i < length || p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        i += length;
    }
    return -1;
}

class Reader
{
public:
    Reader(const char *data, qsizetype size) : p_(data), n_(size) {}

    Table run()
    {
        if (n_ >= 3 && std::memcmp(p_, kUtf8Bom, 3) == 0)
            pos_ = 3;
        const qsizetype bad = invalidUtf8At(reinterpret_cast<const unsigned char *>(p_) + pos_, n_ - pos_);
        if (bad >= 0) {
            table_.errorLine = lineAt(pos_ + bad);
            table_.error =
                CsvText::tr("Line %1 is not UTF-8 text. Save the file as “CSV UTF-8” and try again.")
                    .arg(table_.errorLine);
            return std::move(table_);
        }
        sep_ = detectSeparator();
        table_.separator = sep_;
        while (pos_ < n_) {
            Record record;
            if (!readRecord(record))
                break;
            if (!allEmpty(record))
                table_.records.append(std::move(record));
        }
        return std::move(table_);
    }

private:
    static bool allEmpty(const Record &record)
    {
        for (const QString &field : record.fields)
            if (!field.isEmpty())
                return false;
        return true;
    }

    int lineAt(qsizetype offset) const
    {
        int line = 1;
        for (qsizetype i = 0; i < offset; ++i)
            line += isBreak(i) ? 1 : 0;
        return line;
    }

    // LF, and CR when no LF follows: CRLF counts once, a lone CR (old Mac files) counts too.
    bool isBreak(qsizetype i) const
    {
        return p_[i] == '\n' || (p_[i] == '\r' && (i + 1 >= n_ || p_[i + 1] != '\n'));
    }

    // Counts commas and semicolons outside quotes in the first line with content (a line break inside
    // quotes does not end it; lines of only blanks, separators and quotes are skipped like empty records).
    // Quotes simply toggle here: reading the line with each candidate separator instead would let a quote
    // that opens a field under one separator swallow the following lines and win by field count.
    char detectSeparator() const
    {
        qsizetype i = pos_;
        while (i < n_) {
            int commas = 0;
            int semicolons = 0;
            bool quoted = false;
            bool content = false;
            for (; i < n_; ++i) {
                const char c = p_[i];
                if (c == '"')
                    quoted = !quoted;
                else if (quoted)
                    content = true;
                else if (c == '\n' || c == '\r')
                    break;
                else if (c == ',')
                    ++commas;
                else if (c == ';')
                    ++semicolons;
                else if (!isBlank(c))
                    content = true;
            }
            if (i < n_ && p_[i] == '\r')
                ++i;
            if (i < n_ && p_[i] == '\n')
                ++i;
            if (content)
                return semicolons > commas ? ';' : ',';
        }
        return ',';
    }

    bool readRecord(Record &record)
    {
        record.line = line_;
        record.fields.clear();
        for (;;) {
            while (pos_ < n_ && isBlank(p_[pos_]))
                ++pos_;
            QString field;
            if (pos_ < n_ && p_[pos_] == '"') {
                if (!readQuoted(field))
                    return false;
            } else {
                readPlain(field);
            }
            record.fields.append(std::move(field));
            if (pos_ < n_ && p_[pos_] == sep_) {
                ++pos_;
                continue;
            }
            if (pos_ < n_) {
                if (p_[pos_] == '\r' && pos_ + 1 < n_ && p_[pos_ + 1] == '\n')
                    ++pos_;
                ++pos_;
                ++line_;
            }
            return true;
        }
    }

    qsizetype fieldEnd(qsizetype from) const
    {
        while (from < n_ && p_[from] != sep_ && p_[from] != '\n' && p_[from] != '\r')
            ++from;
        return from;
    }

    void readPlain(QString &field)
    {
        const qsizetype start = pos_;
        pos_ = fieldEnd(pos_);
        qsizetype end = pos_;
        while (end > start && isBlank(p_[end - 1]))
            --end;
        field = decode(QByteArrayView(p_ + start, end - start));
    }

    bool readQuoted(QString &field)
    {
        const int openLine = line_;
        ++pos_;
        buffer_.clear();
        for (;;) {
            const void *found = std::memchr(p_ + pos_, '"', static_cast<size_t>(n_ - pos_));
            if (!found) {
                table_.errorLine = openLine;
                table_.error =
                    CsvText::tr("Line %1: a quoted field is never closed (a \" is missing).").arg(openLine);
                pos_ = n_;
                return false;
            }
            const qsizetype quote = static_cast<const char *>(found) - p_;
            for (qsizetype i = pos_; i < quote; ++i)
                line_ += isBreak(i) ? 1 : 0;
            buffer_.append(p_ + pos_, quote - pos_);
            pos_ = quote + 1;
            if (pos_ < n_ && p_[pos_] == '"') {
                buffer_.append('"');
                ++pos_;
                continue;
            }
            break;
        }
        // Text between the closing quote and the separator is kept, trailing blanks aside.
        const qsizetype tailStart = pos_;
        pos_ = fieldEnd(pos_);
        qsizetype tailEnd = pos_;
        while (tailEnd > tailStart && isBlank(p_[tailEnd - 1]))
            --tailEnd;
        buffer_.append(p_ + tailStart, tailEnd - tailStart);
        field = decode(buffer_);
        return true;
    }

    // QString::fromUtf8 drops a BOM at the start of each field; a cell may really begin with U+FEFF.
    QString decode(QByteArrayView utf8) { return decoder_.decode(utf8); }

    QStringDecoder decoder_{QStringDecoder::Utf8,
                            QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom};
    const char *p_;
    qsizetype n_;
    qsizetype pos_ = 0;
    int line_ = 1;
    char sep_ = ',';
    QByteArray buffer_;
    Table table_;
};

// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days): a million rows
// with two timestamps each cannot afford a QDateTime per cell.
void civilFromDays(qint64 days, qint64 &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

void appendTwoDigits(QByteArray &out, int value)
{
    out.append(static_cast<char>('0' + value / 10));
    out.append(static_cast<char>('0' + value % 10));
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

Table read(QByteArrayView bytes)
{
    return Reader(bytes.data(), bytes.size()).run();
}

QString headerKey(const QString &title)
{
    QString key;
    key.reserve(title.size());
    for (QChar c : title)
        if (!c.isSpace() && c != QLatin1Char('_') && c != QLatin1Char('-'))
            key += c.toLower();
    return key;
}

bool needsFormulaGuard(QByteArrayView utf8)
{
    qsizetype i = 0;
    while (i < utf8.size() && utf8[i] == '\'')
        ++i;
    return i < utf8.size() && isFormulaStart(static_cast<unsigned char>(utf8[i]));
}

QString restoreFormula(const QString &cell)
{
    if (!cell.startsWith(QLatin1Char('\'')))
        return cell;
    qsizetype i = 0;
    while (i < cell.size() && cell[i] == QLatin1Char('\''))
        ++i;
    return i < cell.size() && isFormulaStart(cell[i].unicode()) ? cell.mid(1) : cell;
}

void appendCell(QByteArray &out, QByteArrayView utf8, Formulas formulas)
{
    const bool guard = formulas == Formulas::Neutralise && needsFormulaGuard(utf8);
    bool quote = false;
    if (!utf8.isEmpty()) {
        // Behind the guard's apostrophe a leading blank or BOM is safe from read()'s trimming.
        quote = (!guard && (isBlank(utf8.front()) || utf8.startsWith(QByteArrayView(kUtf8Bom)))) ||
                isBlank(utf8.back());
        for (qsizetype i = 0; !quote && i < utf8.size(); ++i)
            quote = kSpecial[static_cast<unsigned char>(utf8[i])];
    }
    if (!quote) {
        if (guard)
            out.append('\'');
        out.append(utf8);
        return;
    }
    out.append('"');
    if (guard)
        out.append('\'');
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '"') {
            out.append(utf8.sliced(from, i + 1 - from));
            out.append('"');
            from = i + 1;
        }
    }
    out.append(utf8.sliced(from));
    out.append('"');
}

void appendTimestamp(QByteArray &out, qint64 msSinceEpoch)
{
    const qint64 seconds = floorDiv(msSinceEpoch, 1000);
    const qint64 days = floorDiv(seconds, 86400);
    const int secondOfDay = static_cast<int>(seconds - days * 86400);
    qint64 year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    if (year >= 0 && year <= 9999) {
        appendTwoDigits(out, static_cast<int>(year / 100));
        appendTwoDigits(out, static_cast<int>(year % 100));
    } else {
        out.append(QByteArray::number(year));
    }
    out.append('-');
    appendTwoDigits(out, month);
    out.append('-');
    appendTwoDigits(out, day);
    out.append('T');
    appendTwoDigits(out, secondOfDay / 3600);
    out.append(':');
    appendTwoDigits(out, secondOfDay / 60 % 60);
    out.append(':');
    appendTwoDigits(out, secondOfDay % 60);
    out.append("+00:00");
}

} // namespace mdm::csv
