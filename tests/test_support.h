#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace mdm {
class Store;
}

namespace mdm::test {

// A fresh folder per test, removed afterwards.
class TempDir
{
public:
    TempDir();
    QString file(const QString &name) const;
    QString path() const { return dir_.path(); }

private:
    QTemporaryDir dir_;
};

// Never on a store this process has open: closing the file would release SQLite's locks on it.
QByteArray fileBytes(const QString &path);

// The first column of the first row of a query on the store's own connection; -1 when there is none.
qint64 scalar(const Store &store, const QString &sql);

struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real mdm-console binary headless.
ProcessResult runConsole(const QStringList &arguments, const QByteArray &stdinData = {});

// Counts warnings printed while alive, e.g. by QAbstractItemModelTester in Warning mode.
class WarningCounter
{
public:
    WarningCounter();
    ~WarningCounter();
    int count() const;
    QStringList messages() const;
};

} // namespace mdm::test
