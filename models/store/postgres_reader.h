#pragma once

#include "store/store_reader.h"

#include <QByteArray>

namespace mdm {

// The PostgreSQL side of StoreReader: a libpq connection of its own to uri (a postgresql:// URI; libpq
// finds a password in ~/.pgpass, PGPASSFILE or PGPASSWORD), read-only, UTF-8.
std::unique_ptr<StoreReader> openPostgresReader(const QString &uri);

namespace postgres_reader {
// SQL with `?` (or `?NNN`) placeholders as PostgreSQL's `$1, $2, …`; quoted text and names are left as
// they are. *count: the number of placeholders.
QByteArray numberedPlaceholders(const QByteArray &sql, int *count);
// Decodes one field of COPY's text format in place (backslash escapes); returns its new length.
qsizetype unescapeCopyField(char *data, qsizetype size);
} // namespace postgres_reader

} // namespace mdm
