#include "cli_common.h"

#include "index/record_table_model.h"
#include "pg_keychain.h"

#include <QEventLoop>

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
    err() << Text::tr("mdm-console: %1").arg(message) << '\n'
          << Text::tr("Try 'mdm-console --help'.") << '\n';
    err().flush();
    return 2;
}

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"),
                      Text::tr("Store file to open (default: %1).").arg(Store::defaultPath()),
                      Text::tr("path")});
    parser.addOption(
        {QStringLiteral("lang"), Text::tr("User interface language, e.g. de or en."), Text::tr("code")});
}

void prepare(QCommandLineParser &parser)
{
    addGlobalOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), QString());
}

std::unique_ptr<Store> openStore(const QCommandLineParser &parser)
{
    const QString path =
        parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Store::defaultPath();
    // A PostgreSQL store's password may come from the OS keychain when libpq's own sources have none.
    auto opened = pgkeychain::open(path);
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

bool parseIdsAndWords(const QCommandLineParser &parser, const QString &option, QList<qint64> *ids,
                      QString *error)
{
    if (!parseIds(parser, option, ids, error))
        return false;
    for (const QString &word : parser.positionalArguments().mid(1)) {
        bool ok = false;
        const qint64 id = word.toLongLong(&ok);
        if (!ok || id <= 0) {
            *error = Text::tr("unexpected argument “%1”.").arg(word);
            return false;
        }
        ids->append(id);
    }
    return true;
}

bool parseTab(const QString &word, TabKind *kind)
{
    if (word == QLatin1String("managed"))
        *kind = TabKind::Managed;
    else if (word == QLatin1String("staged"))
        *kind = TabKind::Staged;
    else if (word == QLatin1String("pending"))
        *kind = TabKind::Pending;
    else
        return false;
    return true;
}

std::unique_ptr<RecordTableModel> loadTab(Store &store, const Clock &clock, TabKind kind,
                                          const QString &search)
{
    // The same model as the console's tab, so the command line sees exactly what the tab shows.
    auto model = std::make_unique<RecordTableModel>(store, clock, kind);
    IndexQuery query;
    query.search = search;
    QEventLoop loop;
    bool failed = false;
    QObject::connect(model.get(), &RecordTableModel::queryApplied, &loop, [&] {
        if (!model->isQueryPending())
            loop.quit();
    });
    // The worker answers the query even after a failed load; the failure must still decide the exit code.
    QObject::connect(model.get(), &RecordTableModel::failed, &loop, [&](const QString &message) {
        err() << message << '\n';
        failed = true;
        loop.quit();
    });
    model->setFilter(query);
    loop.exec();
    if (failed)
        return nullptr;
    return model;
}

} // namespace mdm::cli
