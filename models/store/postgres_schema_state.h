#pragma once

#include <QSqlDatabase>
#include <QString>

namespace mdm {

// What a PostgreSQL database holds, read without writing: an MDM store's schema version, nothing at all
// (a new store), or something else (refused).
struct PostgresSchemaState
{
    enum class Kind
    {
        Empty,
        Store,
        Foreign,
    };
    Kind kind = Kind::Empty;
    int version = 0; // for Store
    QString error;   // the read failed
};

PostgresSchemaState readPostgresSchemaState(const QSqlDatabase &db);

} // namespace mdm
