#include "test_support.h"

#include "store/store.h"

#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>

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

qint64 scalar(const Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

ProcessResult runConsole(const QStringList &arguments, const QByteArray &stdinData)
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
    process.waitForFinished(120000);
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
