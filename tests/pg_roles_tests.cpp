// Roles on a PostgreSQL store (issue #14): an admin that may act, a viewer that may browse, search and
// export but not act, refused by the server itself; an audit log nobody may change, whose entries name the
// database user the server saw. Also the SQLite side of schema version 5. The PostgreSQL cases need
// MDM_TEST_PG_URI (scripts/pg-test-server); without it only the SQLite cases run.
#include "console_fixture.h"
#include "domain/clock.h"
#include "gui_support.h"
#include "pg_support.h"
#include "store/audit_log.h"
#include "store/schema.h"
#include "store/store.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QToolTip>
#include <QUrl>
#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace mdm;
using mdm::test::havePgServer;
using mdm::test::qs;
using mdm::test::runConsole;
using mdm::test::scalar;
using mdm::test::TempDir;
using mdm::test::TestPgDatabase;
using mdm::test::testPgServerUri;

namespace {

// A new login role (cluster-wide, so with a name no other test uses); trust auth needs no password.
QString newLoginRole(const TestPgDatabase &db, const char *what)
{
    const QString name = QStringLiteral("mdm_t_%1_%2_%3")
                             .arg(QLatin1String(what))
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
    db.exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(name));
    return name;
}

// The database's URI, logging in as role.
QString uriAs(const TestPgDatabase &db, const QString &role)
{
    QUrl url(db.uri());
    url.setUserName(role);
    return url.toString(QUrl::FullyEncoded);
}

std::unique_ptr<Store> openStore(const QString &location)
{
    auto opened = Store::open(location);
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    return std::move(opened.store);
}

test::ProcessResult console(const QString &uri, QStringList arguments)
{
    arguments.prepend(uri);
    arguments.prepend(qs("--db"));
    const test::ProcessResult result = runConsole(arguments);
    INFO("mdm-console " << arguments.join(QLatin1Char(' ')).toStdString()
                        << "\nout: " << result.out.toStdString() << "\nerr: " << result.err.toStdString());
    return result;
}

// A store made by the test server's superuser (its owner) with one pending invitation; returns its ID.
qint64 storeWithInvitation(const TestPgDatabase &db)
{
    const auto invited = console(db.uri(), {qs("invite"), qs("--name"), qs("Ana Lima"), qs("--email"),
                                            qs("ana@example.com"), qs("--platform"), qs("ios")});
    REQUIRE(invited.exitCode == 0);
    auto store = openStore(db.uri());
    return scalar(*store, qs("SELECT max(id) FROM invitations"));
}

QString sqlState(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return qs("ok");
    return q.lastError().nativeErrorCode();
}

} // namespace

TEST_CASE("A viewer reads and exports but the server refuses its writes, an admin's go through", "[pgroles]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    const qint64 invitation = storeWithInvitation(db);
    const QString viewer = newLoginRole(db, "viewer");
    const QString admin = newLoginRole(db, "admin");
    REQUIRE(console(db.uri(), {qs("grant"), qs("viewer"), viewer}).exitCode == 0);
    REQUIRE(console(db.uri(), {qs("grant"), qs("admin"), admin}).exitCode == 0);

    {
        auto owner = openStore(db.uri());
        CHECK(owner->access() == Store::Access::Admin);
        auto asViewer = openStore(uriAs(db, viewer));
        CHECK(asViewer->access() == Store::Access::Viewer);
        CHECK(asViewer->databaseUser() == viewer);
        CHECK(openStore(uriAs(db, admin))->access() == Store::Access::Admin);

        // Browse and search: the records and the audit log read as for anyone.
        CHECK(scalar(*asViewer, qs("SELECT count(*) FROM invitations")) == 1);
        const QList<AuditEntry> entries = AuditLog::search(*asViewer, qs("Ana"), 10);
        REQUIRE(entries.size() == 1);
        CHECK(entries.first().action == qs("invite.send"));
        CHECK(entries.first().dbUser == QUrl(db.uri()).userName());
        // An export writes its audit entry: the one write a viewer may make, under its own name.
        QString error;
        AuditEntry exported{QDateTime::currentMSecsSinceEpoch() + 60000,
                            AuditLog::currentActor(),
                            qs("list.export"),
                            RecordKind::Invitation,
                            {invitation},
                            AuditLog::details({})};
        CHECK(asViewer->transaction(
            [&](QString *err) { return AuditLog::append(asViewer->database(), exported, err); }, &error));
        CHECK(error.isEmpty());
        const QList<AuditEntry> history = AuditLog::history(*asViewer, RecordKind::Invitation, invitation);
        REQUIRE_FALSE(history.isEmpty());
        CHECK(history.first().action == qs("list.export"));
        CHECK(history.first().dbUser == viewer);
        CHECK(AuditLog::who(history.first()).endsWith(qs(" · database user ") + viewer));
    }

    auto owner = openStore(db.uri());
    const qint64 audited = scalar(*owner, qs("SELECT count(*) FROM audit_log"));
    QSqlQuery q(owner->database());
    REQUIRE(q.exec(qs("SELECT count(*) FROM change_journal")));
    REQUIRE(q.next());
    const qint64 journalled = q.value(0).toLongLong();

    // The viewer's write, through the real command line: refused by the server, said plainly, nothing kept.
    const auto refused = console(uriAs(db, viewer), {qs("resend"), qs("--id"), QString::number(invitation)});
    CHECK(refused.exitCode != 0);
    CHECK((refused.out + refused.err).contains(qs("may only read this store (mdm_viewer)")));
    CHECK((refused.out + refused.err).contains(qs("ask an admin")));
    CHECK(scalar(*owner, qs("SELECT count(*) FROM audit_log")) == audited);
    const auto invite = console(uriAs(db, viewer), {qs("invite"), qs("--name"), qs("Bo"), qs("--email"),
                                                    qs("bo@example.com"), qs("--platform"), qs("ios")});
    CHECK(invite.exitCode != 0);
    CHECK(scalar(*owner, qs("SELECT count(*) FROM invitations")) == 1);

    // The admin's: it goes through, journalled by the owner's triggers, audited under the admin's name.
    const auto resent = console(uriAs(db, admin), {qs("resend"), qs("--id"), QString::number(invitation)});
    CHECK(resent.exitCode == 0);
    CHECK(scalar(*owner, qs("SELECT count(*) FROM audit_log")) == audited + 1);
    REQUIRE(q.exec(qs("SELECT count(*) FROM change_journal")));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() > journalled);
    const QList<AuditEntry> newest = AuditLog::search(*owner, qs("invite.resend"), 1);
    REQUIRE(newest.size() == 1);
    CHECK(newest.first().action == qs("invite.resend"));
    CHECK(newest.first().dbUser == admin);
}

TEST_CASE("Nobody may change or remove an audit entry, admins and viewers may not name its database user",
          "[pgroles]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    // An owner that is no superuser: its own database, where it makes the store on the first open.
    const QString ownerRole = newLoginRole(db, "owner");
    db.exec(
        QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mdm_admin') THEN "
                       "CREATE ROLE mdm_admin NOLOGIN; END IF; IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE "
                       "rolname = 'mdm_viewer') THEN CREATE ROLE mdm_viewer NOLOGIN; END IF; END$$"));
    db.exec(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(db.name(), ownerRole));
    db.exec(QStringLiteral("GRANT mdm_admin, mdm_viewer TO %1 WITH ADMIN OPTION").arg(ownerRole));
    const QString admin = newLoginRole(db, "admin");
    const QString viewer = newLoginRole(db, "viewer");
    REQUIRE(console(uriAs(db, ownerRole), {qs("invite"), qs("--name"), qs("Ana Lima"), qs("--email"),
                                           qs("ana@example.com"), qs("--platform"), qs("ios")})
                .exitCode == 0);
    REQUIRE(console(uriAs(db, ownerRole), {qs("grant"), qs("admin"), admin}).exitCode == 0);
    REQUIRE(console(uriAs(db, ownerRole), {qs("grant"), qs("viewer"), viewer}).exitCode == 0);

    for (const QString &role : {ownerRole, admin, viewer}) {
        INFO(role.toStdString());
        auto store = openStore(uriAs(db, role));
        const QSqlDatabase sql = store->database();
        // 42501: no privilege (the append-only triggers would refuse besides).
        CHECK(sqlState(sql, qs("UPDATE audit_log SET actor = 'someone else'")) == qs("42501"));
        CHECK(sqlState(sql, qs("DELETE FROM audit_log")) == qs("42501"));
        CHECK(sqlState(sql, qs("TRUNCATE audit_log")) == qs("42501"));
        CHECK(sqlState(sql, qs("DELETE FROM audit_log_records")) == qs("42501"));
        // Admins and viewers may not name the database user; the owner may (import-store copies older
        // entries whole), as it could alter its own tables anyway.
        if (role != ownerRole)
            CHECK(sqlState(sql, qs("INSERT INTO audit_log (at, actor, action, db_user) VALUES (1, 'x', 'y', "
                                   "'forged')")) == qs("42501"));
        // The columns a writer does give are allowed, and the server names the writer.
        CHECK(sqlState(sql, qs("INSERT INTO audit_log (at, actor, action) VALUES (1, 'x', 'probe')")) ==
              qs("ok"));
        CHECK(scalar(*store, qs("SELECT count(*) FROM audit_log WHERE action = 'probe' AND db_user = '") +
                                 role + qs("'")) == 1);
    }
    // Not even the superuser gets past the triggers.
    auto super = openStore(db.uri());
    CHECK(sqlState(super->database(), qs("UPDATE audit_log SET actor = 'someone else'")) == qs("P0001"));
    CHECK(sqlState(super->database(), qs("DELETE FROM audit_log")) == qs("P0001"));
    CHECK(scalar(*super, qs("SELECT count(*) FROM audit_log WHERE actor = 'someone else'")) == 0);
}

TEST_CASE("grant and revoke: the owner's commands, audited, with clear refusals", "[pgroles]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    storeWithInvitation(db);
    const QString alice = newLoginRole(db, "alice");

    CHECK(console(db.uri(), {qs("grant"), qs("boss"), alice}).exitCode == 2);
    CHECK(console(db.uri(), {qs("revoke")}).exitCode == 2);
    const auto unknown = console(db.uri(), {qs("grant"), qs("viewer"), qs("nobody_here_at_all")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(qs("no role “nobody_here_at_all”")));

    REQUIRE(console(db.uri(), {qs("grant"), qs("viewer"), alice}).exitCode == 0);
    CHECK(openStore(uriAs(db, alice))->access() == Store::Access::Viewer);
    // A viewer (or an admin) may not hand out rights: the owner's job.
    const auto notOwner = console(uriAs(db, alice), {qs("grant"), qs("admin"), alice});
    CHECK(notOwner.exitCode == 1);
    CHECK(notOwner.err.contains(qs("Only the store's owner")));

    REQUIRE(console(db.uri(), {qs("grant"), qs("admin"), alice}).exitCode == 0);
    CHECK(openStore(uriAs(db, alice))->access() == Store::Access::Admin);
    auto owner = openStore(db.uri());
    // One level at a time: admin replaced viewer.
    CHECK(scalar(*owner, qs("SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN "
                            "pg_roles u ON u.oid = m.member WHERE u.rolname = '") +
                             alice + qs("' AND g.rolname IN ('mdm_admin', 'mdm_viewer')")) == 1);
    REQUIRE(console(db.uri(), {qs("revoke"), alice}).exitCode == 0);
    CHECK(
        scalar(*owner, qs("SELECT count(*) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member WHERE "
                          "u.rolname = '") +
                           alice + qs("'")) == 0);
    // Neither admin nor viewer now: the store says who grants the rights.
    const auto none = Store::open(uriAs(db, alice));
    CHECK_FALSE(none.store);
    CHECK(none.error.contains(qs("has no rights on the store")));

    const QList<AuditEntry> entries = AuditLog::search(*owner, qs("role."), 10);
    REQUIRE(entries.size() == 3);
    CHECK(entries.at(0).action == qs("role.revoke"));
    CHECK(entries.at(1).action == qs("role.grant"));
    CHECK(entries.at(1).details.contains(qs("\"level\":\"admin\"")));
    CHECK(entries.at(1).details.contains(alice));
}

TEST_CASE("grant on an SQLite store says roles are PostgreSQL's", "[pgroles]")
{
    TempDir dir;
    const QString path = dir.file(qs("console.db"));
    openStore(path);
    const auto result = console(path, {qs("grant"), qs("viewer"), qs("alice")});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains(qs("Roles are for a PostgreSQL store")));
    CHECK(openStore(path)->access() == Store::Access::Admin);
}

TEST_CASE("An SQLite store of version 4 becomes version 5 with its audit entries kept", "[pgroles]")
{
    TempDir dir;
    const QString path = dir.file(qs("console.db"));
    {
        sqlite3 *raw = nullptr;
        REQUIRE(sqlite3_open(path.toUtf8().constData(), &raw) == SQLITE_OK);
        const auto run = [raw](const QString &sql) {
            INFO(sql.toStdString());
            REQUIRE(sqlite3_exec(raw, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK);
        };
        run(qs("BEGIN"));
        for (size_t v = 0; v < 4; ++v)
            for (const QString &statement : migrations()[v])
                run(statement);
        run(qs("INSERT INTO audit_log (id, at, actor, action, record_kind, record_ids, details) VALUES "
               "(7, 1000, 'bob@pc1 (console)', 'invite.send', 'invitation', '3', '{}')"));
        run(qs(
            "INSERT INTO audit_log_records (audit_id, record_kind, record_id) VALUES (7, 'invitation', 3)"));
        run(qs("PRAGMA user_version = 4"));
        run(qs("COMMIT"));
        sqlite3_close(raw);
    }
    auto store = openStore(path);
    CHECK(scalar(*store, qs("PRAGMA user_version")) == Store::kSchemaVersion);
    const QList<AuditEntry> history = AuditLog::history(*store, RecordKind::Invitation, 3);
    REQUIRE(history.size() == 1);
    CHECK(history.first().actor == qs("bob@pc1 (console)"));
    CHECK(history.first().dbUser.isEmpty());
    CHECK(AuditLog::who(history.first()) == qs("bob@pc1 (console)"));
    // Still append-only after the migration.
    QSqlQuery q(store->database());
    CHECK_FALSE(q.exec(qs("UPDATE audit_log SET db_user = 'x'")));
    CHECK_FALSE(q.exec(qs("DELETE FROM audit_log")));
}

TEST_CASE("The console opened as a viewer has its write actions off and says why", "[pgroles][gui]")
{
    if (!havePgServer())
        return;
    TestPgDatabase db;
    storeWithInvitation(db);
    const QString viewer = newLoginRole(db, "viewer");
    REQUIRE(console(db.uri(), {qs("grant"), qs("viewer"), viewer}).exitCode == 0);
    auto store = openStore(uriAs(db, viewer));
    REQUIRE(store->access() == Store::Access::Viewer);
    test::forgetSettings();
    Clock clock;
    MainWindow window(*store, clock);
    window.resize(1200, 700);
    window.show();
    REQUIRE(test::waitUntil([&] { return window.isVisible(); }));
    QApplication::processEvents();

    ConsoleActions &actions = window.actions();
    CHECK(actions.isReadOnly());
    for (QAction *action : actions.writeActions()) {
        INFO(action->text().toStdString());
        CHECK_FALSE(action->isEnabled());
        CHECK(action->toolTip() == ConsoleActions::readOnlyReason());
        CHECK(action->statusTip() == ConsoleActions::readOnlyReason());
    }
    // A selection or the end of a job updates the actions: they stay off.
    window.tab(TabKind::Pending)->selectAllShown();
    QApplication::processEvents();
    CHECK_FALSE(actions.resend->isEnabled());
    CHECK_FALSE(actions.sendInvite->isEnabled());
    // What a viewer may do stays.
    CHECK(actions.exportList->isEnabled());
    CHECK(actions.auditLog->isEnabled());
    CHECK(actions.find->isEnabled());
    CHECK(actions.refresh->isEnabled());
    auto *label = window.statusBar()->findChild<QLabel *>(qs("accessLabel"));
    REQUIRE(label);
    CHECK(label->text() == qs("read-only (viewer)"));

    // The File menu open, for the picture.
    QMenu *file = window.menuBar()->findChildren<QMenu *>().value(0);
    REQUIRE(file);
    CHECK(file->toolTipsVisible());
    file->popup(window.mapToGlobal(QPoint(10, 30)));
    REQUIRE(test::waitUntil([&] { return file->isVisible(); }));
    const QString shot = test::saveScreenshot(&window, qs("pgroles-viewer-window"));
    test::saveScreenshot(file, qs("pgroles-viewer-file-menu"));
    file->hide();
    CHECK_FALSE(shot.isEmpty());

    // The reason as the toolbar's tooltip shows it.
    QToolTip::showText(window.mapToGlobal(QPoint(60, 40)), actions.resend->toolTip(), &window);
    QWidget *tip = nullptr;
    REQUIRE(test::waitUntil([&] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->inherits("QTipLabel") && w->isVisible())
                tip = w;
        return tip != nullptr;
    }));
    test::saveScreenshot(tip, qs("pgroles-viewer-tooltip"));
    QToolTip::hideText();
}
