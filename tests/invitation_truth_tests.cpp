// What the Pending tab says about an invitation is what happened to it: a queued invitation has not been
// sent and cannot expire, the 7 days start when the mail server accepted the mail, countdowns round the
// way a person reads them, remarks follow the reader's locale, and the demo store tells one story.
#include "backend_fixture.h"
#include "console_fixture.h"
#include "dialogs/enrollment_steps_dialog.h"
#include "domain/clock.h"
#include "domain/domain.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "index/record_table_model.h"
#include "index/tab_spec.h"
#include "mail/mail_settings.h"
#include "mail/outbox.h"
#include "mail/outbox_dispatcher.h"
#include "services/enrollment_service.h"
#include "smtp_mail_transport.h"
#include "store/demo_data.h"
#include "store/store.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>
#include <QTextBrowser>
#include <QTimeZone>
#include <catch2/catch.hpp>
#include <memory>
#include <string>

using namespace mdm;
using mdm::test::kDayMs;
using mdm::test::kHourMs;
using mdm::test::kMinuteMs;
using mdm::test::openStoreAt;
using mdm::test::qs;
using mdm::test::scalar;
using mdm::test::SmtpServer;
using mdm::test::StoreLocation;
using mdm::test::str;
using mdm::test::waitUntil;

namespace {

// Catch2 prints a std::string, not a QString.
// A store of its own (an SQLite file or a PostgreSQL database) and a clock standing still.
struct TruthEnv
{
    StoreLocation where;
    std::unique_ptr<Store> store;
    Clock clock;

    explicit TruthEnv(const QString &backend) : where(backend), store(openStoreAt(where.location()))
    {
        clock.setFixed(QDateTime(QDate(2026, 12, 4), QTime(14, 55), QTimeZone::utc()));
    }
};

qint64 inviteOne(EnrollmentService &service, const QString &name, const QString &email)
{
    InviteRequest request;
    request.name = name;
    request.email = email;
    request.platform = Platform::iOS;
    const BulkResult result = service.invite({request});
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    REQUIRE(result.createdIds.size() == 1);
    return result.createdIds.first();
}

qint64 outboxIdOf(Store &store, qint64 invitationId)
{
    return scalar(store,
                  QStringLiteral("SELECT max(id) FROM outbox WHERE invitation_id = %1").arg(invitationId));
}

bool settled(const RecordTableModel &model)
{
    return waitUntil([&] { return !model.isLoading() && !model.isQueryPending(); });
}

QString cell(const RecordTableModel &model, qint64 id, int column)
{
    return model.data(model.index(model.rowOf(id), column)).toString();
}

QString detail(const RecordTableModel &model, qint64 id, const QString &label)
{
    for (const auto &[name, value] : model.details(id))
        if (name == label)
            return value;
    FAIL("no detail " << label.toStdString());
    return {};
}

QString shortTime(qint64 ms, const QLocale &locale = QLocale())
{
    return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}

MailSettings settingsFor(int port)
{
    MailSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = MailSettings::Security::None;
    settings.fromAddress = QStringLiteral("it-desk@contoso.example");
    return settings;
}

// One delivery pass through the real SMTP client to the test server, as `deliver --now` runs it.
void deliverAll(Store &store, const Clock &clock, int port)
{
    mail::SmtpMailTransport transport;
    transport.setTimeoutMs(5000);
    OutboxDispatcher dispatcher(store, clock, transport);
    dispatcher.setCredentials(settingsFor(port), QString());
    bool finished = false;
    QObject::connect(&dispatcher, &OutboxDispatcher::finished, [&] { finished = true; });
    dispatcher.deliverDue(true);
    REQUIRE(waitUntil([&] { return finished; }, 60000));
    INFO(dispatcher.lastProblem().toStdString());
    CHECK(dispatcher.lastProblem().isEmpty());
}

} // namespace

TEST_CASE("A queued invitation reads Not sent yet and cannot expire", "[truth]")
{
    FOR_EACH_STORE_BACKEND(backend);
    TruthEnv env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 id = inviteOne(service, qs("Nadia Khan"), qs("nadia.khan@contoso.example"));

    // Stored as not sent: no last sending, no expiry.
    CHECK(scalar(*env.store, QStringLiteral("SELECT sent_at FROM invitations WHERE id = %1").arg(id)) == 0);
    CHECK(scalar(*env.store, QStringLiteral("SELECT expires_at FROM invitations WHERE id = %1").arg(id)) ==
          0);

    RecordTableModel model(*env.store, env.clock, TabKind::Pending);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    REQUIRE(settled(model));
    REQUIRE(model.rowOf(id) >= 0);
    CHECK(str(cell(model, id, PendingColumn::Status)) == "Queued");
    CHECK(str(cell(model, id, PendingColumn::Expires)) == "7 days after sending");
    CHECK(cell(model, id, PendingColumn::Remarks).isEmpty());
    CHECK(model.data(model.index(model.rowOf(id), PendingColumn::Expires), Qt::ToolTipRole)
              .toString()
              .startsWith(qs("7 days after sending: ")));
    CHECK(str(detail(model, id, qs("Last sent"))) == "Not sent yet");
    CHECK(str(detail(model, id, qs("Expires on"))) == "7 days after sending");
    CHECK_FALSE(
        model.data(model.index(model.rowOf(id), PendingColumn::Expires), Qt::ForegroundRole).isValid());

    // Weeks in the queue (no mail server) do not make it expire: its 7 days have not started.
    env.clock.advance(30 * kDayMs);
    CHECK(str(cell(model, id, PendingColumn::Status)) == "Queued");
    CHECK(service.expiredInvitationIds().isEmpty());

    SECTION("a failed delivery reads Not sent")
    {
        Outbox outbox(*env.store, env.clock);
        QString error;
        REQUIRE(outbox.markFailed(outboxIdOf(*env.store, id), qs("550 5.1.1 Mailbox unavailable"), &error));
        REQUIRE(waitUntil([&] { return cell(model, id, PendingColumn::Status) == qs("Delivery failed"); }));
        CHECK(str(cell(model, id, PendingColumn::Expires)) == "Not sent");
        CHECK(str(cell(model, id, PendingColumn::Remarks)) == "550 5.1.1 Mailbox unavailable");
        CHECK(str(detail(model, id, qs("Last sent"))) == "Not sent");
        CHECK(service.expiredInvitationIds().isEmpty());
    }
}

TEST_CASE("Last sent and the 7 days start when the server accepted the mail", "[truth]")
{
    FOR_EACH_STORE_BACKEND(backend);
    TruthEnv env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 id = inviteOne(service, qs("Mateo Rossi"), qs("mateo.rossi@contoso.example"));
    RecordTableModel model(*env.store, env.clock, TabKind::Pending);
    REQUIRE(settled(model));

    // The mail server was down for five hours; then it accepted the mail.
    env.clock.advance(5 * kHourMs);
    const qint64 accepted = env.clock.nowMs();
    Outbox outbox(*env.store, env.clock);
    QString error;
    REQUIRE(outbox.markSent(outboxIdOf(*env.store, id), invitationExpiry(accepted), &error));
    CHECK(scalar(*env.store, QStringLiteral("SELECT sent_at FROM invitations WHERE id = %1").arg(id)) ==
          accepted);
    CHECK(scalar(*env.store, QStringLiteral("SELECT expires_at FROM invitations WHERE id = %1").arg(id)) ==
          accepted + kInvitationValidityMs);

    REQUIRE(waitUntil([&] { return cell(model, id, PendingColumn::Status) == qs("Pending"); }));
    CHECK(str(cell(model, id, PendingColumn::Expires)) == "in 7 days");
    CHECK(str(detail(model, id, qs("Last sent"))) == str(shortTime(accepted)));
    CHECK(str(detail(model, id, qs("Expires on"))) == str(shortTime(accepted + kInvitationValidityMs)));
    // Last sent and the remark tell the same time.
    CHECK(str(cell(model, id, PendingColumn::Remarks)) == str(qs("Sent %1").arg(shortTime(accepted))));

    // 47 hours before expiry, and after.
    env.clock.advance(kInvitationValidityMs - 47 * kHourMs);
    CHECK(str(cell(model, id, PendingColumn::Expires)) == "in 47 hours");
    env.clock.advance(47 * kHourMs);
    CHECK(str(cell(model, id, PendingColumn::Status)) == "Expired");
    CHECK(service.expiredInvitationIds() == QList<qint64>{id});

    SECTION("a resend is queued again: not sent yet, no expiry")
    {
        REQUIRE(service.resend({id}).ok);
        CHECK(scalar(*env.store,
                     QStringLiteral("SELECT sent_at + expires_at FROM invitations WHERE id = %1").arg(id)) ==
              0);
        REQUIRE(waitUntil([&] { return cell(model, id, PendingColumn::Status) == qs("Queued"); }));
        CHECK(str(detail(model, id, qs("Last sent"))) == "Not sent yet");
        CHECK(service.expiredInvitationIds().isEmpty());
    }
}

TEST_CASE("Delivery through the SMTP server stamps the acceptance time", "[truth][mail]")
{
    SmtpServer server;
    FOR_EACH_STORE_BACKEND(backend);
    TruthEnv env(backend);
    EnrollmentService service(*env.store, env.clock);
    const qint64 id = inviteOne(service, qs("Lena Berg"), qs("lena.berg@contoso.example"));
    env.clock.advance(3 * kHourMs);
    deliverAll(*env.store, env.clock, server.port());
    CHECK(server.delivered() == 1);
    const qint64 now = env.clock.nowMs();
    CHECK(scalar(*env.store, QStringLiteral("SELECT sent_at FROM invitations WHERE id = %1").arg(id)) == now);
    CHECK(scalar(*env.store, QStringLiteral("SELECT expires_at FROM invitations WHERE id = %1").arg(id)) ==
          invitationExpiry(now));
    CHECK(scalar(*env.store, QStringLiteral("SELECT sent_at FROM outbox WHERE invitation_id = %1").arg(id)) ==
          now);
}

TEST_CASE("Countdowns round the way an admin reads them", "[truth]")
{
    const qint64 now = QDateTime(QDate(2026, 12, 4), QTime(15, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    CHECK(str(InvitationText::countdown(now + kInvitationValidityMs, now)) == "in 7 days");
    CHECK(str(InvitationText::countdown(now + kInvitationValidityMs - 1000, now)) == "in 7 days");
    CHECK(str(InvitationText::countdown(now + kInvitationValidityMs - 3 * kHourMs, now)) == "in 7 days");
    CHECK(str(InvitationText::countdown(now + 6 * kDayMs + 13 * kHourMs, now)) == "in 7 days");
    CHECK(str(InvitationText::countdown(now + 2 * kDayMs, now)) == "in 2 days");
    CHECK(str(InvitationText::countdown(now + 47 * kHourMs, now)) == "in 47 hours");
    CHECK(str(InvitationText::countdown(now + 47 * kHourMs - 20 * 1000, now)) == "in 47 hours");
    CHECK(str(InvitationText::countdown(now + kHourMs, now)) == "in 1 hour");
    CHECK(str(InvitationText::countdown(now + 30 * kMinuteMs, now)) == "in 30 minutes");
    CHECK(str(InvitationText::countdown(now + 10 * 1000, now)) == "in 1 minute");
    CHECK(str(InvitationText::countdown(now - 3 * kDayMs, now)) == "expired 3 days ago");
    CHECK(str(InvitationText::countdown(now - 5 * kHourMs, now)) == "expired 5 hours ago");
    CHECK(str(InvitationText::expires(DeliveryState::Queued, 0, now)) == "7 days after sending");
    CHECK(str(InvitationText::expires(DeliveryState::Failed, 0, now)) == "Not sent");
}

TEST_CASE("Remarks are stored as data and worded in the reader's locale", "[truth]")
{
    const qint64 at = QDateTime(QDate(2026, 12, 4), QTime(15, 2), QTimeZone::utc()).toMSecsSinceEpoch();
    const QString stored = InvitationText::sentRemark(at);
    const QJsonObject data = QJsonDocument::fromJson(stored.toUtf8()).object();
    CHECK(data.value(QStringLiteral("event")).toString() == qs("sent"));
    CHECK(data.value(QStringLiteral("time")).toInteger() == at);

    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale german(QLocale::German, QLocale::Germany);
    CHECK(str(InvitationText::remark(stored, InvitationText::Times::Local, english)) ==
          str(qs("Sent %1").arg(shortTime(at, english))));
    // German dates and times ("04.12.26, 16:02" in Berlin), whatever language the words are in.
    const QString inGerman = InvitationText::remark(stored, InvitationText::Times::Local, german);
    CHECK(inGerman.endsWith(shortTime(at, german)));
    CHECK(shortTime(at, german) != shortTime(at, english));
    CHECK(str(InvitationText::remark(stored, InvitationText::Times::Iso)) ==
          "Sent 2026-12-04T15:02:00+00:00");

    CHECK(str(InvitationText::remark(InvitationText::expiredRemark(at), InvitationText::Times::Iso)) ==
          str(qs("Expired 2026-12-04T15:02:00+00:00")));
    CHECK(str(InvitationText::remark(InvitationText::failedRemark(qs("550 5.1.1 Mailbox unavailable")))) ==
          str(qs("550 5.1.1 Mailbox unavailable")));
    CHECK(str(InvitationText::remark(InvitationText::gaveUpRemark(qs("Connection refused")))) ==
          str(qs("Gave up after 24 hours: Connection refused")));
    CHECK(str(InvitationText::remark(InvitationText::retryRemark(at, qs("421 busy")),
                                     InvitationText::Times::Iso)) ==
          str(qs("Retrying at 2026-12-04T15:02:00+00:00: 421 busy")));
    // What older versions stored stays readable as it is.
    CHECK(str(InvitationText::remark(qs("Sent 12/4/26, 3:02 PM"))) == "Sent 12/4/26, 3:02 PM");
    CHECK(str(InvitationText::remark(qs("Waiting for the mail server"))) == "Waiting for the mail server");
    CHECK(InvitationText::remark(QString()).isEmpty());
    CHECK(str(InvitationText::remark(qs("{not json"))) == "{not json");
}

TEST_CASE("The demo store tells one story about every invitation", "[truth][demo]")
{
    FOR_EACH_STORE_BACKEND(backend);
    TruthEnv env(backend);
    DemoOptions options;
    options.managed = 600;
    REQUIRE(fillDemoData(*env.store, env.clock, options).ok);
    Store &store = *env.store;
    const qint64 now = env.clock.nowMs();

    const qint64 queued =
        scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 0"));
    CHECK(queued > 0);
    CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 2")) > 0);
    // Every queued invitation has its mail waiting (with its link), every failed one its failed mail.
    CHECK(
        scalar(store, QStringLiteral("SELECT count(*) FROM invitations i WHERE i.delivery = 0 AND NOT EXISTS"
                                     " (SELECT 1 FROM outbox o WHERE o.invitation_id = i.id AND o.state = 0"
                                     " AND o.link_token IS NOT NULL)")) == 0);
    CHECK(scalar(store, QStringLiteral(
                            "SELECT count(*) FROM invitations i WHERE i.delivery = 2 AND NOT EXISTS"
                            " (SELECT 1 FROM outbox o WHERE o.invitation_id = i.id AND o.state = 2)")) == 0);
    CHECK(Outbox(store, env.clock).counts().queued == queued);
    CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM outbox")) ==
          scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery <> 1")));
    // Not sent: no last sending, no expiry. Sent: 7 days from the sending.
    CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery <> 1"
                                       " AND (sent_at <> 0 OR expires_at <> 0)")) == 0);
    CHECK(
        scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 1 AND expires_at <> "
                                     "sent_at + %1")
                          .arg(kInvitationValidityMs)) == 0);
    // Remarks fit the state: expired ones say so, valid ones when they were sent.
    const qint64 expired = scalar(
        store,
        QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 1 AND expires_at <= %1").arg(now));
    CHECK(expired > 0);
    QSqlQuery q(store.database());
    REQUIRE(q.exec(QStringLiteral("SELECT delivery, sent_at, expires_at, remarks FROM invitations")));
    int checked = 0;
    while (q.next()) {
        const auto delivery = static_cast<DeliveryState>(q.value(0).toInt());
        const qint64 sentAt = q.value(1).toLongLong();
        const qint64 expiresAt = q.value(2).toLongLong();
        const QString remarks = q.value(3).toString();
        INFO(remarks.toStdString());
        if (delivery == DeliveryState::Sent)
            CHECK(remarks == (expiresAt <= now ? InvitationText::expiredRemark(expiresAt)
                                               : InvitationText::sentRemark(sentAt)));
        else if (delivery == DeliveryState::Failed)
            CHECK(str(InvitationText::remark(remarks)) == "550 5.1.1 Mailbox unavailable");
        else
            CHECK(remarks.isEmpty());
        ++checked;
    }
    CHECK(checked == 200);

    SECTION("deliver --now sends exactly the queued ones and their 7 days start then")
    {
        SmtpServer server;
        env.clock.advance(kHourMs);
        deliverAll(store, env.clock, server.port());
        CHECK(server.delivered() == queued);
        CHECK(Outbox(store, env.clock).counts().queued == 0);
        CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 0")) == 0);
        CHECK(scalar(store,
                     QStringLiteral("SELECT count(*) FROM invitations WHERE sent_at = %1 AND expires_at = %2")
                         .arg(env.clock.nowMs())
                         .arg(invitationExpiry(env.clock.nowMs()))) == queued);
    }
}

TEST_CASE("The Pending tab and the enrollment steps show queued invitations as not sent", "[truth][gui]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *view = console.show(TabKind::Pending);
    REQUIRE(view);
    const RecordTableModel &model = view->model();
    const qint64 queued =
        scalar(*console.store, QStringLiteral("SELECT min(id) FROM invitations WHERE delivery = 0"));
    REQUIRE(queued > 0);
    REQUIRE(model.rowOf(queued) >= 0);
    CHECK(str(cell(model, queued, PendingColumn::Expires)) == "7 days after sending");
    CHECK(str(detail(model, queued, qs("Last sent"))) == "Not sent yet");
    // The status bar counts the demo's queued mail: there is a message behind every Queued row.
    CHECK(Outbox(*console.store, console.clock).counts().queued ==
          scalar(*console.store, QStringLiteral("SELECT count(*) FROM invitations WHERE delivery = 0")));
    mdm::test::saveScreenshot(console.window.get(), QStringLiteral("truth-pending"));

    EnrollmentService service(*console.store, console.clock);
    const InvitationInfo info = service.invitation(queued);
    CHECK(info.sentAt == 0);
    EnrollmentStepsDialog dialog(info, console.clock.nowMs(), MailSettings().enrollmentLink(info.linkToken));
    dialog.setAttribute(Qt::WA_DeleteOnClose, false); // on the stack here
    dialog.resize(720, 560);
    dialog.show();
    QString shown;
    for (const QTextBrowser *browser : dialog.findChildren<QTextBrowser *>())
        shown += browser->toPlainText();
    CHECK(shown.contains(qs("Not sent yet")));
    CHECK(shown.contains(qs("7 days after sending")));
    mdm::test::saveScreenshot(&dialog, QStringLiteral("truth-steps-queued"));
}

TEST_CASE("Remarks follow the language and locale of the console that shows them", "[truth][cli]")
{
    FOR_EACH_STORE_BACKEND(backend);
    const StoreLocation where(backend);
    const QString path = where.location();
    {
        auto store = openStoreAt(path);
        Clock clock; // the console's own clock: the system's
        DemoOptions options;
        options.managed = 30;
        REQUIRE(fillDemoData(*store, clock, options).ok);
    }
    const mdm::test::ProcessResult german =
        mdm::test::runConsole({QStringLiteral("--db"), path, QStringLiteral("--lang"), QStringLiteral("de"),
                               QStringLiteral("list"), QStringLiteral("pending")});
    INFO(german.err.toStdString());
    REQUIRE(german.exitCode == 0);

    auto store = openStoreAt(path);
    const QLocale locale(QLocale::German, QLocale::Germany);
    int sent = 0;
    for (const QString &line : german.out.split(QLatin1Char('\n'))) {
        const QStringList cells = line.split(QLatin1Char('\t'));
        if (cells.size() < 8 || cells.first().toLongLong() <= 0)
            continue;
        const qint64 id = cells.first().toLongLong();
        const QString remarks = cells.at(7);
        QSqlQuery q(store->database());
        REQUIRE(q.exec(
            QStringLiteral("SELECT delivery, sent_at, remarks FROM invitations WHERE id = %1").arg(id)));
        REQUIRE(q.next());
        if (q.value(0).toInt() != static_cast<int>(DeliveryState::Sent) ||
            !q.value(2).toString().contains(QStringLiteral("\"sent\"")))
            continue;
        INFO(line.toStdString());
        // The date and time as a German reader writes them ("05.12.26 14:55"); the word as the German
        // translation has it ("Gesendet am"), once the translations carry it.
        CHECK(remarks.endsWith(QLatin1Char(' ') + shortTime(q.value(1).toLongLong(), locale)));
        if (!remarks.startsWith(QStringLiteral("Sent ")))
            CHECK(remarks.startsWith(QStringLiteral("Gesendet am ")));
        else
            WARN("The German translation of \"Sent %1\" (InvitationText) is missing: "
                 "scripts/update-translations");
        ++sent;
    }
    CHECK(sent > 0);
}
