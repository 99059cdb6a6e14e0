#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace mdm::gateway {

// The MDM push certificate (PEM, the first certificate is the push certificate, any further ones its chain),
// its unencrypted private key (PEM: PKCS#1, SEC1 or PKCS#8) and the topic they push to.
struct PushCredentials
{
    Q_DECLARE_TR_FUNCTIONS(PushCredentials)

public:
    QList<QSslCertificate> chain; // chain.first() is the push certificate
    QSslKey key;
    QString topic;

    // Reads and checks both files; the topic is the certificate subject's UID (OID 0.9.2342.19200300.100.1.1,
    // e.g. "com.apple.mgmt.External.<uuid>") unless topicOverride is not empty. False with a sentence naming
    // the file in *error when a file is missing or unreadable, holds no certificate or key, the key is
    // encrypted or does not belong to the certificate, or there is no topic.
    static bool load(const QString &certFile, const QString &keyFile, const QString &topicOverride,
                     PushCredentials *out, QString *error);

    // The UID of a certificate's subject, empty when it has none.
    static QString subjectUid(const QSslCertificate &certificate);
};

} // namespace mdm::gateway
