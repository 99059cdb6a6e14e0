#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

// Helpers of the kill harness (crash_tests.cpp): real mdm-console processes killed with SIGKILL, and the
// store read afterwards with a plain SQLite connection of its own, as a second program would.
namespace mdm::test::crash {

// What the kills of one test case found; printed in the soak format.
struct Tally
{
    int survived = 0;   // killed, and the store and files were in a promised state afterwards
    int corrupt = 0;    // integrity_check said anything but ok
    int partial = 0;    // a bulk action half applied, or an export target neither old nor complete
    int duplicates = 0; // mails delivered twice (the documented window between send and record)
    int before = 0;     // kills that left the state from before the command
    int after = 0;      // kills that left the command's complete result
    int finished = 0;   // runs that ended on their own before the kill
    QString line() const;
};

// The commands the kills are spread over (one test case each) and the kills per case on every run:
// at least 50 kills in all on CI.
constexpr int kKillCases = 6;
constexpr int kCiKillsPerCase = 9;

// Kills per test case: ciKills on every run; MDM_SOAK_KILLS=N spreads N kills over the `cases` cases.
int killsWanted(int ciKills, int cases);

// Runs mdm-console with arguments to its end; milliseconds it took (-1 when it failed).
qint64 timeRun(const QStringList &arguments, QString *error = nullptr);

// Starts mdm-console and kills it with SIGKILL after delayMs; false when it ended on its own first.
bool runAndKill(const QStringList &arguments, int delayMs);

// PRAGMA integrity_check on the store at path: "ok" for a sound store (or no store file at all).
QString integrity(const QString &path);

// Adds a case's kills to the totals of this process; printTally prints them (and, in the soak, the totals
// so far, whose last line is the soak's summary).
void addToTotal(const Tally &tally);
void printTally(const QString &name, const Tally &tally);

// The first column of every row of a query on the store at path, as text; empty on failure.
QStringList column(const QString &path, const QString &sql);

// One number from a query on the store at path (a connection of its own); -1 on failure.
qint64 number(const QString &path, const QString &sql);

// Copies a store file over dest and removes dest's -wal and -shm files from earlier runs.
void copyStore(const QString &source, const QString &dest);

// A random delay in [fromMs, toMs].
int randomDelay(qint64 fromMs, qint64 toMs);

} // namespace mdm::test::crash
