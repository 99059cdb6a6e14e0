#pragma once

#include "domain/domain.h"
#include "services/bulk_result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mdm {

class Clock;
class Store;

struct StagedImportOptions
{
    bool dryRun = false;        // validate only: the store is not written
    bool onlyValidRows = false; // import the valid rows even when other rows have problems
    QString sourceName;         // named in the audit entry; fromFile() uses the file's name
};

// One data row of the file as read, for the preview table and the result.
struct StagedImportRow
{
    int line = 0;    // physical line where the record starts
    QString problem; // why it cannot be imported; empty when valid
    QString warning; // imported, with a remark
    QString name;
    QString serial;
    QString imei;
    QString platformText; // as written in the file
    std::optional<Platform> platform;
    QString userName;
    QString email;
    QString group;
    qint64 deviceId = 0; // the staged device created; 0 when not imported

    bool valid() const { return problem.isEmpty(); }
};

struct StagedImportResult
{
    bool ok = false; // the file was read and the import committed (or, for a dry run, would commit)
    bool cancelled = false;
    QString error;        // why nothing was (or would be) imported
    QStringList warnings; // about the file as a whole, e.g. columns that were ignored
    QList<StagedImportRow> rows;
    int imported = 0; // rows imported (for a dry run: rows that would be)
    int skipped = 0;  // rows left out because of their problems (only-valid-rows mode)
    QList<qint64> createdIds;

    int problemCount() const
    {
        int n = 0;
        for (const StagedImportRow &row : rows)
            n += row.valid() ? 0 : 1;
        return n;
    }
};

// Imports staged devices from CSV (csv::read: UTF-8 with or without BOM, comma or semicolon, ...).
// Columns are found by their header, in any order and spelling: device name / name; serial / serial
// number; IMEI / IMEI1; platform / platform type / OS; user / user name / owned by; email / email
// address; group / group name (case, spaces, underscores and hyphens do not matter; the column titles
// of the Staged tab in the UI language work too). Other columns are named in a warning and ignored.
//
// Every row is checked first, with its line number: a platform the console knows, a serial number or an
// IMEI, an IMEI of 15 digits with a valid Luhn check digit, an email address that is one, and no serial
// or IMEI that appears twice in the file or already belongs to a staged or managed device. One problem
// and nothing is imported, unless onlyValidRows; otherwise all rows go in one transaction with one audit
// entry ("staged.import") and one announcement of the new device IDs.
//
// Users: an email address makes the device's user (found or created, as Directory::userFor does; a
// missing user name is the part before the @). A user name without an address is not kept: a user
// needs an address to be invited, and guessing one could invite the wrong person, so the device is
// staged without a user and the row's warning names the ignored name. Groups are found or created by
// name. A cell the exporter guarded against formulas ('=..., '+..., '-..., '@...) is read back without
// the apostrophe, so our own export re-imports to the same values.
class StagedImport
{
    Q_DECLARE_TR_FUNCTIONS(StagedImport)

public:
    StagedImport(Store &store, const Clock &clock) : store_(store), clock_(clock) {}

    StagedImportResult fromFile(const QString &path, const StagedImportOptions &options,
                                const ActionControl &control = {});
    StagedImportResult fromBytes(const QByteArray &csv, const StagedImportOptions &options,
                                 const ActionControl &control = {});

private:
    bool checkStore(QList<StagedImportRow> &rows, QString *error) const;
    bool write(StagedImportResult &result, const StagedImportOptions &options, const ActionControl &control,
               QString *error);

    Store &store_;
    const Clock &clock_;
};

} // namespace mdm
