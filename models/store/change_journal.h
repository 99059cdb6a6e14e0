#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mdm {

// The change journal's writer side. Its tables and triggers are schema version 3 (store/schema.cpp), its
// readers models/feed/. Triggers write the entries, so a writer does nothing; this is only for the few
// paths that write so many rows at once that one entry per row would cost more than it helps.
namespace ChangeJournal {

// The kind of the "everything may have changed" mark a bulk change writes instead of one entry per row.
inline constexpr const char *kEverythingKey = "*";

// A write of more rows than this (a staged import) journals one mark instead of an entry per row. Below
// it readers apply just the changed rows; above it they rebuild, about as fast as applying that many
// and without the journal's share of the write (~30 % of an import's time).
inline constexpr qint64 kBulkRows = 50000;

// The newest sequence number in the journal, 0 when it is empty, -1 on error. A reader that reads this,
// then loads its records, then follows the journal after it misses nothing.
qint64 lastSeq(const QSqlDatabase &db, QString *error = nullptr);

// Inside the caller's transaction: suspend() drops the per-row journal triggers (keeping their SQL;
// PostgreSQL: switches them off for this transaction), finish() puts them back exactly as they were and
// writes one "*" mark, which readers take as "fell behind" and rebuild. A rollback undoes the suspension with
// everything else; a bulk path calls finish() as the last step of its transaction, since a commit before it
// would leave the journal silent.
class BulkChange
{
public:
    explicit BulkChange(QSqlDatabase db) : db_(std::move(db)) {}

    bool suspend(QString *error);
    bool finish(QString *error);

private:
    QSqlDatabase db_;
    QStringList dropped_; // the statements that put them back
};

} // namespace ChangeJournal

} // namespace mdm
