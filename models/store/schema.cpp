#include "store/schema.h"

namespace mdm {

namespace {

// Versions after 4, for both dialects: each a function of the Dialect, appended to both lists.
// Example: QStringList version5(const Dialect &d) { return {…}; } and {5, version5(d)} below.
std::vector<MigrationStep> laterSteps(const Dialect &)
{
    return {};
}

} // namespace

std::vector<MigrationStep> migrationSteps(const Dialect &d)
{
    std::vector<MigrationStep> steps;
    if (d.isPostgres()) {
        steps.push_back({4, schema::postgresBaseline()});
    } else {
        int version = 0;
        for (const QStringList &statements : schema::sqliteMigrations())
            steps.push_back({++version, statements});
    }
    for (MigrationStep &step : laterSteps(d))
        steps.push_back(std::move(step));
    return steps;
}

const std::vector<QStringList> &migrations()
{
    return schema::sqliteMigrations();
}

} // namespace mdm
