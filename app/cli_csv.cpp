// export and import-staged: the command-line twins of File ▸ Export and Staged ▸ Import.
#include "cli_commands.h"
#include "cli_common.h"
#include "csv/csv_export.h"
#include "csv/staged_import.h"
#include "domain/clock.h"
#include "index/record_table_model.h"

#include <QFile>
#include <cstdio>

namespace mdm::cli {

int exportList(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addPositionalArgument(QStringLiteral("tab"), QString());
    parser.addPositionalArgument(QStringLiteral("file"), QString());
    parser.addOption({QStringLiteral("search"), QString(), QStringLiteral("text")});
    parser.addOption({QStringLiteral("columns"), QString(), QStringLiteral("keys")});
    parser.addOption({QStringLiteral("raw"), QString()});
    parser.addOption({QStringLiteral("bom"), QString()});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    const QStringList words = parser.positionalArguments();
    TabKind kind;
    if (words.size() != 3 || !parseTab(words.at(1), &kind))
        return usageError(
            Text::tr("export takes managed, staged or pending and a file (- for standard output)."));

    CsvExportOptions options;
    options.tab = kind;
    options.englishTitles = true;
    options.raw = parser.isSet(QStringLiteral("raw"));
    options.bom = parser.isSet(QStringLiteral("bom"));
    if (parser.isSet(QStringLiteral("columns"))) {
        QString error;
        options.columns = CsvExport::columnsForKeys(
            kind, parser.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts),
            &error);
        if (options.columns.isEmpty())
            return usageError(error.isEmpty() ? Text::tr("--columns names no column.") : error);
    }
    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    options.nowMs = clock.nowMs();
    if (parser.isSet(QStringLiteral("search"))) {
        const auto model = loadTab(*store, clock, kind, parser.value(QStringLiteral("search")));
        if (!model)
            return 1;
        options.ids = model->shownIds();
    }

    const QString target = words.at(2);
    CsvExportResult result;
    if (target == QLatin1String("-")) {
        QByteArray bytes;
        result = CsvExport::toBytes(*store, options, &bytes);
        if (result.ok) {
            out().flush();
            QFile stdoutFile;
            if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(bytes) != bytes.size()) {
                err() << Text::tr("Could not write to standard output.") << '\n';
                return 1;
            }
        }
    } else {
        result = CsvExport::toFile(*store, options, target);
    }
    if (!result.ok) {
        err() << Text::tr("Nothing was exported: %1").arg(result.error) << '\n';
        return 1;
    }
    QString auditError;
    if (!CsvExport::audit(*store, options, target, result.rows, &auditError))
        err() << Text::tr("warning: the audit log could not record the export: %1").arg(auditError) << '\n';
    err() << Text::tr("exported %1 records (%2 bytes)").arg(result.rows).arg(result.bytes) << '\n';
    return 0;
}

int importStaged(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addPositionalArgument(QStringLiteral("file"), QString());
    parser.addOption({QStringLiteral("dry-run"), QString()});
    parser.addOption({QStringLiteral("skip-invalid"), QString()});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    const QStringList words = parser.positionalArguments();
    if (words.size() != 2)
        return usageError(Text::tr("import-staged takes one CSV file."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    StagedImportOptions options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.onlyValidRows = parser.isSet(QStringLiteral("skip-invalid"));
    const StagedImportResult result = StagedImport(*store, clock).fromFile(words.at(1), options);
    for (const QString &warning : result.warnings)
        err() << Text::tr("warning: %1").arg(warning) << '\n';
    for (const StagedImportRow &row : result.rows) {
        if (!row.valid())
            out() << Text::tr("line %1: %2").arg(row.line).arg(row.problem) << '\n';
        else if (!row.warning.isEmpty())
            out() << Text::tr("line %1: warning: %2").arg(row.line).arg(row.warning) << '\n';
    }
    if (!result.ok && !result.error.isEmpty())
        err() << result.error << '\n';
    out() << (options.dryRun ? Text::tr("would import %1, skip %2") : Text::tr("imported %1, skipped %2"))
                 .arg(result.imported)
                 .arg(result.problemCount())
          << '\n';
    // Everything asked for was imported: all rows, or with --skip-invalid all the valid ones.
    const bool complete = result.ok && (result.problemCount() == 0 || options.onlyValidRows);
    return complete ? 0 : 1;
}

} // namespace mdm::cli
