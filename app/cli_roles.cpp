// grant and revoke: the store's owner makes a database login role an admin or a viewer of a PostgreSQL
// store (models/store/store_roles.h).
#include "cli_commands.h"
#include "cli_common.h"
#include "store/store_roles.h"

namespace mdm::cli {

int grant(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    // words: "grant", the level, the role.
    const QStringList words = parser.positionalArguments();
    if (words.size() != 3 ||
        (words.at(1) != QLatin1String("admin") && words.at(1) != QLatin1String("viewer")))
        return usageError(Text::tr("grant takes admin or viewer and a database role."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    const bool admin = words.at(1) == QLatin1String("admin");
    QString error;
    if (!StoreRoles::grant(*store, admin ? StoreRoles::Level::Admin : StoreRoles::Level::Viewer, words.at(2),
                           &error)) {
        err() << error << '\n';
        return 1;
    }
    out() << (admin ? Text::tr("%1 is now an admin of the store (mdm_admin).")
                    : Text::tr("%1 is now a viewer of the store (mdm_viewer): it may browse, search and "
                               "export, not change anything."))
                 .arg(words.at(2))
          << '\n';
    return 0;
}

int revoke(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    const QStringList words = parser.positionalArguments();
    if (words.size() != 2)
        return usageError(Text::tr("revoke takes a database role."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    QString error;
    if (!StoreRoles::revoke(*store, words.at(1), &error)) {
        err() << error << '\n';
        return 1;
    }
    out() << Text::tr("%1 is no longer an admin or viewer of the store.").arg(words.at(1)) << '\n';
    return 0;
}

} // namespace mdm::cli
