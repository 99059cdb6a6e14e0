#pragma once

#include <QCoreApplication>
#include <QString>

namespace mdm {

// What each audit code ("invite.resend") means, in the admin's language. The codes stay stable in the
// store and in the command line's columns; people read these names.
class AuditAction
{
    Q_DECLARE_TR_FUNCTIONS(AuditAction)

public:
    // The translated name of code; the code itself for one this version does not know.
    static QString text(const QString &code);
};

} // namespace mdm
