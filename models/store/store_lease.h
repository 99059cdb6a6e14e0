#pragma once

#include <QString>

namespace mdm {

// A store-wide exclusive right that one holder at a time has, whichever machine it runs on: the outbox's
// one sender (mail/outbox_dispatcher). From Store::lease. Not a write lock: writes still take turns in
// Store::transaction. A holder that dies loses it (SQLite: the lock file of a dead process is stale and
// taken over; PostgreSQL: a session-level advisory lock ends with its session).
class StoreLease
{
public:
    virtual ~StoreLease() = default;
    StoreLease() = default;
    StoreLease(const StoreLease &) = delete;
    StoreLease &operator=(const StoreLease &) = delete;

    // Takes the lease without waiting. False when another holder has it (*error left empty) or when it
    // cannot be asked for (the server cannot be reached: *error says why). True again when held already.
    virtual bool tryTake(QString *error) = 0;
    // Gives it up; nothing when not held. The destructor releases it too.
    virtual void release() = 0;
    virtual bool isHeld() const = 0;
};

} // namespace mdm
