#include "mail_types.h"

namespace mdm::mail {

QString toString(SendResult::Kind kind)
{
    switch (kind) {
    case SendResult::Kind::Sent:
        return QStringLiteral("Sent");
    case SendResult::Kind::Transient:
        return QStringLiteral("Transient");
    case SendResult::Kind::Permanent:
        return QStringLiteral("Permanent");
    case SendResult::Kind::ConfigError:
        return QStringLiteral("ConfigError");
    }
    return QStringLiteral("?");
}

} // namespace mdm::mail
