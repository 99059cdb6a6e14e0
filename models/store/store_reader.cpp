#include "store/store_reader.h"

#include "store/postgres_reader.h"
#include "store/sqlite_reader.h"
#include "store/store.h"

namespace mdm {

bool StoreReader::isPostgres(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

std::unique_ptr<StoreReader> StoreReader::open(const QString &location)
{
    return isPostgres(location) ? openPostgresReader(location) : openSqliteReader(location);
}

std::unique_ptr<StoreReader> StoreReader::open(const Store &store)
{
    return open(store.path());
}

} // namespace mdm
