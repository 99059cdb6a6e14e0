#pragma once

#include <QString>
#include <functional>
#include <map>

namespace mdm::bench {

// How fast an open console's Pending model shows what another connection commits (the console's own
// connection does not write; only its StoreFollower tells the model), on the store at path:
// - external_change_visible_ms: from the commit of a one-row change to the model showing the new text
//   (mean of 10, at moments unrelated to the watcher's poll);
// - external_bulk_visible_ms: 10,000 invitations resent in one transaction until the model has repainted
//   every one of them; external_bulk_full_reloads counts model resets meanwhile (0: applied row by row).
std::map<QString, double> liveFigures(const QString &path, const std::function<void(const QString &)> &log);

} // namespace mdm::bench
