// The device identity an enrollment profile carries (app/gateway/apple/device_identity.cpp), read back
// with the openssl command line tool and, inside a profile, with Python's plistlib.
#include "device_identity.h"
#include "enrollment_profile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <cstdio>

using namespace mdm::gateway;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(30000));
    Run result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

Run openssl(const QStringList &arguments)
{
    return run(QString::fromUtf8(MDM_OPENSSL), arguments);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// The PKCS#12's certificate (PEM) or private key (PEM), as `openssl pkcs12` reads them with the password.
QString pkcs12Part(const QTemporaryDir &dir, const DeviceIdentity &identity, const char *part)
{
    const QString path = writeFile(dir, QStringLiteral("identity.p12"), identity.pkcs12);
    const Run read = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"), path,
                              QStringLiteral("-passin"), QStringLiteral("pass:") + identity.password,
                              QString::fromLatin1(part), QStringLiteral("-nodes")});
    INFO(read.err.toStdString());
    REQUIRE(read.exitCode == 0);
    return read.out;
}

QString certificatePem(const QTemporaryDir &dir, const DeviceIdentity &identity)
{
    return pkcs12Part(dir, identity, "-nokeys");
}

QString keyPem(const QTemporaryDir &dir, const DeviceIdentity &identity)
{
    return pkcs12Part(dir, identity, "-nocerts");
}

// `openssl x509 -text` of a PEM certificate.
QString certificateText(const QTemporaryDir &dir, const QString &pem)
{
    const QString path = writeFile(dir, QStringLiteral("cert.pem"), pem.toUtf8());
    const Run text = openssl({QStringLiteral("x509"), QStringLiteral("-in"), path, QStringLiteral("-noout"),
                              QStringLiteral("-text"), QStringLiteral("-nameopt"), QStringLiteral("utf8")});
    INFO(text.err.toStdString());
    REQUIRE(text.exitCode == 0);
    return text.out;
}

struct TestCa
{
    QString certPath;
    QString keyPath;
    QByteArray certPem;
    QByteArray keyPem;
};

// A gateway CA made by the openssl tool (independent of the code under test).
TestCa makeCa(const QTemporaryDir &dir, const QString &name)
{
    TestCa ca;
    ca.certPath = dir.filePath(name + QStringLiteral(".crt"));
    ca.keyPath = dir.filePath(name + QStringLiteral(".key"));
    const Run made = openssl(
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
         QStringLiteral("-subj"), QStringLiteral("/CN=") + name, QStringLiteral("-days"),
         QStringLiteral("3650"), QStringLiteral("-keyout"), ca.keyPath, QStringLiteral("-out"), ca.certPath});
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    ca.certPem = readFile(ca.certPath);
    ca.keyPem = readFile(ca.keyPath);
    return ca;
}

} // namespace

TEST_CASE("identity: a self-signed identity reads back with its name and an EC key", "[identity]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString name = QStringLiteral("com.example.mdm.enrollment.3f6c2a");
    const DeviceIdentity identity = makeDeviceIdentity(name);
    INFO(identity.error.toStdString());
    REQUIRE(identity.ok());
    CHECK(identity.password.size() >= 20);
    CHECK(!identity.pkcs12.isEmpty());

    const QString pem = certificatePem(dir, identity);
    const QString text = certificateText(dir, pem);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Subject: CN=") + name));
    CHECK(text.contains(QStringLiteral("Issuer: CN=") + name));
    CHECK(text.contains(QStringLiteral("id-ecPublicKey")));
    CHECK(text.contains(QStringLiteral("prime256v1")));
    CHECK(text.contains(QStringLiteral("ecdsa-with-SHA256")));
    CHECK(text.contains(QStringLiteral("TLS Web Client Authentication")));
    CHECK(text.contains(QStringLiteral("CA:FALSE")));

    // Valid now and for about two years, not for three.
    const QString certPath = writeFile(dir, QStringLiteral("self.pem"), pem.toUtf8());
    const auto validFor = [&](qint64 seconds) {
        return openssl({QStringLiteral("x509"), QStringLiteral("-in"), certPath, QStringLiteral("-noout"),
                        QStringLiteral("-checkend"), QString::number(seconds)})
                   .exitCode == 0;
    };
    CHECK(validFor(0));
    CHECK(validFor(qint64(700) * 86400));
    CHECK(!validFor(qint64(3 * 365) * 86400));
    // Self-signed: it verifies against itself.
    const Run verify = openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), certPath, certPath});
    INFO(verify.err.toStdString());
    CHECK(verify.exitCode == 0);

    const QString key = keyPem(dir, identity);
    CHECK(key.contains(QStringLiteral("-----BEGIN PRIVATE KEY-----")));
    const QString keyPath = writeFile(dir, QStringLiteral("key.pem"), key.toUtf8());
    const Run keyText = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath,
                                 QStringLiteral("-noout"), QStringLiteral("-text")});
    CHECK(keyText.exitCode == 0);
    CHECK(keyText.out.contains(QStringLiteral("P-256")));

    // The wrong password opens nothing.
    const Run wrong = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"),
                               dir.filePath(QStringLiteral("identity.p12")), QStringLiteral("-passin"),
                               QStringLiteral("pass:not-the-password"), QStringLiteral("-nokeys")});
    CHECK(wrong.exitCode != 0);

    // The algorithms Apple's devices read: 3DES and a SHA-1 MAC, not OpenSSL 3's AES/PBKDF2 default.
    const Run info = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"),
                              dir.filePath(QStringLiteral("identity.p12")), QStringLiteral("-passin"),
                              QStringLiteral("pass:") + identity.password, QStringLiteral("-info"),
                              QStringLiteral("-noout")});
    INFO(info.err.toStdString());
    CHECK(info.err.contains(QStringLiteral("MAC: sha1")));
    CHECK(info.err.contains(QStringLiteral("pbeWithSHA1And3-KeyTripleDES-CBC")));
    CHECK(!info.err.contains(QStringLiteral("AES")));
}

TEST_CASE("identity: signed by a gateway CA, it verifies against that CA only", "[identity]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const TestCa ca = makeCa(dir, QStringLiteral("Gateway Test CA"));
    const TestCa other = makeCa(dir, QStringLiteral("Other CA"));

    const DeviceIdentity identity = makeDeviceIdentity(QStringLiteral("Kim’s iPhone"), ca.certPem, ca.keyPem);
    INFO(identity.error.toStdString());
    REQUIRE(identity.ok());
    const QString pem = certificatePem(dir, identity);
    const QString text = certificateText(dir, pem);
    CHECK(text.contains(QStringLiteral("Subject: CN=Kim’s iPhone")));
    CHECK(text.contains(QStringLiteral("Issuer: CN=Gateway Test CA")));

    const QString certPath = writeFile(dir, QStringLiteral("device.pem"), pem.toUtf8());
    const Run verify = openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), ca.certPath, certPath});
    INFO(verify.out.toStdString() + verify.err.toStdString());
    CHECK(verify.exitCode == 0);
    const Run wrongCa =
        openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), other.certPath, certPath});
    CHECK(wrongCa.exitCode != 0);
}

TEST_CASE("identity: every identity has its own key, serial and password", "[identity]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const DeviceIdentity first = makeDeviceIdentity(QStringLiteral("same-name"));
    const DeviceIdentity second = makeDeviceIdentity(QStringLiteral("same-name"));
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first.password != second.password);
    CHECK(first.pkcs12 != second.pkcs12);
    const QString firstKey = keyPem(dir, first);
    const QString secondKey = keyPem(dir, second);
    CHECK(firstKey != secondKey);
    const auto serialOf = [&](const DeviceIdentity &identity) {
        const QString path =
            writeFile(dir, QStringLiteral("serial.pem"), certificatePem(dir, identity).toUtf8());
        const Run serial = openssl({QStringLiteral("x509"), QStringLiteral("-in"), path,
                                    QStringLiteral("-noout"), QStringLiteral("-serial")});
        REQUIRE(serial.exitCode == 0);
        return serial.out.trimmed();
    };
    const QString firstSerial = serialOf(first);
    CHECK(firstSerial.size() == QStringLiteral("serial=").size() + 32); // 16 random bytes
    CHECK(firstSerial != serialOf(second));
}

TEST_CASE("identity: a bad name or gateway CA gives a clear error and no PKCS#12", "[identity]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const TestCa ca = makeCa(dir, QStringLiteral("Gateway Test CA"));
    const TestCa other = makeCa(dir, QStringLiteral("Other CA"));
    const QString name = QStringLiteral("device");

    const auto refused = [](const DeviceIdentity &identity, const char *words) {
        INFO(identity.error.toStdString());
        CHECK(!identity.ok());
        CHECK(identity.error.contains(QString::fromUtf8(words)));
        CHECK(identity.pkcs12.isEmpty());
        CHECK(identity.password.isEmpty());
    };
    refused(makeDeviceIdentity(name, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
                               ca.keyPem),
            "certificate is not a PEM certificate");
    refused(makeDeviceIdentity(name, QByteArray("garbage"), ca.keyPem),
            "certificate is not a PEM certificate");
    refused(makeDeviceIdentity(name, ca.certPem, QByteArray("garbage")),
            "key is not an unencrypted PEM private key");
    refused(makeDeviceIdentity(name, ca.certPem, other.keyPem), "does not belong to its certificate");
    refused(makeDeviceIdentity(name, ca.certPem), "both its certificate and its private key");
    refused(makeDeviceIdentity(name, {}, ca.keyPem), "both its certificate and its private key");
    refused(makeDeviceIdentity(QString()), "1 to 64 characters");
    refused(makeDeviceIdentity(QString(65, QLatin1Char('x'))), "1 to 64 characters");

    // A leaf certificate cannot act as the CA.
    const DeviceIdentity leaf = makeDeviceIdentity(QStringLiteral("leaf"), ca.certPem, ca.keyPem);
    REQUIRE(leaf.ok());
    const QByteArray leafCert = certificatePem(dir, leaf).toUtf8();
    const QByteArray leafKey = keyPem(dir, leaf).toUtf8();
    refused(makeDeviceIdentity(name, leafCert, leafKey), "may not sign certificates");

    // An encrypted CA key is refused without asking for a passphrase on the terminal.
    const QString encryptedPath = dir.filePath(QStringLiteral("encrypted.key"));
    const Run encrypt = openssl({QStringLiteral("pkey"), QStringLiteral("-in"), ca.keyPath,
                                 QStringLiteral("-aes256"), QStringLiteral("-passout"),
                                 QStringLiteral("pass:secret"), QStringLiteral("-out"), encryptedPath});
    REQUIRE(encrypt.exitCode == 0);
    refused(makeDeviceIdentity(name, ca.certPem, readFile(encryptedPath)), "unencrypted PEM private key");

    // Still works after the errors: nothing is left behind in OpenSSL's error queue.
    CHECK(makeDeviceIdentity(name, ca.certPem, ca.keyPem).ok());
}

TEST_CASE("identity: fast enough to make one per enrollment", "[identity]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const TestCa ca = makeCa(dir, QStringLiteral("Gateway Test CA"));
    constexpr int kRounds = 50;
    for (const bool withCa : {false, true}) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kRounds; ++i) {
            const DeviceIdentity identity =
                withCa ? makeDeviceIdentity(QStringLiteral("device"), ca.certPem, ca.keyPem)
                       : makeDeviceIdentity(QStringLiteral("device"));
            REQUIRE(identity.ok());
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6 / kRounds;
        std::printf("device identity (%s): %.2f ms each\n", withCa ? "CA-signed" : "self-signed", ms);
        // The goal is 20 ms; the bound leaves room for a busy, shared test machine.
        CHECK(ms < 100.0);
    }
}

TEST_CASE("identity: the enrollment profile carries the identity as its pkcs12 payload", "[identity]")
{
    const DeviceIdentity identity = makeDeviceIdentity(QStringLiteral("com.example.mdm.enrollment.7d21"));
    REQUIRE(identity.ok());
    EnrollmentProfileInput in;
    in.publicUrl = QStringLiteral("https://mdm.example.com");
    in.secret = QStringLiteral("s3cret");
    in.profileIdentifier = QStringLiteral("com.example.mdm.enrollment.7d21");
    in.topic = QStringLiteral("com.apple.mgmt.External.0b5d");
    in.organisation = QStringLiteral("Example");
    in.identityPkcs12 = identity.pkcs12;
    in.identityPassword = identity.password;
    const QByteArray profile = enrollmentProfile(in);

    // plistlib finds the pkcs12 payload the MDM payload names, and its content and password are ours.
    const char *script = R"(
import base64, plistlib, sys
profile = plistlib.loads(sys.stdin.buffer.read())
payloads = profile["PayloadContent"]
mdm = [p for p in payloads if p["PayloadType"] == "com.apple.mdm"][0]
identity = [p for p in payloads if p["PayloadUUID"] == mdm["IdentityCertificateUUID"]][0]
assert identity["PayloadType"] == "com.apple.security.pkcs12", identity["PayloadType"]
assert isinstance(identity["PayloadContent"], bytes)
print(base64.b64encode(identity["PayloadContent"]).decode())
print(identity["Password"])
)";
    const Run python =
        run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromUtf8(script)}, profile);
    INFO(python.err.toStdString());
    REQUIRE(python.exitCode == 0);
    const QStringList lines = python.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    CHECK(QByteArray::fromBase64(lines[0].toLatin1()) == identity.pkcs12);
    CHECK(lines[1] == identity.password);

    // And what the device receives opens with that password.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    DeviceIdentity fromProfile;
    fromProfile.pkcs12 = QByteArray::fromBase64(lines[0].toLatin1());
    fromProfile.password = lines[1];
    CHECK(certificatePem(dir, fromProfile).contains(QStringLiteral("BEGIN CERTIFICATE")));
}
