// CSV tests: the reader and writer on hand-written edge cases, the staged-device import and the tab export
// against real store files, the invite CSV, and an export read back by Python's csv module.
#include "backend_fixture.h"
#include "csv/csv.h"
#include "csv/csv_export.h"
#include "csv/invite_csv.h"
#include "csv/staged_import.h"
#include "domain/clock.h"
#include "domain/imei.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "index/tab_spec.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>
#include <catch2/catch.hpp>
#include <memory>
#include <string>

using namespace mdm;
using mdm::test::fileBytes;
using mdm::test::StoreLocation;
using mdm::test::str;
using mdm::test::TempDir;

namespace {

// Catch prints std::string; comparing these keeps failure messages readable.
std::string cells(const csv::Record &record)
{
    return record.fields.join(QLatin1Char('|')).toStdString();
}

qint64 utcMs(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc())
        .toMSecsSinceEpoch();
}

// A store of its own (an SQLite file or a PostgreSQL database) with a fixed clock, a folder for files, and
// short ways to put rows into it with bound values.
class Fixture
{
public:
    explicit Fixture(const QString &backend) : where(backend), store(mdm::test::openStoreAt(where.location()))
    {
        clock.setFixed(QDateTime::fromMSecsSinceEpoch(utcMs(2026, 11, 28, 12, 0), QTimeZone::utc()));
    }

    // The new row's ID, read with RETURNING (PostgreSQL's lastInsertId() is not the new row's ID).
    qint64 insert(const QString &sql, const QVariantList &values)
    {
        QSqlQuery q(store->database());
        REQUIRE(q.prepare(sql + QStringLiteral(" RETURNING id")));
        for (const QVariant &value : values)
            q.addBindValue(value);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        return q.value(0).toLongLong();
    }

    qint64 user(const QString &name, const QString &email)
    {
        return insert(QStringLiteral("INSERT INTO users (name, email) VALUES (?, ?)"), {name, email});
    }

    qint64 group(const QString &name)
    {
        return insert(QStringLiteral("INSERT INTO groups (name) VALUES (?)"), {name});
    }

    struct Device
    {
        QString name{};
        Platform platform = Platform::Android;
        QString serial{};
        QString imei{};
        qint64 userId = 0;
        qint64 groupId = 0;
        DeviceState state = DeviceState::Staged;
        Ownership ownership = Ownership::Corporate;
        QString model{};
        QString osVersion{};
        qint64 enrolledAt = 0;
        qint64 lastSeenAt = 0;
    };

    qint64 device(const Device &d)
    {
        // A null QString binds as NULL; these columns say "nothing" with an empty string.
        const auto notNull = [](const QString &text) { return text.isNull() ? QStringLiteral("") : text; };
        const auto orNull = [](const QVariant &value, bool present) {
            return present ? value : QVariant(value.metaType());
        };
        return insert(
            QStringLiteral("INSERT INTO devices (name, platform, ownership, serial, imei, model, os_version,"
                           " user_id, group_id, state, staged_at, enrolled_at, last_seen_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {notNull(d.name), static_cast<int>(d.platform), static_cast<int>(d.ownership),
             orNull(d.serial, !d.serial.isEmpty()), orNull(d.imei, !d.imei.isEmpty()), notNull(d.model),
             notNull(d.osVersion), orNull(d.userId, d.userId > 0), orNull(d.groupId, d.groupId > 0),
             static_cast<int>(d.state), clock.nowMs(), orNull(d.enrolledAt, d.enrolledAt > 0),
             orNull(d.lastSeenAt, d.lastSeenAt > 0)});
    }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(store->database());
        REQUIRE(q.prepare(sql));
        for (const QVariant &value : values)
            q.addBindValue(value);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        return q.value(0).toLongLong();
    }

    // SQLite: the store file's bytes with everything checkpointed out of the WAL; PostgreSQL: every row.
    QByteArray snapshot()
    {
        const QByteArray bytes = mdm::test::storeContents(*store);
        if (!mdm::test::isPostgres(*store))
            CHECK(QFileInfo(store->path() + QStringLiteral("-wal")).size() == 0);
        return bytes;
    }

    QByteArray exportTab(CsvExportOptions options)
    {
        QByteArray out;
        const CsvExportResult result = CsvExport::toBytes(*store, options, &out);
        INFO(str(result.error));
        REQUIRE(result.ok);
        return out;
    }

    StoreLocation where;
    std::unique_ptr<Store> store;
    TempDir dir; // for CSV files
    Clock clock;
};

// A small staged set with every awkward value the round trip must survive.
void addAwkwardStagedDevices(Fixture &f)
{
    const qint64 ana = f.user(QStringLiteral("Ana Silva"), QStringLiteral("ana@contoso.example"));
    const qint64 formula = f.user(QStringLiteral("=SUM(A1:A2)"), QStringLiteral("+plus@contoso.example"));
    const qint64 quoted =
        f.user(QStringLiteral("Zoë \"Z\" Öz; Jr."), QStringLiteral("-minus@contoso.example"));
    const qint64 handle = f.user(QStringLiteral("@handle"), QStringLiteral("at.sign@contoso.example"));
    const qint64 sales = f.group(QStringLiteral("Sales"));
    const qint64 cmd = f.group(QStringLiteral("=cmd|' /C calc'!A0"));
    const qint64 ops = f.group(QStringLiteral("-Ops"));
    const qint64 field = f.group(QStringLiteral("@Field, North"));
    const qint64 plus = f.group(QStringLiteral("+Plus"));
    f.device({QStringLiteral("Kiosk, lobby"), Platform::Android, QStringLiteral("S-001"),
              QStringLiteral("490154203237518"), ana, sales});
    f.device(
        {QStringLiteral("Multi\nline \"quoted\""), Platform::iOS, QStringLiteral("S-002"), {}, formula, cmd});
    f.device({QStringLiteral("=1+2"), Platform::iPadOS, {}, QStringLiteral("356938035643809"), quoted, ops});
    f.device({{}, Platform::macOS, QStringLiteral("S-004"), {}, 0, field});
    f.device(
        {QStringLiteral("Zebra; scanner"), Platform::Windows, QStringLiteral("'=already"), {}, handle, plus});
    f.device({QStringLiteral("Other thing"), Platform::Other, QStringLiteral("S-006"),
              QStringLiteral("352099001761481")});
    // Not on the Staged tab.
    f.device({QStringLiteral("Enrolled one"),
              Platform::Android,
              QStringLiteral("M-001"),
              {},
              ana,
              sales,
              DeviceState::Enrolled});
}

CsvExportOptions stagedAll(const Fixture &f)
{
    CsvExportOptions options;
    options.tab = TabKind::Staged;
    options.bom = true;
    options.nowMs = f.clock.nowMs();
    return options;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Reader

TEST_CASE("CSV reader reads BOM and CRLF and LF and CR line ends alike", "[csv]")
{
    for (const char *text :
         {"\xEF\xBB\xBFname,serial\r\nA,1\r\nB,2\r\n", "name,serial\nA,1\nB,2", "name,serial\rA,1\rB,2\r"}) {
        const csv::Table table = csv::read(QByteArray(text));
        INFO(text);
        REQUIRE(table.error.isEmpty());
        CHECK(table.separator == ',');
        REQUIRE(table.records.size() == 3);
        CHECK(cells(table.records[0]) == "name|serial");
        CHECK(cells(table.records[1]) == "A|1");
        CHECK(cells(table.records[2]) == "B|2");
        CHECK(table.records[2].line == 3);
    }
}

TEST_CASE("CSV reader detects a semicolon separator from the header line", "[csv]")
{
    CHECK(csv::read("a;b;c\r\n1;2,5;3\r\n").separator == ';');
    CHECK(cells(csv::read("a;b;c\r\n1;2,5;3\r\n").records[1]) == "1|2,5|3");
    // Separators inside quotes do not count; a tie stays with the comma.
    CHECK(csv::read("\"a;b;c\",d\r\n").separator == ',');
    CHECK(csv::read("a;b,c\r\n").separator == ',');
    CHECK(csv::read("single\r\n").separator == ',');
    // Blank lines before the header are skipped for detection too.
    CHECK(csv::read("\r\n  \r\nx;y\r\n").separator == ';');
}

TEST_CASE("CSV reader handles quoted separators and doubled quotes and line breaks", "[csv]")
{
    const csv::Table table = csv::read("a,b,c\r\n"
                                       "\"x,y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
                                       "\"three\nmore\nlines\",;,\"\"\r\n"
                                       "last,\"\",end\r\n");
    REQUIRE(table.error.isEmpty());
    REQUIRE(table.records.size() == 4);
    CHECK(table.records[1].fields ==
          QStringList{QStringLiteral("x,y"), QStringLiteral("say \"hi\""), QStringLiteral("two\r\nlines")});
    CHECK(table.records[1].line == 2);
    CHECK(table.records[2].fields ==
          QStringList{QStringLiteral("three\nmore\nlines"), QStringLiteral(";"), QString()});
    CHECK(table.records[2].line == 4);
    CHECK(table.records[3].line == 7);
    CHECK(cells(table.records[3]) == "last||end");
}

TEST_CASE("CSV reader skips blank lines and trims spaces outside quotes", "[csv]")
{
    const csv::Table table = csv::read("  name , serial \r\n"
                                       "\r\n"
                                       "   \t \r\n"
                                       ",,\r\n"
                                       "  A  ,\"  kept  \"  \r\n"
                                       "\n"
                                       "B,\t2\t\r\n");
    REQUIRE(table.error.isEmpty());
    REQUIRE(table.records.size() == 3);
    CHECK(cells(table.records[0]) == "name|serial");
    CHECK(cells(table.records[1]) == "A|  kept  ");
    CHECK(table.records[1].line == 5);
    CHECK(cells(table.records[2]) == "B|2");
    CHECK(table.records[2].line == 7);
}

TEST_CASE("CSV reader drops only the byte order mark at the very start", "[csv]")
{
    // A cell may begin with U+FEFF (a zero-width no-break space); only the file's own BOM is dropped.
    const QByteArray bom(csv::kUtf8Bom);
    const csv::Table table = csv::read(bom + "h\n" + bom + "cell\n\"" + bom + "quoted\"\n");
    REQUIRE(table.records.size() == 3);
    CHECK(str(table.records[0].fields[0]) == "h");
    CHECK(table.records[1].fields[0] == QChar(0xFEFF) + QStringLiteral("cell"));
    CHECK(table.records[2].fields[0] == QChar(0xFEFF) + QStringLiteral("quoted"));
}

TEST_CASE("CSV reader keeps stray quotes as text like Python does", "[csv]")
{
    const csv::Table table = csv::read("a,b\r\nab\"c,\"q\"tail\r\n");
    REQUIRE(table.records.size() == 2);
    CHECK(cells(table.records[1]) == "ab\"c|qtail");
}

TEST_CASE("CSV reader reports an unclosed quote and bytes that are not UTF-8 with their line", "[csv]")
{
    const csv::Table open = csv::read("a,b\r\n1,2\r\n3,\"never\r\nclosed\r\n");
    CHECK(open.errorLine == 3);
    CHECK_FALSE(open.error.isEmpty());
    CHECK(open.records.size() == 2);

    const csv::Table latin1 = csv::read("name\r\nok\r\nJos\xE9\r\n");
    CHECK(latin1.errorLine == 3);
    CHECK(latin1.error.contains(QStringLiteral("UTF-8")));
    // Overlong forms and surrogates are not UTF-8 either.
    CHECK(csv::read("\xC0\xAF").errorLine == 1);
    CHECK(csv::read("x\n\xED\xA0\x80").errorLine == 2);
    CHECK(csv::read("Zo\xC3\xAB,\xF0\x9F\x93\xB1").error.isEmpty());
}

TEST_CASE("Header keys ignore case and spaces and underscores and hyphens", "[csv]")
{
    CHECK(str(csv::headerKey(QStringLiteral(" Serial Number "))) == "serialnumber");
    CHECK(str(csv::headerKey(QStringLiteral("SERIAL_NUMBER"))) == "serialnumber");
    CHECK(str(csv::headerKey(QStringLiteral("E-mail"))) == "email");
}

// ---------------------------------------------------------------------------------------------------------
// Writer

TEST_CASE("CSV writer quotes only when needed and doubles quotes", "[csv]")
{
    const auto written = [](const char *cell) {
        QByteArray out;
        csv::appendCell(out, QByteArrayView(cell), csv::Formulas::Raw);
        return out.toStdString();
    };
    CHECK(written("plain") == "plain");
    CHECK(written("") == "");
    CHECK(written("a,b") == "\"a,b\"");
    CHECK(written("a;b") == "\"a;b\"");
    CHECK(written("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(written("two\r\nlines") == "\"two\r\nlines\"");
    CHECK(written("cr\ronly") == "\"cr\ronly\"");
    CHECK(written(" padded") == "\" padded\"");
    CHECK(written("padded\t") == "\"padded\t\"");
    CHECK(written("\xEF\xBB\xBFlooks like a BOM") == "\"\xEF\xBB\xBFlooks like a BOM\"");
    CHECK(written("Ben's") == "Ben's");
}

TEST_CASE("Formula cells are neutralised on export and restored on import", "[csv]")
{
    const auto guarded = [](const char *cell) {
        QByteArray out;
        csv::appendCell(out, QByteArrayView(cell), csv::Formulas::Neutralise);
        return out.toStdString();
    };
    CHECK(guarded("=1+2") == "'=1+2");
    CHECK(guarded("+49 30 1234") == "'+49 30 1234");
    CHECK(guarded("-5") == "'-5");
    CHECK(guarded("@SUM(A1)") == "'@SUM(A1)");
    CHECK(guarded("\tTAB") == "'\tTAB");
    CHECK(guarded("\rCR") == "\"'\rCR\"");
    CHECK(guarded("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    CHECK(guarded("a=b") == "a=b");
    CHECK(guarded("'quoted") == "'quoted");
    // An apostrophe already in front of a formula gets one more, so the import can tell them apart.
    CHECK(guarded("'=x") == "''=x");

    for (const char *cell :
         {"=1+2", "+1", "-1", "@a", "\tt", "\rr", "'=x", "''@y", "'", "''", "plain", "'plain", ""}) {
        QByteArray out;
        csv::appendCell(out, QByteArrayView(cell), csv::Formulas::Neutralise);
        const csv::Table table = csv::read(QByteArray("h,x\r\n") + out + ",x\r\n");
        INFO(cell);
        const QString read = table.records.size() == 2 ? table.records[1].fields.value(0) : QString();
        CHECK(str(csv::restoreFormula(read)) == cell);
    }
}

TEST_CASE("Timestamps are ISO 8601 in UTC with an explicit offset", "[csv]")
{
    QByteArray out;
    csv::appendTimestamp(out, utcMs(2026, 11, 28, 9, 14));
    CHECK(out.toStdString() == "2026-11-28T09:14:00+00:00");

    QRandomGenerator rng(20261128);
    for (int i = 0; i < 2000; ++i) {
        // 1900 to 2100, with milliseconds that must be cut, not rounded.
        const qint64 ms =
            static_cast<qint64>(rng.bounded(6311390400.0) - 2208988800.0) * 1000 + rng.bounded(1000);
        QByteArray ours;
        csv::appendTimestamp(ours, ms);
        const QString qt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                               .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
        INFO(ms);
        CHECK(ours.toStdString() == str(qt) + "+00:00");
    }
    out.clear();
    csv::appendTimestamp(out, utcMs(2024, 2, 29, 23, 59, 59) + 999);
    CHECK(out.toStdString() == "2024-02-29T23:59:59+00:00");
}

// ---------------------------------------------------------------------------------------------------------
// Staged import

TEST_CASE("IMEI check accepts valid Luhn digits and rejects the rest", "[csv]")
{
    for (const char *good : {"490154203237518", "356938035643809", "352099001761481", "350000000000022"})
        CHECK(isValidImei(QString::fromLatin1(good)));
    for (const char *bad : {"490154203237519", "356938035643800", "49015420323751", "4901542032375180",
                            "49015420323751X", "", "49015 420323751"})
        CHECK_FALSE(isValidImei(QString::fromLatin1(bad)));
    // Digits of other scripts are not IMEI digits.
    CHECK_FALSE(isValidImei(QStringLiteral("٤٩٠١٥٤٢٠٣٢٣٧٥١٨")));
    // The check digit the sample data and the tests append.
    CHECK(imeiWithCheckDigit("49015420323751") == "490154203237518");
    CHECK(imeiWithCheckDigit("35000000000002") == "350000000000022");
}

TEST_CASE("Staged import finds columns by header synonyms and warns about unknown columns", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    StagedImport import(*f.store, f.clock);
    const QByteArray file =
        "\xEF\xBB\xBF"
        "Device_Name ; SERIAL NUMBER;imei1;Platform Type;Owned By;E-mail Address;"
        "group-name;Colour\n"
        "Lobby kiosk;C02XK1;490154203237518;android;Ana Silva;ana@contoso.example;Sales;red\n"
        "\"Lab; bench\";C02XK2;;OS X;;;;\n";
    StagedImportOptions options;
    options.dryRun = true;
    const StagedImportResult result = import.fromBytes(file, options);
    INFO(str(result.error));
    REQUIRE(result.ok);
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings.first().contains(QStringLiteral("Colour")));
    REQUIRE(result.rows.size() == 2);
    const StagedImportRow &row = result.rows[0];
    CHECK(str(row.name) == "Lobby kiosk");
    CHECK(str(row.serial) == "C02XK1");
    CHECK(str(row.imei) == "490154203237518");
    CHECK(row.platform == Platform::Android);
    CHECK(str(row.userName) == "Ana Silva");
    CHECK(str(row.email) == "ana@contoso.example");
    CHECK(str(row.group) == "Sales");
    CHECK(str(result.rows[1].name) == "Lab; bench");
    CHECK(result.rows[1].platform == Platform::macOS);
    CHECK(result.imported == 2);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM devices")) == 0);

    for (const char *header :
         {"name,serial,OS", "device name,serialnumber,platform", "Device name,Serial number,Platform",
          "DEVICE,Serial No,platform_type", "device,IMEI,os"}) {
        INFO(header);
        const StagedImportResult r =
            import.fromBytes(QByteArray(header) + "\nx,490154203237518,iOS\n", options);
        CHECK(r.ok);
        CHECK(r.warnings.isEmpty());
    }
    const StagedImportResult missing = import.fromBytes("name,user\nx,y\n", options);
    CHECK_FALSE(missing.ok);
    CHECK(missing.error.contains(QStringLiteral("platform")));
    const StagedImportResult twice = import.fromBytes("serial,serial number,platform\nx,y,iOS\n", options);
    CHECK_FALSE(twice.ok);
    CHECK(twice.error.contains(QStringLiteral("serial number")));
}

TEST_CASE("Staged import checks every row and names its physical line", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    StagedImport import(*f.store, f.clock);
    const QByteArray file = "Device name,Serial number,Platform,IMEI,Email\r\n" // 1
                            "\"Two\r\nlines\",S1,Android,,\r\n"                 // 2-3
                            "\r\n"                                              // 4
                            "Palm,S2,PalmOS,,\r\n"                              // 5
                            "Nothing,,Android,,\r\n"                            // 6
                            "Luhn,S3,Android,490154203237519,\r\n"              // 7
                            "Short,S4,Android,12345,\r\n"                       // 8
                            "Mail,S5,Android,,not-an-address\r\n"               // 9
                            "NoPlatform,S6,,,\r\n"                              // 10
                            "Grouped,S7,Android,35 209900 176148 1,\r\n"        // 11
                            "Extra,S8,Android,,,surprise\r\n";                  // 12
    StagedImportOptions options;
    options.dryRun = true;
    const StagedImportResult result = import.fromBytes(file, options);
    CHECK_FALSE(result.ok);
    REQUIRE(result.rows.size() == 9);
    const auto row = [&](int line) -> const StagedImportRow & {
        for (const StagedImportRow &r : result.rows)
            if (r.line == line)
                return r;
        FAIL("no row for line " << line);
        return result.rows.first();
    };
    CHECK(row(2).valid());
    CHECK(str(row(2).name) == "Two\r\nlines");
    CHECK(row(5).problem.contains(QStringLiteral("PalmOS")));
    CHECK(row(6).problem.contains(QStringLiteral("Neither a serial number nor an IMEI")));
    CHECK(row(7).problem.contains(QStringLiteral("check digit")));
    CHECK(row(8).problem.contains(QStringLiteral("15 digits")));
    CHECK(row(9).problem.contains(QStringLiteral("not an email address")));
    CHECK(row(10).problem.contains(QStringLiteral("No platform")));
    CHECK(row(11).valid());
    CHECK(str(row(11).imei) == "352099001761481");
    CHECK(row(12).problem.contains(QStringLiteral("more cells")));
    CHECK(result.problemCount() == 7);
    CHECK(result.error.contains(QStringLiteral("7 row")));
}

TEST_CASE("Staged import finds serials and IMEIs repeated in the file or already in the store", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    f.device({QStringLiteral("Staged"), Platform::Android, QStringLiteral("OLD-1"),
              QStringLiteral("490154203237518")});
    f.device({QStringLiteral("Managed"), Platform::iOS, QStringLiteral("OLD-2"),
              QStringLiteral("356938035643809"), 0, 0, DeviceState::Enrolled});
    StagedImport import(*f.store, f.clock);
    const QByteArray file = "name,serial,imei,platform\n"
                            "a,NEW-1,,Android\n"            // 2 ok
                            "b,NEW-1,,Android\n"            // 3 serial repeats line 2
                            "c,,352099001761481,Android\n"  // 4 ok
                            "d,NEW-4,352099001761481,iOS\n" // 5 IMEI repeats line 4
                            "e,OLD-1,,Android\n"            // 6 staged serial
                            "f,,356938035643809,iOS\n"      // 7 managed IMEI
                            "g,new-1,,Android\n"; // 8 serials compare exactly, as the store's index does
    StagedImportOptions options;
    options.dryRun = true;
    const StagedImportResult result = import.fromBytes(file, options);
    REQUIRE(result.rows.size() == 7);
    CHECK(result.rows[0].valid());
    CHECK(str(result.rows[1].problem) == "The serial number NEW-1 is also on line 2.");
    CHECK(result.rows[2].valid());
    CHECK(str(result.rows[3].problem) == "The IMEI 352099001761481 is also on line 4.");
    CHECK(str(result.rows[4].problem) == "The serial number OLD-1 already belongs to a staged device.");
    CHECK(str(result.rows[5].problem) == "The IMEI 356938035643809 already belongs to a managed device.");
    CHECK(result.rows[6].valid());
}

TEST_CASE("An invalid staged import leaves the store byte for byte unchanged", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    addAwkwardStagedDevices(f);
    const QByteArray before = f.snapshot();
    std::vector<QList<qint64>> announced;
    QObject::connect(f.store.get(), &Store::changed,
                     [&](RecordKind, const QList<qint64> &ids) { announced.push_back(ids); });
    StagedImport import(*f.store, f.clock);
    const QByteArray file = "name,serial,platform,email,group\n"
                            "fine,NEW-1,Android,new.user@contoso.example,New group\n"
                            "clash,S-001,Android,,\n";
    const StagedImportResult result = import.fromBytes(file, {});
    CHECK_FALSE(result.ok);
    CHECK(result.imported == 0);
    CHECK(result.createdIds.isEmpty());
    CHECK(result.rows[0].deviceId == 0);
    CHECK(announced.empty());
    CHECK(f.snapshot() == before);

    // Unreadable files change nothing either.
    for (const QByteArray &broken : {QByteArray("name,serial,platform\n\"open,S9,Android\n"),
                                     QByteArray("name,serial,platform\nJos\xE9,S9,Android\n"), QByteArray(),
                                     QByteArray("name,serial\nx,S9\n")}) {
        const StagedImportResult r = import.fromBytes(broken, {});
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.error.isEmpty());
    }
    CHECK(f.snapshot() == before);
}

TEST_CASE("Staged import is all or nothing unless only the valid rows are asked for", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    const qint64 existing = f.user(QStringLiteral("Ana Silva"), QStringLiteral("ana@contoso.example"));
    std::vector<std::pair<RecordKind, QList<qint64>>> announced;
    QObject::connect(f.store.get(), &Store::changed,
                     [&](RecordKind kind, const QList<qint64> &ids) { announced.emplace_back(kind, ids); });
    StagedImport import(*f.store, f.clock);
    const QByteArray file =
        "name,serial,platform,user,email,group\n"
        "one,A-1,Android,Someone Else,ANA@contoso.example,Sales\n" // existing user, any case
        "two,A-2,iOS,,bob.jones@contoso.example,sales\n"           // name from the address
        "bad,A-3,Palm,,,\n"
        "three,A-4,Windows,Carol,,Sales\n"; // a name without an address is not kept
    const StagedImportResult all = import.fromBytes(file, {});
    CHECK_FALSE(all.ok);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM devices")) == 0);

    StagedImportOptions options;
    options.onlyValidRows = true;
    options.sourceName = QStringLiteral("devices.csv");
    const StagedImportResult some = import.fromBytes(file, options);
    INFO(str(some.error));
    REQUIRE(some.ok);
    CHECK(some.imported == 3);
    CHECK(some.skipped == 1);
    REQUIRE(some.createdIds.size() == 3);
    CHECK(some.rows[2].deviceId == 0);
    CHECK(some.rows[3].warning.contains(QStringLiteral("Carol")));
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM devices WHERE state = 0")) == 3);
    CHECK(f.scalar(QStringLiteral("SELECT user_id FROM devices WHERE serial = 'A-1'")) == existing);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM users")) == 2);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM users WHERE name = 'bob.jones'")) == 1);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM devices WHERE serial = 'A-4' AND user_id IS NULL")) ==
          1);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM groups")) == 1);
    CHECK(f.scalar(QStringLiteral("SELECT count(DISTINCT group_id) FROM devices")) == 1);
    CHECK(f.scalar(QStringLiteral("SELECT staged_at FROM devices WHERE serial = 'A-2'")) == f.clock.nowMs());

    // One audit entry naming the new devices, and one announcement of them.
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staged.import'")) == 1);
    QSqlQuery q(f.store->database());
    REQUIRE(q.exec(QStringLiteral(
        "SELECT record_kind, record_ids, details FROM audit_log WHERE action = 'staged.import'")));
    REQUIRE(q.next());
    CHECK(str(q.value(0).toString()) == "device");
    QStringList ids;
    for (qint64 id : some.createdIds)
        ids << QString::number(id);
    CHECK(str(q.value(1).toString()) == str(ids.join(QLatin1Char(','))));
    CHECK(q.value(2).toString().contains(QStringLiteral("devices.csv")));
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM audit_log_records WHERE record_kind = 'device'")) ==
          3);
    REQUIRE(announced.size() == 1);
    CHECK(announced[0].first == RecordKind::Device);
    CHECK(announced[0].second == some.createdIds);

    // The same file again: every row now clashes with the store.
    const StagedImportResult again = import.fromBytes(file, options);
    CHECK(again.ok);
    CHECK(again.imported == 0);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staged.import'")) == 1);
}

TEST_CASE("A cancelled staged import imports nothing", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    StagedImport import(*f.store, f.clock);
    const std::atomic<bool> cancel{true};
    ActionControl control;
    control.cancel = &cancel;
    const StagedImportResult result = import.fromBytes("serial,platform\nX1,Android\n", {}, control);
    CHECK_FALSE(result.ok);
    CHECK(result.cancelled);
    CHECK(f.scalar(QStringLiteral("SELECT count(*) FROM devices")) == 0);
}

// ---------------------------------------------------------------------------------------------------------
// Export

TEST_CASE("Staged export then import into a fresh store then export again is byte identical", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture a(backend);
    addAwkwardStagedDevices(a);
    const QByteArray first = a.exportTab(stagedAll(a));
    CHECK(first.startsWith("\xEF\xBB\xBF"
                           "Device name,Serial number,Platform,User name,Email,Group,Status,IMEI\r\n"));
    for (const char *guarded :
         {"'=SUM(A1:A2)", "'+plus@contoso.example", "'-minus@contoso.example", "'@handle",
          "'=cmd|' /C calc'!A0", "'-Ops", "\"'@Field, North\"", "'+Plus", "'=1+2", "''=already"})
        CHECK(first.contains(guarded));
    CHECK_FALSE(first.contains("Enrolled one"));

    Fixture b(backend);
    StagedImport import(*b.store, b.clock);
    const StagedImportResult imported = import.fromBytes(first, {});
    QStringList problems{imported.error};
    for (const StagedImportRow &row : imported.rows)
        problems << QStringLiteral("line %1: %2").arg(row.line).arg(row.problem);
    INFO(str(problems.join(QLatin1Char('\n'))));
    REQUIRE(imported.ok);
    CHECK(imported.imported == 6);
    REQUIRE(imported.warnings.size() == 1); // the Status column is not imported
    CHECK(imported.warnings.first().contains(QStringLiteral("Status")));
    CHECK(b.scalar(QStringLiteral("SELECT count(*) FROM users WHERE name = ? AND email = ?"),
                   {QStringLiteral("=SUM(A1:A2)"), QStringLiteral("+plus@contoso.example")}) == 1);

    const QByteArray second = b.exportTab(stagedAll(b));
    CHECK(second.toStdString() == first.toStdString());
}

TEST_CASE("Export writes words and ISO timestamps and neutralises formulas unless raw", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    const qint64 ana = f.user(QStringLiteral("Ana Silva"), QStringLiteral("ana@contoso.example"));
    const qint64 odd = f.user(QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("-bob@contoso.example"));
    const qint64 sales = f.group(QStringLiteral("Sales"));
    const qint64 ops = f.group(QStringLiteral("@Ops, \"North\""));
    Fixture::Device first{QStringLiteral("Ana's Pixel, 8"),
                          Platform::Android,
                          QStringLiteral("S1"),
                          QStringLiteral("490154203237518"),
                          ana,
                          sales,
                          DeviceState::Enrolled};
    first.model = QStringLiteral("Pixel 8");
    first.osVersion = QStringLiteral("14");
    first.enrolledAt = utcMs(2026, 11, 28, 9, 14);
    first.lastSeenAt = utcMs(2026, 11, 28, 10, 0, 30) + 999;
    const qint64 d1 = f.device(first);
    Fixture::Device second{QStringLiteral("+cmd|' /C calc'!A0"),
                           Platform::iOS,
                           QStringLiteral("S2"),
                           {},
                           odd,
                           ops,
                           DeviceState::WipePending,
                           Ownership::Personal};
    const qint64 d2 = f.device(second);
    const qint64 staged = f.device({QStringLiteral("Staged"), Platform::macOS, QStringLiteral("S3")});

    CsvExportOptions options;
    options.tab = TabKind::Managed;
    options.nowMs = f.clock.nowMs();
    const QByteArray guarded = f.exportTab(options);
    CHECK(guarded.toStdString() ==
          "Device,Platform,User name,Email,Status,Ownership,Group,Serial number,IMEI,Model,OS "
          "version,Enrolled on,"
          "Last seen\r\n"
          "\"Ana's Pixel, 8\",Android,Ana "
          "Silva,ana@contoso.example,Enrolled,Corporate,Sales,S1,490154203237518,"
          "Pixel 8,14,2026-11-28T09:14:00+00:00,2026-11-28T10:00:30+00:00\r\n"
          "'+cmd|' /C calc'!A0,iOS,\"'=HYPERLINK(\"\"x\"\")\",'-bob@contoso.example,Wipe pending,Personal,"
          "\"'@Ops, \"\"North\"\"\",S2,,,,,\r\n");

    options.raw = true;
    const QByteArray raw = f.exportTab(options);
    CHECK(raw.contains("\r\n+cmd|' /C calc'!A0,iOS,\"=HYPERLINK(\"\"x\"\")\",-bob@contoso.example,"));

    // Listed IDs in the caller's order, chosen columns by key, English titles; a missing ID and a record that
    // is not on the tab are left out.
    QString error;
    options.raw = false;
    options.columns = CsvExport::columnsForKeys(
        TabKind::Managed, {QStringLiteral("email"), QStringLiteral("Status"), QStringLiteral("last_seen")},
        &error);
    REQUIRE(error.isEmpty());
    options.ids = std::vector<qint64>{d2, 999999, staged, d1};
    options.englishTitles = true;
    CHECK(f.exportTab(options).toStdString() == "Email,Status,Last seen\r\n"
                                                "'-bob@contoso.example,Wipe pending,\r\n"
                                                "ana@contoso.example,Enrolled,2026-11-28T10:00:30+00:00\r\n");
    CHECK(CsvExport::columnsForKeys(TabKind::Pending, {QStringLiteral("actions")}, &error).isEmpty());
    CHECK(error.contains(QStringLiteral("actions")));
    CHECK(CsvExport::columnsForKeys(TabKind::Managed, {QStringLiteral("colour")}, &error).isEmpty());
}

TEST_CASE("Pending export derives each status from the given clock time", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    const qint64 user = f.user(QStringLiteral("Ana Silva"), QStringLiteral("ana@contoso.example"));
    const qint64 now = f.clock.nowMs();
    const auto invite = [&](qint64 sentAt, DeliveryState delivery, int state, int resends,
                            const QString &remarks) {
        return f.insert(
            QStringLiteral("INSERT INTO invitations (user_id, email, platform, requested_at, sent_at,"
                           " expires_at, state, delivery, remarks, resend_count)"
                           " VALUES (?, 'ana@contoso.example', 1, ?, ?, ?, ?, ?, ?, ?)"),
            {user, now - 60000, sentAt, sentAt > 0 ? invitationExpiry(sentAt) : 0, state,
             static_cast<int>(delivery), remarks, resends});
    };
    const qint64 dayMs = 24 * 3600 * 1000;
    // As the outbox stores them: remarks as data; not sent (queued, failed) means no sending and no expiry.
    invite(now - dayMs, DeliveryState::Sent, 0, 0, InvitationText::sentRemark(now - dayMs));
    invite(now - 8 * dayMs, DeliveryState::Sent, 0, 2, QStringLiteral(""));
    invite(0, DeliveryState::Queued, 0, 0, QStringLiteral("Waiting")); // plain text of an older version
    invite(0, DeliveryState::Failed, 0, 0,
           InvitationText::failedRemark(QStringLiteral("550 5.1.1 Mailbox unavailable")));
    invite(now - dayMs, DeliveryState::Sent, 1, 0, QStringLiteral("")); // accepted: not on the tab

    CsvExportOptions options;
    options.tab = TabKind::Pending;
    options.nowMs = now;
    QString error;
    options.columns = CsvExport::columnsForKeys(TabKind::Pending,
                                                {QStringLiteral("type"), QStringLiteral("status"),
                                                 QStringLiteral("expires"), QStringLiteral("resends"),
                                                 QStringLiteral("remarks")},
                                                &error);
    REQUIRE(error.isEmpty());
    CHECK(f.exportTab(options).toStdString() == "Type,Status,Expires,Resends,Remarks\r\n"
                                                "iOS,Pending,2026-12-04T12:00:00+00:00,0,"
                                                "Sent 2026-11-27T12:00:00+00:00\r\n"
                                                "iOS,Expired,2026-11-27T12:00:00+00:00,2,\r\n"
                                                "iOS,Queued,,0,Waiting\r\n"
                                                "iOS,Delivery failed,,0,"
                                                "550 5.1.1 Mailbox unavailable\r\n");
    // Eight days later every sent one has expired; the queued one has not started its 7 days and the
    // failed delivery outranks expiry.
    options.nowMs = now + 8 * dayMs;
    const QByteArray later = f.exportTab(options);
    CHECK(later.count("Expired") == 2);
    CHECK(later.count("Queued") == 1);
    CHECK(later.count("Delivery failed") == 1);
    CHECK(CsvExport::exportableColumns(TabKind::Pending).size() ==
          TabSpec::of(TabKind::Pending).columnCount() - 1);
}

TEST_CASE("An exported CSV reads back cell for cell with Python's csv module", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    addAwkwardStagedDevices(f);
    const QString file = f.dir.file(QStringLiteral("staged.csv"));
    const CsvExportResult result = CsvExport::toFile(*f.store, stagedAll(f), file);
    REQUIRE(result.ok);
    CHECK(result.rows == 6);
    CHECK(result.bytes == QFileInfo(file).size());

    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv, json, sys\n"
                                 "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                                 "    print(json.dumps(list(csv.reader(f))))\n"),
                  file});
    REQUIRE(python.waitForFinished(30000));
    INFO(python.readAllStandardError().toStdString());
    REQUIRE(python.exitCode() == 0);
    const QJsonArray rows = QJsonDocument::fromJson(python.readAllStandardOutput()).array();

    const csv::Table ours = csv::read(fileBytes(file));
    REQUIRE(ours.error.isEmpty());
    REQUIRE(rows.size() == 7);
    REQUIRE(ours.records.size() == 7);
    for (int r = 0; r < 7; ++r) {
        const QJsonArray row = rows[r].toArray();
        REQUIRE(row.size() == ours.records[r].fields.size());
        for (int c = 0; c < row.size(); ++c)
            CHECK(str(row[c].toString()) == str(ours.records[r].fields[c]));
    }
    CHECK(str(rows[2].toArray()[0].toString()) == "Multi\nline \"quoted\"");
    CHECK(str(rows[2].toArray()[3].toString()) == "'=SUM(A1:A2)");
    CHECK(str(rows[3].toArray()[3].toString()) == "Zoë \"Z\" Öz; Jr.");
    CHECK(str(rows[4].toArray()[5].toString()) == "'@Field, North");
    CHECK(str(rows[4].toArray()[6].toString()) == "Staged (no user)");
}

TEST_CASE("A cancelled or failed export leaves an existing file unchanged", "[csv]")
{
    FOR_EACH_STORE_BACKEND(backend);
    Fixture f(backend);
    DemoOptions demo;
    demo.managed = 40000; // more than one 4 MB chunk
    demo.staged = 0;
    demo.pending = 0;
    REQUIRE(fillDemoData(*f.store, f.clock, demo).ok);
    const QString file = f.dir.file(QStringLiteral("managed.csv"));
    {
        QFile old(file);
        REQUIRE(old.open(QIODevice::WriteOnly));
        old.write("the good old export\r\n");
    }
    const auto unchanged = [&] {
        CHECK(fileBytes(file).toStdString() == "the good old export\r\n");
        CHECK(QDir(f.dir.path()).entryList(QDir::Files).filter(QStringLiteral("managed")).size() == 1);
    };
    CsvExportOptions options;
    options.nowMs = f.clock.nowMs();

    // Cancelled after the first chunk.
    std::atomic<bool> cancel{false};
    ActionControl control;
    qint64 reported = 0;
    qint64 reportedTotal = 0;
    control.cancel = &cancel;
    control.progress = [&](qint64 done, qint64 total) {
        reported = done;
        reportedTotal = total;
        cancel = true;
    };
    CsvExportResult result = CsvExport::toFile(*f.store, options, file, control);
    CHECK_FALSE(result.ok);
    CHECK(result.cancelled);
    CHECK(reported > 0);
    CHECK(reported < 40000);
    CHECK(reportedTotal == 40000);
    unchanged();

    // A column that cannot be exported fails before anything is written.
    options.columns = {PendingColumn::Actions};
    options.tab = TabKind::Pending;
    result = CsvExport::toFile(*f.store, options, file);
    CHECK_FALSE(result.ok);
    CHECK_FALSE(result.error.isEmpty());
    unchanged();

    // A finished export replaces the file and keeps its permissions; a new file is owner-only.
    options = CsvExportOptions{};
    result = CsvExport::toFile(*f.store, options, file);
    REQUIRE(result.ok);
    CHECK(result.rows == 40000);
    CHECK(csv::read(fileBytes(file)).records.size() == 40001);
    const QString fresh = f.dir.file(QStringLiteral("new.csv"));
    REQUIRE(CsvExport::toFile(*f.store, options, fresh).ok);
    CHECK(QFileInfo(fresh).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadUser | QFileDevice::WriteUser));
    CHECK(fileBytes(fresh) == fileBytes(file));
    CHECK(CsvExport::exportLimitMs(fileBytes(file), f.dir.file(QStringLiteral("limit.csv"))) >= 0);
    CHECK(fileBytes(f.dir.file(QStringLiteral("limit.csv"))) == fileBytes(file));
}

// ---------------------------------------------------------------------------------------------------------
// Invite CSV

TEST_CASE("Invite CSV reads ManageEngine columns in any order and case", "[csv]")
{
    const InviteCsvResult result =
        InviteCsv::read("\xEF\xBB\xBF"
                        "platform_type;Email Address;OWNED_BY;domain;Group_Name;user_name;Colour\r\n"
                        "android;ana@contoso.example;Personal;CONTOSO;Sales;Ana Silva;red\r\n"
                        "\r\n"
                        "iOS;bob.jones@contoso.example;;;;;\r\n"
                        "Windows;'=carol@contoso.example;corporate;;;;\r\n");
    INFO(str(result.errors.join(QLatin1Char('\n'))));
    REQUIRE(result.ok());
    REQUIRE(result.requests.size() == 3);
    const InviteRequest &ana = result.requests[0];
    CHECK(str(ana.email) == "ana@contoso.example");
    CHECK(str(ana.name) == "Ana Silva");
    CHECK(ana.platform == Platform::Android);
    CHECK(ana.ownership == Ownership::Personal);
    CHECK(str(ana.group) == "Sales");
    CHECK(ana.line == 2);
    const InviteRequest &bob = result.requests[1];
    CHECK(str(bob.name) == "bob.jones");
    CHECK(bob.ownership == Ownership::Corporate);
    CHECK(bob.group.isEmpty());
    CHECK(bob.line == 4);
    CHECK(str(result.requests[2].email) == "=carol@contoso.example");
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings.first().contains(QStringLiteral("Colour")));
}

TEST_CASE("Invite CSV checks every row and reports each problem with its line", "[csv]")
{
    const InviteCsvResult result = InviteCsv::read("EMAIL_ADDRESS,PLATFORM_TYPE,OWNED_BY\n"
                                                   "ana@contoso.example,android,\n"     // 2 fine
                                                   "not-an-address,ios,\n"              // 3
                                                   "bob@contoso.example,palm,\n"        // 4
                                                   "carol@contoso.example,ios,Leased\n" // 5
                                                   ",,\n"                               // blank: skipped
                                                   "dan@contoso.example,,\n"            // 7
                                                   "eve@contoso.example,ios,,extra\n"); // 8
    CHECK_FALSE(result.ok());
    CHECK(result.requests.isEmpty());
    const QString all = result.errors.join(QLatin1Char('\n'));
    INFO(str(all));
    CHECK(result.errors.size() == 5);
    CHECK(all.contains(QStringLiteral("line 3: “not-an-address” is not an email address.")));
    CHECK(all.contains(QStringLiteral("line 4: “palm” is not a platform type")));
    CHECK(all.contains(QStringLiteral("line 5: OWNED_BY is “Leased”")));
    CHECK(all.contains(QStringLiteral("line 7: no platform type.")));
    CHECK(all.contains(QStringLiteral("line 8: the row has more cells")));
    CHECK_FALSE(all.contains(QStringLiteral("line 2")));

    const InviteCsvResult noPlatform = InviteCsv::read("EMAIL_ADDRESS,USER_NAME\nana@contoso.example,Ana\n");
    REQUIRE(noPlatform.errors.size() == 1);
    CHECK(noPlatform.errors.first().contains(QStringLiteral("PLATFORM_TYPE")));
    CHECK_FALSE(InviteCsv::read("EMAIL_ADDRESS,PLATFORM_TYPE\n").ok());
    CHECK_FALSE(InviteCsv::read(QByteArray()).ok());

    const InviteCsvResult twice = InviteCsv::read("EMAIL_ADDRESS,PLATFORM_TYPE\na@contoso.example,ios\n"
                                                  "A@contoso.example,iOS\n");
    CHECK(twice.ok());
    CHECK(twice.requests.size() == 2);
    REQUIRE(twice.warnings.size() == 1);
    CHECK(twice.warnings.first().startsWith(QStringLiteral("line 3:")));
}
