#pragma once

#include <QString>
#include <QStringList>

namespace mdm {

// What main() needs to know before it creates the application object: whether a display is needed.
struct LaunchRequest
{
    bool headless = false; // a subcommand, --help or --version
};

LaunchRequest classifyArguments(const QStringList &arguments);

// Exit codes of every headless subcommand.
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2
};

// Runs a headless subcommand (or --help/--version) and returns its exit code. Output goes to stdout,
// problems to stderr.
int runHeadless(const QStringList &arguments);

// Global options shared by the GUI and the subcommands.
struct GlobalOptions
{
    QString dbPath; // empty: the default store location
    QString language;
};

GlobalOptions parseGlobalOptions(const QStringList &arguments);

} // namespace mdm
