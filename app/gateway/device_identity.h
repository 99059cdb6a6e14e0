#pragma once
// The device identity an enrollment profile carries (its com.apple.security.pkcs12 payload, named by the
// MDM payload's IdentityCertificateUUID). The gateway authenticates devices by the enrollment secret in
// its URLs, not by this certificate (there is no SCEP CA here, see the README), so one identity made at
// start serves every profile of that run.

#include <QByteArray>
#include <QString>

namespace mdm::gateway {

struct DeviceIdentity
{
    QByteArray pkcs12;
    QString password;
    QString error; // empty when made
};

// A new RSA 2048 key and a self-signed certificate for commonName, as PKCS#12 under a random password.
DeviceIdentity makeDeviceIdentity(const QString &commonName);

} // namespace mdm::gateway
