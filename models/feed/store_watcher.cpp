#include "feed/store_watcher.h"

#include "feed/pg_store_watcher.h"
#include "feed/sqlite_store_watcher.h"
#include "store/postgres_location.h"
#include "store/store.h"

namespace mdm {

std::unique_ptr<StoreWatcher> StoreWatcher::create(const Store &store, QObject *parent)
{
    // A PostgreSQL store shows its libpq URI as its path; an SQLite store its file's absolute path.
    const QString location = store.path();
    if (isPostgresLocation(location))
        return std::make_unique<PgStoreWatcher>(location, parent);
    return std::make_unique<SqliteStoreWatcher>(location, parent);
}

} // namespace mdm
