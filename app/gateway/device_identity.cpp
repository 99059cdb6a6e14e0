#include "device_identity.h"

#include <QRandomGenerator>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace mdm::gateway {

DeviceIdentity makeDeviceIdentity(const QString &commonName)
{
    DeviceIdentity out;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), &EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    if (!key || !cert) {
        out.error = QStringLiteral("cannot make a key");
        return out;
    }
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()),
                     static_cast<long>(QRandomGenerator::system()->generate()));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()),
                               static_cast<int>(cn.size()), -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        out.error = QStringLiteral("cannot sign the certificate");
        return out;
    }
    out.password = QString::number(QRandomGenerator::system()->generate64(), 36);
    const QByteArray password = out.password.toUtf8();
    std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(
        PKCS12_create(password.constData(), cn.constData(), key.get(), cert.get(), nullptr, 0, 0, 0, 0, 0),
        &PKCS12_free);
    if (!p12) {
        out.error = QStringLiteral("cannot make the PKCS#12 bundle");
        return out;
    }
    unsigned char *der = nullptr;
    const int length = i2d_PKCS12(p12.get(), &der);
    if (length <= 0) {
        out.error = QStringLiteral("cannot encode the PKCS#12 bundle");
        return out;
    }
    out.pkcs12 = QByteArray(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

} // namespace mdm::gateway
