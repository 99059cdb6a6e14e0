#include "small_disk.h"

#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

namespace mdm::test {

namespace {

ProcessResult run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(30000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

SmallDisk::SmallDisk(const QString &dir) : dir_(dir)
{
    QDir().mkpath(dir_);
    if (::geteuid() != 0) {
        why_ = QStringLiteral("not running as root");
        return;
    }
    const auto mount =
        run(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                      QStringLiteral("size=16m,mode=0700"), QStringLiteral("tmpfs"), dir_});
    if (mount.exitCode != 0)
        why_ = QStringLiteral("mount -t tmpfs failed: %1").arg(mount.err.trimmed());
    mounted_ = why_.isEmpty();
}

SmallDisk::~SmallDisk()
{
    if (mounted_)
        run(QStringLiteral("umount"), {dir_});
}

void SmallDisk::fill(qint64 leave)
{
    const QByteArray path = QFile::encodeName(file(QStringLiteral("fill")));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(fd >= 0);
    const QByteArray block(4096, '\0');
    qint64 written = 0;
    ssize_t n;
    while ((n = ::write(fd, block.constData(), static_cast<size_t>(block.size()))) > 0)
        written += n;
    // The last bytes smaller than a block.
    while ((n = ::write(fd, block.constData(), 1)) > 0)
        written += n;
    REQUIRE(::ftruncate(fd, std::max<qint64>(0, written - leave)) == 0);
    ::close(fd);
}

void SmallDisk::empty()
{
    QFile::remove(file(QStringLiteral("fill")));
}

bool saysDiskFull(const QString &text)
{
    return text.contains(QStringLiteral("disk is full")) || text.contains(QStringLiteral("No space left"));
}

} // namespace mdm::test
