#pragma once

#include <QString>
#include <functional>
#include <map>

namespace mdm::bench {

// Whether the console's UI thread stays responsive while another process writes a lot to the store at path:
// ui_max_stall_during_external_import_ms is the longest gap between two ticks of a 10 ms timer on the thread
// that holds the three tabs' models and the store follower, while `mdm-console --db PATH import-staged FILE`
// imports 100,000 staged devices and the models follow it; meanwhile the thread scrolls (reads the rows of a
// page) and types (changes the search text) as an admin would. The imported devices are removed afterwards,
// so that the store can be measured again.
std::map<QString, double> stallFigures(const QString &path, const std::function<void(const QString &)> &log);

} // namespace mdm::bench
