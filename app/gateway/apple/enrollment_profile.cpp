#include "enrollment_profile.h"

#include "plist.h"

#include <QUrl>
#include <QUuid>
#include <QVariantMap>

namespace mdm::gateway {

namespace {

QString newPayloadUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

} // namespace

QString enrollmentUrl(const QString &publicUrl, const QString &path, const QString &secret)
{
    QString base = publicUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString tail = path;
    while (tail.startsWith(QLatin1Char('/')))
        tail.remove(0, 1);
    return base + QLatin1Char('/') + tail + QStringLiteral("?e=") +
           QString::fromLatin1(QUrl::toPercentEncoding(secret));
}

QByteArray enrollmentProfile(const EnrollmentProfileInput &in)
{
    const QString identityUuid = newPayloadUuid();
    const QVariantMap identity{
        {QStringLiteral("PayloadType"), QStringLiteral("com.apple.security.pkcs12")},
        {QStringLiteral("PayloadVersion"), 1},
        {QStringLiteral("PayloadIdentifier"), in.profileIdentifier + QStringLiteral(".identity")},
        {QStringLiteral("PayloadUUID"), identityUuid},
        {QStringLiteral("PayloadDisplayName"), AppleText::tr("Device identity")},
        {QStringLiteral("PayloadContent"), in.identityPkcs12},
        {QStringLiteral("Password"), in.identityPassword},
    };
    const QVariantMap mdm{
        {QStringLiteral("PayloadType"), QStringLiteral("com.apple.mdm")},
        {QStringLiteral("PayloadVersion"), 1},
        {QStringLiteral("PayloadIdentifier"), in.profileIdentifier + QStringLiteral(".mdm")},
        {QStringLiteral("PayloadUUID"), newPayloadUuid()},
        {QStringLiteral("PayloadDisplayName"), AppleText::tr("Device management")},
        {QStringLiteral("ServerURL"), enrollmentUrl(in.publicUrl, QStringLiteral("mdm/connect"), in.secret)},
        {QStringLiteral("CheckInURL"), enrollmentUrl(in.publicUrl, QStringLiteral("mdm/checkin"), in.secret)},
        {QStringLiteral("CheckOutWhenRemoved"), true},
        {QStringLiteral("AccessRights"), kMdmAccessRights},
        {QStringLiteral("Topic"), in.topic},
        {QStringLiteral("SignMessage"), false},
        {QStringLiteral("IdentityCertificateUUID"), identityUuid},
        {QStringLiteral("ServerCapabilities"),
         QVariantList{QStringLiteral("com.apple.mdm.per-user-connections")}},
    };
    const QString description =
        in.userDisplayName.isEmpty()
            ? AppleText::tr("Lets %1 manage this device.").arg(in.organisation)
            : AppleText::tr("Lets %1 manage this device for %2.").arg(in.organisation, in.userDisplayName);
    const QVariantMap profile{
        {QStringLiteral("PayloadType"), QStringLiteral("Configuration")},
        {QStringLiteral("PayloadVersion"), 1},
        {QStringLiteral("PayloadIdentifier"), in.profileIdentifier},
        {QStringLiteral("PayloadUUID"), newPayloadUuid()},
        {QStringLiteral("PayloadDisplayName"), AppleText::tr("%1 device management").arg(in.organisation)},
        {QStringLiteral("PayloadOrganization"), in.organisation},
        {QStringLiteral("PayloadDescription"), description},
        {QStringLiteral("PayloadRemovalDisallowed"), false},
        {QStringLiteral("PayloadContent"), QVariantList{identity, mdm}},
    };
    return writePlist(profile);
}

} // namespace mdm::gateway
