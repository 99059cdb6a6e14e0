#pragma once

#include "index/tab_spec.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QTextStream>
#include <memory>

namespace mdm {
class Clock;
class RecordTableModel;
} // namespace mdm

namespace mdm::cli {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QTextStream &out();
QTextStream &err();

// Prints "mdm-console: message" and the hint to --help; returns the usage exit code (2).
int usageError(const QString &message);

// A parser with the global options (--db, --lang) and one positional: the command.
void addGlobalOptions(QCommandLineParser &parser);
void prepare(QCommandLineParser &parser);

// Opens the store named by --db (or the default); prints why not and returns null on failure.
std::unique_ptr<Store> openStore(const QCommandLineParser &parser);

// Every value of a repeatable ID option, also "1,2,3" lists; false (and a message) on a bad number.
bool parseIds(const QCommandLineParser &parser, const QString &option, QList<qint64> *ids, QString *error);
// The same, plus IDs given as further words after the command: "--device 4 5 6".
bool parseIdsAndWords(const QCommandLineParser &parser, const QString &option, QList<qint64> *ids,
                      QString *error);

// "managed", "staged" or "pending".
bool parseTab(const QString &word, TabKind *kind);

// The tab's records as the console's tab shows them for this search, loaded and ordered; null (with a
// message printed) on failure.
std::unique_ptr<RecordTableModel> loadTab(Store &store, const Clock &clock, TabKind kind,
                                          const QString &search);

} // namespace mdm::cli
