#pragma once

#include <QString>
#include <functional>
#include <map>

namespace mdm::bench {

// Ten admins at once on the store at `location` (a SQLite file or a PostgreSQL URI), as real processes:
// each runs `mdm-console` bulk commands (reassign, deprovision, resend, remove-request) one after another
// for `seconds` on records drawn at random from one shared pool (so that they collide), and two of them
// also run `deliver` to a local SMTP test server. Then the store is checked against what the commands
// reported:
// - concurrent_admins_actions: commands that ran to a result (deliver runs included);
// - concurrent_admins_failed_actions: commands that changed nothing because of an error (e.g. busy);
// - concurrent_admins_rows_lost / _rows_duplicated: per tab, records missing or in excess against the
//   counts before plus the reported changes (records in two tabs count as duplicated); audit entries and
//   outbox rows missing or in excess against the reported changes, record by record;
// - concurrent_admins_mails_twice: messages the SMTP server received more than once (same Message-ID).
// Changes the store (run it last). Empty when it could not run; why goes to `log`.
std::map<QString, double> concurrentAdminFigures(const QString &location, int seconds,
                                                 const std::function<void(const QString &)> &log);

} // namespace mdm::bench
