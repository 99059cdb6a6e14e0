#include "feed/store_watcher.h"

#include "feed/sqlite_store_watcher.h"
#include "store/store.h"

namespace mdm {

std::unique_ptr<StoreWatcher> StoreWatcher::create(const Store &store, QObject *parent)
{
    // The only store is SQLite today; the PostgreSQL store will answer with its LISTEN/NOTIFY watcher.
    return std::make_unique<SqliteStoreWatcher>(store.path(), parent);
}

} // namespace mdm
