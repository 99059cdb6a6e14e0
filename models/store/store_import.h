#pragma once

#include <QList>
#include <QString>
#include <functional>
#include <utility>

namespace mdm {

// Copies an admin's SQLite store into an empty PostgreSQL store, so that a team starts from it
// (`mdm-console --db postgresql://… import-store FILE.db`). Every table of the schema but the change
// journal, IDs as they are, in one transaction of the PostgreSQL store: a failure or a killed process
// leaves it as empty as it was.
namespace StoreImport {

struct Result
{
    bool ok = false;
    QString error;                            // set when nothing was imported
    QList<std::pair<QString, qint64>> tables; // rows copied per table, in copy order
    qint64 rows = 0;
};

// table: the table being copied; done and total: rows so far and in all. Called every few
// thousand rows, on the calling thread.
using Progress = std::function<void(const QString &table, qint64 done, qint64 total)>;

// The tables copied, in an order that satisfies their references (a table after those it refers to).
// Both stores must hold exactly these besides the journal (and PostgreSQL's schema_version).
const QStringList &tables();

// target: a postgresql:// URI (refused otherwise, before anything is opened); source: an SQLite store
// file at the current schema version (an older one is migrated by opening it, a newer one refused).
// The target must hold no rows in any table.
Result run(const QString &target, const QString &source, const Progress &progress = {});

} // namespace StoreImport

} // namespace mdm
