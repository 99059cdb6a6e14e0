#pragma once

#include <QMetaType>
#include <QString>

namespace mdm::gateway {

// How one push ended, as ApnsClient::finished() reports it.
enum class PushOutcome
{
    Delivered,    // Apple accepted it (200); the device will check in when it is online
    Unregistered, // 410: the device token is dead; do not push to it again until a new TokenUpdate
    Rejected,     // another 4xx: the request or the certificate is wrong (Apple's reason in the detail)
    Failed,       // 429, 5xx or network errors on every attempt: gave up
};

// "Delivered", "Unregistered", "Rejected", "Failed": for logs and the audit trail (not translated).
QString pushOutcomeName(PushOutcome outcome);

} // namespace mdm::gateway

Q_DECLARE_METATYPE(mdm::gateway::PushOutcome)
