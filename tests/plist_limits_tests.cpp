// Limits of the plist reader (app/gateway/apple/plist.cpp) found while fuzzing it: bodies whose cost
// grows faster than their size, and encodings that would slip past the checks made on the bytes.
#include "plist.h"

#include <QElapsedTimer>
#include <catch2/catch.hpp>

using namespace mdm::gateway;

namespace {

const QByteArray kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n";

QByteArray attributes(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += " a" + QByteArray::number(i) + "='x=>y'";
    return out;
}

} // namespace

TEST_CASE("plist limits: a tag crowded with attributes is refused fast", "[identity][plist]")
{
    // 16 attributes (with '=' and '>' inside quoted values) still read; one more is refused.
    const PlistResult sixteen = readPlist(kHead + "<dict" + attributes(16) + "/>\n</plist>\n");
    INFO(sixteen.error.toStdString());
    CHECK(sixteen.ok());
    const PlistResult seventeen = readPlist(kHead + "<dict" + attributes(17) + "/>\n</plist>\n");
    CHECK(seventeen.error == QStringLiteral("Line 3: an element with more than 16 attributes."));

    // Comments, CDATA and <?…?> may hold '=' freely.
    const QByteArray equals(100, '=');
    const PlistResult inText = readPlist(kHead + "<!--" + equals + "-->\n<string><![CDATA[" + equals + "]]>" +
                                         equals + "</string>\n</plist>\n");
    INFO(inText.error.toStdString());
    CHECK(inText.ok());
    CHECK(inText.value.toString() == QString::fromLatin1(equals + equals));
    CHECK(readPlist("<?xml version='1.0' " + equals + "?><plist><true/></plist>")
              .error.contains(QStringLiteral("Line 1")));

    // A 64 KiB body of attributes took 250 ms to parse; refused before parsing, it takes next to nothing.
    QByteArray crowded = "<plist version=\"1.0\"><dict";
    for (int i = 0; crowded.size() < 64 * 1024 - 40; ++i)
        crowded += " b" + QByteArray::number(i) + "=''";
    crowded += "/></plist>";
    QElapsedTimer timer;
    timer.start();
    const PlistResult result = readPlist(crowded);
    const qint64 ms = timer.elapsed();
    CHECK(!result.ok());
    CHECK(result.error.contains(QStringLiteral("more than 16 attributes")));
    CHECK(ms < 20);
}

TEST_CASE("plist limits: bodies must be UTF-8", "[identity][plist]")
{
    // UTF-7 (decoded through ICU) would hide markup from the byte checks.
    const PlistResult utf7 =
        readPlist("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-plist version=\"1.0\"+AD4-"
                  "+ADw-true/+AD4-+ADw-/plist+AD4-");
    CHECK(utf7.error == QStringLiteral("Line 1: the body is declared as UTF-7; bodies must be UTF-8."));
    CHECK(!readPlist("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><plist><true/></plist>").ok());
    // UTF-16 always carries NUL bytes.
    const QString text = QStringLiteral("<plist version=\"1.0\"><true/></plist>");
    const QByteArray utf16(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    CHECK(readPlist(utf16).error == QStringLiteral("Line 1: a NUL byte; bodies must be UTF-8."));
    CHECK(readPlist(kHead + "<string>a\nb" + QByteArray(1, '\0') + "</string></plist>")
              .error.startsWith(QStringLiteral("Line 4: ")));

    // UTF-8, declared in any case or not at all, still reads.
    CHECK(readPlist("<?xml version=\"1.0\" encoding=\"utf-8\"?><plist><string>é</string></plist>").value ==
          QStringLiteral("é"));
    CHECK(readPlist("<plist><string>é</string></plist>").value == QStringLiteral("é"));
    CHECK(readPlist("\xef\xbb\xbf<plist><true/></plist>").value == true);
}
