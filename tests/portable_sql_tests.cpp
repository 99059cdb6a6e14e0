// The statements made portable for PostgreSQL (issue 14) keep their meaning on SQLite: new ids read from
// INSERT … RETURNING, searches that ignore case and take %, _ and \ literally, the outbox's "ignore the
// back-off" switch bound as an integer, and the Managed tab's packed queued-command text.
#include "domain/clock.h"
#include "index/tab_spec.h"
#include "mail/outbox.h"
#include "services/bulk_result.h"
#include "services/enrollment_service.h"
#include "store/audit_log.h"
#include "store/directory.h"
#include "store/portable_sql.h"
#include "store/store.h"
#include "test_support.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::scalar;
using mdm::test::TempDir;

namespace {

std::unique_ptr<Store> openStore(const TempDir &dir)
{
    auto opened = Store::open(dir.file(QStringLiteral("portable.db")));
    REQUIRE(opened.store);
    return std::move(opened.store);
}

// The found users' addresses, in order, joined by commas.
QString emailsOf(const QList<UserInfo> &users)
{
    QStringList out;
    for (const UserInfo &user : users)
        out << user.email;
    return out.join(QLatin1Char(','));
}

} // namespace

TEST_CASE("likeContains escapes the LIKE wildcards and the escape character", "[portable]")
{
    CHECK(likeContains(QStringLiteral("ann")) == QStringLiteral("%ann%"));
    CHECK(likeContains(QStringLiteral("50%_a\\b")) == QStringLiteral("%50\\%\\_a\\\\b%"));
    CHECK(likeContains(QString()) == QStringLiteral("%%"));
}

TEST_CASE("New users and groups get the ids INSERT … RETURNING reads", "[portable]")
{
    TempDir dir;
    auto store = openStore(dir);
    Directory directory(*store);
    QString error;
    const qint64 ann = directory.userFor(QStringLiteral("Ann"), QStringLiteral("ann@example.org"), &error);
    const qint64 bob = directory.userFor(QStringLiteral("Bob"), QStringLiteral("bob@example.org"), &error);
    CHECK(error.isEmpty());
    CHECK(ann > 0);
    CHECK(bob == ann + 1);
    CHECK(scalar(*store, QStringLiteral("SELECT id FROM users WHERE name = 'Bob'")) == bob);
    // The email compares without case: the same user, not a new one.
    CHECK(directory.userFor(QStringLiteral("Ann"), QStringLiteral("ANN@example.org"), &error) == ann);
    const qint64 sales = directory.groupFor(QStringLiteral("Sales"), &error);
    CHECK(sales > 0);
    CHECK(directory.groupFor(QStringLiteral("sales"), &error) == sales);
    CHECK(scalar(*store, QStringLiteral("SELECT count(*) FROM groups")) == 1);

    // A refused insert: no id, the database's reason, and the prepared statement usable again.
    QSqlQuery q(store->database());
    q.prepare(QStringLiteral("INSERT INTO users (name, email) VALUES (?, ?) RETURNING id"));
    q.addBindValue(QStringLiteral("Nobody"));
    q.addBindValue(QStringLiteral("no-at-sign"));
    error.clear();
    CHECK(insertReturningId(q, &error) == 0);
    CHECK(error.contains(QStringLiteral("CHECK")));
    q.addBindValue(QStringLiteral("Carol"));
    q.addBindValue(QStringLiteral("carol@example.org"));
    error.clear();
    CHECK(insertReturningId(q, &error) == bob + 1);
    CHECK(error.isEmpty());
}

TEST_CASE("User search ignores case and takes wildcards literally", "[portable]")
{
    TempDir dir;
    auto store = openStore(dir);
    Directory directory(*store);
    QString error;
    directory.userFor(QStringLiteral("Ann Smith"), QStringLiteral("Ann@Example.org"), &error);
    directory.userFor(QStringLiteral("bob_jones"), QStringLiteral("bob@example.org"), &error);
    directory.userFor(QStringLiteral("Carl"), QStringLiteral("carl100%@example.org"), &error);
    REQUIRE(error.isEmpty());

    CHECK(emailsOf(directory.searchUsers(QStringLiteral("SMITH"))) == QStringLiteral("Ann@Example.org"));
    CHECK(emailsOf(directory.searchUsers(QStringLiteral("example.ORG"))) ==
          QStringLiteral("Ann@Example.org,bob@example.org,carl100%@example.org")); // by name, any case
    CHECK(emailsOf(directory.searchUsers(QStringLiteral("_"))) == QStringLiteral("bob@example.org"));
    CHECK(emailsOf(directory.searchUsers(QStringLiteral("0%"))) == QStringLiteral("carl100%@example.org"));
    CHECK(directory.searchUsers(QStringLiteral("%x%")).isEmpty());

    directory.groupFor(QStringLiteral("beta"), &error);
    directory.groupFor(QStringLiteral("Alpha"), &error);
    directory.groupFor(QStringLiteral("Gamma"), &error);
    CHECK(directory.groupNames().join(QLatin1Char(',')) == QStringLiteral("Alpha,beta,Gamma"));
}

TEST_CASE("Audit search ignores case and takes wildcards literally", "[portable]")
{
    TempDir dir;
    auto store = openStore(dir);
    QString error;
    REQUIRE(store->transaction(
        [&](QString *err) {
            return AuditLog::append(store->database(),
                                    {1,
                                     QStringLiteral("Admin"),
                                     QStringLiteral("invite.send"),
                                     RecordKind::Invitation,
                                     {7},
                                     QStringLiteral(R"({"note":"50% done"})")},
                                    err) &&
                   AuditLog::append(store->database(),
                                    {2,
                                     QStringLiteral("admin"),
                                     QStringLiteral("invite.resend"),
                                     RecordKind::Invitation,
                                     {8},
                                     QStringLiteral(R"({"note":"500 done"})")},
                                    err);
        },
        &error));
    CHECK(AuditLog::count(*store, QStringLiteral("ADMIN")) == 2);
    CHECK(AuditLog::count(*store, QStringLiteral("50%")) == 1);
    CHECK(AuditLog::count(*store, QStringLiteral("invite_")) == 0);
    CHECK(AuditLog::count(*store, QString()) == 2);
    const QList<AuditEntry> found = AuditLog::search(*store, QStringLiteral("RESEND"), 10);
    REQUIRE(found.size() == 1);
    CHECK(found.first().recordIds == QList<qint64>{8});
    CHECK(AuditLog::history(*store, RecordKind::Invitation, 7, 10).size() == 1);
}

TEST_CASE("The outbox's back-off switch, bound as an integer, still chooses", "[portable]")
{
    TempDir dir;
    auto store = openStore(dir);
    Clock clock;
    clock.setFixed(QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC));
    EnrollmentService service(*store, clock);
    InviteRequest request;
    request.name = QStringLiteral("Ann");
    request.email = QStringLiteral("ann@example.org");
    REQUIRE(service.invite({request}, ActionControl{}).ok);
    Outbox outbox(*store, clock);
    const QList<OutboxMessage> due = outbox.due(false);
    REQUIRE(due.size() == 1);
    QString error;
    REQUIRE(outbox.markRetry(due.first().id, QStringLiteral("busy"), &error));
    CHECK(outbox.due(false).isEmpty());
    CHECK(outbox.due(true).size() == 1);
}

TEST_CASE("The Managed tab packs a queued command as text", "[portable]")
{
    TempDir dir;
    auto store = openStore(dir);
    QSqlQuery q(store->database());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO devices (id, name, platform, serial, state) VALUES"
                                  " (1, 'Mac', 2, 'S1', 3), (2, 'Pixel', 0, 'S2', 0)")));
    REQUIRE(q.exec(QStringLiteral("INSERT INTO commands (device_id, kind, state, created_at, updated_at, "
                                  "pushed_at) VALUES (1, 2, 0, 1, 1, 99)")));
    const TabSpec &managed = TabSpec::of(TabKind::Managed);
    REQUIRE(q.prepare(QString::fromLatin1(managed.rowSql(1))));
    q.addBindValue(1);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    // No enrollment: no protocol, no push state, no token.
    CHECK(q.value(q.record().count() - 2).toString() == QStringLiteral("2|99|||0"));

    const TabSpec &staged = TabSpec::of(TabKind::Staged);
    REQUIRE(q.prepare(QString::fromLatin1(staged.rowSql(1))));
    q.addBindValue(2);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    CHECK(q.value(7).toInt() == 0); // no user
}
