#include "domain/invitation_text.h"

#include "domain/invitation_rules.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace mdm {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMinutes = 60;
constexpr qint64 kDayMinutes = 24 * 60;

// The keys sort as written ("event" first), so sorting the stored remarks groups them by what happened.
const QString kEvent = QStringLiteral("event");
const QString kTime = QStringLiteral("time");
const QString kReply = QStringLiteral("reply");
const QString kReason = QStringLiteral("reason");
const QString kSent = QStringLiteral("sent");
const QString kFailed = QStringLiteral("failed");
const QString kRetry = QStringLiteral("retry");
const QString kGaveUp = QStringLiteral("gave-up");
const QString kExpired = QStringLiteral("expired");

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString timeText(qint64 ms, QLocale::FormatType format, const QLocale &locale)
{
    return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), format);
}

QString isoText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

} // namespace

QString InvitationText::countdown(qint64 expiresMs, qint64 nowMs)
{
    const qint64 delta = expiresMs - nowMs;
    const qint64 magnitude = delta < 0 ? -delta : delta;
    // Rounded to the nearest unit, so a fresh invitation reads "7 days", not "6 days" a second later.
    const qint64 minutes = (magnitude + kMinuteMs / 2) / kMinuteMs;
    QString span;
    if (minutes >= 2 * kDayMinutes)
        span = tr("%n day(s)", nullptr, static_cast<int>((minutes + kDayMinutes / 2) / kDayMinutes));
    else if (minutes >= kHourMinutes)
        span = tr("%n hour(s)", nullptr, static_cast<int>((minutes + kHourMinutes / 2) / kHourMinutes));
    else
        span = tr("%n minute(s)", nullptr, static_cast<int>(std::max<qint64>(minutes, 1)));
    return delta > 0 ? tr("in %1").arg(span) : tr("expired %1 ago").arg(span);
}

QString InvitationText::expires(DeliveryState delivery, qint64 expiresMs, qint64 nowMs)
{
    switch (delivery) {
    case DeliveryState::Queued:
        return tr("7 days after sending");
    case DeliveryState::Failed:
        return tr("Not sent");
    case DeliveryState::Sent:
        break;
    }
    return countdown(expiresMs, nowMs);
}

QString InvitationText::expiresToolTip(DeliveryState delivery)
{
    switch (delivery) {
    case DeliveryState::Queued:
        return tr("7 days after sending: the link is valid for 7 days from when the mail server accepts "
                  "the mail.");
    case DeliveryState::Failed:
        return tr("Not sent: the mail was not delivered. Resend the invitation to give the user a link.");
    case DeliveryState::Sent:
        break;
    }
    return {};
}

QString InvitationText::expiresOn(DeliveryState delivery, qint64 expiresMs, QLocale::FormatType format,
                                  const QLocale &locale)
{
    if (delivery != DeliveryState::Sent || expiresMs <= 0)
        return expires(delivery, expiresMs, 0);
    return timeText(expiresMs, format, locale);
}

QString InvitationText::lastSent(DeliveryState delivery, qint64 sentAtMs, QLocale::FormatType format,
                                 const QLocale &locale)
{
    switch (delivery) {
    case DeliveryState::Queued:
        return tr("Not sent yet");
    case DeliveryState::Failed:
        return tr("Not sent");
    case DeliveryState::Sent:
        break;
    }
    return sentAtMs > 0 ? timeText(sentAtMs, format, locale) : QString();
}

QString InvitationText::sentRemark(qint64 atMs)
{
    return compact({{kEvent, kSent}, {kTime, atMs}});
}

QString InvitationText::failedRemark(const QString &reply)
{
    return compact({{kEvent, kFailed}, {kReply, reply}});
}

QString InvitationText::gaveUpRemark(const QString &reason)
{
    return compact({{kEvent, kGaveUp}, {kReason, reason}});
}

QString InvitationText::retryRemark(qint64 nextAttemptMs, const QString &reason)
{
    return compact({{kEvent, kRetry}, {kTime, nextAttemptMs}, {kReason, reason}});
}

QString InvitationText::expiredRemark(qint64 atMs)
{
    return compact({{kEvent, kExpired}, {kTime, atMs}});
}

QString InvitationText::sentTemplate()
{
    return tr("Sent %1");
}

QString InvitationText::expiredTemplate()
{
    return tr("Expired %1");
}

QString InvitationText::timedTemplate(QByteArrayView stored, qint64 *atMs)
{
    // Exactly as sentRemark() and expiredRemark() write them (QJsonDocument's compact form).
    static constexpr QByteArrayView sent = R"({"event":"sent","time":)";
    static constexpr QByteArrayView expired = R"({"event":"expired","time":)";
    const bool isSent = stored.startsWith(sent);
    if ((!isSent && !stored.startsWith(expired)) || !stored.endsWith('}'))
        return {};
    const QByteArrayView digits = stored.sliced((isSent ? sent : expired).size()).chopped(1);
    bool ok = false;
    *atMs = digits.toLongLong(&ok);
    if (!ok)
        return {};
    return isSent ? sentTemplate() : expiredTemplate();
}

QString InvitationText::remark(const QString &stored, Times times, const QLocale &locale)
{
    if (!stored.startsWith(QLatin1Char('{')))
        return stored; // empty, or the plain text an older version stored
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    const QString event = object.value(kEvent).toString();
    const qint64 at = object.value(kTime).toInteger();
    const auto when = [&](QLocale::FormatType format) {
        return times == Times::Iso ? isoText(at) : timeText(at, format, locale);
    };
    if (event == kSent)
        return sentTemplate().arg(when(QLocale::ShortFormat));
    if (event == kExpired)
        return expiredTemplate().arg(when(QLocale::ShortFormat));
    if (event == kFailed)
        return object.value(kReply).toString();
    if (event == kGaveUp)
        return tr("Gave up after 24 hours: %1").arg(object.value(kReason).toString());
    if (event == kRetry) {
        // The next attempt is within the hour: its time of day is enough on screen.
        const QString next = times == Times::Iso
                                 ? isoText(at)
                                 : locale.toString(QDateTime::fromMSecsSinceEpoch(at).toLocalTime().time(),
                                                   QLocale::ShortFormat);
        return tr("Retrying at %1: %2").arg(next, object.value(kReason).toString());
    }
    return stored; // not a remark this version writes: show it rather than hide it
}

} // namespace mdm
