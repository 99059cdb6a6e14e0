#include "command_line.h"

#include "cli_commands.h"
#include "cli_common.h"
#include "store/audit_log.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <map>

namespace mdm {

namespace {

using cli::Text;

const std::map<QString, int (*)(const QStringList &)> &commands()
{
    static const std::map<QString, int (*)(const QStringList &)> table{
        {QStringLiteral("demo"), &cli::demo},
        {QStringLiteral("invite"), &cli::invite},
        {QStringLiteral("resend"), &cli::resend},
        {QStringLiteral("remove-request"), &cli::removeRequest},
        {QStringLiteral("reassign"), &cli::reassign},
        {QStringLiteral("deprovision"), &cli::deprovision},
        {QStringLiteral("list"), &cli::list},
        {QStringLiteral("audit"), &cli::audit},
        {QStringLiteral("export"), &cli::exportList},
        {QStringLiteral("import-staged"), &cli::importStaged},
        {QStringLiteral("deliver"), &cli::deliver},
        {QStringLiteral("mail-settings"), &cli::mailSettings},
        {QStringLiteral("check"), &cli::check},
        {QStringLiteral("serve"), &cli::serve},
        {QStringLiteral("import-store"), &cli::importStore},
        {QStringLiteral("store-password"), &cli::storePassword},
        {QStringLiteral("grant"), &cli::grant},
        {QStringLiteral("revoke"), &cli::revoke},
    };
    return table;
}

QString usageText()
{
    return Text::
        tr("Usage: mdm-console [--db PATH] [--lang CODE]          open the console window\n"
           "       mdm-console [--db PATH] COMMAND [OPTIONS]       run a command without a window\n"
           "       mdm-console --help | --version\n"
           "\n"
           "Global options:\n"
           "  --db PATH     store file (default: %1),\n"
           "                or a team's PostgreSQL store: postgresql://USER@HOST[:PORT]/DATABASE\n"
           "                (the password from ~/.pgpass, PGPASSWORD or the keychain, never in the URI)\n"
           "  --lang CODE   user interface language (e.g. de); default: the system's\n"
           "\n"
           "Commands:\n"
           "  demo [--devices N] [--staged N] [--pending N] [--force]\n"
           "        fill an empty store with sample data (N managed devices, default 300;\n"
           "        N/5 staged and N/3 pending unless given)\n"
           "  invite --name NAME --email EMAIL --platform android|ios|ipados|macos|windows|other\n"
           "         [--owned-by corporate|personal] [--group G]\n"
           "  invite --csv FILE               invitations from a bulk-enrollment CSV\n"
           "  resend --expired | --id N [--id N…]\n"
           "  remove-request --id N [--id N…]\n"
           "  reassign --device N… --email EMAIL [--name NAME] [--group G]\n"
           "  deprovision --device N… --mode revoke|factory-reset --yes\n"
           "  list managed|staged|pending [--search TEXT]   records with their IDs\n"
           "  audit [--since ISO8601]         the audit log\n"
           "  check                           full integrity check of the store (read-only)\n"
           "  grant admin|viewer ROLE         (PostgreSQL store, run by its owner) let a database role\n"
           "                                  change the records (admin) or only read and export (viewer)\n"
           "  revoke ROLE                     take both from a database role\n"
           "  export managed|staged|pending [--search TEXT] [--columns a,b,…] [--raw] [--bom] FILE|-\n"
           "  import-staged FILE [--dry-run] [--skip-invalid]\n"
           "  import-store FILE               copy a store file (records, audit log, outbox, settings)\n"
           "                                  into the empty PostgreSQL store given by\n"
           "                                  --db postgresql://…, in one transaction\n"
           "  store-password                  (PostgreSQL store) read the store's password from standard\n"
           "                                  input, check it with the server, keep it in the keychain\n"
           "  deliver [--now] [--wait SECONDS]   send the queued invitation mails\n"
           "  mail-settings --host H --port P --security starttls|tls|none --from ADDR [--from-name NAME]\n"
           "                [--user U] [--password-stdin] [--ca-file F] [--link-base URL]\n"
           "                --link-base: the enrollment gateway's public URL (e.g. "
           "https://mdm.example.com);\n"
           "                invitation links read URL/enroll/TOKEN\n"
           "  serve --listen ADDR:PORT --cert FILE --key FILE [--public-url URL] [--insecure-http]\n"
           "        [--apns-cert FILE --apns-key FILE] [--apns-topic TOPIC] [--apns-url URL]\n"
           "        [--apns-ca FILE]\n"
           "        the enrollment gateway devices talk to (HTTPS; stops on SIGINT/SIGTERM);\n"
           "        --apns-cert/--apns-key: the MDM push certificate (PEM) that wakes Apple devices\n"
           "        with a queued command; --apns-ca: an extra CA to trust for --apns-url (tests,\n"
           "        an internal CA)\n"
           "\n"
           "Exit codes: 0 success, 1 failure (or records skipped), 2 usage error.\n")
            .arg(Store::defaultPath());
}

void addLaunchOptions(QCommandLineParser &parser)
{
    cli::addGlobalOptions(parser);
    parser.addOption({QStringLiteral("help"), QString()});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("?")}, QString()});
    parser.addOption({{QStringLiteral("version"), QStringLiteral("v")}, QString()});
    parser.addPositionalArgument(QStringLiteral("command"), QString());
    // Everything after the command belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

} // namespace

LaunchRequest classifyArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    addLaunchOptions(parser);
    // Unknown options still mean "headless" so that the usage error reaches the terminal.
    const bool parsed = parser.parse(arguments);
    LaunchRequest request;
    request.headless = !parsed || parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("h")) ||
                       parser.isSet(QStringLiteral("version")) || !parser.positionalArguments().isEmpty();
    return request;
}

GlobalOptions parseGlobalOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    addLaunchOptions(parser);
    parser.parse(arguments);
    return {parser.value(QStringLiteral("db")), parser.value(QStringLiteral("lang"))};
}

int runHeadless(const QStringList &arguments)
{
    QCommandLineParser parser;
    addLaunchOptions(parser);
    if (!parser.parse(arguments))
        return cli::usageError(parser.errorText());
    int code = ExitOk;
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("h"))) {
        cli::out() << usageText();
    } else if (parser.isSet(QStringLiteral("version"))) {
        cli::out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                   << '\n';
    } else {
        const QString command = parser.positionalArguments().value(0);
        const auto it = commands().find(command);
        if (it == commands().end()) {
            QStringList names;
            for (const auto &entry : commands())
                names << entry.first;
            code = cli::usageError(Text::tr("unknown command “%1”; commands: %2.")
                                       .arg(command, names.join(QStringLiteral(", "))));
        } else {
            AuditLog::setProgram(QStringLiteral("cli"));
            code = it->second(arguments);
        }
    }
    cli::out().flush();
    cli::err().flush();
    return code;
}

} // namespace mdm
