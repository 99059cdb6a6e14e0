#pragma once

#include "store/store_reader.h"

namespace mdm {

// The SQLite side of StoreReader: a read-only connection to the file at path (SqliteReadConnection).
std::unique_ptr<StoreReader> openSqliteReader(const QString &path);

} // namespace mdm
