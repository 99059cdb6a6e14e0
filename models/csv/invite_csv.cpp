#include "csv/invite_csv.h"

#include "csv/csv.h"
#include "store/directory.h"

#include <QFile>
#include <QHash>
#include <array>

namespace mdm {

namespace {

enum Field
{
    Email,
    PlatformType,
    OwnedBy,
    GroupName,
    Domain,
    UserName,
    FieldCount
};

const QHash<QString, Field> &headerFields()
{
    static const QHash<QString, Field> fields{
        {QStringLiteral("emailaddress"), Email},
        {QStringLiteral("email"), Email},
        {QStringLiteral("platformtype"), PlatformType},
        {QStringLiteral("platform"), PlatformType},
        {QStringLiteral("ownedby"), OwnedBy},
        {QStringLiteral("ownership"), OwnedBy},
        {QStringLiteral("groupname"), GroupName},
        {QStringLiteral("group"), GroupName},
        {QStringLiteral("domain"), Domain},
        {QStringLiteral("domainname"), Domain},
        {QStringLiteral("username"), UserName},
    };
    return fields;
}

} // namespace

InviteCsvResult InviteCsv::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        InviteCsvResult result;
        result.errors << tr("Cannot read “%1”: %2").arg(path, file.errorString());
        return result;
    }
    return read(file.readAll());
}

namespace {

using Columns = std::array<int, FieldCount>; // field -> column index, -1 when the file has none

// Which column holds which field; false (with the reason in result) when the header cannot be used.
bool mapColumns(const csv::Record &header, Columns *at, InviteCsvResult *result)
{
    at->fill(-1);
    QStringList unknown;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString title = header.fields[i].trimmed();
        const auto it = headerFields().constFind(csv::headerKey(title));
        if (it == headerFields().constEnd()) {
            unknown << (title.isEmpty() ? InviteCsv::tr("(column %1 has no title)").arg(i + 1) : title);
        } else if ((*at)[it.value()] >= 0) {
            result->errors << InviteCsv::tr(
                                  "line %1: the columns “%2” and “%3” mean the same; keep one of them.")
                                  .arg(header.line)
                                  .arg(header.fields[(*at)[it.value()]].trimmed(), title);
            return false;
        } else {
            (*at)[it.value()] = i;
        }
    }
    if ((*at)[Email] < 0)
        result->errors << InviteCsv::tr("line %1: the file has no EMAIL_ADDRESS column.").arg(header.line);
    if ((*at)[PlatformType] < 0)
        result->errors << InviteCsv::tr("line %1: the file has no PLATFORM_TYPE column.").arg(header.line);
    if (!result->errors.isEmpty())
        return false;
    if (!unknown.isEmpty())
        result->warnings << InviteCsv::tr("These columns are not used and were ignored: %1.")
                                .arg(unknown.join(QStringLiteral(", ")));
    return true;
}

// One data row as an invitation request; every problem of the row goes into result's errors.
InviteRequest readRow(const csv::Record &record, const Columns &at, qsizetype headerWidth,
                      InviteCsvResult *result, QStringList *rowProblems)
{
    const auto value = [&](Field field) {
        const int i = at[field];
        return i >= 0 && i < record.fields.size() ? csv::restoreFormula(record.fields[i]).trimmed()
                                                  : QString();
    };
    const auto problem = [&](const QString &reason) {
        result->errors << InviteCsv::tr("line %1: %2").arg(record.line).arg(reason);
        *rowProblems << reason;
    };
    const qsizetype errorsBefore = result->errors.size();

    InviteRequest request;
    request.line = record.line;
    request.email = value(Email);
    if (request.email.isEmpty())
        problem(InviteCsv::tr("no email address."));
    else if (!isValidEmail(request.email))
        problem(InviteCsv::tr("“%1” is not an email address.").arg(request.email));

    const QString platform = value(PlatformType);
    if (platform.isEmpty()) {
        problem(InviteCsv::tr("no platform type."));
    } else if (const auto p = platformFromText(platform)) {
        request.platform = *p;
    } else {
        problem(InviteCsv::tr("“%1” is not a platform type (Android, iOS, iPadOS, macOS, Windows or Other).")
                    .arg(platform));
    }

    const QString owner = value(OwnedBy);
    if (!owner.isEmpty()) {
        if (const auto o = ownershipFromText(owner))
            request.ownership = *o;
        else
            problem(InviteCsv::tr("OWNED_BY is “%1”; it must be Corporate or Personal.").arg(owner));
    }
    request.group = value(GroupName);
    request.name = value(UserName);
    if (request.name.isEmpty())
        request.name = request.email.section(QLatin1Char('@'), 0, 0);
    for (qsizetype i = headerWidth; i < record.fields.size(); ++i) {
        if (!record.fields[i].trimmed().isEmpty()) {
            problem(InviteCsv::tr(
                "the row has more cells than the header has columns (an unquoted comma in a value?)."));
            break;
        }
    }
    if (result->errors.size() == errorsBefore) {
        if (const QString reason = EnrollmentService::validate(request); !reason.isEmpty())
            problem(reason);
    }
    return request;
}

} // namespace

InviteCsvResult InviteCsv::read(const QByteArray &csv)
{
    InviteCsvResult result;
    const csv::Table table = csv::read(csv);
    if (!table.error.isEmpty()) {
        result.errors << table.error;
        return result;
    }
    if (table.records.isEmpty()) {
        result.errors << tr("The file is empty.");
        return result;
    }
    const csv::Record &header = table.records.first();
    Columns at{};
    if (!mapColumns(header, &at, &result))
        return result;

    QList<InviteRequest> requests;
    QHash<QString, int> seen; // address and platform -> first line
    const int platformColumn = at[PlatformType];
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const csv::Record &record = table.records[r];
        QStringList rowProblems;
        InviteCsvRow row;
        row.line = record.line;
        row.request = readRow(record, at, header.fields.size(), &result, &rowProblems);
        if (platformColumn >= 0 && platformColumn < record.fields.size())
            row.platformText = record.fields[platformColumn].trimmed();
        row.problem = rowProblems.join(QLatin1Char(' '));
        row.readable = row.problem.isEmpty();
        if (row.valid()) {
            const InviteRequest &request = row.request;
            const QString key = request.email.toLower() + QLatin1Char('\n') + platformKey(request.platform);
            if (const auto it = seen.constFind(key); it != seen.constEnd()) {
                row.warning = tr("%1 is invited for %2 on line %3 too; each line sends an invitation.")
                                  .arg(request.email, DomainText::platform(request.platform))
                                  .arg(it.value());
                result.warnings << tr("line %1: %2").arg(record.line).arg(row.warning);
            } else {
                seen.insert(key, record.line);
            }
            requests << request;
        }
        result.rows << row;
    }
    if (table.records.size() == 1)
        result.errors << tr("The file has a header but nobody to invite.");
    if (result.errors.isEmpty())
        result.requests = requests;
    return result;
}

QList<InviteRequest> InviteCsvResult::validRequests() const
{
    QList<InviteRequest> out;
    for (const InviteCsvRow &row : rows)
        if (row.valid())
            out << row.request;
    return out;
}

int InviteCsvResult::problemCount() const
{
    int n = 0;
    for (const InviteCsvRow &row : rows)
        n += row.valid() ? 0 : 1;
    return n;
}

void InviteCsv::checkAgainst(const EnrollmentService &service, InviteCsvResult *result)
{
    bool found = false;
    for (InviteCsvRow &row : result->rows) {
        if (!row.valid())
            continue;
        const QStringList warnings = service.warnings(row.request);
        if (warnings.isEmpty())
            continue;
        row.problem = warnings.join(QLatin1Char(' '));
        result->errors << tr("line %1: %2").arg(row.line).arg(row.problem);
        found = true;
    }
    if (found)
        result->requests.clear();
}

} // namespace mdm
