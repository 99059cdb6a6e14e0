#pragma once

#include <QCoreApplication>
#include <QString>

namespace mdm {

class Store;

// The team's rights on a PostgreSQL store: the store's owner makes a login role an admin (member of
// mdm_admin: may change the records) or a viewer (member of mdm_viewer: may browse, search and export),
// or takes both away. Each change is audited. The rights of the two group roles themselves are the
// schema's (schema_roles.cpp); granting applies them again, for roles a superuser made after the store.
class StoreRoles
{
    Q_DECLARE_TR_FUNCTIONS(StoreRoles)

public:
    enum class Level
    {
        Admin,
        Viewer
    };
    static constexpr const char *kAdminRole = "mdm_admin";
    static constexpr const char *kViewerRole = "mdm_viewer";

    // Makes role an admin or a viewer (and no longer the other). False with *error in plain words: an
    // SQLite store, an unknown role, missing group roles, or a user that may not grant them.
    static bool grant(Store &store, Level level, const QString &role, QString *error);
    // Takes both levels from role.
    static bool revoke(Store &store, const QString &role, QString *error);
};

} // namespace mdm
