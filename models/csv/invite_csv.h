#pragma once

#include "services/enrollment_service.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdm {

// One data row as checked, for the preview: what it asks for and why it cannot be sent.
struct InviteCsvRow
{
    int line = 0;
    InviteRequest request;
    QString platformText;  // as written in the file
    bool readable = false; // the row's own fields are valid (the store's checks may still refuse it)
    QString problem;       // why it is not sent; empty when valid
    QString warning;       // sent, with a remark (the same address and platform on an earlier line)

    bool valid() const { return problem.isEmpty(); }
};

struct InviteCsvResult
{
    QList<InviteRequest> requests; // one per data row, with .line set; empty when there are errors
    QStringList errors;            // "line N: reason", one per problem, or one message about the file
    QStringList warnings;          // ignored columns, an address invited twice for the same platform
    QList<InviteCsvRow> rows;      // every data row, valid or not; empty when the file is unusable

    bool ok() const { return errors.isEmpty(); }
    // The requests of the valid rows, for "send only the valid rows".
    QList<InviteRequest> validRequests() const;
    int problemCount() const;
};

// Reads ManageEngine's bulk-enrollment CSV (csv::read: UTF-8 with or without BOM, comma or semicolon,
// ...): a header line and columns in any order, names case-insensitive (spaces, underscores, hyphens
// ignored). EMAIL_ADDRESS and PLATFORM_TYPE are required; OWNED_BY (Corporate or Personal, default
// Corporate), GROUP_NAME and USER_NAME are optional, and without USER_NAME the user name is the part of
// the address before the @. DOMAIN (the Active Directory domain in ManageEngine) is accepted and not
// used: this console's users are identified by their address. Every row is checked before anything is
// returned, so the caller (EnrollmentService::invite) gets either every request or every error.
class InviteCsv
{
    Q_DECLARE_TR_FUNCTIONS(InviteCsv)

public:
    static InviteCsvResult read(const QByteArray &csv);
    static InviteCsvResult readFile(const QString &path);
    // The checks the single invite makes, against the store: a row whose address already has an open
    // invitation for the platform, or an enrolled device of it, is a problem (not sent), so a file
    // imported twice does not mail everybody twice.
    static void checkAgainst(const EnrollmentService &service, InviteCsvResult *result);
};

} // namespace mdm
