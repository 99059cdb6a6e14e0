#pragma once

#include <QString>
#include <functional>

namespace mdm {

class Clock;
class Store;

struct DemoOptions
{
    qint64 managed = 300;
    qint64 staged = -1;  // -1: a fifth of managed
    qint64 pending = -1; // -1: a third of managed
    quint32 seed = 20261128;
};

struct DemoResult
{
    bool ok = false;
    QString error;
    qint64 users = 0, managed = 0, staged = 0, pending = 0;
};

// Realistic, reproducible sample data across every platform, state and several groups, written in
// one transaction so that a cancelled or failed fill leaves the store as it was.
DemoResult fillDemoData(Store &store, const Clock &clock, DemoOptions options,
                        const std::function<void(int percent)> &progress = {});

// Where the console keeps its demo store: beside the default store, never in its place.
QString demoStorePath();

// Opens the demo store at path, fills it with sample data when it is new, and closes it again, so that
// another process can show it. An empty string on success, else what went wrong.
QString prepareDemoStore(const QString &path, const Clock &clock);

} // namespace mdm
