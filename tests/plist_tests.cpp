// Apple's MDM bodies (app/gateway/apple): the XML plist reader and writer, the check-in and command-report
// parsers, command bodies and the enrollment profile, the last two also read by Python's plistlib.
#include "checkin_message.h"
#include "enrollment_profile.h"
#include "plist.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimeZone>
#include <catch2/catch.hpp>

using namespace mdm::gateway;

namespace {

QByteArray doc(const char *inner)
{
    return QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
)") + inner +
           "\n</plist>\n";
}

// Runs a Python snippet that reads the plist from stdin with plistlib and prints JSON to stdout.
QJsonObject pythonReads(const QByteArray &plist, const char *script)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromUtf8(script)});
    REQUIRE(python.waitForStarted());
    python.write(plist);
    python.closeWriteChannel();
    REQUIRE(python.waitForFinished(30000));
    INFO(python.readAllStandardError().toStdString());
    REQUIRE(python.exitCode() == 0);
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(python.readAllStandardOutput(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return json.object();
}

QVariantMap sampleValue()
{
    return QVariantMap{
        {QStringLiteral("string"), QStringLiteral("Grüße <&> \"quoted\" 'single' \t tab\nline\r\ncr 🚀")},
        {QStringLiteral("empty"), QString()},
        {QStringLiteral("integer"), qint64(-9223372036854775807LL - 1)},
        {QStringLiteral("big"), qint64(9223372036854775807LL)},
        {QStringLiteral("real"), 3.25},
        {QStringLiteral("tiny"), 1e-300},
        {QStringLiteral("true"), true},
        {QStringLiteral("false"), false},
        {QStringLiteral("data"), QByteArray("\x00\x01\xff binary", 10)},
        {QStringLiteral("nodata"), QByteArray()},
        {QStringLiteral("date"), QDateTime(QDate(2024, 5, 31), QTime(23, 59, 58), QTimeZone::utc())},
        {QStringLiteral("array"),
         QVariantList{qint64(1), QStringLiteral("two"), QVariantList{}, QVariantMap{}}},
        {QStringLiteral("nested"),
         QVariantMap{{QStringLiteral("a"), QVariantMap{{QStringLiteral("b"), QVariantList{true}}}}}},
    };
}

} // namespace

TEST_CASE("plist: every value type survives a round trip", "[plist]")
{
    const QVariantMap value = sampleValue();
    const QByteArray xml = writePlist(value);
    const PlistResult read = readPlist(xml);
    INFO(read.error.toStdString());
    REQUIRE(read.ok());
    REQUIRE(read.value.typeId() == QMetaType::QVariantMap);
    const QVariantMap back = read.value.toMap();
    REQUIRE(back.keys() == value.keys());
    for (auto it = value.cbegin(); it != value.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(back.value(it.key()) == it.value());
        // Types are kept, not only values (an integer does not come back as a string).
        if (it.value().typeId() != QMetaType::QString || !it.value().toString().isEmpty())
            CHECK(back.value(it.key()).typeId() == it.value().typeId());
    }
    CHECK(back.value(QStringLiteral("date")).toDateTime().timeSpec() == Qt::UTC);

    // Top-level values other than a dict.
    for (const QVariant &single : {QVariant(QStringLiteral("just text")), QVariant(qint64(42)),
                                   QVariant(true), QVariant(QVariantList{QStringLiteral("x")})}) {
        const PlistResult again = readPlist(writePlist(single));
        REQUIRE(again.ok());
        CHECK(again.value == single);
    }
}

TEST_CASE("plist: Python's plistlib reads what we write, and we read what it writes", "[plist]")
{
    const QJsonObject seen = pythonReads(writePlist(sampleValue()), R"(
import sys, plistlib, json, base64, datetime
p = plistlib.loads(sys.stdin.buffer.read())
out = {k: (base64.b64encode(v).decode() if isinstance(v, bytes) else
           v.strftime('%Y-%m-%dT%H:%M:%SZ') if isinstance(v, datetime.datetime) else
           [type(v).__name__, v]) for k, v in p.items()}
print(json.dumps(out))
)");
    CHECK(seen.value(QStringLiteral("string")).toArray().at(1).toString() ==
          QStringLiteral("Grüße <&> \"quoted\" 'single' \t tab\nline\r\ncr 🚀"));
    CHECK(seen.value(QStringLiteral("integer")).toArray().at(0).toString() == QStringLiteral("int"));
    CHECK(seen.value(QStringLiteral("real")).toArray().at(1).toDouble() == 3.25);
    CHECK(seen.value(QStringLiteral("true")).toArray().at(0).toString() == QStringLiteral("bool"));
    CHECK(seen.value(QStringLiteral("data")).toString() == QStringLiteral("AAH/IGJpbmFyeQ=="));
    CHECK(seen.value(QStringLiteral("date")).toString() == QStringLiteral("2024-05-31T23:59:58Z"));

    QProcess python;
    python.start(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import sys, plistlib, datetime\n"
                        "sys.stdout.buffer.write(plistlib.dumps({'UDID': 'abc', 'Token': b'\\x01\\x02',"
                        " 'n': 7, 'r': 0.5, 'ok': True, 'when': datetime.datetime(2023, 1, 2, 3, 4, 5),"
                        " 'list': ['a', {'b': []}]}))")});
    REQUIRE(python.waitForFinished(30000));
    const PlistResult read = readPlist(python.readAllStandardOutput());
    INFO(read.error.toStdString());
    REQUIRE(read.ok());
    const QVariantMap map = read.value.toMap();
    CHECK(map.value(QStringLiteral("Token")) == QVariant(QByteArray("\x01\x02")));
    CHECK(map.value(QStringLiteral("n")) == QVariant(qint64(7)));
    CHECK(map.value(QStringLiteral("r")) == QVariant(0.5));
    CHECK(map.value(QStringLiteral("ok")) == QVariant(true));
    CHECK(map.value(QStringLiteral("when")).toDateTime() ==
          QDateTime(QDate(2023, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
    CHECK(map.value(QStringLiteral("list")).toList().size() == 2);
}

TEST_CASE("plist: malformed bodies give a clear error with the line", "[plist]")
{
    struct Case
    {
        QByteArray body;
        const char *expected; // part of the error text
    };
    QByteArray deep;
    for (int i = 0; i < 40; ++i)
        deep += "<array>";
    for (int i = 0; i < 40; ++i)
        deep += "</array>";
    const QList<Case> cases = {
        {"", "Premature end of document"},
        {"not xml at all", "Line 1"},
        {doc("<dict><key>UDID</key><string>x</string>"), "Line "},
        {doc("<dict><key>UDID</key><string>x</dict>"), "Line "},
        {R"(<?xml version="1.0"?><dict><key>a</key><string>b</string></dict>)", "the root element is <dict>"},
        {R"(<?xml version="1.0"?>
<!DOCTYPE plist [<!ENTITY boom "boom">]>
<plist version="1.0"><string>&boom;</string></plist>)",
         "Line 2: DTD declarations"},
        {R"(<?xml version="1.0"?>
<!DOCTYPE plist [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
<plist version="1.0"><string>&ext;</string></plist>)",
         "DTD declarations"},
        {doc("<string>&undeclared;</string>"), "Line 4"},
        {doc(deep.constData()), "nest more than 32"},
        {doc("<dict>\n<key>UDID</key><string>a</string>\n<key>UDID</key><string>b</string></dict>"),
         "Line 6: the key “UDID” appears twice"},
        {doc("<data>@@not base64@@</data>"), "<data> is not valid base64"},
        {doc("<integer>12abc</integer>"), "is not a 64-bit integer"},
        {doc("<integer>99999999999999999999</integer>"), "is not a 64-bit integer"},
        {doc("<real>one</real>"), "is not a number"},
        {doc("<date>yesterday</date>"), "is not a date"},
        {doc("<date>2024-02-30T00:00:00Z</date>"), "is not a date"},
        {doc("<true>yes</true>"), "<true> must be empty"},
        {doc("<dict><key>a</key></dict>"), "the key “a” has no value"},
        {doc("<dict><string>a</string></dict>"), "where a <key> belongs"},
        {doc("<blob/>"), "<blob> is not a property list element"},
        {doc("<string>a</string><string>b</string>"), "more than one value"},
        {doc(""), "holds no value"},
        {doc("<string>a</string>") + "<plist/>", "Line "},
        {doc("<string>a</string>") + "trailing", "Line "},
        {doc("<string>a<b/></string>"), "<b> inside <string>"},
    };
    for (const Case &c : cases) {
        INFO(c.body.toStdString());
        const PlistResult result = readPlist(c.body);
        REQUIRE_FALSE(result.ok());
        INFO(result.error.toStdString());
        CHECK(result.error.contains(QString::fromUtf8(c.expected)));
        CHECK(result.error.startsWith(QStringLiteral("Line ")));
        CHECK_FALSE(result.value.isValid());
    }

    // 32 nested containers are still fine.
    QByteArray ok;
    for (int i = 0; i < kMaxPlistDepth; ++i)
        ok += "<array>";
    for (int i = 0; i < kMaxPlistDepth; ++i)
        ok += "</array>";
    CHECK(readPlist(doc(ok.constData())).ok());
}

TEST_CASE("plist: check-in messages", "[plist]")
{
    const CheckinMessage authenticate = parseCheckin(doc(R"(<dict>
    <key>MessageType</key><string>Authenticate</string>
    <key>UDID</key><string>00008030-001A2B3C4D5E6F70</string>
    <key>Topic</key><string>com.apple.mgmt.External.1234</string>
    <key>SerialNumber</key><string>F2LXK0ABCDEF</string>
    <key>ProductName</key><string>iPhone14,2</string>
    <key>Model</key><string>MLPF3</string>
    <key>ModelName</key><string>iPhone</string>
    <key>OSVersion</key><string>17.4.1</string>
    <key>BuildVersion</key><string>21E236</string>
    <key>IMEI</key><string>35 404907 123456 1</string>
    <key>DeviceName</key><string>Anna's iPhone</string>
</dict>)"));
    INFO(authenticate.error.toStdString());
    REQUIRE(authenticate.ok());
    CHECK(authenticate.type == CheckinType::Authenticate);
    CHECK(authenticate.udid == QStringLiteral("00008030-001A2B3C4D5E6F70"));
    CHECK(authenticate.topic == QStringLiteral("com.apple.mgmt.External.1234"));
    CHECK(authenticate.serialNumber == QStringLiteral("F2LXK0ABCDEF"));
    CHECK(authenticate.productName == QStringLiteral("iPhone14,2"));
    CHECK(authenticate.model == QStringLiteral("MLPF3"));
    CHECK(authenticate.modelName == QStringLiteral("iPhone"));
    CHECK(authenticate.osVersion == QStringLiteral("17.4.1"));
    CHECK(authenticate.buildVersion == QStringLiteral("21E236"));
    CHECK(authenticate.imei == QStringLiteral("35 404907 123456 1"));
    CHECK(authenticate.deviceName == QStringLiteral("Anna's iPhone"));
    CHECK_FALSE(authenticate.hasUnlockToken);

    const QByteArray token =
        QByteArray::fromHex("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
    QVariantMap update{{QStringLiteral("MessageType"), QStringLiteral("TokenUpdate")},
                       {QStringLiteral("UDID"), QStringLiteral("U1")},
                       {QStringLiteral("Topic"), QStringLiteral("com.apple.mgmt.External.1234")},
                       {QStringLiteral("Token"), token},
                       {QStringLiteral("PushMagic"), QStringLiteral("3F1C4F9A-6C1B-4E0B-9A3D-2B7A1E5C8D90")},
                       {QStringLiteral("UnlockToken"), QByteArray("unlock")}};
    const CheckinMessage tokenUpdate = parseCheckin(writePlist(update));
    REQUIRE(tokenUpdate.ok());
    CHECK(tokenUpdate.type == CheckinType::TokenUpdate);
    CHECK(tokenUpdate.token == token);
    CHECK(tokenUpdate.pushMagic == QStringLiteral("3F1C4F9A-6C1B-4E0B-9A3D-2B7A1E5C8D90"));
    CHECK(tokenUpdate.hasUnlockToken);
    CHECK(tokenUpdate.unlockToken == QByteArray("unlock"));

    update.remove(QStringLiteral("UnlockToken"));
    const CheckinMessage withoutUnlock = parseCheckin(writePlist(update));
    REQUIRE(withoutUnlock.ok());
    CHECK_FALSE(withoutUnlock.hasUnlockToken);

    const CheckinMessage checkOut =
        parseCheckin(writePlist(QVariantMap{{QStringLiteral("MessageType"), QStringLiteral("CheckOut")},
                                            {QStringLiteral("UDID"), QStringLiteral("U1")}}));
    REQUIRE(checkOut.ok());
    CHECK(checkOut.type == CheckinType::CheckOut);

    struct Bad
    {
        QVariant body;
        const char *expected;
    };
    const auto without = [&update](const char *key) {
        QVariantMap copy = update;
        copy.remove(QString::fromLatin1(key));
        return QVariant(copy);
    };
    const auto with = [&update](const char *key, const QVariant &value) {
        QVariantMap copy = update;
        copy.insert(QString::fromLatin1(key), value);
        return QVariant(copy);
    };
    const QList<Bad> bad = {
        {QVariantList{QStringLiteral("MessageType")}, "not a <dict>"},
        {QStringLiteral("Authenticate"), "not a <dict>"},
        {without("UDID"), "UDID is missing"},
        {without("Token"), "Token is missing"},
        {without("PushMagic"), "PushMagic is missing"},
        {without("MessageType"), "MessageType is missing"},
        {with("UDID", QString()), "UDID is empty"},
        {with("UDID", qint64(5)), "UDID is not a <string>"},
        {with("Token", QStringLiteral("not data")), "Token is not <data>"},
        {with("MessageType", QStringLiteral("DeclarativeManagement")),
         "DeclarativeManagement is not supported"},
    };
    for (const Bad &b : bad) {
        const CheckinMessage message = parseCheckin(writePlist(b.body));
        INFO(b.expected);
        REQUIRE_FALSE(message.ok());
        INFO(message.error.toStdString());
        CHECK(message.error.contains(QString::fromUtf8(b.expected)));
    }
    const CheckinMessage unknown =
        parseCheckin(writePlist(with("MessageType", QStringLiteral("GetBootstrapToken"))));
    CHECK(unknown.type == CheckinType::Unknown);
    CHECK(unknown.messageType == QStringLiteral("GetBootstrapToken"));
    CHECK(parseCheckin("<plist><dict>").error.startsWith(QStringLiteral("Line ")));
}

TEST_CASE("plist: command reports and command bodies", "[plist]")
{
    const ConnectReport idle = parseConnect(
        doc("<dict><key>UDID</key><string>U1</string><key>Status</key><string>Idle</string></dict>"));
    REQUIRE(idle.ok());
    CHECK(idle.status == CommandStatus::Idle);
    CHECK(idle.udid == QStringLiteral("U1"));
    CHECK(idle.commandUuid.isEmpty());

    const ConnectReport acknowledged = parseConnect(doc(R"(<dict>
    <key>UDID</key><string>U1</string>
    <key>Status</key><string>Acknowledged</string>
    <key>CommandUUID</key><string>0D1E2F30-4152-6374-8596-A7B8C9DAEBFC</string>
</dict>)"));
    REQUIRE(acknowledged.ok());
    CHECK(acknowledged.status == CommandStatus::Acknowledged);
    CHECK(acknowledged.commandUuid == QStringLiteral("0D1E2F30-4152-6374-8596-A7B8C9DAEBFC"));

    const ConnectReport error = parseConnect(doc(R"(<dict>
    <key>UDID</key><string>U1</string>
    <key>Status</key><string>Error</string>
    <key>CommandUUID</key><string>C1</string>
    <key>ErrorChain</key>
    <array>
        <dict>
            <key>ErrorCode</key><integer>4001</integer>
            <key>ErrorDomain</key><string>MCProfileErrorDomain</string>
            <key>LocalizedDescription</key><string>Das Profil wurde nicht gefunden.</string>
            <key>USEnglishDescription</key><string>The profile
 “com.example.x” could not be found.</string>
        </dict>
        <dict>
            <key>ErrorCode</key><integer>1</integer>
            <key>ErrorDomain</key><string>MDMErrorDomain</string>
            <key>LocalizedDescription</key><string>Command failed.</string>
        </dict>
    </array>
</dict>)"));
    INFO(error.error.toStdString());
    REQUIRE(error.ok());
    CHECK(error.status == CommandStatus::Error);
    CHECK(error.errorChain ==
          QStringLiteral("The profile “com.example.x” could not be found. (MCProfileErrorDomain "
                         "4001); Command failed. (MDMErrorDomain 1)"));

    for (const char *status : {"NotNow", "CommandFormatError"}) {
        const ConnectReport report =
            parseConnect(writePlist(QVariantMap{{QStringLiteral("UDID"), QStringLiteral("U1")},
                                                {QStringLiteral("Status"), QString::fromLatin1(status)},
                                                {QStringLiteral("CommandUUID"), QStringLiteral("C2")}}));
        REQUIRE(report.ok());
        CHECK(report.statusText == QString::fromLatin1(status));
    }

    CHECK(parseConnect(doc("<dict><key>Status</key><string>Idle</string></dict>"))
              .error.contains(QStringLiteral("UDID is missing")));
    CHECK(parseConnect(doc("<dict><key>UDID</key><string>U</string></dict>"))
              .error.contains(QStringLiteral("Status is missing")));
    CHECK(parseConnect(
              doc("<dict><key>UDID</key><string>U</string><key>Status</key><string>Acknowledged</string>"
                  "</dict>"))
              .error.contains(QStringLiteral("CommandUUID is missing")));
    const ConnectReport odd = parseConnect(
        doc("<dict><key>UDID</key><string>U</string><key>Status</key><string>Maybe</string></dict>"));
    CHECK(odd.status == CommandStatus::Unknown);
    CHECK(odd.error.contains(QStringLiteral("Maybe is not supported")));
    CHECK(parseConnect(doc("<array/>")).error.contains(QStringLiteral("not a <dict>")));
    CHECK(parseConnect(
              doc("<dict><key>UDID</key><string>U</string><key>Status</key><string>Error</string>"
                  "<key>CommandUUID</key><string>C</string><key>ErrorChain</key><string>x</string></dict>"))
              .error.contains(QStringLiteral("ErrorChain is not an <array>")));

    const QByteArray remove =
        commandPlist(QStringLiteral("C-REMOVE"), QStringLiteral("RemoveProfile"),
                     {{QStringLiteral("Identifier"), QStringLiteral("com.example.mdm.42")}});
    const QByteArray erase = commandPlist(QStringLiteral("C-ERASE"), QStringLiteral("EraseDevice"),
                                          {{QStringLiteral("PIN"), QStringLiteral("123456")}});
    const char *script = R"(
import sys, plistlib, json
p = plistlib.loads(sys.stdin.buffer.read())
print(json.dumps({'uuid': p['CommandUUID'], 'command': p['Command'], 'keys': sorted(p)}))
)";
    const QJsonObject removeSeen = pythonReads(remove, script);
    CHECK(removeSeen.value(QStringLiteral("uuid")).toString() == QStringLiteral("C-REMOVE"));
    CHECK(removeSeen.value(QStringLiteral("keys")).toVariant().toStringList() ==
          QStringList{QStringLiteral("Command"), QStringLiteral("CommandUUID")});
    const QJsonObject removeCommand = removeSeen.value(QStringLiteral("command")).toObject();
    CHECK(removeCommand.value(QStringLiteral("RequestType")).toString() == QStringLiteral("RemoveProfile"));
    CHECK(removeCommand.value(QStringLiteral("Identifier")).toString() ==
          QStringLiteral("com.example.mdm.42"));
    const QJsonObject eraseCommand = pythonReads(erase, script).value(QStringLiteral("command")).toObject();
    CHECK(eraseCommand.value(QStringLiteral("RequestType")).toString() == QStringLiteral("EraseDevice"));
    CHECK(eraseCommand.value(QStringLiteral("PIN")).toString() == QStringLiteral("123456"));
    CHECK(pythonReads(commandPlist(QStringLiteral("C3"), QStringLiteral("DeviceInformation")), script)
              .value(QStringLiteral("command"))
              .toObject()
              .keys() == QStringList{QStringLiteral("RequestType")});
}

TEST_CASE("plist: the enrollment profile", "[plist]")
{
    CHECK(enrollmentUrl(QStringLiteral("https://h"), QStringLiteral("mdm/connect"), QStringLiteral("s")) ==
          QStringLiteral("https://h/mdm/connect?e=s"));
    CHECK(enrollmentUrl(QStringLiteral("https://h/"), QStringLiteral("mdm/connect"), QStringLiteral("s")) ==
          QStringLiteral("https://h/mdm/connect?e=s"));
    CHECK(enrollmentUrl(QStringLiteral("https://h/base//"), QStringLiteral("mdm/checkin"),
                        QStringLiteral("a b&c=d/+")) ==
          QStringLiteral("https://h/base/mdm/checkin?e=a%20b%26c%3Dd%2F%2B"));

    const QByteArray pkcs12("\x30\x82\x01\x00 not really DER", 25);
    for (const QString &url :
         {QStringLiteral("https://h"), QStringLiteral("https://h/"), QStringLiteral("https://h/base//")}) {
        EnrollmentProfileInput in;
        in.publicUrl = url;
        in.secret = QStringLiteral("s3cr&t");
        in.profileIdentifier = QStringLiteral("com.example.mdm.enrollment.7f3a");
        in.topic = QStringLiteral("com.apple.mgmt.External.1234");
        in.organisation = QStringLiteral("Example & Söhne");
        in.userDisplayName = QStringLiteral("Anna Berg");
        in.identityPkcs12 = pkcs12;
        in.identityPassword = QStringLiteral("pw");
        const QByteArray profile = enrollmentProfile(in);
        REQUIRE(readPlist(profile).ok());

        const QJsonObject seen = pythonReads(profile, R"(
import sys, plistlib, json, base64
p = plistlib.loads(sys.stdin.buffer.read())
by_type = {c['PayloadType']: c for c in p['PayloadContent']}
mdm = by_type['com.apple.mdm']
ident = by_type['com.apple.security.pkcs12']
uuids = [p['PayloadUUID']] + [c['PayloadUUID'] for c in p['PayloadContent']]
print(json.dumps({
  'type': p['PayloadType'], 'id': p['PayloadIdentifier'], 'version': p['PayloadVersion'],
  'org': p['PayloadOrganization'], 'name': p['PayloadDisplayName'], 'count': len(p['PayloadContent']),
  'uuidsUnique': len(set(uuids)) == len(uuids),
  'server': mdm['ServerURL'], 'checkin': mdm['CheckInURL'], 'checkout': mdm['CheckOutWhenRemoved'],
  'rights': mdm['AccessRights'], 'topic': mdm['Topic'], 'sign': mdm['SignMessage'],
  'identityRef': mdm['IdentityCertificateUUID'] == ident['PayloadUUID'],
  'pkcs12': base64.b64encode(ident['PayloadContent']).decode(), 'password': ident['Password'],
  'payloadIds': [c['PayloadIdentifier'] for c in p['PayloadContent']],
  'versions': [c['PayloadVersion'] for c in p['PayloadContent']]}))
)");
        INFO(url.toStdString());
        CHECK(seen.value(QStringLiteral("type")).toString() == QStringLiteral("Configuration"));
        CHECK(seen.value(QStringLiteral("id")).toString() == in.profileIdentifier);
        CHECK(seen.value(QStringLiteral("version")).toInt() == 1);
        CHECK(seen.value(QStringLiteral("org")).toString() == in.organisation);
        CHECK(seen.value(QStringLiteral("name")).toString().contains(in.organisation));
        CHECK(seen.value(QStringLiteral("count")).toInt() == 2);
        CHECK(seen.value(QStringLiteral("uuidsUnique")).toBool());
        const QString base = url == QStringLiteral("https://h/base//") ? QStringLiteral("https://h/base")
                                                                       : QStringLiteral("https://h");
        CHECK(seen.value(QStringLiteral("server")).toString() ==
              base + QStringLiteral("/mdm/connect?e=s3cr%26t"));
        CHECK(seen.value(QStringLiteral("checkin")).toString() ==
              base + QStringLiteral("/mdm/checkin?e=s3cr%26t"));
        CHECK(seen.value(QStringLiteral("checkout")).toBool());
        const int rights = seen.value(QStringLiteral("rights")).toInt();
        CHECK((rights & 1) == 1); // inspect profiles: Apple requires it with 2
        CHECK((rights & 2) == 2); // install and remove profiles
        CHECK((rights & 8) == 8); // erase the device
        CHECK(seen.value(QStringLiteral("topic")).toString() == in.topic);
        CHECK_FALSE(seen.value(QStringLiteral("sign")).toBool(true));
        CHECK(seen.value(QStringLiteral("identityRef")).toBool());
        CHECK(seen.value(QStringLiteral("pkcs12")).toString() == QString::fromLatin1(pkcs12.toBase64()));
        CHECK(seen.value(QStringLiteral("password")).toString() == QStringLiteral("pw"));
        for (const QJsonValue &id : seen.value(QStringLiteral("payloadIds")).toArray())
            CHECK(id.toString().startsWith(in.profileIdentifier + QLatin1Char('.')));
        for (const QJsonValue &version : seen.value(QStringLiteral("versions")).toArray())
            CHECK(version.toInt() == 1);
    }
}
