#pragma once

#include <QString>
#include <functional>
#include <map>

namespace mdm::bench {

// The change feed's figures on the store at path (which it changes: it resends invitations):
// - resend_10k_journal_ms / resend_10k_nojournal_ms: resending the same 10,000 pending invitations with the
//   journal's triggers and with them dropped (medians of three runs each, alternating);
//   journal_share_resend_10k_pct: the journal's share of the first; the same in this thread's CPU time
//   (*_cpu_ms, journal_share_resend_10k_cpu_pct), which other load on the machine disturbs less;
// - watch_change_seen_ms: from the commit of a one-row change to a watcher's changes() (mean of 10);
// - watch_idle_cpu_pct: the CPU this process uses with a watcher following the quiet store for 10 s.
std::map<QString, double> feedFigures(const QString &path, const std::function<void(const QString &)> &log);

} // namespace mdm::bench
