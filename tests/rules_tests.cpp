#include "domain/clock.h"
#include "domain/domain.h"
#include "domain/enrollment_token.h"
#include "domain/invitation_rules.h"
#include "mail/mail_settings.h"

#include <QCryptographicHash>
#include <QSet>
#include <catch2/catch.hpp>

using namespace mdm;

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;
} // namespace

TEST_CASE("An invitation is valid for 6 d 23 h 59 m and expired at 7 d", "[rules]")
{
    Clock clock;
    clock.setFixed(QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC));
    const qint64 sent = clock.nowMs();
    const qint64 expires = invitationExpiry(sent);

    clock.advance(6 * kDay + 23 * 60 * kMinute + 59 * kMinute);
    CHECK_FALSE(invitationExpired(expires, clock.nowMs()));
    CHECK(inviteStatus(DeliveryState::Sent, expires, clock.nowMs()) == InvitationDisplayStatus::Pending);

    clock.advance(kMinute);
    CHECK(clock.nowMs() - sent == 7 * kDay);
    CHECK(invitationExpired(expires, clock.nowMs()));
    CHECK(inviteStatus(DeliveryState::Sent, expires, clock.nowMs()) == InvitationDisplayStatus::Expired);
}

TEST_CASE("Delivery state shapes the invitation status", "[rules]")
{
    const qint64 now = 1'000'000;
    const qint64 later = now + kDay;
    CHECK(inviteStatus(DeliveryState::Queued, later, now) == InvitationDisplayStatus::Queued);
    CHECK(inviteStatus(DeliveryState::Failed, later, now) == InvitationDisplayStatus::DeliveryFailed);
    CHECK(inviteStatus(DeliveryState::Failed, now - 1, now) == InvitationDisplayStatus::DeliveryFailed);
    // Not sent, so its 7 days have not started: a queued invitation never reads Expired.
    CHECK(inviteStatus(DeliveryState::Queued, now - 1, now) == InvitationDisplayStatus::Queued);
    CHECK(inviteStatus(DeliveryState::Queued, 0, now) == InvitationDisplayStatus::Queued);
}

TEST_CASE("The settable clock stands still until told to move", "[rules]")
{
    Clock clock;
    const QDateTime t(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    clock.setFixed(t);
    CHECK(clock.now() == t);
    clock.advance(1500);
    CHECK(clock.now() == t.addMSecs(1500));
    clock.useSystemTime();
    CHECK(qAbs(clock.now().secsTo(QDateTime::currentDateTimeUtc())) < 5);
}

TEST_CASE("Enrollment tokens carry at least 128 random bits and only their SHA-256 is kept", "[rules][token]")
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const EnrollmentToken token = EnrollmentToken::generate();
        const QByteArray raw = QByteArray::fromBase64(token.text.toLatin1(), QByteArray::Base64UrlEncoding);
        CHECK(raw.size() * 8 >= 128);
        CHECK(token.hash.size() == 32);
        CHECK(token.hash == QCryptographicHash::hash(token.text.toUtf8(), QCryptographicHash::Sha256));
        CHECK_FALSE(token.text.contains(QLatin1Char('+')));
        CHECK_FALSE(token.text.contains(QLatin1Char('/')));
        seen.insert(token.text);
    }
    CHECK(seen.size() == 200);
    CHECK(EnrollmentToken::hashOf(QStringLiteral("abc")).toHex() ==
          QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

TEST_CASE("Platforms and ownership read from the words admins type", "[rules]")
{
    CHECK(platformFromText(QStringLiteral("Android")) == Platform::Android);
    CHECK(platformFromText(QStringLiteral(" iOS ")) == Platform::iOS);
    CHECK(platformFromText(QStringLiteral("ipados")) == Platform::iPadOS);
    CHECK(platformFromText(QStringLiteral("macOS")) == Platform::macOS);
    CHECK(platformFromText(QStringLiteral("WINDOWS")) == Platform::Windows);
    CHECK(platformFromText(QStringLiteral("other")) == Platform::Other);
    CHECK_FALSE(platformFromText(QStringLiteral("symbian")));
    for (int i = 0; i < kPlatformCount; ++i) {
        const auto p = static_cast<Platform>(i);
        CHECK(platformFromText(platformKey(p)) == p);
        CHECK_FALSE(DomainText::platform(p).isEmpty());
    }
    CHECK(ownershipFromText(QStringLiteral("BYOD")) == Ownership::Personal);
    CHECK(ownershipFromText(QStringLiteral("Corporate")) == Ownership::Corporate);
    CHECK_FALSE(ownershipFromText(QStringLiteral("shared")));
}

TEST_CASE("An enrollment link joins the link base and the token with exactly one slash", "[rules]")
{
    MailSettings settings;
    for (const char *base : {"https://mdm.example.com/enroll", "https://mdm.example.com/enroll/",
                             "https://mdm.example.com/enroll//", " https://mdm.example.com/enroll/ "}) {
        settings.linkBase = QString::fromLatin1(base);
        CHECK(settings.enrollmentLink(QStringLiteral("tok_1")) ==
              QStringLiteral("https://mdm.example.com/enroll/tok_1"));
    }
    // A query is no public URL: refused when saved (links are <public URL>/enroll/<token>).
    settings.host = QStringLiteral("smtp.example.com");
    settings.fromAddress = QStringLiteral("it@example.com");
    settings.linkBase = QStringLiteral("https://mdm.example.com/e?token=");
    CHECK_FALSE(settings.validate().isEmpty());
}
