#include "cli_commands.h"
#include "cli_common.h"
#include "pg_keychain.h"
#include "store/store_import.h"

#include <QElapsedTimer>

namespace mdm::cli {

// import-store FILE: the admin's SQLite store into the empty PostgreSQL store named by --db.
int importStore(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.positionalArguments().size() != 2)
        return usageError(Text::tr("import-store takes one store file: import-store FILE.db"));
    const QString source = parser.positionalArguments().at(1);
    const QString target = parser.value(QStringLiteral("db"));

    // A large store takes a while: say how far it got, about once a second.
    QElapsedTimer sinceReport;
    sinceReport.start();
    bool reported = false;
    bool finished = false;
    const auto progress = [&](const QString &table, qint64 done, qint64 total) {
        // The last count too, once, when anything was said before it.
        const bool last = done == total && reported && !finished;
        if (sinceReport.elapsed() < 1000 && !last)
            return;
        if (finished)
            return;
        sinceReport.restart();
        reported = true;
        finished = done == total;
        err() << Text::tr("Copied %1 of %2 rows (%3)…").arg(done).arg(total).arg(table) << '\n';
        err().flush();
    };
    pgkeychain::prepare(target);
    const StoreImport::Result result = StoreImport::run(target, source, progress);
    if (!result.ok) {
        err() << Text::tr("Nothing was imported: %1").arg(result.error) << '\n';
        return 1;
    }
    out() << Text::tr("Imported %1 into %2: %3 rows.").arg(source, target).arg(result.rows) << '\n';
    for (const auto &[table, rows] : result.tables)
        out() << QStringLiteral("  %1\t%2\n").arg(table).arg(rows);
    return 0;
}

} // namespace mdm::cli
