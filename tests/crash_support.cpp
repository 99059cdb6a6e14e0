#include "crash_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <catch2/catch.hpp>
#include <cstdio>
#include <sqlite3.h>

namespace mdm::test::crash {

namespace {

void startConsole(QProcess &process, const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MDM_CONSOLE_BINARY), arguments);
    REQUIRE(process.waitForStarted());
    process.closeWriteChannel();
}

} // namespace

QString Tally::line() const
{
    return QStringLiteral("kills survived %1, corrupt %2, partial %3, duplicates %4 "
                          "(left as before %5, complete %6, ended before the kill %7)")
        .arg(survived)
        .arg(corrupt)
        .arg(partial)
        .arg(duplicates)
        .arg(before)
        .arg(after)
        .arg(finished);
}

namespace {

Tally &grandTotal()
{
    static Tally total;
    return total;
}

} // namespace

void addToTotal(const Tally &tally)
{
    Tally &total = grandTotal();
    total.survived += tally.survived;
    total.corrupt += tally.corrupt;
    total.partial += tally.partial;
    total.duplicates += tally.duplicates;
    total.before += tally.before;
    total.after += tally.after;
    total.finished += tally.finished;
}

void printTally(const QString &name, const Tally &tally)
{
    std::printf("%s: %s\n", qPrintable(name), qPrintable(tally.line()));
    if (qEnvironmentVariableIntValue("MDM_SOAK_KILLS") > 0)
        std::printf("all so far: %s\n", qPrintable(grandTotal().line()));
    std::fflush(stdout);
}

int killsWanted(int ciKills, int cases)
{
    const int soak = qEnvironmentVariableIntValue("MDM_SOAK_KILLS");
    return soak > 0 ? std::max(1, (soak + cases - 1) / cases) : ciKills;
}

qint64 timeRun(const QStringList &arguments, QString *error)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    startConsole(process, arguments);
    const bool done = process.waitForFinished(300000);
    const qint64 elapsed = timer.elapsed();
    if (!done || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(process.readAllStandardError());
        return -1;
    }
    return elapsed;
}

bool runAndKill(const QStringList &arguments, int delayMs)
{
    QProcess process;
    startConsole(process, arguments);
    if (process.waitForFinished(delayMs))
        return false;
    process.kill(); // SIGKILL: no handler, no flush, no destructor runs
    REQUIRE(process.waitForFinished(30000));
    return true;
}

QString integrity(const QString &path)
{
    if (!QFile::exists(path))
        return QStringLiteral("ok");
    sqlite3 *db = nullptr;
    QString result;
    // Read-write, as the console opens it: a connection that may roll back a hot journal or replay the WAL.
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        result = QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
            result = QString::fromUtf8(sqlite3_errmsg(db));
        } else {
            QStringList lines;
            int rc;
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
                lines << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            if (rc != SQLITE_DONE)
                lines << QString::fromUtf8(sqlite3_errmsg(db));
            result = lines.join(QStringLiteral("; "));
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return result;
}

qint64 number(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    qint64 value = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return value;
}

QStringList column(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    QStringList values;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) == SQLITE_OK)
            while (sqlite3_step(stmt) == SQLITE_ROW)
                values << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return values;
}

void copyStore(const QString &source, const QString &dest)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(dest + QLatin1String(suffix));
    REQUIRE(QFile::copy(source, dest));
    QFile::setPermissions(dest, QFile::ReadOwner | QFile::WriteOwner);
}

int randomDelay(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return static_cast<int>(std::max<qint64>(1, fromMs));
    return static_cast<int>(QRandomGenerator::global()->bounded(fromMs, toMs + 1));
}

} // namespace mdm::test::crash
