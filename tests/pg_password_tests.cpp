// A PostgreSQL store's password: never in the URI; from libpq's sources, or handed in by the app (the OS
// keychain, the window's dialog) and used by every connection the store makes. The [.pgkeychain] cases need
// a Secret Service: they run as the CTest entry pg_keychain_roundtrip, under dbus-run-session with an
// unlocked gnome-keyring in a fresh HOME (tests/mail/keychain_session.sh). The test server's pg_hba asks
// members of mdm_test_password for their password (scripts/pg-test-server).
#include "dialogs/store_password_dialog.h"
#include "pg_support.h"
#include "store/postgres_password.h"
#include "store/store.h"
#include "store/store_reader.h"
#include "test_support.h"
#include "window_store.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::qs;
using mdm::test::TestPgConnection;
using mdm::test::TestPgDatabase;

namespace {

// A login role with a password that the server asks for (a member of mdm_test_password), owning db; dropped
// when destroyed (declare it before db, so that db is dropped first).
class PasswordRole
{
public:
    explicit PasswordRole(const QString &password)
        : name_(QStringLiteral("mdm_pw_%1_%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0')))
    {
        TestPgConnection admin(test::testPgServerUri());
        QSqlQuery q(admin.database());
        // Cluster-wide and made by whichever test process comes first.
        q.exec(qs("DO $$ BEGIN CREATE ROLE mdm_test_password NOLOGIN; EXCEPTION WHEN duplicate_object OR "
                  "unique_violation THEN NULL; END $$"));
        REQUIRE(q.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE mdm_test_password")
                           .arg(name_, password)));
    }
    ~PasswordRole()
    {
        TestPgConnection admin(test::testPgServerUri());
        QSqlQuery(admin.database()).exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(name_));
    }
    PasswordRole(const PasswordRole &) = delete;
    PasswordRole &operator=(const PasswordRole &) = delete;

    QString name() const { return name_; }
    // db's URI logging in as this role; the role is made db's owner (so it may make the store there).
    QString ownStore(const TestPgDatabase &db) const
    {
        db.exec(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(db.name(), name_));
        QUrl url(db.uri());
        url.setUserName(name_);
        return url.toString(QUrl::FullyEncoded);
    }
    void setPassword(const QString &password) const
    {
        TestPgConnection admin(test::testPgServerUri());
        REQUIRE(QSqlQuery(admin.database())
                    .exec(QStringLiteral("ALTER ROLE %1 PASSWORD '%2'").arg(name_, password)));
    }

private:
    QString name_;
};

// This process with none of libpq's password sources while alive: no PGPASSWORD, a PGPASSFILE that is not
// there; both as they were afterwards.
class WithoutLibpqPassword
{
public:
    WithoutLibpqPassword()
    {
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", "/nonexistent/mdm-test-pgpass");
    }
    ~WithoutLibpqPassword()
    {
        restore("PGPASSWORD", password_);
        restore("PGPASSFILE", file_);
    }
    WithoutLibpqPassword(const WithoutLibpqPassword &) = delete;
    WithoutLibpqPassword &operator=(const WithoutLibpqPassword &) = delete;

private:
    static void restore(const char *name, const QByteArray &value)
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    const QByteArray password_ = qgetenv("PGPASSWORD");
    const QByteArray file_ = qgetenv("PGPASSFILE");
};

// The real mdm-console with none of libpq's password sources: no PGPASSWORD, a PGPASSFILE that is not there.
test::ProcessResult console(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(qs("QT_QPA_PLATFORM"), qs("offscreen"));
    env.insert(qs("LANG"), qs("C.UTF-8"));
    env.remove(qs("LANGUAGE"));
    env.remove(qs("PGPASSWORD"));
    env.insert(qs("PGPASSFILE"), qs("/nonexistent/mdm-test-pgpass"));
    process.setProcessEnvironment(env);
    process.start(qs(MDM_CONSOLE_BINARY), arguments);
    process.waitForStarted();
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    test::ProcessResult result{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                               QString::fromUtf8(process.readAllStandardOutput()),
                               QString::fromUtf8(process.readAllStandardError())};
    UNSCOPED_INFO("mdm-console " << arguments.join(QLatin1Char(' ')).toStdString() << " -> "
                                 << result.exitCode << "\nout: " << result.out.toStdString()
                                 << "\nerr: " << result.err.toStdString());
    return result;
}

qint64 tableRows(const TestPgDatabase &db, const char *table)
{
    TestPgConnection admin(db.uri());
    QSqlQuery q(admin.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) || !q.next())
        return -1; // no such table: no store made
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE("pg password: a URI with a password in it is refused, the password never repeated", "[pgpassword]")
{
    const QString uri = qs("postgresql://admin:s3cr3t-pw@127.0.0.1:1/mdm");
    const auto opened = Store::open(uri);
    CHECK_FALSE(opened.store);
    CHECK(opened.error.contains(qs("~/.pgpass")));
    CHECK(opened.error.contains(qs("PGPASSWORD")));
    CHECK(opened.error.contains(qs("keychain")));
    CHECK_FALSE(opened.error.contains(qs("s3cr3t")));

    for (const QString &given : {uri, qs("postgresql://admin@127.0.0.1:1/mdm?password=s3cr3t-pw")}) {
        const auto run = console({qs("--db"), given, qs("list"), qs("managed")});
        CHECK(run.exitCode == 1);
        CHECK(run.err.contains(qs("keychain")));
        CHECK_FALSE(run.err.contains(qs("s3cr3t")));
        CHECK_FALSE(run.out.contains(qs("s3cr3t")));
    }
    // store-password takes it from standard input only.
    const auto stored = console({qs("--db"), uri, qs("store-password")}, "s3cr3t-pw\n");
    CHECK(stored.exitCode == 1);
    CHECK_FALSE(stored.err.contains(qs("s3cr3t")));
}

TEST_CASE("pg password: one handed in opens the store for every connection, none or a wrong one is said so",
          "[pgpassword]")
{
    if (test::testPgServerUri().isEmpty()) {
        WARN("No PostgreSQL test server (MDM_TEST_PG_URI): skipped");
        return;
    }
    PasswordRole role(qs("right horse battery"));
    TestPgDatabase db;
    const QString uri = role.ownStore(db);
    const WithoutLibpqPassword noPassword;

    // None: libpq has no password for this role.
    auto opened = Store::open(uri);
    CHECK_FALSE(opened.store);
    CHECK(opened.passwordNeeded);
    CHECK(opened.error.contains(qs("store-password")));
    CHECK(postgresLoginWantsPassword(uri));
    CHECK(tableRows(db, "schema_version") == -1); // nothing made

    // A wrong one: refused, said so, nothing made.
    setPostgresPassword(uri, qs("wrong"));
    opened = Store::open(uri);
    CHECK_FALSE(opened.store);
    CHECK(opened.passwordNeeded);
    CHECK(opened.error.contains(qs("authentication failed")));
    CHECK_FALSE(opened.error.contains(qs("wrong")));
    CHECK(tableRows(db, "schema_version") == -1);
    CHECK_FALSE(checkPostgresLogin(uri, qs("wrong")).isEmpty());

    // The right one: the store, another connection and a reader (libpq's own connection) all log in.
    setPostgresPassword(uri, qs("right horse battery"));
    CHECK(checkPostgresLogin(uri, qs("right horse battery")).isEmpty());
    CHECK_FALSE(postgresLoginWantsPassword(uri));
    opened = Store::open(uri);
    INFO(opened.error.toStdString());
    REQUIRE(opened.store);
    CHECK_FALSE(opened.passwordNeeded);
    CHECK(opened.store->databaseUser() == role.name());
    CHECK(opened.store->connectAgain().store);
    const auto reader = StoreReader::open(*opened.store);
    REQUIRE(reader);
    CHECK(reader->error().isEmpty());
    // The password is nowhere in the store.
    {
        TestPgConnection admin(db.uri());
        QSqlQuery q(admin.database());
        REQUIRE(q.exec(qs("SELECT count(*) FROM audit_log WHERE details LIKE '%horse%'")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 0);
    }
    forgetPostgresPassword(uri);
    CHECK(postgresPassword(uri).isEmpty());
    opened.store.reset();
}

TEST_CASE("pg password: the window's dialog asks for the password and offers the keychain",
          "[pgpassword][gui]")
{
    StorePasswordDialog dialog(
        qs("postgresql://helpdesk@db.example.com:5432/mdm"),
        qs("The PostgreSQL server db.example.com:5432 asks for a password for the store "
           "“postgresql://helpdesk@db.example.com:5432/mdm”, and none was found."));
    dialog.show();
    QPushButton *open = dialog.buttons()->button(QDialogButtonBox::Ok);
    CHECK_FALSE(open->isEnabled());
    CHECK(dialog.passwordEdit()->echoMode() == QLineEdit::Password);
    dialog.passwordEdit()->setText(qs("typed"));
    CHECK(open->isEnabled());
    CHECK_FALSE(dialog.remember());
    dialog.rememberBox()->setChecked(true);
    CHECK(dialog.remember());
    CHECK(dialog.password() == qs("typed"));
    dialog.grab().save(qs("/tmp/pgkeychain-dialog.png"));
}

TEST_CASE("pg password: the window asks again until the server takes the password, Cancel opens nothing",
          "[pgpassword][gui]")
{
    if (!test::havePgServer())
        return;
    PasswordRole role(qs("right horse battery"));
    TestPgDatabase db;
    const QString uri = role.ownStore(db);
    const WithoutLibpqPassword noPassword;

    // Answers every password dialog the window's start opens, as an admin would: the next of answers, or
    // Cancel when none is left; notes what each dialog said.
    QStringList answers;
    QStringList said;
    QTimer admin;
    admin.setInterval(20);
    QObject::connect(&admin, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<StorePasswordDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        QStringList texts;
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            texts << label->text();
        said << texts.join(QLatin1Char('\n'));
        if (answers.isEmpty()) {
            dialog->reject();
            return;
        }
        dialog->passwordEdit()->setText(answers.takeFirst());
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    admin.start();

    SECTION("a wrong password, then the right one")
    {
        answers = {qs("wrong"), qs("right horse battery")};
        const std::unique_ptr<Store> store = openStoreForWindow(uri);
        REQUIRE(store);
        CHECK(store->databaseUser() == role.name());
        REQUIRE(said.size() == 2);
        CHECK(said[0].contains(qs("password")));
        CHECK(said[1].contains(qs("authentication failed")));
        CHECK_FALSE(said[1].contains(qs("wrong")));
    }
    SECTION("Cancel")
    {
        CHECK_FALSE(openStoreForWindow(uri));
        CHECK(said.size() == 1);
        CHECK(tableRows(db, "schema_version") == -1); // nothing made
    }
    admin.stop();
    forgetPostgresPassword(uri);
}

TEST_CASE("pg keychain: store-password, then commands log in with the keychain's password", "[.pgkeychain]")
{
    if (test::testPgServerUri().isEmpty()) {
        WARN("No PostgreSQL test server (MDM_TEST_PG_URI): skipped");
        return;
    }
    PasswordRole role(qs("kept in the keychain"));
    TestPgDatabase db;
    const QString uri = role.ownStore(db);

    // No password anywhere: a clear error naming the ways to give one, nothing made.
    auto run = console({qs("--db"), uri, qs("list"), qs("managed")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(qs("store-password")));
    CHECK(tableRows(db, "schema_version") == -1);

    // A wrong password is checked with the server and not kept.
    run = console({qs("--db"), uri, qs("store-password")}, "not it\n");
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(qs("authentication failed")));
    CHECK(run.err.contains(qs("Nothing was stored")));
    run = console({qs("--db"), uri, qs("list"), qs("managed")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(qs("store-password")));

    // The right one is kept; every command then finds it with no PGPASSWORD or ~/.pgpass.
    run = console({qs("--db"), uri, qs("store-password")}, "kept in the keychain\n");
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("postgresql://%1@127.0.0.1:").arg(role.name())));
    CHECK_FALSE(run.out.contains(qs("kept in the keychain")));
    run = console({qs("--db"), uri, qs("demo"), qs("--devices"), qs("5")});
    REQUIRE(run.exitCode == 0);
    run = console({qs("--db"), uri, qs("list"), qs("managed")});
    CHECK(run.exitCode == 0);
    CHECK(run.out.count(QLatin1Char('\n')) >= 5);
    run = console({qs("--db"), uri, qs("check")});
    CHECK(run.exitCode == 0);
    const qint64 devices = tableRows(db, "devices");
    CHECK(devices >= 5); // and the staged ones

    // The server's password changed: the keychain's is refused, said so, and the store is left as it was.
    role.setPassword(qs("changed since"));
    run = console({qs("--db"), uri, qs("demo"), qs("--devices"), qs("5"), qs("--force")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(qs("refused the password kept in the keychain")));
    CHECK_FALSE(run.err.contains(qs("kept in the keychain\n")));
    CHECK(tableRows(db, "devices") == devices);
}
