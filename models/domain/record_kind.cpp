#include "domain/record_kind.h"

#include <array>

namespace mdm {

namespace {
constexpr std::array<const char *, 6> kKeys{"device", "invitation", "user", "group", "outbox", "audit"};
}

QString recordKindKey(RecordKind kind)
{
    return QString::fromLatin1(kKeys[static_cast<size_t>(kind)]);
}

std::optional<RecordKind> recordKindFromKey(const QString &key)
{
    for (size_t i = 0; i < kKeys.size(); ++i)
        if (key == QLatin1String(kKeys[i]))
            return static_cast<RecordKind>(i);
    return std::nullopt;
}

} // namespace mdm
