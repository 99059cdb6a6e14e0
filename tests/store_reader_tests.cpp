// StoreReader, the bulk read path of the table index and the CSV export, on both databases: the cursor's
// values (NULLs, text with tabs, newlines, backslashes and UTF-8, 64-bit extremes), bound IDs, errors;
// and a tab's index and its CSV export that come out the same from an SQLite and a PostgreSQL store
// holding the same rows. PostgreSQL runs when MDM_TEST_PG_URI names a test server (scripts/test).

#include "csv/csv_export.h"
#include "domain/clock.h"
#include "index/record_table_model.h"
#include "index/tab_spec.h"
#include "index/table_index.h"
#include "pg_support.h"
#include "store/postgres_reader.h"
#include "store/store.h"
#include "store/store_reader.h"
#include "test_support.h"

#include <QSqlError>
#include <QSqlQuery>
#include <catch2/catch.hpp>
#include <limits>
#include <map>
#include <memory>
#include <optional>

using namespace mdm;
using namespace mdm::test;

namespace {

// A place to read from on one backend: an SQLite file or a fresh PostgreSQL database.
class Backend
{
public:
    explicit Backend(const QString &name)
    {
        if (name == QLatin1String("postgresql")) {
            pg_.emplace();
            location_ = pg_->uri();
        } else {
            location_ = dir_.file(QStringLiteral("reader.db"));
        }
    }
    QString location() const { return location_; }

    // A connection that writes, for the test's own rows.
    QSqlDatabase writer()
    {
        if (pg_) {
            if (!pgConnection_)
                pgConnection_ = std::make_unique<TestPgConnection>(location_);
            return pgConnection_->database();
        }
        if (!sqlite_.isValid()) {
            sqlite_ = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                QStringLiteral("reader-test-%1").arg(quintptr(this)));
            sqlite_.setDatabaseName(location_);
            REQUIRE(sqlite_.open());
            QSqlQuery(sqlite_).exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        }
        return sqlite_;
    }

    ~Backend()
    {
        if (sqlite_.isValid()) {
            const QString name = sqlite_.connectionName();
            sqlite_.close();
            sqlite_ = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        }
    }

private:
    TempDir dir_;
    std::optional<TestPgDatabase> pg_;
    std::unique_ptr<TestPgConnection> pgConnection_;
    QSqlDatabase sqlite_;
    QString location_;
};

void exec(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db);
    bool ok = false;
    if (values.isEmpty()) { // DDL: PostgreSQL prepares no CREATE TABLE
        ok = q.exec(sql);
    } else {
        REQUIRE(q.prepare(sql));
        for (const QVariant &v : values)
            q.addBindValue(v);
        ok = q.exec();
    }
    INFO(sql.toStdString() << ": " << q.lastError().text().toStdString());
    REQUIRE(ok);
}

struct Value
{
    qint64 id;
    std::optional<qint64> n;
    std::optional<QByteArray> t;
};

const std::vector<Value> &values()
{
    static const std::vector<Value> v{
        {1, std::numeric_limits<qint64>::max(), QByteArray("tab\there")},
        {2, std::numeric_limits<qint64>::min(), QByteArray("line\nbreak\r\nand back\\slash \\N \\t")},
        {3, std::nullopt, std::nullopt},
        {4, 0, QByteArray("Zoë – 日本 😀")},
        {5, -1, QByteArray("")},
        {6, 42, QByteArray("\\N")},
        {7, 7, QByteArray("a?b 'quoted' \"double\" \x1f\x7f \b\f\v end\\")},
    };
    return v;
}

void fillValues(Backend &backend)
{
    QSqlDatabase db = backend.writer();
    exec(db, QStringLiteral("CREATE TABLE reader_values (id BIGINT PRIMARY KEY, n BIGINT, t TEXT)"));
    for (const Value &v : values())
        exec(db, QStringLiteral("INSERT INTO reader_values (id, n, t) VALUES (?, ?, ?)"),
             {v.id, v.n ? QVariant(*v.n) : QVariant(QMetaType(QMetaType::LongLong)),
              v.t ? QVariant(QString::fromUtf8(*v.t)) : QVariant(QMetaType(QMetaType::QString))});
}

void checkRow(const ReadCursor &row, const Value &v)
{
    INFO("id " << v.id);
    CHECK(row.int64(0) == v.id);
    CHECK(row.isNull(1) == !v.n);
    CHECK(row.int64(1) == v.n.value_or(0));
    CHECK(row.isNull(2) == !v.t);
    CHECK(row.text(2).toByteArray() == v.t.value_or(QByteArray()));
}

} // namespace

TEST_CASE("Placeholders become PostgreSQL's numbered parameters outside quotes", "[reader]")
{
    int count = 0;
    CHECK(postgres_reader::numberedPlaceholders("SELECT a FROM t WHERE id IN (?,?,?)", &count) ==
          "SELECT a FROM t WHERE id IN ($1,$2,$3)");
    CHECK(count == 3);
    CHECK(postgres_reader::numberedPlaceholders("SELECT '?', \"a?\" FROM t WHERE x = ? AND y = 'it''s ?'",
                                                &count) ==
          "SELECT '?', \"a?\" FROM t WHERE x = $1 AND y = 'it''s ?'");
    CHECK(count == 1);
    CHECK(postgres_reader::numberedPlaceholders("SELECT ?2, ?1, ?", &count) == "SELECT $2, $1, $3");
    CHECK(count == 3);
    CHECK(postgres_reader::numberedPlaceholders("SELECT 1", &count) == "SELECT 1");
    CHECK(count == 0);
}

TEST_CASE("COPY text fields are decoded in place", "[reader]")
{
    const auto decode = [](QByteArray field) {
        field.resize(postgres_reader::unescapeCopyField(field.data(), field.size()));
        return field;
    };
    CHECK(decode("plain") == "plain");
    CHECK(decode("a\\tb\\nc\\rd\\\\e") == QByteArray("a\tb\nc\rd\\e"));
    CHECK(decode("\\b\\f\\v") == QByteArray("\b\f\v"));
    CHECK(decode("\\101\\x42\\7") == QByteArray("AB\x07"));
    CHECK(decode("\\N") == "N"); // only a whole field of \N is NULL; the split sees that first
    CHECK(decode("end\\") == "end\\");
}

TEST_CASE("A store reader's cursor reads NULLs texts and 64-bit numbers as stored", "[reader]")
{
    for (const QString &name : storeBackends()) {
        INFO(name.toStdString());
        Backend backend(name);
        fillValues(backend);
        const auto reader = StoreReader::open(backend.location());
        REQUIRE(reader->error().isEmpty());

        // Every row (PostgreSQL: streamed through COPY).
        {
            const auto all = reader->prepare("SELECT id, n, t FROM reader_values ORDER BY id");
            REQUIRE(all->ok());
            size_t i = 0;
            while (all->next()) {
                REQUIRE(i < values().size());
                checkRow(*all, values()[i++]);
            }
            CHECK(all->error().isEmpty());
            CHECK(i == values().size());
            CHECK_FALSE(all->next()); // stays at the end
        }

        // Bound IDs, run again after reset() with other values; a '?' in quotes is no placeholder.
        {
            const auto some = reader->prepare("SELECT id, n, t FROM reader_values WHERE id IN (?, ?) AND "
                                              "coalesce(t, '') <> 'a?b' ORDER BY id");
            REQUIRE(some->ok());
            some->bind(1, 4);
            some->bind(2, 2);
            REQUIRE(some->next());
            checkRow(*some, values()[1]);
            REQUIRE(some->next());
            checkRow(*some, values()[3]);
            CHECK_FALSE(some->next());
            CHECK(some->error().isEmpty());
            some->reset();
            some->bind(1, 7);
            some->bind(2, 3);
            REQUIRE(some->next());
            checkRow(*some, values()[2]);
            REQUIRE(some->next());
            checkRow(*some, values()[6]);
            CHECK_FALSE(some->next());
            some->reset();
            some->bind(1, 99);
            some->bind(2, 98);
            CHECK_FALSE(some->next());
            CHECK(some->error().isEmpty());
        }

        // A read left after its first row, then other statements on the same connection.
        {
            const auto all = reader->prepare("SELECT id, n, t FROM reader_values ORDER BY id");
            REQUIRE(all->next());
            checkRow(*all, values()[0]);
        }
        {
            const auto count = reader->prepare("SELECT count(*) FROM reader_values WHERE n IS NOT NULL");
            REQUIRE(count->next());
            CHECK(count->int64(0) == 6);
            const auto one = reader->prepare("SELECT id, n, t FROM reader_values WHERE id = ?");
            one->bind(1, 6);
            REQUIRE(one->next());
            checkRow(*one, values()[5]);
        }

        // A snapshot for several statements.
        REQUIRE(reader->beginRead());
        {
            const auto count = reader->prepare("SELECT count(*) FROM reader_values");
            REQUIRE(count->next());
            CHECK(count->int64(0) == static_cast<qint64>(values().size()));
        }
        reader->endRead();

        // Bad SQL: an error, and the reader goes on.
        for (const QByteArray &sql :
             {QByteArray("SELECT nope FROM nowhere"), QByteArray("SELECT id FROM nowhere WHERE id = ?")}) {
            const auto bad = reader->prepare(sql);
            bad->bind(1, 1);
            CHECK_FALSE((bad->ok() && bad->next()));
            CHECK_FALSE(bad->error().isEmpty());
            CHECK(bad->error().contains(QLatin1String("nowhere")));
        }
        const auto after = reader->prepare("SELECT id, n, t FROM reader_values WHERE id = ?");
        after->bind(1, 1);
        REQUIRE(after->next());
        checkRow(*after, values()[0]);
    }
}

TEST_CASE("A store reader on a location that cannot be opened says why", "[reader]")
{
    TempDir dir;
    CHECK_FALSE(StoreReader::open(dir.file(QStringLiteral("missing/none.db")))->error().isEmpty());
    CHECK(StoreReader::isPostgres(QStringLiteral("postgresql://u@h/db")));
    CHECK(StoreReader::isPostgres(QStringLiteral("postgres://u@h/db")));
    CHECK_FALSE(StoreReader::isPostgres(QStringLiteral("/tmp/postgresql.db")));
    // Nothing listens on port 1.
    const auto pg =
        StoreReader::open(QStringLiteral("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"));
    CHECK_FALSE(pg->error().isEmpty());
}

namespace {

// The same rows on any store: names and remarks with the characters that CSV and COPY escape, every
// platform, state and ownership, missing users, groups and times.
void fillTabs(Store &store)
{
    QSqlDatabase db = store.database();
    REQUIRE(db.transaction());
    const QStringList groups{QStringLiteral("Sales"), QStringLiteral("R&D"), QStringLiteral("Ops, EU"),
                             QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("Zoë's \"team\"")};
    for (int g = 0; g < groups.size(); ++g)
        exec(db, QStringLiteral("INSERT INTO groups (id, name) VALUES (?, ?)"), {g + 1, groups[g]});
    for (int u = 1; u <= 60; ++u)
        exec(db, QStringLiteral("INSERT INTO users (id, name, email) VALUES (?, ?, ?)"),
             {u, u % 7 == 0 ? QStringLiteral("") : QStringLiteral("Ünal %1\tTab\\%2").arg(u).arg(u % 3),
              QStringLiteral("user%1@Example.org").arg(u)});
    const QStringList names{QStringLiteral("tab\tname"), QStringLiteral("line\nname\r\n"),
                            QStringLiteral("back\\slash \\N"), QStringLiteral("=SUM(A1)"),
                            QStringLiteral("日本 😀 \"quoted\", comma")};
    const QStringList models{QStringLiteral("iPhone 15"), QStringLiteral("Pixel 8"), QStringLiteral(""),
                             QStringLiteral("Galaxy, S24")};
    const qint64 base = 1'700'000'000'000;
    QSqlQuery device(db);
    REQUIRE(device.prepare(QStringLiteral("INSERT INTO devices (id, name, platform, ownership, serial, imei, "
                                          "model, os_version, user_id, group_id,"
                                          " state, staged_at, enrolled_at, last_seen_at, remarks) VALUES (?, "
                                          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")));
    const QVariant noInt(QMetaType(QMetaType::LongLong));
    const QVariant noText(QMetaType(QMetaType::QString));
    for (int i = 1; i <= 3000; ++i) {
        const bool staged = i % 10 == 0;
        const QVariantList row{
            i,
            i % 9 < names.size() ? names[i % 9] + QString::number(i) : QStringLiteral("Device %1").arg(i),
            i % 6,
            i % 2,
            i % 87 == 0 ? noText : QVariant(QStringLiteral("S%1").arg(i, 6, 10, QLatin1Char('0'))),
            i % 3 == 0 ? QVariant(QStringLiteral("35209900%1").arg(i, 7, 10, QLatin1Char('0'))) : noText,
            models[i % models.size()],
            QStringLiteral("%1.%2").arg(14 + i % 4).arg(i % 3),
            i % 5 == 0 ? noInt : QVariant(1 + i % 60),
            i % 4 == 0 ? noInt : QVariant(1 + i % 5),
            staged ? 0 : 1 + i % 6,
            staged ? QVariant(base + i) : noInt,
            staged || i % 7 == 0 ? noInt : QVariant(base + qint64(i) * 3'600'000),
            i % 8 == 0 ? noInt : QVariant(base + qint64(i) * 60'000),
            i % 11 == 0 ? QStringLiteral("refused: \"NotNow\"\n") : QStringLiteral(""),
        };
        for (int c = 0; c < row.size(); ++c)
            device.bindValue(c, row[c]);
        const bool inserted = device.exec();
        INFO(device.lastError().text().toStdString());
        REQUIRE(inserted);
        if (i % 50 == 1)
            exec(db,
                 QStringLiteral("INSERT INTO commands (device_id, kind, state, created_at, updated_at)"
                                " VALUES (?, ?, 0, ?, ?)"),
                 {i, 1 + i % 2, base, base});
    }
    const QStringList remarks{QStringLiteral(""), QStringLiteral("plain remark"),
                              QStringLiteral("tab\there, \"q\"")};
    for (int i = 1; i <= 1200; ++i) {
        const int user = 1 + i % 60;
        exec(db,
             QStringLiteral("INSERT INTO invitations (id, user_id, email, platform, ownership, group_id,"
                            " requested_at, sent_at, expires_at, state, delivery, remarks, resend_count)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {i, user, QStringLiteral("user%1@Example.org").arg(user), i % 6, i % 2,
              i % 3 == 0 ? noInt : QVariant(1 + i % 5), base - i, base - i, base + (i % 5 - 2) * 86'400'000,
              i % 13 == 0 ? 1 : 0, i % 3, remarks[i % remarks.size()], i % 4});
    }
    REQUIRE(db.commit());
}

// What a tab's index answers to a set of queries: every sort, both directions, a search and filters.
std::vector<std::vector<qint64>> indexAnswers(const QString &location, TabKind tab, qint64 nowMs)
{
    const auto reader = StoreReader::open(location);
    REQUIRE(reader->error().isEmpty());
    TableIndex index(TabSpec::of(tab));
    QString error;
    std::vector<qint64> chunks;
    REQUIRE(index.load(
        *reader, [&](std::vector<qint64> &&ids) { chunks.insert(chunks.end(), ids.begin(), ids.end()); },
        &error));
    std::vector<std::vector<qint64>> out{chunks, {index.liveCount()}};
    for (int column = -1; column < TabSpec::of(tab).columnCount(); ++column)
        for (bool descending : {false, true}) {
            IndexQuery q;
            q.sortColumn = column;
            q.descending = descending;
            q.nowMs = nowMs;
            out.push_back(index.query(q));
        }
    for (const QString &search : {QStringLiteral("tab"), QStringLiteral("ünal 1"), QStringLiteral("日本"),
                                  QStringLiteral("\\n"), QStringLiteral("s00012")}) {
        IndexQuery q;
        q.search = search;
        q.nowMs = nowMs;
        out.push_back(index.query(q));
    }
    IndexQuery filtered;
    filtered.platform = 1;
    filtered.group = QStringLiteral("Ops, EU");
    filtered.nowMs = nowMs;
    out.push_back(index.query(filtered));
    // A refresh of listed records: some on the tab, some not, one unknown.
    REQUIRE(index.refresh(*reader, {5, 10, 20, 2999, 3000, 99999}, &error));
    out.push_back({index.liveCount()});
    out.push_back(index.query(IndexQuery{}));
    return out;
}

// What a tab's table model shows (text and tooltips) in its first rows, read through the store's own
// connection (the rows on screen are fetched per visible row, not by the index).
QStringList shownRows(Store &store, TabKind tab, qint64 nowMs)
{
    Clock clock;
    clock.setFixed(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC));
    RecordTableModel model(store, clock, tab);
    REQUIRE(waitUntil([&] { return !model.isLoading() && !model.isQueryPending(); }));
    QStringList out{QString::number(model.rowCount())};
    for (int row = 0; row < std::min(model.rowCount(), 80); ++row)
        for (int column = 0; column < model.columnCount(); ++column)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                out << model.data(model.index(row, column), role).toString();
    return out;
}

} // namespace

TEST_CASE("The table index and the CSV export read the same from an SQLite and a PostgreSQL store",
          "[reader]")
{
    const qint64 nowMs = 1'700'000'000'000;
    std::map<QString, std::vector<std::vector<qint64>>> answers;
    std::map<QString, std::vector<QByteArray>> exports;
    std::map<QString, std::vector<QStringList>> shown;
    for (const QString &name : storeBackends()) {
        INFO(name.toStdString());
        Backend backend(name);
        auto opened = Store::open(backend.location());
        INFO(opened.error.toStdString());
        REQUIRE(opened.store);
        fillTabs(*opened.store);
        for (TabKind tab : {TabKind::Managed, TabKind::Staged, TabKind::Pending}) {
            auto &a = answers[name];
            for (auto &answer : indexAnswers(backend.location(), tab, nowMs))
                a.push_back(std::move(answer));
            shown[name].push_back(shownRows(*opened.store, tab, nowMs));
            for (bool listed : {false, true}) {
                CsvExportOptions options;
                options.tab = tab;
                options.nowMs = nowMs;
                if (listed) {
                    std::vector<qint64> ids;
                    for (qint64 id = 1300; id >= 1;
                         id -= 3) // more than one batch, backwards, some off the tab
                        ids.push_back(id);
                    ids.push_back(424242);
                    options.ids = ids;
                }
                QByteArray csv;
                const CsvExportResult result = CsvExport::toBytes(*opened.store, options, &csv);
                INFO(result.error.toStdString());
                REQUIRE(result.ok);
                CHECK(result.rows > 40);
                exports[name].push_back(csv);
            }
        }
    }
    const auto &sqlite = answers[QStringLiteral("sqlite")];
    REQUIRE(sqlite.size() > 40);
    CHECK(sqlite.front().size() == 2700); // the managed tab loaded every record
    for (const auto &[name, a] : answers) {
        INFO(name.toStdString());
        REQUIRE(a.size() == sqlite.size());
        for (size_t i = 0; i < a.size(); ++i) {
            INFO("answer " << i);
            CHECK(a[i] == sqlite[i]);
        }
        for (size_t i = 0; i < shown[name].size(); ++i) {
            INFO("tab " << i);
            CHECK(shown[name][i] == shown[QStringLiteral("sqlite")][i]);
        }
        const auto &csv = exports[name];
        for (size_t i = 0; i < csv.size(); ++i) {
            INFO("export " << i);
            CHECK(csv[i] == exports[QStringLiteral("sqlite")][i]);
        }
    }
}
