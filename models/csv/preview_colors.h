#pragma once

#include <QVariant>

namespace mdm {

// The Check column's colour in the CSV previews: red for a row that is not taken, amber for one taken
// with a remark, the palette's own for the rest; readable on light and dark palettes.
QVariant previewResultColor(bool valid, bool warned);

} // namespace mdm
