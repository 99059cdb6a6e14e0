#include "index/tab_spec.h"

#include "domain/domain.h"
#include "store/store.h"

namespace mdm {

namespace {

// Fields of the Managed index: text 0 name, 1 user, 2 email, 3 serial, 4 imei; numbers 0 platform,
// 1 state, 2 ownership, 3 enrolled_at, 4 last_seen_at; dictionaries 0 group, 1 model, 2 os_version.
TabSpec managedSpec()
{
    TabSpec s{
        TabKind::Managed,
        "d.id, d.name, coalesce(u.name, ''), coalesce(u.email, ''), coalesce(d.serial, ''),"
        " coalesce(d.imei, ''), d.platform, d.state, d.ownership, coalesce(d.enrolled_at, 0),"
        " coalesce(d.last_seen_at, 0), coalesce(g.name, ''), d.model, d.os_version",
        "d.id, d.name, d.platform, coalesce(u.name, ''), coalesce(u.email, ''), d.state, d.ownership,"
        " coalesce(g.name, ''), coalesce(d.serial, ''), coalesce(d.imei, ''), d.model, d.os_version,"
        " d.enrolled_at, d.last_seen_at",
        "devices d LEFT JOIN users u ON u.id = d.user_id LEFT JOIN groups g ON g.id = d.group_id",
        "d.state <> 0",
        "d.id",
        5,
        5,
        3,
        {
            {"device", QT_TRANSLATE_NOOP("Columns", "Device"), ColumnFormat::Text, SortSource::Text, 0,
             ColumnIcon::Platform},
            {"platform", QT_TRANSLATE_NOOP("Columns", "Platform"), ColumnFormat::Platform, SortSource::Number,
             0},
            {"user", QT_TRANSLATE_NOOP("Columns", "User name"), ColumnFormat::Text, SortSource::Text, 1},
            {"email", QT_TRANSLATE_NOOP("Columns", "Email"), ColumnFormat::Text, SortSource::Text, 2},
            {"status", QT_TRANSLATE_NOOP("Columns", "Status"), ColumnFormat::Status, SortSource::Status, 0},
            {"ownership", QT_TRANSLATE_NOOP("Columns", "Ownership"), ColumnFormat::Ownership,
             SortSource::Number, 2},
            {"group", QT_TRANSLATE_NOOP("Columns", "Group"), ColumnFormat::Text, SortSource::Dictionary, 0},
            {"serial", QT_TRANSLATE_NOOP("Columns", "Serial number"), ColumnFormat::Text, SortSource::Text,
             3},
            {"imei", QT_TRANSLATE_NOOP("Columns", "IMEI"), ColumnFormat::Text, SortSource::Text, 4},
            {"model", QT_TRANSLATE_NOOP("Columns", "Model"), ColumnFormat::Text, SortSource::Dictionary, 1},
            {"os_version", QT_TRANSLATE_NOOP("Columns", "OS version"), ColumnFormat::Text,
             SortSource::Dictionary, 2},
            {"enrolled_on", QT_TRANSLATE_NOOP("Columns", "Enrolled on"), ColumnFormat::Timestamp,
             SortSource::Number, 3},
            {"last_seen", QT_TRANSLATE_NOOP("Columns", "Last seen"), ColumnFormat::Timestamp,
             SortSource::Number, 4},
        }};
    s.platformNumber = 0;
    s.stateNumber = 1;
    s.groupDictionary = 0;
    s.userTextField = 1;
    s.numberWidths = "11188";
    // What the details pane and the row menu need besides the columns: the CSV export never reads it, and
    // the subqueries cost as much as the rest of the row.
    s.displayExtras =
        "d.remarks,"
        " coalesce((SELECT c.pin FROM commands c WHERE c.device_id = d.id AND c.pin IS NOT NULL"
        "  ORDER BY c.id DESC LIMIT 1), ''),"
        // The queued command and how it reaches the device, packed as "kind|pushed_at|protocol|push_dead|
        // has token" (one subquery, not five), and the gateway's push topic (empty: no push certificate).
        // Numbers are cast to text before they meet '' or ||, and the last part is 1 or 0 (not a boolean),
        // so that the text is the same on SQLite and PostgreSQL.
        " coalesce((SELECT CAST(c.kind AS TEXT) || '|' || coalesce(CAST(c.pushed_at AS TEXT), '') || '|' ||"
        "  coalesce(CAST(e.protocol AS TEXT), '') || '|' || coalesce(CAST(e.push_dead AS TEXT), '') || '|' ||"
        "  CASE WHEN e.push_token IS NOT NULL AND e.push_magic IS NOT NULL THEN '1' ELSE '0' END"
        "  FROM commands c LEFT JOIN enrollments e ON e.device_id = c.device_id AND e.state = 2"
        "  WHERE c.device_id = d.id AND c.state = 0 ORDER BY c.id DESC, e.id DESC LIMIT 1), ''),"
        " coalesce((SELECT value FROM settings WHERE key = 'gateway.push_topic'), '')";
    // An upper bound that indexes answer at once; "state <> 0" would scan the table.
    s.countSql =
        "SELECT coalesce((SELECT max(id) FROM devices), 0) - (SELECT count(*) FROM devices WHERE state = 0)";
    return s;
}

// Staged: text 0 name, 1 serial, 2 user, 3 email, 4 imei; numbers 0 platform; dictionaries 0 group.
TabSpec stagedSpec()
{
    TabSpec s{
        TabKind::Staged,
        "d.id, d.name, coalesce(d.serial, ''), coalesce(u.name, ''), coalesce(u.email, ''),"
        " coalesce(d.imei, ''), d.platform, coalesce(g.name, '')",
        "d.id, d.name, coalesce(d.serial, ''), d.platform, coalesce(u.name, ''), coalesce(u.email, ''),"
        " coalesce(g.name, ''), CASE WHEN d.user_id IS NOT NULL THEN 1 ELSE 0 END, coalesce(d.imei, ''),"
        " d.ownership, d.model,"
        " d.staged_at",
        "devices d LEFT JOIN users u ON u.id = d.user_id LEFT JOIN groups g ON g.id = d.group_id",
        "d.state = 0",
        "d.id",
        5,
        1,
        1,
        {
            {"device", QT_TRANSLATE_NOOP("Columns", "Device name"), ColumnFormat::Text, SortSource::Text, 0,
             ColumnIcon::Platform},
            {"serial", QT_TRANSLATE_NOOP("Columns", "Serial number"), ColumnFormat::Text, SortSource::Text,
             1},
            {"platform", QT_TRANSLATE_NOOP("Columns", "Platform"), ColumnFormat::Platform, SortSource::Number,
             0, ColumnIcon::Platform},
            {"user", QT_TRANSLATE_NOOP("Columns", "User name"), ColumnFormat::Text, SortSource::Text, 2},
            {"email", QT_TRANSLATE_NOOP("Columns", "Email"), ColumnFormat::Text, SortSource::Text, 3},
            {"group", QT_TRANSLATE_NOOP("Columns", "Group"), ColumnFormat::Text, SortSource::Dictionary, 0},
            {"status", QT_TRANSLATE_NOOP("Columns", "Status"), ColumnFormat::Status, SortSource::Status, 0},
            {"imei", QT_TRANSLATE_NOOP("Columns", "IMEI"), ColumnFormat::Text, SortSource::Text, 4},
        }};
    s.platformNumber = 0;
    s.groupDictionary = 0;
    s.userTextField = 2;
    s.numberWidths = "1";
    s.countSql = "SELECT count(*) FROM devices WHERE state = 0";
    return s;
}

// Pending: text 0 user, 1 email; numbers 0 platform, 1 requested_at, 2 expires_at, 3 delivery,
// 4 resend_count, 5 ownership; dictionaries 0 remarks, 1 group.
TabSpec pendingSpec()
{
    TabSpec s{
        TabKind::Pending,
        "i.id, coalesce(u.name, ''), i.email, i.platform, i.requested_at, i.expires_at, i.delivery,"
        " i.resend_count, i.ownership, i.remarks, coalesce(g.name, '')",
        "i.id, i.platform, coalesce(u.name, ''), i.email, i.requested_at, i.expires_at, i.delivery,"
        " i.remarks, coalesce(g.name, ''), i.resend_count, i.ownership, i.sent_at",
        "invitations i LEFT JOIN users u ON u.id = i.user_id LEFT JOIN groups g ON g.id = i.group_id",
        "i.state = 0",
        "i.id",
        2,
        6,
        2,
        {
            {"type", QT_TRANSLATE_NOOP("Columns", "Type"), ColumnFormat::Platform, SortSource::Number, 0,
             ColumnIcon::Platform},
            {"user", QT_TRANSLATE_NOOP("Columns", "User name"), ColumnFormat::Text, SortSource::Text, 0},
            {"email", QT_TRANSLATE_NOOP("Columns", "Email"), ColumnFormat::Text, SortSource::Text, 1},
            {"requested", QT_TRANSLATE_NOOP("Columns", "Requested"), ColumnFormat::Timestamp,
             SortSource::Number, 1},
            {"expires", QT_TRANSLATE_NOOP("Columns", "Expires"), ColumnFormat::Countdown, SortSource::Number,
             2},
            {"status", QT_TRANSLATE_NOOP("Columns", "Status"), ColumnFormat::Status, SortSource::Status, 0},
            {"remarks", QT_TRANSLATE_NOOP("Columns", "Remarks"), ColumnFormat::Text, SortSource::Dictionary,
             0},
            {"group", QT_TRANSLATE_NOOP("Columns", "Group"), ColumnFormat::Text, SortSource::Dictionary, 1},
            {"resends", QT_TRANSLATE_NOOP("Columns", "Resends"), ColumnFormat::Integer, SortSource::Number,
             4},
            {"actions", QT_TRANSLATE_NOOP("Columns", "Actions"), ColumnFormat::Actions, SortSource::None, 0},
        }};
    s.platformNumber = 0;
    s.expiresNumber = 2;
    s.deliveryNumber = 3;
    s.groupDictionary = 1;
    s.userTextField = 0;
    s.numberWidths = "188141";
    s.countSql = "SELECT count(*) FROM invitations WHERE state = 0";
    return s;
}

} // namespace

QByteArray TabSpec::loadSql() const
{
    return QByteArray("SELECT ") + indexColumns + " FROM " + from + " WHERE " + predicate + " ORDER BY " +
           idColumn;
}

// The tab's condition inside a CASE, which keeps SQLite from using an index for it: a condition such as
// "i.state = 0" would otherwise lead the planner to the state index (it knows no better without
// statistics) and scan every record of the tab for each batch of IDs, instead of looking up the IDs.
// (SQLite's unary plus does the same, but PostgreSQL has no + for a boolean.)
QByteArray TabSpec::listedWhere(qsizetype ids) const
{
    return QByteArray(idColumn) + " IN (" + sqlPlaceholders(ids) + ") AND CASE WHEN " + predicate +
           " THEN 1 ELSE 0 END = 1";
}

// By ID: records new to the index take their slots (the tab's insertion order) in the order the rows come.
// SQLite returns an IN list by ID anyway; PostgreSQL in whatever order its scan finds them.
QByteArray TabSpec::refreshSql(qsizetype ids) const
{
    return QByteArray("SELECT ") + indexColumns + " FROM " + from + " WHERE " + listedWhere(ids) +
           " ORDER BY " + idColumn;
}

// Without the tab's condition: a record that has just left the tab can still be shown until it goes.
QByteArray TabSpec::rowSql(qsizetype ids) const
{
    return rowSqlIn(sqlPlaceholders(ids));
}

QByteArray TabSpec::rowSqlIn(const QByteArray &idSet) const
{
    QByteArray values(displayColumns);
    if (displayExtras)
        values += QByteArray(", ") + displayExtras;
    return "SELECT " + values + " FROM " + from + " WHERE " + idColumn + " IN (" + idSet + ")";
}

const TabSpec &TabSpec::of(TabKind kind)
{
    static const TabSpec specs[] = {managedSpec(), stagedSpec(), pendingSpec()};
    return specs[static_cast<int>(kind)];
}

int TabSpec::columnByKey(const QByteArray &key) const
{
    for (int i = 0; i < columns.size(); ++i)
        if (key == columns[i].key)
            return i;
    return -1;
}

QString TabSpec::title(int column) const
{
    return QCoreApplication::translate("Columns", columns.at(column).title);
}

// Staged devices: 0 = assigned to a user, 1 = waiting for one.
QVector<StatusChoice> statusChoices(TabKind kind)
{
    QVector<StatusChoice> out;
    switch (kind) {
    case TabKind::Managed:
        for (auto s : {DeviceState::Enrolled, DeviceState::Unmanaged, DeviceState::RevokePending,
                       DeviceState::WipePending, DeviceState::RevokeFailed, DeviceState::WipeFailed})
            out.push_back({static_cast<int>(s), DomainText::deviceState(s)});
        break;
    case TabKind::Staged:
        out.push_back({0, statusText(kind, 0)});
        out.push_back({1, statusText(kind, 1)});
        break;
    case TabKind::Pending:
        for (auto s : {InvitationDisplayStatus::Pending, InvitationDisplayStatus::Expired,
                       InvitationDisplayStatus::Queued, InvitationDisplayStatus::DeliveryFailed})
            out.push_back({static_cast<int>(s), DomainText::inviteStatus(s)});
        break;
    }
    return out;
}

QString statusText(TabKind kind, int status)
{
    switch (kind) {
    case TabKind::Managed:
        return DomainText::deviceState(static_cast<DeviceState>(status));
    case TabKind::Staged:
        return status == 0 ? TabText::tr("Staged") : TabText::tr("Staged (no user)");
    case TabKind::Pending:
        return DomainText::inviteStatus(static_cast<InvitationDisplayStatus>(status));
    }
    return {};
}

QString TabText::tabTitle(TabKind kind)
{
    switch (kind) {
    case TabKind::Managed:
        return tr("Managed");
    case TabKind::Staged:
        return tr("Staged");
    case TabKind::Pending:
        return tr("Enrollment Pending");
    }
    return {};
}

} // namespace mdm
