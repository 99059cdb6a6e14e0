#include "command_line.h"

#include "clock.h"
#include "demo_data.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace mdm {

namespace {

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

const QStringList kSubcommands{QStringLiteral("demo")};

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"), Cli::tr("Store file to open (default: %1).").arg(Store::defaultPath()),
                      Cli::tr("path")});
    parser.addOption({QStringLiteral("lang"), Cli::tr("User interface language, e.g. de or en."), Cli::tr("code")});
}

QString usageText()
{
    return Cli::tr("Usage: mdm-console [--db PATH] [--lang CODE]             open the console window\n"
                   "       mdm-console --db PATH demo [--devices N] [--force]  fill a store with sample data\n"
                   "       mdm-console --help | --version\n"
                   "\n"
                   "Global options:\n"
                   "  --db PATH     store file (default: %1)\n"
                   "  --lang CODE   user interface language (e.g. de); default: the system's\n"
                   "\n"
                   "demo options:\n"
                   "  --devices N   managed devices to create (default 300); staged: N/5, pending: N/3\n"
                   "  --staged N    staged devices instead of N/5\n"
                   "  --pending N   pending invitations instead of N/3\n"
                   "  --force       add sample data to a store that already has records\n"
                   "\n"
                   "Exit codes: 0 success, 1 failure, 2 usage error.\n")
        .arg(Store::defaultPath());
}

int usageError(const QString &message)
{
    err() << Cli::tr("mdm-console: %1").arg(message) << '\n'
          << Cli::tr("Try 'mdm-console --help'.") << '\n';
    err().flush();
    return ExitUsage;
}

bool parseCount(const QCommandLineParser &parser, const QString &name, qint64 *value, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < 0 || v > 10'000'000) {
        *error = Cli::tr("--%1 takes a whole number from 0 to 10000000, not “%2”.").arg(name, parser.value(name));
        return false;
    }
    *value = v;
    return true;
}

int runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("devices"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("staged"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("pending"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("force"), QString()});
    parser.addPositionalArgument(QStringLiteral("command"), QString());
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usageError(Cli::tr("demo takes no further arguments."));

    DemoOptions options;
    QString error;
    if (!parseCount(parser, QStringLiteral("devices"), &options.managed, &error) ||
        !parseCount(parser, QStringLiteral("staged"), &options.staged, &error) ||
        !parseCount(parser, QStringLiteral("pending"), &options.pending, &error))
        return usageError(error);

    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Store::defaultPath();
    auto opened = Store::open(path);
    if (!opened.store) {
        err() << opened.error << '\n';
        return ExitFailure;
    }
    if (opened.store->hasRecords() && !parser.isSet(QStringLiteral("force"))) {
        err() << Cli::tr("“%1” already holds devices or invitations; demo fills only an empty store. "
                         "Use --force to add sample data anyway.")
                     .arg(opened.store->path())
              << '\n';
        return ExitFailure;
    }
    Clock clock;
    const DemoResult result = fillDemoData(*opened.store, clock, options);
    if (!result.ok) {
        err() << Cli::tr("Sample data was not written: %1").arg(result.error) << '\n';
        return ExitFailure;
    }
    out() << Cli::tr("Filled %1 with %2 managed devices, %3 staged devices, %4 pending invitations (%5 users).")
                 .arg(opened.store->path())
                 .arg(result.managed)
                 .arg(result.staged)
                 .arg(result.pending)
                 .arg(result.users)
          << '\n';
    return ExitOk;
}

} // namespace

LaunchRequest classifyArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("help"), QString()});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("?")}, QString()});
    parser.addOption({{QStringLiteral("version"), QStringLiteral("v")}, QString()});
    parser.addPositionalArgument(QStringLiteral("command"), QString());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
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
    addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), QString());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.parse(arguments);
    return {parser.value(QStringLiteral("db")), parser.value(QStringLiteral("lang"))};
}

int runHeadless(const QStringList &arguments)
{
    QCommandLineParser parser;
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("help"), QString()});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("?")}, QString()});
    parser.addOption({{QStringLiteral("version"), QStringLiteral("v")}, QString()});
    parser.addPositionalArgument(QStringLiteral("command"), QString());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("h"))) {
        out() << usageText();
        out().flush();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        out().flush();
        return ExitOk;
    }
    const QString command = parser.positionalArguments().value(0);
    int code = ExitUsage;
    if (command == QLatin1String("demo"))
        code = runDemo(arguments);
    else
        code = usageError(Cli::tr("unknown command “%1”; commands: %2.").arg(command, kSubcommands.join(QStringLiteral(", "))));
    out().flush();
    err().flush();
    return code;
}

} // namespace mdm
