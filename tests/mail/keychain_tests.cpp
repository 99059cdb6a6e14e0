// PasswordStore against the OS keychain. The [.keychain] tests are hidden: they need a Secret Service and
// run as the CTest entry keychain_roundtrip, under dbus-run-session with an unlocked gnome-keyring in a fresh
// HOME (see tests/mail/CMakeLists.txt). The test without a keychain service runs everywhere.
#include "domain/clock.h"
#include "mail/outbox.h"
#include "outbox_test_support.h"
#include "password_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>

using namespace mdm;
using namespace mdm::mail;
using namespace mdm::mail::test;
using Status = PasswordStore::Status;

namespace {

// A service name of its own, so a developer's real "mdm-console" entries are never touched.
const QString kTestService = QStringLiteral("mdm-console-test");

} // namespace

TEST_CASE("keychain: without a keychain service every job says so at once", "[mail][keychain-none]")
{
    // Point the session bus nowhere before anything in this process connects to it.
    const QByteArray previous = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mdm-console-test-bus");
    PasswordStore store(kTestService);
    QElapsedTimer elapsed;
    elapsed.start();
    const PasswordStore::Result write =
        store.writeNow(QStringLiteral("bot@smtp.example.com:587"), QStringLiteral("pw"));
    const PasswordStore::Result read = store.readNow(QStringLiteral("bot@smtp.example.com:587"));
    const qint64 ms = elapsed.elapsed();
    if (previous.isNull())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", previous);

    INFO(write.error.toStdString() << " / " << read.error.toStdString() << " after " << ms << " ms");
    CHECK(write.status == Status::Unavailable);
    CHECK(read.status == Status::Unavailable);
    CHECK(write.error.startsWith(QLatin1String("The OS keychain is not available")));
    CHECK(read.password.isEmpty());
    CHECK(ms < PasswordStore::kDefaultTimeoutMs); // an answer, not the helper's timeout
}

TEST_CASE("keychain: write, read, delete and read again", "[.keychain]")
{
    PasswordStore store(kTestService);
    const QString key = QStringLiteral("enroll-bot@smtp.example.com:587");
    const QString password = QStringLiteral("pä$$ wörd \"quoted\" ✓");

    const PasswordStore::Result write = store.writeNow(key, password);
    INFO(write.error.toStdString());
    REQUIRE(write.ok());
    const PasswordStore::Result read = store.readNow(key);
    INFO(read.error.toStdString());
    REQUIRE(read.ok());
    CHECK(read.password == password);
    CHECK(read.key == key);

    SECTION("asynchronously, as the window uses it")
    {
        QSignalSpy finished(&store, &PasswordStore::finished);
        store.write(key, QStringLiteral("second"));
        REQUIRE(finished.wait(10000));
        CHECK(finished.first().first().value<PasswordStore::Result>().ok());
        store.read(key);
        REQUIRE((finished.size() == 2 || finished.wait(10000)));
        const auto result = finished.at(1).first().value<PasswordStore::Result>();
        CHECK(result.operation == PasswordStore::Operation::Read);
        CHECK(result.password == QLatin1String("second"));
    }

    const PasswordStore::Result removed = store.removeNow(key);
    INFO(removed.error.toStdString());
    CHECK(removed.ok());
    const PasswordStore::Result gone = store.readNow(key);
    CHECK(gone.status == Status::NotFound);
    CHECK(gone.password.isEmpty());
    CHECK(store.readNow(QStringLiteral("nobody@nowhere:25")).status == Status::NotFound);
}

TEST_CASE("keychain: mail-settings stores the password there and deliver uses it", "[.keychain]")
{
    const QString user = QStringLiteral("enroll-bot");
    const QString password = QStringLiteral("Keychain-Only-Secret-9931");
    SmtpTestServer server;
    const bool started =
        server.start({QStringLiteral("--mode"), QStringLiteral("starttls-required"), QStringLiteral("--user"),
                      user, QStringLiteral("--password"), password, QStringLiteral("--auth-required"),
                      QStringLiteral("--auth-require-tls")});
    INFO(server.error().toStdString());
    REQUIRE(started);
    TestStore store;
    const QProcessEnvironment env = keychainConsoleEnvironment();
    const QStringList db{QStringLiteral("--db"), store.path};

    const ConsoleRun saved =
        runConsole(db + QStringList{QStringLiteral("mail-settings"), QStringLiteral("--host"),
                                    QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                    QString::number(server.port()), QStringLiteral("--security"),
                                    QStringLiteral("starttls"), QStringLiteral("--from"),
                                    QStringLiteral("it-desk@example.com"), QStringLiteral("--user"), user,
                                    QStringLiteral("--ca-file"), testCertificate().certFile,
                                    QStringLiteral("--password-stdin")},
                   env, password.toUtf8() + "\n");
    REQUIRE(saved.exitCode == 0);
    const QString key = QStringLiteral("%1@127.0.0.1:%2").arg(user).arg(server.port());
    CHECK(saved.out.contains(
        QStringLiteral("Saved the password in the keychain (service “mdm-console”, entry “%1”)").arg(key)));

    Clock clock;
    const QList<qint64> ids =
        invite(*store.store, clock,
               {inviteRequest(QStringLiteral("Kim"), QStringLiteral("kim@example.com"), Platform::iPadOS)});
    const ConsoleRun delivered = runConsole(db + QStringList{QStringLiteral("deliver")}, env);
    CHECK(delivered.exitCode == 0);
    CHECK(outboxRowFor(*store.store, ids.at(0)).state == Outbox::Sent);
    CHECK(server.count(QStringLiteral("AUTH PLAIN OK")) == 1);
    CHECK(deliveredPerRecipient(server).value(QStringLiteral("kim@example.com")) == 1);

    // In the keychain, and nowhere in the store's folder or the console's settings.
    PasswordStore keychain; // the console's own service
    const PasswordStore::Result read = keychain.readNow(key);
    CHECK(read.password == password);
    CHECK(filesContaining(store.dir.path(), password.toUtf8()).isEmpty());
    CHECK(filesContaining(QDir::homePath() + QStringLiteral("/.config"), password.toUtf8()).isEmpty());
    CHECK(keychain.removeNow(key).ok());
}
