// End to end: invitations in a real store file → outbox rows → OutboxDispatcher + SmtpMailTransport →
// the real aiosmtpd server → .eml files read back with Python's email package, and the store's record of it.
#include "domain/clock.h"
#include "domain/enrollment_token.h"
#include "domain/invitation_rules.h"
#include "domain/invitation_text.h"
#include "mail/invitation_mail.h"
#include "mail/outbox.h"
#include "mail/outbox_dispatcher.h"
#include "outbox_test_support.h"
#include "qr_support.h"
#include "services/enrollment_service.h"
#include "smtp_mail_transport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QVariantList>

using namespace mdm;
using namespace mdm::mail::test;

namespace {

// A fixed instant for the settable clock: 2026-03-02 09:00 UTC.
QDateTime startTime()
{
    return QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
}

QString messageIdFor(const OutboxRow &row)
{
    return QStringLiteral("<outbox-%1.%2@example.com>").arg(row.id).arg(row.createdAt);
}

QString partContent(const QJsonObject &eml, int index)
{
    return eml.value(QStringLiteral("parts"))
        .toArray()
        .at(index)
        .toObject()
        .value(QStringLiteral("content"))
        .toString()
        .replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

// Everything an invitation mail must carry, checked on what the server stored.
void checkInvitationMail(Store &store, qint64 invitationId, const InviteRequest &request,
                         const MailSettings &settings, const QString &emlFile)
{
    INFO("invitation " << invitationId << " in " << emlFile.toStdString());
    const QJsonObject eml = parseEml(emlFile);
    INFO(QJsonDocument(eml).toJson().toStdString());
    REQUIRE_FALSE(eml.isEmpty());
    CHECK(eml.value(QStringLiteral("defects")).toArray().isEmpty());
    CHECK(eml.value(QStringLiteral("content_type")).toString() == QLatin1String("multipart/alternative"));
    CHECK(eml.value(QStringLiteral("to_address")).toString() == request.email);
    CHECK(eml.value(QStringLiteral("to_name")).toString() == request.name);
    CHECK(eml.value(QStringLiteral("from_address")).toString() == settings.fromAddress);
    CHECK(eml.value(QStringLiteral("subject")).toString() ==
          InvitationMailText::tr("Enroll your %1 device").arg(DomainText::platform(request.platform)));
    const OutboxRow row = outboxRowFor(store, invitationId);
    CHECK(eml.value(QStringLiteral("message_id")).toString() == messageIdFor(row));

    // The text, and the HTML with its QR code as an inline image: multipart/related inside
    // multipart/alternative, as mail clients expect.
    CHECK(eml.value(QStringLiteral("structure")).toArray().toVariantList() ==
          QVariantList{QStringLiteral("multipart/alternative"), QStringLiteral(" text/plain"),
                       QStringLiteral(" multipart/related"), QStringLiteral("  text/html"),
                       QStringLiteral("  image/png")});
    CHECK(eml.value(QStringLiteral("related_type")).toString() == QLatin1String("text/html"));
    REQUIRE(eml.value(QStringLiteral("parts")).toArray().size() == 3);
    const QString text = partContent(eml, 0);
    const QString html = partContent(eml, 1);
    CHECK(eml.value(QStringLiteral("parts"))
              .toArray()
              .at(1)
              .toObject()
              .value(QStringLiteral("type"))
              .toString() == QLatin1String("text/html"));
    CHECK(text.contains(QStringLiteral("Hello %1,").arg(request.name)));
    CHECK(html.contains(QStringLiteral("Hello %1,").arg(request.name).toHtmlEscaped()));

    // The link: <public URL>/enroll/ + a token whose SHA-256 is the invitation's token_hash.
    const QRegularExpression linkPattern(QRegularExpression::escape(settings.enrollmentLink(QString())) +
                                         QStringLiteral("([A-Za-z0-9_-]{20,})"));
    const QRegularExpressionMatch link = linkPattern.match(text);
    REQUIRE(link.hasMatch());
    const QString token = link.captured(1);
    const InvitationRow invitation = invitationRow(store, invitationId);
    CHECK(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256) == invitation.tokenHash);
    CHECK(html.contains(QStringLiteral("href=\"%1\"").arg(settings.enrollmentLink(token))));

    // The QR code: an inline PNG the HTML shows by its Content-ID, that a scanner reads as the link.
    const QJsonObject image = eml.value(QStringLiteral("parts")).toArray().at(2).toObject();
    CHECK(image.value(QStringLiteral("type")).toString() == QLatin1String("image/png"));
    CHECK(image.value(QStringLiteral("disposition")).toString() == QLatin1String("inline"));
    const QString contentId = image.value(QStringLiteral("content_id")).toString();
    REQUIRE(contentId.startsWith(QLatin1Char('<')));
    REQUIRE(contentId.endsWith(QLatin1Char('>')));
    const QString cid = contentId.mid(1, contentId.size() - 2);
    const QRegularExpression img(
        QStringLiteral("<img src=\"cid:%1\" alt=\"([^\"]+)\"").arg(QRegularExpression::escape(cid)));
    const QRegularExpressionMatch imgMatch = img.match(html);
    CHECK(imgMatch.hasMatch());
    CHECK(imgMatch.captured(1) == InvitationMailText::tr("QR code of the enrollment link").toHtmlEscaped());
    const QByteArray png =
        QByteArray::fromBase64(image.value(QStringLiteral("content_base64")).toString().toLatin1());
    CHECK(png.size() < 4096); // a small mail
    CHECK(mdm::test::decodeQrPngBytes(png) == settings.enrollmentLink(token));
    CHECK_FALSE(text.contains(QLatin1String("cid:"))); // the plain text stays plain

    // Valid for 7 days from the moment the server accepted it, and the mail says until when.
    CHECK(invitation.expiresAt == invitationExpiry(row.sentAt));
    const QString expiry = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(invitation.expiresAt).toLocalTime(), QLocale::LongFormat);
    CHECK(text.contains(expiry));
    CHECK(html.contains(expiry.toHtmlEscaped()));

    // The platform's steps, numbered in the text and as a list in HTML.
    const QStringList steps = InvitationMailText::steps(request.platform);
    REQUIRE(steps.size() >= 2);
    for (int i = 0; i < steps.size(); ++i) {
        CHECK(text.contains(QStringLiteral("%1. %2").arg(i + 1).arg(steps.at(i))));
        CHECK(html.contains(QStringLiteral("<li>%1</li>").arg(steps.at(i).toHtmlEscaped())));
    }
}

void checkSent(Store &store, qint64 invitationId, qint64 sentAt, int attempts)
{
    INFO("invitation " << invitationId);
    const InvitationRow invitation = invitationRow(store, invitationId);
    CHECK(invitation.delivery == static_cast<int>(DeliveryState::Sent));
    CHECK(InvitationText::remark(invitation.remarks).startsWith(QLatin1String("Sent ")));
    const OutboxRow row = outboxRowFor(store, invitationId);
    CHECK(row.state == Outbox::Sent);
    CHECK(row.linkTokenNull); // the link left with the mail; only its hash stays
    CHECK(row.sentAt == sentAt);
    CHECK(row.attempts == attempts);
    CHECK(row.lastError.isEmpty());
}

struct Delivery
{
    TestStore store;
    Clock clock;
    mail::SmtpMailTransport transport;
    OutboxDispatcher dispatcher{*store.store, clock, transport};

    explicit Delivery(quint16 port)
    {
        clock.setFixed(startTime());
        transport.setTimeoutMs(5000);
        dispatcher.setCredentials(mailSettingsFor(port), QString());
    }
};

const QList<InviteRequest> &threeUsers()
{
    static const QList<InviteRequest> requests{
        inviteRequest(QStringLiteral("Jürgen Müller"), QStringLiteral("juergen@example.com"),
                      Platform::Android),
        inviteRequest(QStringLiteral("Anna O'Neil & Co"), QStringLiteral("anna@example.org"), Platform::iOS),
        inviteRequest(QStringLiteral("Ben Okafor"), QStringLiteral("ben@example.net"), Platform::Windows),
    };
    return requests;
}

} // namespace

TEST_CASE("outbox: invitations are delivered with the link and the store records it", "[mail][outbox]")
{
    SmtpTestServer server;
    START_SERVER(server, kPlain);
    Delivery d(server.port());
    const QList<qint64> ids = invite(*d.store.store, d.clock, threeUsers());

    const PassRun pass = runPass(d.dispatcher, false);
    REQUIRE(pass.finished);
    REQUIRE(pass.reports.size() == 3);
    for (const auto &report : pass.reports)
        CHECK(report.result.kind == DeliveryResult::Kind::Sent);
    CHECK(server.count(QStringLiteral("CONNECT")) == 1); // one connection for the batch

    const QMap<QString, int> delivered = deliveredPerRecipient(server);
    for (int i = 0; i < ids.size(); ++i) {
        const InviteRequest &request = threeUsers().at(i);
        CHECK(delivered.value(request.email) == 1);
        const QStringList files = messageFilesFor(server, request.email);
        REQUIRE(files.size() == 1);
        checkInvitationMail(*d.store.store, ids.at(i), request, mailSettingsFor(server.port()),
                            files.first());
        checkSent(*d.store.store, ids.at(i), startTime().toMSecsSinceEpoch(), 1);
    }
    CHECK(Outbox(*d.store.store, d.clock).counts().queued == 0);

    SECTION("a second pass sends nothing")
    {
        const PassRun again = runPass(d.dispatcher, true);
        REQUIRE(again.finished);
        CHECK(again.reports.isEmpty());
        CHECK(server.messageFiles().size() == 3);
        CHECK(server.count(QStringLiteral("CONNECT")) == 1);
    }
}

TEST_CASE("outbox: a 550 fails that invitation with the server's reply and is not retried", "[mail][outbox]")
{
    SmtpTestServer server;
    START_SERVER(server,
                 kPlain + QStringList{QStringLiteral("--reject"), QStringLiteral("anna@example.org")});
    Delivery d(server.port());
    const QList<qint64> ids = invite(*d.store.store, d.clock, threeUsers());

    const PassRun pass = runPass(d.dispatcher, false);
    REQUIRE(pass.finished);
    REQUIRE(pass.reports.size() == 3);
    const QString reply =
        QStringLiteral("550 5.1.1 <anna@example.org>: Recipient address rejected: User unknown");

    const InvitationRow failed = invitationRow(*d.store.store, ids.at(1));
    CHECK(failed.delivery == static_cast<int>(DeliveryState::Failed));
    CHECK(InvitationText::remark(failed.remarks) == reply);
    const OutboxRow failedRow = outboxRowFor(*d.store.store, ids.at(1));
    CHECK(failedRow.state == Outbox::Failed);
    CHECK(failedRow.lastError == reply);
    CHECK(failedRow.linkTokenNull);
    checkSent(*d.store.store, ids.at(0), startTime().toMSecsSinceEpoch(), 1);
    checkSent(*d.store.store, ids.at(2), startTime().toMSecsSinceEpoch(), 1);
    CHECK(deliveredPerRecipient(server) == QMap<QString, int>{{QStringLiteral("juergen@example.com"), 1},
                                                              {QStringLiteral("ben@example.net"), 1}});
    CHECK(Outbox(*d.store.store, d.clock).counts().failed == 1);

    // Not even a pass that ignores the backoff, an hour later, tries it again.
    d.clock.advance(3600 * 1000);
    const PassRun again = runPass(d.dispatcher, true);
    REQUIRE(again.finished);
    CHECK(again.reports.isEmpty());
    CHECK(server.count(QStringLiteral("CONNECT")) == 1);
    CHECK(server.count(QStringLiteral("CMD RCPT TO:<anna@example.org>")) == 1);
}

TEST_CASE("outbox: server down: retry after a minute and deliver exactly once when it is back",
          "[mail][outbox]")
{
    const quint16 port = unusedPort();
    Delivery d(port);
    const QList<qint64> ids = invite(*d.store.store, d.clock, threeUsers());
    const qint64 t0 = startTime().toMSecsSinceEpoch();

    const PassRun down = runPass(d.dispatcher, false);
    REQUIRE(down.finished);
    REQUIRE(down.reports.size() == 3);
    QList<QString> messageIds;
    for (qint64 id : ids) {
        INFO("invitation " << id);
        const OutboxRow row = outboxRowFor(*d.store.store, id);
        CHECK(row.state == Outbox::Queued);
        CHECK(row.attempts == 1);
        CHECK(row.nextAttemptAt == t0 + 60 * 1000);
        CHECK_FALSE(row.linkTokenNull);
        CHECK(row.lastError.contains(QLatin1String("refused")));
        const InvitationRow invitation = invitationRow(*d.store.store, id);
        CHECK(invitation.delivery == static_cast<int>(DeliveryState::Queued));
        CHECK(InvitationText::remark(invitation.remarks).startsWith(QLatin1String("Retrying at ")));
        messageIds << messageIdFor(row);
    }

    // Half a minute later nothing is due yet.
    d.clock.advance(30 * 1000);
    const PassRun early = runPass(d.dispatcher, false);
    REQUIRE(early.finished);
    CHECK(early.reports.isEmpty());
    CHECK(outboxRowFor(*d.store.store, ids.at(0)).attempts == 1);

    // The server is back on the same port, the minute is over.
    SmtpTestServer server;
    START_SERVER(server, kPlain, port);
    d.clock.advance(31 * 1000);
    const PassRun back = runPass(d.dispatcher, false);
    REQUIRE(back.finished);
    REQUIRE(back.reports.size() == 3);
    const PassRun after = runPass(d.dispatcher, true);
    REQUIRE(after.finished);
    CHECK(after.reports.isEmpty());

    const QMap<QString, int> delivered = deliveredPerRecipient(server);
    CHECK(delivered.size() == 3);
    for (int i = 0; i < ids.size(); ++i) {
        const InviteRequest &request = threeUsers().at(i);
        CHECK(delivered.value(request.email) == 1);
        checkSent(*d.store.store, ids.at(i), t0 + 61 * 1000, 2);
        const QStringList files = messageFilesFor(server, request.email);
        REQUIRE(files.size() == 1);
        // The retry is the same message: same Message-ID as it would have had the first time.
        CHECK(parseEml(files.first()).value(QStringLiteral("message_id")).toString() == messageIds.at(i));
    }
}

TEST_CASE("outbox: a stalling server times out and the messages wait for a retry", "[mail][outbox]")
{
    SmtpTestServer server;
    START_SERVER(server, kPlain + QStringList{QStringLiteral("--stall"), QStringLiteral("after-ehlo")});
    Delivery d(server.port());
    d.transport.setTimeoutMs(1500);
    const QList<qint64> ids = invite(*d.store.store, d.clock, threeUsers().mid(0, 2));

    const PassRun pass = runPass(d.dispatcher, false, 10000); // well below the client's default 30 s
    REQUIRE(pass.finished);
    REQUIRE(pass.reports.size() == 2);
    for (const auto &report : pass.reports) {
        CHECK(report.result.kind == DeliveryResult::Kind::Transient);
        CHECK(report.result.error.contains(QLatin1String("1.5 s")));
    }
    for (qint64 id : ids) {
        const OutboxRow row = outboxRowFor(*d.store.store, id);
        CHECK(row.state == Outbox::Queued);
        CHECK(row.attempts == 1);
        CHECK(row.nextAttemptAt == startTime().toMSecsSinceEpoch() + 60 * 1000);
        CHECK(InvitationText::remark(invitationRow(*d.store.store, id).remarks)
                  .startsWith(QLatin1String("Retrying at ")));
    }
    CHECK(server.messageFiles().isEmpty());
}

TEST_CASE("outbox: removing a request cancels its unsent message", "[mail][outbox]")
{
    const quint16 port = unusedPort();
    Delivery d(port);
    const QList<qint64> ids = invite(*d.store.store, d.clock, threeUsers());

    // A first pass finds no server: all three wait for a retry.
    REQUIRE(runPass(d.dispatcher, false).finished);
    REQUIRE(outboxRowFor(*d.store.store, ids.at(1)).state == Outbox::Queued);

    const BulkResult removed = EnrollmentService(*d.store.store, d.clock).removeRequests({ids.at(1)});
    REQUIRE(removed.ok);
    const OutboxRow cancelled = outboxRowFor(*d.store.store, ids.at(1));
    CHECK(cancelled.state == Outbox::Cancelled);
    CHECK(cancelled.linkTokenNull);

    SmtpTestServer server;
    START_SERVER(server, kPlain, port);
    d.clock.advance(2 * 60 * 1000);
    const PassRun pass = runPass(d.dispatcher, true);
    REQUIRE(pass.finished);
    CHECK(pass.reports.size() == 2);
    CHECK(deliveredPerRecipient(server) == QMap<QString, int>{{QStringLiteral("juergen@example.com"), 1},
                                                              {QStringLiteral("ben@example.net"), 1}});
    CHECK(outboxRowFor(*d.store.store, ids.at(1)).state == Outbox::Cancelled);
    CHECK(invitationRow(*d.store.store, ids.at(1)).state == static_cast<int>(InvitationRecordState::Removed));
}
