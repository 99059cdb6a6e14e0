#pragma once

#include <QString>
#include <optional>

namespace mdm {

// What a record is: the store announces changes by kind, the audit log names records by kind.
enum class RecordKind
{
    Device,
    Invitation,
    User,
    Group,
    Outbox,
    Audit
};

// The stable key the store writes for a kind ("device", "invitation", …).
QString recordKindKey(RecordKind kind);
std::optional<RecordKind> recordKindFromKey(const QString &key);

} // namespace mdm
