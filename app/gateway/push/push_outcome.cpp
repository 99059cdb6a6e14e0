#include "push_outcome.h"

namespace mdm::gateway {

QString pushOutcomeName(PushOutcome outcome)
{
    switch (outcome) {
    case PushOutcome::Delivered:
        return QStringLiteral("Delivered");
    case PushOutcome::Unregistered:
        return QStringLiteral("Unregistered");
    case PushOutcome::Rejected:
        return QStringLiteral("Rejected");
    case PushOutcome::Failed:
        return QStringLiteral("Failed");
    }
    return {};
}

} // namespace mdm::gateway
