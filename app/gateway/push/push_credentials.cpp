#include "push_credentials.h"

#include <QFile>
#include <QFileInfo>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace mdm::gateway {

namespace {

template <typename T, void (*Free)(T *)> struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;

// OpenSSL would ask for a pass phrase on the terminal: a server must fail instead.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = PushCredentials::tr("The file \"%1\" does not exist.").arg(path);
        return false;
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        *error = PushCredentials::tr("The file \"%1\" cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    *data = file.readAll();
    return true;
}

// QSslKey needs the algorithm up front; OpenSSL finds it in any PEM form.
bool keyAlgorithm(const EVP_PKEY *key, QSsl::KeyAlgorithm *algorithm)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        *algorithm = QSsl::Rsa;
        return true;
    case EVP_PKEY_EC:
        *algorithm = QSsl::Ec;
        return true;
    case EVP_PKEY_DSA:
        *algorithm = QSsl::Dsa;
        return true;
    default:
        return false;
    }
}

} // namespace

QString PushCredentials::subjectUid(const QSslCertificate &certificate)
{
    // Qt names attributes by OpenSSL's short name ("UID"); the dotted OID is asked too in case a backend
    // does not know it.
    QStringList values = certificate.subjectInfo(QByteArrayLiteral("UID"));
    if (values.isEmpty())
        values = certificate.subjectInfo(QByteArrayLiteral("0.9.2342.19200300.100.1.1"));
    return values.isEmpty() ? QString() : values.first().trimmed();
}

bool PushCredentials::load(const QString &certFile, const QString &keyFile, const QString &topicOverride,
                           PushCredentials *out, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (certFile.isEmpty() || keyFile.isEmpty()) {
        *error = tr("A push certificate and its key file are both needed.");
        return false;
    }
    QByteArray certPem;
    QByteArray keyPem;
    if (!readFile(certFile, &certPem, error) || !readFile(keyFile, &keyPem, error))
        return false;

    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    BioPtr certBio = memoryBio(certPem);
    X509Ptr x509(PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr));
    if (chain.isEmpty() || chain.first().isNull() || !x509) {
        *error = tr("No PEM certificate could be read from \"%1\".").arg(certFile);
        return false;
    }

    BioPtr keyBio = memoryBio(keyPem);
    PkeyPtr pkey(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    if (!pkey) {
        *error =
            keyPem.contains("ENCRYPTED")
                ? tr("The key in \"%1\" is encrypted; the push key must be stored without a pass phrase.")
                      .arg(keyFile)
                : tr("No PEM private key could be read from \"%1\".").arg(keyFile);
        return false;
    }
    if (X509_check_private_key(x509.get(), pkey.get()) != 1) {
        *error = tr("The key in \"%1\" does not belong to the certificate in \"%2\".").arg(keyFile, certFile);
        return false;
    }
    QSsl::KeyAlgorithm algorithm = QSsl::Rsa;
    const QSslKey key =
        keyAlgorithm(pkey.get(), &algorithm) ? QSslKey(keyPem, algorithm, QSsl::Pem) : QSslKey();
    if (key.isNull()) {
        *error = tr("The key in \"%1\" is of a kind that cannot be used for TLS here.").arg(keyFile);
        return false;
    }

    const QString topic =
        topicOverride.trimmed().isEmpty() ? subjectUid(chain.first()) : topicOverride.trimmed();
    if (topic.isEmpty()) {
        *error = tr("The certificate in \"%1\" has no UID in its subject, so the push topic is unknown; "
                    "give the topic explicitly.")
                     .arg(certFile);
        return false;
    }
    out->chain = chain;
    out->key = key;
    out->topic = topic;
    return true;
}

} // namespace mdm::gateway
