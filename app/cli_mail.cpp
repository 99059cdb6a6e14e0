// deliver and mail-settings: written by the mail-integration helper.
#include "cli_commands.h"
#include "cli_common.h"

namespace mdm::cli {

int deliver(const QStringList &)
{
    return usageError(Text::tr("deliver is not available yet."));
}

int mailSettings(const QStringList &)
{
    return usageError(Text::tr("mail-settings is not available yet."));
}

} // namespace mdm::cli
