#pragma once

#include "domain/domain.h"

#include <QtGlobal>

namespace mdm {

// The seed's rule: an enrollment invitation is valid for 7 days from its last sending.
inline constexpr qint64 kInvitationValidityMs = qint64(7) * 24 * 60 * 60 * 1000;

inline qint64 invitationExpiry(qint64 sentAtMs)
{
    return sentAtMs + kInvitationValidityMs;
}

inline bool invitationExpired(qint64 expiresAtMs, qint64 nowMs)
{
    return nowMs >= expiresAtMs;
}

// Delivery problems outrank expiry: a failed mail must be resent whatever its age.
inline InvitationDisplayStatus inviteStatus(DeliveryState delivery, qint64 expiresAtMs, qint64 nowMs)
{
    if (delivery == DeliveryState::Failed)
        return InvitationDisplayStatus::DeliveryFailed;
    if (invitationExpired(expiresAtMs, nowMs))
        return InvitationDisplayStatus::Expired;
    return delivery == DeliveryState::Queued ? InvitationDisplayStatus::Queued
                                             : InvitationDisplayStatus::Pending;
}

} // namespace mdm
