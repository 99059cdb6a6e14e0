#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <string>

namespace mdm {
class Store;
}

namespace mdm::test {

constexpr qint64 kMinuteMs = 60LL * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

// UTF-8 text as a QString, and a QString as Catch2 prints it.
inline QString qs(const char *text)
{
    return QString::fromUtf8(text);
}
inline std::string str(const QString &text)
{
    return text.toStdString();
}

// How long a test waits for another process's change to show in a console: longer than one poll of the
// watcher and one index refresh on a loaded machine; a change normally shows within a second.
constexpr int kVisibleWithinMs = 8000;

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

// Every row of a query on the store's own connection as text, one line per row, values separated by '|',
// NULL as "NULL"; the query must run.
QStringList rowsAsText(const Store &store, const QString &sql);

// A valid IMEI, different for each n: 14 digits and their Luhn check digit.
QByteArray validImei(int n);

struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Spins the event loop until done() holds or timeoutMs passes; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000);

// Debian's aiosmtpd behind the project's test server script (tests/mail/smtp_server.py), on a free
// loopback port, writing what it receives as .eml files; stopped when destroyed.
class SmtpServer
{
public:
    SmtpServer();
    ~SmtpServer();
    SmtpServer(const SmtpServer &) = delete;
    SmtpServer &operator=(const SmtpServer &) = delete;

    int port() const { return port_; }
    int delivered() const;   // messages received so far
    QString mailDir() const; // where the received messages are, one .eml file each

private:
    QProcess process_;
    TempDir dir_;
    int port_ = 0;
};

// Runs the real mdm-console binary headless.
ProcessResult runConsole(const QStringList &arguments, const QByteArray &stdinData = {},
                         int timeoutMs = 120000);

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
