#include "test_support.h"

#include <QFile>
#include <catch2/catch.hpp>

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

    const auto badCount = runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"),
                                      QStringLiteral("--devices"), QStringLiteral("lots")});
    CHECK(badCount.exitCode == 2);
    CHECK(badCount.err.contains(QStringLiteral("--devices")));
    CHECK_FALSE(QFile::exists(db));
}

TEST_CASE("demo fills an empty store and refuses a non-empty one unless forced", "[cli][demo]")
{
    TempDir dir;
    const QString db = dir.file(QStringLiteral("demo.db"));
    const auto first = runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"),
                                   QStringLiteral("--devices"), QStringLiteral("50")});
    CHECK(first.exitCode == 0);
    CHECK(first.out.contains(QStringLiteral("50 managed devices")));

    const auto second = runConsole({QStringLiteral("--db"), db, QStringLiteral("demo")});
    CHECK(second.exitCode == 1);
    CHECK(second.err.contains(QStringLiteral("--force")));

    const auto forced =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--devices"),
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

namespace {
QString demoStore(const TempDir &dir)
{
    const QString db = dir.file(QStringLiteral("cli.db"));
    REQUIRE(runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--devices"),
                        QStringLiteral("60")})
                .exitCode == 0);
    return db;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

TEST_CASE("export writes a tab to a file or to standard output", "[cli][csv]")
{
    TempDir dir;
    const QString db = demoStore(dir);
    const QString file = dir.file(QStringLiteral("managed.csv"));
    const auto toFile =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("managed"),
                    QStringLiteral("--columns"), QStringLiteral("device,email,status"), file});
    CHECK(toFile.exitCode == 0);
    const QList<QByteArray> lines = fileBytes(file).split('\n');
    CHECK(lines.size() == 62);
    CHECK(lines.first() == QByteArray("Device,Email,Status\r"));

    const auto toStdout = runConsole({QStringLiteral("--db"), db, QStringLiteral("export"),
                                      QStringLiteral("pending"), QStringLiteral("-")});
    CHECK(toStdout.exitCode == 0);
    CHECK(toStdout.out.startsWith(QStringLiteral("Type,User name,Email,Requested,Expires,Status")));
    CHECK(toStdout.out.count(QStringLiteral("\r\n")) == 21);

    const QString excel = dir.file(QStringLiteral("excel.csv"));
    CHECK(runConsole({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("staged"),
                      QStringLiteral("--bom"), excel})
              .exitCode == 0);
    CHECK(fileBytes(excel).startsWith("\xEF\xBB\xBF"
                                      "Device name,"));

    const auto badColumn =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("managed"),
                    QStringLiteral("--columns"), QStringLiteral("device,shoe_size"), file});
    CHECK(badColumn.exitCode == 2);
    CHECK(badColumn.err.contains(QStringLiteral("shoe_size")));
    const auto badTab =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("printers"), file});
    CHECK(badTab.exitCode == 2);
}

TEST_CASE("import-staged is all or nothing unless told to skip invalid rows", "[cli][csv]")
{
    TempDir dir;
    const QString db = demoStore(dir);
    const QString csv = dir.file(QStringLiteral("devices.csv"));
    writeFile(csv, "name,serial,platform,imei\nKiosk 1,KIOSK-1,android,490154203237518\n"
                   "Kiosk 2,KIOSK-2,android,490154203237519\nKiosk 3,KIOSK-3,windows,\n");
    const QByteArray before = fileBytes(db);

    const auto strict = runConsole({QStringLiteral("--db"), db, QStringLiteral("import-staged"), csv});
    CHECK(strict.exitCode == 1);
    CHECK(strict.out.contains(QStringLiteral("line 3: ")));
    CHECK(strict.out.contains(QStringLiteral("imported 0, skipped 1")));

    const auto dryRun = runConsole({QStringLiteral("--db"), db, QStringLiteral("import-staged"), csv,
                                    QStringLiteral("--dry-run"), QStringLiteral("--skip-invalid")});
    CHECK(dryRun.out.contains(QStringLiteral("would import 2")));

    const auto listed =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("staged"),
                    QStringLiteral("--search"), QStringLiteral("kiosk")});
    CHECK(listed.exitCode == 0);
    CHECK(listed.out.count(QLatin1Char('\n')) == 1); // the header only: nothing was imported
    CHECK(listed.err.contains(QStringLiteral("0 records")));

    const auto lenient = runConsole(
        {QStringLiteral("--db"), db, QStringLiteral("import-staged"), csv, QStringLiteral("--skip-invalid")});
    CHECK(lenient.exitCode == 0);
    CHECK(lenient.out.contains(QStringLiteral("imported 2, skipped 1")));
    const auto after =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("staged"),
                    QStringLiteral("--search"), QStringLiteral("kiosk")});
    CHECK(after.out.count(QLatin1Char('\n')) == 3);
    CHECK(after.err.contains(QStringLiteral("2 records")));
    const auto one = runConsole({QStringLiteral("--db"), db, QStringLiteral("list"), QStringLiteral("staged"),
                                 QStringLiteral("--search"), QStringLiteral("KIOSK-1")});
    CHECK(one.out.count(QLatin1Char('\n')) == 2);
    CHECK(one.err.trimmed() == QStringLiteral("1 record"));
}

TEST_CASE("invite and the bulk actions refuse bad input and change nothing", "[cli][actions]")
{
    TempDir dir;
    const QString db = demoStore(dir);
    const QString csv = dir.file(QStringLiteral("invites.csv"));
    writeFile(csv, "EMAIL_ADDRESS,PLATFORM_TYPE\nnew.one@contoso.example,ios\nbroken,android\n");
    const auto badCsv =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("invite"), QStringLiteral("--csv"), csv});
    CHECK(badCsv.exitCode == 1);
    CHECK(badCsv.err.contains(QStringLiteral("line 3")));

    const auto badPlatform = runConsole({QStringLiteral("--db"), db, QStringLiteral("invite"),
                                         QStringLiteral("--email"), QStringLiteral("a@contoso.example"),
                                         QStringLiteral("--platform"), QStringLiteral("symbian")});
    CHECK(badPlatform.exitCode == 2);
    const auto noYes =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("deprovision"), QStringLiteral("--device"),
                    QStringLiteral("1"), QStringLiteral("--mode"), QStringLiteral("revoke")});
    CHECK(noYes.exitCode == 2);
    CHECK(noYes.err.contains(QStringLiteral("--yes")));
    const auto badId = runConsole(
        {QStringLiteral("--db"), db, QStringLiteral("resend"), QStringLiteral("--id"), QStringLiteral("x")});
    CHECK(badId.exitCode == 2);

    const auto audit = runConsole({QStringLiteral("--db"), db, QStringLiteral("audit")});
    CHECK(audit.exitCode == 0);
    CHECK(audit.out.count(QLatin1Char('\n')) == 2); // the header and the demo fill

    const auto good =
        runConsole({QStringLiteral("--db"), db, QStringLiteral("invite"), QStringLiteral("--name"),
                    QStringLiteral("Nia Long"), QStringLiteral("--email"),
                    QStringLiteral("nia.long@contoso.example"), QStringLiteral("--platform"),
                    QStringLiteral("macos"), QStringLiteral("--group"), QStringLiteral("Design")});
    CHECK(good.exitCode == 0);
    CHECK(good.out.contains(QStringLiteral("invited 1, skipped 0, failed 0")));
    const auto removed = runConsole({QStringLiteral("--db"), db, QStringLiteral("remove-request"),
                                     QStringLiteral("--id"), QStringLiteral("1,2")});
    CHECK(removed.exitCode == 0);
    CHECK(removed.out.contains(QStringLiteral("removed 2")));
}
