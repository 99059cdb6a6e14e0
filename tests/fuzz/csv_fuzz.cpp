// libFuzzer target for csv::read (models/csv.cpp): any bytes must read without a crash or undefined
// behaviour, records must start on increasing lines, and whatever was read must survive being written
// by csv::appendCell and read again, field for field, with the formula guard undone exactly.
#include "csv/csv.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace mdm::csv;
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Table table = read(bytes);
    check(table.separator == ',' || table.separator == ';');
    int previous = 0;
    for (const Record &record : table.records) {
        check(record.line > previous && !record.fields.isEmpty());
        previous = record.line;
    }
    if (!table.error.isEmpty()) {
        check(table.errorLine >= 1);
        return 0;
    }

    QByteArray written;
    for (const Record &record : table.records) {
        for (qsizetype i = 0; i < record.fields.size(); ++i) {
            if (i)
                written.append(',');
            appendCell(written, record.fields[i].toUtf8(), Formulas::Raw);
        }
        written.append(kLineEnd);
    }
    const Table again = read(written);
    check(again.error.isEmpty() && again.records.size() == table.records.size());
    for (qsizetype r = 0; r < table.records.size(); ++r)
        check(again.records[r].fields == table.records[r].fields);

    for (const Record &record : table.records) {
        for (const QString &field : record.fields) {
            const QByteArray utf8 = field.toUtf8();
            const QString guarded = needsFormulaGuard(utf8) ? QLatin1Char('\'') + field : field;
            check(restoreFormula(guarded) == field);
        }
    }
    return 0;
}
