#pragma once

#include "domain/domain.h"

#include <QtGlobal>

namespace mdm {

// The seed's rule: an enrollment invitation is valid for 7 days from its last sending, that is from the
// moment the mail server accepted the mail. Until then the invitation is stored with sent_at and expires_at
// 0: a queued (or failed) invitation has not been sent, so it has no window that could run out.
inline constexpr qint64 kInvitationValidityMs = qint64(7) * 24 * 60 * 60 * 1000;

inline qint64 invitationExpiry(qint64 sentAtMs)
{
    return sentAtMs + kInvitationValidityMs;
}

inline bool invitationExpired(qint64 expiresAtMs, qint64 nowMs)
{
    return nowMs >= expiresAtMs;
}

// Only a delivered invitation can expire: its 7 days start when the server accepted the mail.
inline bool deliveredInvitationExpired(DeliveryState delivery, qint64 expiresAtMs, qint64 nowMs)
{
    return delivery == DeliveryState::Sent && invitationExpired(expiresAtMs, nowMs);
}

// Delivery problems outrank expiry: a failed mail must be resent whatever its age. A queued mail has not
// started its 7 days yet.
inline InvitationDisplayStatus inviteStatus(DeliveryState delivery, qint64 expiresAtMs, qint64 nowMs)
{
    switch (delivery) {
    case DeliveryState::Failed:
        return InvitationDisplayStatus::DeliveryFailed;
    case DeliveryState::Queued:
        return InvitationDisplayStatus::Queued;
    case DeliveryState::Sent:
        break;
    }
    return invitationExpired(expiresAtMs, nowMs) ? InvitationDisplayStatus::Expired
                                                 : InvitationDisplayStatus::Pending;
}

} // namespace mdm
