// export and import-staged.
#include "cli_commands.h"
#include "cli_common.h"

namespace mdm::cli {

int exportList(const QStringList &)
{
    return usageError(Text::tr("export is not available yet."));
}

int importStaged(const QStringList &)
{
    return usageError(Text::tr("import-staged is not available yet."));
}

} // namespace mdm::cli
