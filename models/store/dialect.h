#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace mdm {

// The differences between the store's two SQL dialects, few and explicit. Schema text is written once
// with these pieces and comes out as SQLite's or PostgreSQL's; everything else is the same SQL.
struct Dialect
{
    enum class Kind
    {
        Sqlite,
        Postgres
    };
    Kind kind;
    // A table's own ID: SQLite's rowid alias, PostgreSQL's identity column (never reused on either).
    const char *idColumn;
    // IDs, references to them and ms timestamps (SQLite's INTEGER is 64 bits already).
    const char *bigint;
    const char *blob;
    // Names and addresses that are unique without regard to case, and compare that way with =, LIKE and
    // ORDER BY: SQLite's TEXT … COLLATE NOCASE; PostgreSQL's citext, which does all three the same way.
    // (A nondeterministic ICU collation refuses LIKE on PostgreSQL 15, and unique indexes on lower()
    // leave "email = ?" case-sensitive: either would make the services' SQL differ between the stores.)
    const char *nocaseText;
    const char *nocase; // " COLLATE NOCASE" after the column's constraints, or nothing
    // instr(haystack, needle) and strpos(haystack, needle): the same arguments, the same result.
    const char *instr;
    // NULL-safe "differs": SQLite's IS NOT in the released SQLite migrations (1–4). New migrations use
    // IS DISTINCT FROM on both (SQLite ≥ 3.39 knows it).
    const char *isNot;

    bool isPostgres() const { return kind == Kind::Postgres; }

    // Milliseconds since the epoch by the database's clock, as an integer.
    QString nowMs() const;

    // A row trigger: timing is e.g. "AFTER UPDATE"; when is a condition on old/new (may be empty); body
    // is one or more statements, each ending in ';'. SQLite: one CREATE TRIGGER; PostgreSQL: a plpgsql
    // function of the trigger's name and a CREATE TRIGGER that runs it.
    QStringList trigger(const QString &name, const QString &timing, const QString &table, const QString &when,
                        const QString &body) const;
    // The statements that undo trigger() (for later migrations that replace a trigger).
    QStringList dropTrigger(const QString &name, const QString &table) const;
    // A statement, for a trigger's body, that aborts the writing statement with message.
    QString raise(const QString &message) const;

    static const Dialect &sqlite();
    static const Dialect &postgres();
};

// The dialect a connection of the store speaks.
const Dialect &dialectOf(const QSqlDatabase &db);

} // namespace mdm
