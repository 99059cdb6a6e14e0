// The headless twins of the console's actions: the same services, one transaction each.
#include "cli_commands.h"
#include "cli_common.h"
#include "csv/invite_csv.h"
#include "domain/clock.h"
#include "index/record_table_model.h"
#include "pg_keychain.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "services/record_status.h"
#include "store/audit_action.h"
#include "store/audit_log.h"
#include "store/directory.h"

#include <QDateTime>
#include <QFileInfo>
#include <QVariant>

namespace mdm::cli {

namespace {

// One line per record, then a summary; exit 0 only when everything asked for was done.
int report(const BulkResult &result, const QString &verb)
{
    if (!result.ok) {
        err() << Text::tr("Nothing was changed: %1").arg(result.error) << '\n';
        return 1;
    }
    for (const Outcome &o : result.outcomes) {
        // Wide enough for the longest result word in any language the console speaks.
        out() << qSetFieldWidth(15) << Qt::left << OutcomeText::result(o.result).toLower()
              << qSetFieldWidth(0) << '#' << o.id;
        if (o.label != QString::number(o.id) && o.label != QStringLiteral("#%1").arg(o.id))
            out() << "  " << o.label;
        if (!o.reason.isEmpty())
            out() << ": " << o.reason;
        out() << '\n';
    }
    out() << Text::tr("%1 %2, skipped %3, failed %4")
                 .arg(verb)
                 .arg(result.count(Outcome::Result::Done))
                 .arg(result.count(Outcome::Result::Skipped))
                 .arg(result.count(Outcome::Result::Failed))
          << '\n';
    return result.count(Outcome::Result::Done) == result.outcomes.size() ? 0 : 1;
}

// The statuses of the records named, as this command found them when it started: its "selection".
RecordStatuses selectedNow(const Store &store, const Clock &clock, RecordKind kind, const QList<qint64> &ids)
{
    return RecordStatusReader::of(store, kind, ids, clock.nowMs());
}

// As the console's result sheet: a record skipped because another admin or process changed it after this
// command read it (both ran at the same moment) says so, and what it is now.
BulkResult markChanged(BulkResult result, const Store &store, const Clock &clock, RecordKind kind,
                       const RecordStatuses &selected)
{
    if (!result.ok)
        return result;
    QList<qint64> notDone;
    for (const Outcome &outcome : result.outcomes)
        if (outcome.result != Outcome::Result::Done && selected.contains(outcome.id))
            notDone << outcome.id;
    if (!notDone.isEmpty())
        RecordStatusReader::markChanged(&result, selected,
                                        RecordStatusReader::of(store, kind, notDone, clock.nowMs()));
    return result;
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int *code)
{
    if (!parser.parse(arguments)) {
        *code = usageError(parser.errorText());
        return false;
    }
    return true;
}

} // namespace

int invite(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("name"), QString(), QStringLiteral("name")});
    parser.addOption({QStringLiteral("email"), QString(), QStringLiteral("email")});
    parser.addOption({QStringLiteral("platform"), QString(), QStringLiteral("platform")});
    parser.addOption({QStringLiteral("owned-by"), QString(), QStringLiteral("ownership")});
    parser.addOption({QStringLiteral("group"), QString(), QStringLiteral("group")});
    parser.addOption({QStringLiteral("csv"), QString(), QStringLiteral("file")});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;

    QList<InviteRequest> requests;
    if (parser.isSet(QStringLiteral("csv"))) {
        const QString path = parser.value(QStringLiteral("csv"));
        InviteCsvResult csv = InviteCsv::readFile(path);
        for (const QString &warning : csv.warnings)
            err() << Text::tr("warning: %1").arg(warning) << '\n';
        if (!csv.ok()) {
            for (const QString &error : csv.errors)
                err() << error << '\n';
            err() << Text::tr("Nothing was sent: %n line(s) have problems.", nullptr,
                              static_cast<int>(csv.errors.size()))
                  << '\n';
            return 1;
        }
        auto store = openStore(parser);
        if (!store)
            return 1;
        Clock clock;
        EnrollmentService service(*store, clock);
        // The single invite's checks too: a file sent twice must not mail everybody twice.
        InviteCsv::checkAgainst(service, &csv);
        if (!csv.ok()) {
            for (const QString &error : csv.errors)
                err() << error << '\n';
            err() << Text::tr("Nothing was sent: %n line(s) would invite again.", nullptr,
                              static_cast<int>(csv.errors.size()))
                  << '\n';
            return 1;
        }
        return report(service.invite(csv.requests, {}, QFileInfo(path).fileName()), Text::tr("invited"));
    }
    InviteRequest request;
    request.name = parser.value(QStringLiteral("name"));
    request.email = parser.value(QStringLiteral("email"));
    const auto platform = platformFromText(parser.value(QStringLiteral("platform")));
    if (!platform)
        return usageError(Text::tr("--platform must be one of android, ios, ipados, macos, windows, other."));
    request.platform = *platform;
    if (parser.isSet(QStringLiteral("owned-by"))) {
        const auto ownership = ownershipFromText(parser.value(QStringLiteral("owned-by")));
        if (!ownership)
            return usageError(Text::tr("--owned-by must be corporate or personal."));
        request.ownership = *ownership;
    }
    request.group = parser.value(QStringLiteral("group"));
    if (request.name.isEmpty() && request.email.contains(QLatin1Char('@')))
        request.name = request.email.section(QLatin1Char('@'), 0, 0);
    requests << request;

    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    EnrollmentService service(*store, clock);
    for (const QString &warning : service.warnings(request))
        err() << Text::tr("warning: %1").arg(warning) << '\n';
    return report(service.invite(requests), Text::tr("invited"));
}

int resend(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("id"), QString(), QStringLiteral("id")});
    parser.addOption({QStringLiteral("expired"), QString()});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    QList<qint64> ids;
    QString error;
    if (!parseIds(parser, QStringLiteral("id"), &ids, &error))
        return usageError(error);
    if (ids.isEmpty() == !parser.isSet(QStringLiteral("expired")))
        return usageError(Text::tr("resend takes either --expired or one or more --id N."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    EnrollmentService service(*store, clock);
    if (parser.isSet(QStringLiteral("expired"))) {
        ids = service.expiredInvitationIds();
        if (ids.isEmpty()) {
            out() << Text::tr("No invitation has expired.") << '\n';
            return 0;
        }
    }
    const RecordStatuses selected = selectedNow(*store, clock, RecordKind::Invitation, ids);
    return report(markChanged(service.resend(ids), *store, clock, RecordKind::Invitation, selected),
                  Text::tr("resent"));
}

int removeRequest(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("id"), QString(), QStringLiteral("id")});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    QList<qint64> ids;
    QString error;
    if (!parseIds(parser, QStringLiteral("id"), &ids, &error))
        return usageError(error);
    if (ids.isEmpty())
        return usageError(Text::tr("remove-request needs one or more --id N."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    const RecordStatuses selected = selectedNow(*store, clock, RecordKind::Invitation, ids);
    return report(markChanged(EnrollmentService(*store, clock).removeRequests(ids), *store, clock,
                              RecordKind::Invitation, selected),
                  Text::tr("removed"));
}

int reassign(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("device"), QString(), QStringLiteral("id")});
    parser.addOption({QStringLiteral("email"), QString(), QStringLiteral("email")});
    parser.addOption({QStringLiteral("name"), QString(), QStringLiteral("name")});
    parser.addOption({QStringLiteral("group"), QString(), QStringLiteral("group")});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    QList<qint64> ids;
    QString error;
    if (!parseIdsAndWords(parser, QStringLiteral("device"), &ids, &error))
        return usageError(error);
    if (ids.isEmpty() || !parser.isSet(QStringLiteral("email")))
        return usageError(Text::tr("reassign needs --device N… and --email EMAIL."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    const RecordStatuses selected = selectedNow(*store, clock, RecordKind::Device, ids);
    AssignTarget target;
    target.email = parser.value(QStringLiteral("email")).trimmed();
    target.group = parser.value(QStringLiteral("group"));
    Directory directory(*store);
    const auto matches = directory.searchUsers(target.email, 50);
    for (const UserInfo &user : matches)
        if (user.email.compare(target.email, Qt::CaseInsensitive) == 0)
            target.userId = user.id;
    if (target.userId == 0) {
        target.name = parser.value(QStringLiteral("name"));
        if (target.name.isEmpty())
            return usageError(
                Text::tr("%1 is not a known user; give --name to create the user.").arg(target.email));
    }
    return report(markChanged(DeviceService(*store, clock).reassign(ids, target), *store, clock,
                              RecordKind::Device, selected),
                  Text::tr("re-assigned"));
}

int deprovision(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("device"), QString(), QStringLiteral("id")});
    parser.addOption({QStringLiteral("mode"), QString(), QStringLiteral("mode")});
    parser.addOption({QStringLiteral("yes"), QString()});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    QList<qint64> ids;
    QString error;
    if (!parseIdsAndWords(parser, QStringLiteral("device"), &ids, &error))
        return usageError(error);
    const QString mode = parser.value(QStringLiteral("mode"));
    if (ids.isEmpty() || (mode != QLatin1String("revoke") && mode != QLatin1String("factory-reset")))
        return usageError(Text::tr("deprovision needs --device N… and --mode revoke|factory-reset."));
    if (!parser.isSet(QStringLiteral("yes")))
        return usageError(Text::tr("deprovision removes devices from management; add --yes to confirm."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    const RecordStatuses selected = selectedNow(*store, clock, RecordKind::Device, ids);
    const BulkResult result =
        DeviceService(*store, clock)
            .deprovision(ids, mode == QLatin1String("revoke") ? DeprovisionMode::RevokeMdm
                                                              : DeprovisionMode::FactoryReset);
    return report(markChanged(result, *store, clock, RecordKind::Device, selected), Text::tr("queued"));
}

int list(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addPositionalArgument(QStringLiteral("tab"), QString());
    parser.addOption({QStringLiteral("search"), QString(), QStringLiteral("text")});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    TabKind kind;
    if (!parseTab(parser.positionalArguments().value(1), &kind))
        return usageError(Text::tr("list takes managed, staged or pending."));
    auto store = openStore(parser);
    if (!store)
        return 1;
    Clock clock;
    const auto model = loadTab(*store, clock, kind, parser.value(QStringLiteral("search")));
    if (!model)
        return 1;
    QStringList header{QStringLiteral("id")};
    QList<int> columns;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (!model->spec().columns[c].holdsData())
            continue;
        columns << c;
        header << QString::fromLatin1(model->spec().columns[c].key);
    }
    out() << header.join(QLatin1Char('\t')) << '\n';
    for (int row = 0; row < model->rowCount(); ++row) {
        out() << model->idAt(row);
        for (int c : columns)
            out() << '\t' << model->index(row, c).data().toString();
        out() << '\n';
    }
    if (!model->readError().isEmpty()) {
        err() << model->readError() << '\n';
        return 1;
    }
    err() << Text::tr("%n record(s)", nullptr, model->rowCount()) << '\n';
    return 0;
}

int audit(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("since"), QString(), QStringLiteral("iso8601")});
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    qint64 since = 0;
    if (parser.isSet(QStringLiteral("since"))) {
        const QDateTime at = QDateTime::fromString(parser.value(QStringLiteral("since")), Qt::ISODate);
        if (!at.isValid())
            return usageError(Text::tr("--since takes an ISO 8601 time such as 2026-11-28T09:00:00Z."));
        since = at.toMSecsSinceEpoch();
    }
    auto store = openStore(parser);
    if (!store)
        return 1;
    QString error;
    const QList<AuditEntry> entries = AuditLog::since(*store, since, &error);
    if (!error.isEmpty()) {
        err() << Text::tr("Cannot read the audit log: %1").arg(error) << '\n';
        return 1;
    }
    // action is the stable code for scripts; action_text what it means, in the UI language.
    // db_user: the database user that wrote the entry (PostgreSQL; empty on SQLite). Last, so that
    // scripts reading the earlier columns by position keep working.
    out() << "at\tactor\taction\taction_text\trecord_kind\trecord_ids\tdetails\tdb_user\n";
    for (const AuditEntry &e : entries) {
        QStringList ids;
        for (qint64 id : e.recordIds)
            ids << QString::number(id);
        out() << QDateTime::fromMSecsSinceEpoch(e.atMs).toUTC().toString(Qt::ISODateWithMs) << '\t' << e.actor
              << '\t' << e.action << '\t' << AuditAction::text(e.action) << '\t'
              << (e.recordKind ? recordKindKey(*e.recordKind) : QString()) << '\t'
              << ids.join(QLatin1Char(',')) << '\t' << e.details << '\t' << e.dbUser << '\n';
    }
    return 0;
}

int check(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    int code = 0;
    if (!parseArguments(parser, arguments, &code))
        return code;
    const QString path =
        parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Store::defaultPath();
    pgkeychain::prepare(path);
    const Store::CheckResult result = Store::check(path);
    if (!result.error.isEmpty()) {
        err() << result.error << '\n';
        return 1;
    }
    if (result.ok) {
        out() << Text::tr("%1: ok").arg(path) << '\n';
        return 0;
    }
    for (const QString &finding : result.findings)
        out() << finding << '\n';
    err() << Text::tr(
                 "%1 is damaged: PRAGMA integrity_check found the problems above. Restore the store from "
                 "a backup.")
                 .arg(path)
          << '\n';
    return 1;
}

} // namespace mdm::cli
