#include "cli_commands.h"
#include "cli_common.h"
#include "domain/clock.h"
#include "store/demo_data.h"

namespace mdm::cli {

namespace {
bool parseCount(const QCommandLineParser &parser, const QString &name, qint64 *value, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok || v < 0 || v > 4'000'000) {
        *error =
            Text::tr("--%1 takes a whole number from 0 to 4000000, not “%2”.").arg(name, parser.value(name));
        return false;
    }
    *value = v;
    return true;
}
} // namespace

int demo(const QStringList &arguments)
{
    QCommandLineParser parser;
    prepare(parser);
    parser.addOption({QStringLiteral("devices"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("staged"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("pending"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("force"), QString()});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usageError(Text::tr("demo takes no further arguments."));

    DemoOptions options;
    QString error;
    if (!parseCount(parser, QStringLiteral("devices"), &options.managed, &error) ||
        !parseCount(parser, QStringLiteral("staged"), &options.staged, &error) ||
        !parseCount(parser, QStringLiteral("pending"), &options.pending, &error))
        return usageError(error);

    auto store = openStore(parser);
    if (!store)
        return 1;
    if (store->hasRecords() && !parser.isSet(QStringLiteral("force"))) {
        err() << Text::tr("“%1” already holds devices or invitations; demo fills only an empty store. "
                          "Use --force to add sample data anyway.")
                     .arg(store->path())
              << '\n';
        return 1;
    }
    Clock clock;
    const DemoResult result = fillDemoData(*store, clock, options);
    if (!result.ok) {
        err() << Text::tr("Sample data was not written: %1").arg(result.error) << '\n';
        return 1;
    }
    out() << Text::tr(
                 "Filled %1 with %2 managed devices, %3 staged devices, %4 pending invitations (%5 users).")
                 .arg(store->path())
                 .arg(result.managed)
                 .arg(result.staged)
                 .arg(result.pending)
                 .arg(result.users)
          << '\n';
    return 0;
}

} // namespace mdm::cli
