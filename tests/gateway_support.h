#pragma once

#include <QProcess>
#include <QSqlDatabase>
#include <QString>

// What the tests that run a real `mdm-console serve` share: a test certificate, a free port, a started
// gateway and a delivered invitation put straight into the store.
namespace mdm::test::gateway {

// A self-signed certificate for localhost and 127.0.0.1, made by openssl in dir (cert.pem, key.pem).
struct TestCertificate
{
    QString cert;
    QString key;
};
TestCertificate makeCertificate(const QString &dir);

// A loopback port nobody listens on right now.
quint16 freePort();

// Starts serve on db with its stderr appended to logPath; returns when the log says it serves (one more
// "Serving " line than before the start). The public URL is https://127.0.0.1:port/.
void startServe(QProcess &process, const QString &db, quint16 port, const TestCertificate &certificate,
                const QString &logPath);

// A delivered invitation for a new user, sent sentAgoMs ago and valid for seven days; its link token.
QString addInvitation(QSqlDatabase db, const QString &name, const QString &email, const QString &platform,
                      qint64 sentAgoMs = 0);

} // namespace mdm::test::gateway
