#include "cli_common.h"

namespace mdm::cli {

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

int usageError(const QString &message)
{
    err() << Text::tr("mdm-console: %1").arg(message) << '\n' << Text::tr("Try 'mdm-console --help'.") << '\n';
    err().flush();
    return 2;
}

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"), Text::tr("Store file to open (default: %1).").arg(Store::defaultPath()),
                      Text::tr("path")});
    parser.addOption({QStringLiteral("lang"), Text::tr("User interface language, e.g. de or en."), Text::tr("code")});
}

void prepare(QCommandLineParser &parser)
{
    addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), QString());
}

std::unique_ptr<Store> openStore(const QCommandLineParser &parser)
{
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Store::defaultPath();
    auto opened = Store::open(path);
    if (!opened.store)
        err() << opened.error << '\n';
    return std::move(opened.store);
}

bool parseIds(const QCommandLineParser &parser, const QString &option, QList<qint64> *ids, QString *error)
{
    for (const QString &value : parser.values(option)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id <= 0) {
                *error = Text::tr("--%1 takes record IDs (whole numbers), not “%2”.").arg(option, part);
                return false;
            }
            ids->append(id);
        }
    }
    return true;
}

} // namespace mdm::cli
