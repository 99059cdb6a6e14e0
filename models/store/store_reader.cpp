#include "store/store_reader.h"

#include "store/postgres_reader.h"
#include "store/sqlite_reader.h"
#include "store/store.h"

#include <future>
#include <mutex>
#include <vector>

namespace mdm {

namespace {

struct AheadReader
{
    QString location;
    std::future<std::unique_ptr<StoreReader>> reader;
};

std::mutex &aheadMutex()
{
    static std::mutex mutex;
    return mutex;
}

// Waited for at exit, as futures of std::async are.
std::vector<AheadReader> &aheadReaders()
{
    static std::vector<AheadReader> readers;
    return readers;
}

// One started for location, or an invalid future.
std::future<std::unique_ptr<StoreReader>> takeAhead(const QString &location)
{
    std::lock_guard lock(aheadMutex());
    auto &readers = aheadReaders();
    for (auto it = readers.begin(); it != readers.end(); ++it) {
        if (it->location != location)
            continue;
        auto reader = std::move(it->reader);
        readers.erase(it);
        return reader;
    }
    return {};
}

} // namespace

bool StoreReader::isPostgres(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

std::unique_ptr<StoreReader> StoreReader::open(const QString &location)
{
    if (!isPostgres(location))
        return openSqliteReader(location);
    if (auto ahead = takeAhead(location); ahead.valid()) {
        if (auto reader = ahead.get(); reader->error().isEmpty())
            return reader;
    }
    return openPostgresReader(location);
}

void StoreReader::connectAhead(const QString &location, int count)
{
    if (!isPostgres(location))
        return;
    std::lock_guard lock(aheadMutex());
    for (int i = 0; i < count; ++i)
        aheadReaders().push_back(
            {location, std::async(std::launch::async, [location] { return openPostgresReader(location); })});
}

std::unique_ptr<StoreReader> StoreReader::open(const Store &store)
{
    return open(store.path());
}

} // namespace mdm
