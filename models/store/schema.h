#pragma once

#include <QStringList>
#include <vector>

namespace mdm {

// migrations()[v - 1] brings a store from schema version v - 1 to v. Entries are never edited once
// released; a change to the schema is a new entry.
const std::vector<QStringList> &migrations();

} // namespace mdm
