#include "test_support.h"

#include <catch2/catch.hpp>

#include <QFile>

using mdm::test::fileBytes;
using mdm::test::runConsole;
using mdm::test::TempDir;

TEST_CASE("--help and --version answer without a display and exit 0", "[cli]")
{
    const auto help = runConsole({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("demo")));
    CHECK(help.out.contains(QStringLiteral("--db")));

    const auto version = runConsole({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith(QStringLiteral("mdm-console ")));
}

TEST_CASE("Usage errors exit 2 with the reason", "[cli]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("x.db"));
    const auto unknown = runConsole({QStringLiteral("--db"), db, QStringLiteral("frobnicate")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("unknown command")));

    const auto badCount = runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--devices"),
                                      QStringLiteral("lots")});
    CHECK(badCount.exitCode == 2);
    CHECK(badCount.err.contains(QStringLiteral("--devices")));
    CHECK_FALSE(QFile::exists(db));
}

TEST_CASE("demo fills an empty store and refuses a non-empty one unless forced", "[cli][demo]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("demo.db"));
    const auto first = runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--devices"),
                                   QStringLiteral("50")});
    CHECK(first.exitCode == 0);
    CHECK(first.out.contains(QStringLiteral("50 managed devices")));

    const auto second = runConsole({QStringLiteral("--db"), db, QStringLiteral("demo")});
    CHECK(second.exitCode == 1);
    CHECK(second.err.contains(QStringLiteral("--force")));

    const auto forced = runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--devices"),
                                    QStringLiteral("10"), QStringLiteral("--force")});
    CHECK(forced.exitCode == 0);
}

TEST_CASE("demo on a file that is not a store fails and leaves it unchanged", "[cli][demo][bad-input]")
{
    TempDir dir;
    const QString path = dir.file(QStringLiteral("report.csv"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("a,b,c\n1,2,3\n");
    f.close();
    const auto result = runConsole({QStringLiteral("--db"), path, QStringLiteral("demo")});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains(QStringLiteral("not an MDM console store")));
    CHECK(fileBytes(path) == QByteArray("a,b,c\n1,2,3\n"));
}
