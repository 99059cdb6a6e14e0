#pragma once

#include "index/tab_spec.h"
#include "services/bulk_result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace mdm {

class Store;

struct CsvExportOptions
{
    TabKind tab = TabKind::Managed;
    // The records to write, in this order (the rows a filter shows or the selected rows, as the view
    // orders them); records that have left the tab meanwhile are left out. nullopt: every record of the
    // tab in ID order.
    std::optional<std::vector<qint64>> ids;
    // Column indexes of TabSpec::of(tab), in output order; empty: every column that holds data.
    QList<int> columns;
    bool englishTitles = false; // header in English whatever the UI language
    bool bom = false;           // "Excel compatible": a UTF-8 byte-order mark first
    bool raw = false;           // write cells as they are, without the formula guard
    qint64 nowMs = 0;           // the clock time that decides Pending / Expired
};

struct CsvExportResult
{
    bool ok = false; // false: the target file was left as it was (error says why)
    bool cancelled = false;
    QString error;
    qint64 rows = 0;
    qint64 bytes = 0;
};

// Writes a tab as RFC 4180 CSV: UTF-8, comma separator, CRLF, a header of column titles; platforms and
// statuses as words, timestamps as ISO 8601 in UTC (csv::appendTimestamp), cells that a spreadsheet
// would run as formulas neutralised unless raw. Reads the store through a read-only connection of its own
// (StoreReader) in one read transaction (a consistent snapshot; only store.path() is used, so any thread
// may call it) and writes through QSaveFile, so a failed or cancelled export never replaces a good file. A
// new file is created owner-only, like the store: it holds the same names and addresses.
class CsvExport
{
    Q_DECLARE_TR_FUNCTIONS(CsvExport)

public:
    static CsvExportResult toFile(const Store &store, const CsvExportOptions &options, const QString &path,
                                  const ActionControl &control = {});
    static CsvExportResult toBytes(const Store &store, const CsvExportOptions &options, QByteArray *out,
                                   const ActionControl &control = {});

    // The audit entry of a finished export: which tab, how many rows, to which file, and whether the
    // formula guard was off. Written by the caller on its own store connection, after toFile/toBytes
    // succeeded (they read through a read-only connection of their own). target: a path, or "-".
    static bool audit(Store &store, const CsvExportOptions &options, const QString &target, qint64 rows,
                      QString *error);

    // Column indexes for column keys ("device", "email", ...; case-insensitive), for the command line.
    // Sets *error and returns an empty list for a key the tab does not have or that holds no data.
    static QList<int> columnsForKeys(TabKind tab, const QStringList &keys, QString *error);
    // The columns an export writes by default: all but those without data (Actions).
    static QList<int> exportableColumns(TabKind tab);

    // The benchmark's floor: the milliseconds a plain buffered write of these bytes to path takes, with
    // the same final fdatasync as QSaveFile::commit(), so that `export_limit_ms` beside `export_1m_ms`
    // shows what the export adds to the disk's own cost. Returns -1 when the file cannot be written.
    static double exportLimitMs(const QByteArray &csv, const QString &path);

private:
    static CsvExportResult run(const Store &store, const CsvExportOptions &options,
                               const std::function<bool(const QByteArray &chunk, QString *error)> &sink,
                               const ActionControl &control);
};

} // namespace mdm
