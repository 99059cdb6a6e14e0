#pragma once

#include "store/dialect.h"

#include <QStringList>
#include <vector>

namespace mdm {

// One step of a store's schema: its statements bring a store at an older version to toVersion.
struct MigrationStep
{
    int toVersion;
    QStringList statements;
};

// The steps that bring a store of this dialect to Store::kSchemaVersion, oldest first. SQLite: one per
// version from 1. PostgreSQL: the baseline (version 4, from an empty database), then the same steps as
// SQLite for every later version, written once with the Dialect's pieces.
std::vector<MigrationStep> migrationSteps(const Dialect &d);

// SQLite's migrations: migrations()[v - 1] brings a store from schema version v - 1 to v. Entries are
// never edited once released; a change to the schema is a new entry.
const std::vector<QStringList> &migrations();

namespace schema {
const std::vector<QStringList> &sqliteMigrations();
QStringList postgresBaseline();
// The roles' rights on a PostgreSQL store (schema_roles.cpp); run by the owner after every migration.
QStringList postgresRoles();
} // namespace schema

} // namespace mdm
