#pragma once
// The enrollment profile an Apple device installs (GET …/profile.mobileconfig): a Configuration profile
// with the device's identity (a com.apple.security.pkcs12 payload) and the com.apple.mdm payload that
// points the device at the gateway and names that identity by its PayloadUUID.
#include <QByteArray>
#include <QString>

namespace mdm::gateway {

struct EnrollmentProfileInput
{
    QString publicUrl;         // "https://mdm.example.com" or with a path; trailing slashes do not matter
    QString secret;            // the enrollment secret, URL-encoded into ?e=
    QString profileIdentifier; // top-level PayloadIdentifier, unique per enrollment (RemoveProfile names it)
    QString topic;             // the push certificate's topic, "com.apple.mgmt.…"
    QString organisation;
    QString userDisplayName;   // shown in the profile's description; may be empty
    QByteArray identityPkcs12; // the device identity (key and certificate)
    QString identityPassword;
};

// The URL the profile gives for <path> ("mdm/connect"): publicUrl, exactly one "/", path, "?e=<secret>".
QString enrollmentUrl(const QString &publicUrl, const QString &path, const QString &secret);

// AccessRights of the MDM payload, bits as in Apple's com.apple.mdm documentation:
//   1  inspect installed configuration profiles (Apple requires it with 2)
//   2  install and remove configuration profiles: RemoveProfile of the enrollment's profile (Revoke MDM)
//   8  erase the device: EraseDevice (Factory reset)
//   16 query device information (capacity, serial number)
inline constexpr int kMdmAccessRights = 1 | 2 | 8 | 16;

QByteArray enrollmentProfile(const EnrollmentProfileInput &in);

} // namespace mdm::gateway
