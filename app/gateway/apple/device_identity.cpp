#include "device_identity.h"

#include "plist.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace mdm::gateway {

namespace {

// Owners for OpenSSL's objects, so that every early return frees what was made so far.
struct OpenSslFree
{
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
template <typename T> using Owned = std::unique_ptr<T, OpenSslFree>;

// OpenSSL keeps its errors in a per-thread queue: take the first for the message and leave it empty.
QString openSslReason()
{
    const unsigned long code = ERR_peek_error();
    QString reason;
    if (code != 0) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        reason = QString::fromLatin1(text);
    }
    ERR_clear_error();
    return reason;
}

DeviceIdentity failure(const QString &message)
{
    const QString reason = openSslReason();
    DeviceIdentity identity;
    identity.error = reason.isEmpty() ? message : AppleText::tr("%1 (%2)").arg(message, reason);
    return identity;
}

// Never asks for a passphrase on the terminal: an encrypted CA key simply does not load.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

Owned<BIO> memoryBio(const QByteArray &bytes)
{
    return Owned<BIO>(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

// URL- and profile-safe random text, 144 bits.
QString randomPassword()
{
    unsigned char bytes[18];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A positive 127-bit serial: random, as the CA/Browser rules ask, so that two identities never share one.
bool setRandomSerial(X509 *cert)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    bytes[0] &= 0x7f;
    bytes[0] |= 0x40; // never zero, always 16 bytes long
    Owned<BIGNUM> number(BN_bin2bn(bytes, sizeof bytes, nullptr));
    return number && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(cert)) != nullptr;
}

bool addExtension(X509 *cert, X509V3_CTX *context, int nid, const char *value)
{
    Owned<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    return extension && X509_add_ext(cert, extension.get(), -1) == 1;
}

} // namespace

DeviceIdentity makeDeviceIdentity(const QString &commonName, const QByteArray &caCertPem,
                                  const QByteArray &caKeyPem)
{
    ERR_clear_error();
    if (commonName.isEmpty() || commonName.size() > kMaxIdentityCommonName)
        return failure(AppleText::tr("The device identity's name must have 1 to %1 characters, not %2.")
                           .arg(kMaxIdentityCommonName)
                           .arg(commonName.size()));
    if (caCertPem.isEmpty() != caKeyPem.isEmpty())
        return failure(AppleText::tr("The gateway CA needs both its certificate and its private key."));

    Owned<X509> caCert;
    Owned<EVP_PKEY> caKey;
    if (!caCertPem.isEmpty()) {
        Owned<BIO> certBio = memoryBio(caCertPem);
        caCert.reset(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
        if (!caCert)
            return failure(AppleText::tr("The gateway CA certificate is not a PEM certificate."));
        Owned<BIO> keyBio = memoryBio(caKeyPem);
        caKey.reset(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
        if (!caKey)
            return failure(AppleText::tr("The gateway CA key is not an unencrypted PEM private key."));
        if (X509_check_private_key(caCert.get(), caKey.get()) != 1)
            return failure(AppleText::tr("The gateway CA key does not belong to its certificate."));
        if (X509_check_ca(caCert.get()) == 0)
            return failure(AppleText::tr("The gateway CA certificate may not sign certificates."));
    }

    Owned<EVP_PKEY> key(EVP_EC_gen("P-256"));
    if (!key)
        return failure(AppleText::tr("Could not make the device identity's key."));

    Owned<X509> cert(X509_new());
    const QByteArray name = commonName.toUtf8();
    X509_NAME *subject = cert ? X509_get_subject_name(cert.get()) : nullptr;
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1 || !setRandomSerial(cert.get()) ||
        !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -5 * 60) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), kIdentityValidDays, 0, nullptr) ||
        X509_NAME_add_entry_by_NID(subject, NID_commonName, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(name.constData()),
                                   static_cast<int>(name.size()), -1, 0) != 1 ||
        X509_set_issuer_name(cert.get(), caCert ? X509_get_subject_name(caCert.get()) : subject) != 1 ||
        X509_set_pubkey(cert.get(), key.get()) != 1)
        return failure(AppleText::tr("Could not make the device identity's certificate."));

    // A client certificate for signing (the device signs its check-in messages and TLS handshakes with it).
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, caCert ? caCert.get() : cert.get(), cert.get(), nullptr, nullptr, 0);
    if (!addExtension(cert.get(), &context, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), &context, NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), &context, NID_ext_key_usage, "clientAuth") ||
        !addExtension(cert.get(), &context, NID_subject_key_identifier, "hash") ||
        !addExtension(cert.get(), &context, NID_authority_key_identifier, "keyid:always"))
        return failure(AppleText::tr("Could not make the device identity's certificate."));
    if (X509_sign(cert.get(), caKey ? caKey.get() : key.get(), EVP_sha256()) <= 0)
        return failure(AppleText::tr("Could not sign the device identity's certificate."));

    // The older algorithms (3DES, SHA-1 MAC) on purpose: Apple's devices and older macOS refuse the AES and
    // PBKDF2 PKCS#12 OpenSSL 3 writes by default. The random password, not the cipher, carries the secrecy;
    // the profile holds both anyway.
    const QString password = randomPassword();
    if (password.isEmpty())
        return failure(AppleText::tr("Could not make the device identity's password."));
    const QByteArray passwordBytes = password.toLatin1();
    Owned<PKCS12> pkcs12(PKCS12_create(passwordBytes.constData(), name.constData(), key.get(), cert.get(),
                                       nullptr, NID_pbe_WithSHA1And3_Key_TripleDES_CBC,
                                       NID_pbe_WithSHA1And3_Key_TripleDES_CBC, PKCS12_DEFAULT_ITER, -1, 0));
    if (!pkcs12 || PKCS12_set_mac(pkcs12.get(), passwordBytes.constData(), -1, nullptr, 0,
                                  PKCS12_DEFAULT_ITER, EVP_sha1()) != 1)
        return failure(AppleText::tr("Could not pack the device identity."));
    unsigned char *der = nullptr;
    const int length = i2d_PKCS12(pkcs12.get(), &der);
    if (length <= 0)
        return failure(AppleText::tr("Could not pack the device identity."));

    DeviceIdentity identity;
    identity.pkcs12 = QByteArray(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    identity.password = password;
    return identity;
}

} // namespace mdm::gateway
