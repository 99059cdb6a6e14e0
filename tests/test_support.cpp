#include "test_support.h"

#include "domain/imei.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimer>
#include <catch2/catch.hpp>

namespace mdm::test {

TempDir::TempDir() : dir_(QDir::tempPath() + QStringLiteral("/mdm-test-XXXXXX")) {}

QString TempDir::file(const QString &name) const
{
    return dir_.filePath(name);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QTimer tick; // wakes the blocking processEvents() below at least every 5 ms
    tick.start(5);
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return done();
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

SmtpServer::SmtpServer()
{
    QDir().mkpath(dir_.file(QStringLiteral("mail")));
    process_.start(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral(MDM_SMTP_SERVER_SCRIPT), QStringLiteral("--port"), QStringLiteral("0"),
                    QStringLiteral("--outdir"), dir_.file(QStringLiteral("mail")), QStringLiteral("--log"),
                    dir_.file(QStringLiteral("log"))});
    REQUIRE(process_.waitForStarted());
    REQUIRE(waitUntil([&] { return process_.canReadLine(); }, 15000));
    const QByteArray line = process_.readLine().trimmed();
    REQUIRE(line.startsWith("PORT "));
    port_ = line.mid(5).toInt();
}

SmtpServer::~SmtpServer()
{
    process_.kill();
    process_.waitForFinished();
}

int SmtpServer::delivered() const
{
    return static_cast<int>(
        QDir(dir_.file(QStringLiteral("mail"))).entryList({QStringLiteral("*.eml")}).size());
}

QString SmtpServer::mailDir() const
{
    return dir_.file(QStringLiteral("mail"));
}

qint64 scalar(const Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QStringList rowsAsText(const Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
    QStringList out;
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < q.record().count(); ++i)
            values << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
        out << values.join(QLatin1Char('|'));
    }
    return out;
}

QByteArray validImei(int n)
{
    return imeiWithCheckDigit(QByteArray("35209900") + QByteArray::number(n).rightJustified(6, '0'));
}

ProcessResult runConsole(const QStringList &arguments, const QByteArray &stdinData, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MDM_CONSOLE_BINARY), arguments);
    process.waitForStarted();
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    process.waitForFinished(timeoutMs);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

namespace {
QMutex warningMutex;
QStringList warnings;
QtMessageHandler previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg) {
        QMutexLocker lock(&warningMutex);
        warnings << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}
} // namespace

WarningCounter::WarningCounter()
{
    QMutexLocker lock(&warningMutex);
    warnings.clear();
    previousHandler = qInstallMessageHandler(countingHandler);
}

WarningCounter::~WarningCounter()
{
    qInstallMessageHandler(previousHandler);
}

int WarningCounter::count() const
{
    QMutexLocker lock(&warningMutex);
    return static_cast<int>(warnings.size());
}

QStringList WarningCounter::messages() const
{
    QMutexLocker lock(&warningMutex);
    return warnings;
}

} // namespace mdm::test
