#pragma once

#include <QtGlobal>

namespace mdm {

// The PostgreSQL store's write lock, a transaction-level advisory lock (pg_advisory_xact_lock) per
// database: Store::transaction takes it at BEGIN, as SQLite's BEGIN IMMEDIATE takes SQLite's write lock,
// so writers take turns, a migration runs once, and journal entries become visible in seq order. The
// number is arbitrary ("mdmstore" in ASCII); other programs on the same database must not use it.
inline constexpr qint64 kPostgresWriteLock = 0x6d646d73746f7265;

// The class of the store's leases (Store::lease): session-level advisory locks on the two-integer key
// (kPostgresLeaseClass, a number for the lease's name). Two-integer keys never meet the one-bigint write
// lock above. "mdml" in ASCII.
inline constexpr qint32 kPostgresLeaseClass = 0x6d646d6c;

// The channel a committed change is announced on (payload empty); the journal says what changed.
inline constexpr const char *kPostgresChangeChannel = "mdm_changes";

// A setting, local to a transaction, that a bulk write turns 'off' to stop the per-row journal entries
// (ChangeJournal::BulkChange); every journalling trigger's WHEN asks it.
inline constexpr const char *kPostgresJournalSetting = "mdm.journal";

} // namespace mdm
