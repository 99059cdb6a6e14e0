#pragma once
// A fresh identity for one Apple enrollment: an EC P-256 key and an X.509 client certificate, packed as
// the PKCS#12 the enrollment profile carries (its com.apple.security.pkcs12 payload, which the MDM payload
// names by IdentityCertificateUUID). The device signs its check-ins with it. The certificate is signed by
// the gateway's CA when one is given, else by its own key.
#include <QByteArray>
#include <QString>

namespace mdm::gateway {

// X.509 limits a common name to 64 characters.
inline constexpr int kMaxIdentityCommonName = 64;
// Valid from a few minutes ago (a device clock a little behind still accepts it) for about two years.
inline constexpr int kIdentityValidDays = 730;

struct DeviceIdentity
{
    QByteArray pkcs12; // DER; key and certificate encrypted with password
    QString password;  // random, for this PKCS#12 only: the profile carries it next to the PKCS#12
    QString error;     // empty when made
    bool ok() const { return error.isEmpty(); }
};

// commonName: the enrollment's profile identifier or another name, 1..kMaxIdentityCommonName characters.
// caCertPem and caKeyPem: the gateway CA's certificate and unencrypted private key (PEM), both or neither.
// A CA that does not parse, a key that is not the certificate's, or a certificate that is not a CA gives
// an error and no PKCS#12. Safe to call from several threads at once; takes a few milliseconds.
DeviceIdentity makeDeviceIdentity(const QString &commonName, const QByteArray &caCertPem = {},
                                  const QByteArray &caKeyPem = {});

} // namespace mdm::gateway
