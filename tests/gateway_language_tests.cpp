// The invitation landing page and its 404/410 pages speak the browser's language (Accept-Language) when
// the console ships it, else the serve process's; <html lang> and Content-Language say which.
#include "gateway_support.h"
#include "page_language.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using mdm::test::kDayMs;
using mdm::test::qs;

using namespace mdm;
using mdm::gateway::negotiateLanguage;

namespace {

using Response = test::GatewayResponse;
using Gateway = test::GatewayProcess;
using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers acceptLanguage(const QByteArray &value)
{
    return {{"Accept-Language", value}};
}

QString text(const Response &r)
{
    return QString::fromUtf8(r.body);
}

} // namespace

TEST_CASE("Accept-Language picks a shipped language by q-value region and wildcard", "[gateway][lang]")
{
    const QStringList shipped{qs("de"), qs("en")};
    const auto pick = [&](const char *header, const char *fallback = "en") {
        return negotiateLanguage(header, shipped, qs(fallback));
    };
    CHECK(pick("de-DE,de;q=0.9,en;q=0.8") == qs("de"));
    CHECK(pick("en") == qs("en"));
    CHECK(pick("en", "de") == qs("en"));
    CHECK(pick("fr") == qs("en"));
    CHECK(pick("fr", "de") == qs("de"));
    CHECK(pick("") == qs("en"));
    CHECK(pick("", "de") == qs("de"));
    CHECK(pick("DE-at") == qs("de"));
    CHECK(pick("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5") == qs("en"));
    CHECK(pick("en;q=0.5, de") == qs("de"));       // q-values count, not the order
    CHECK(pick("de;q=0.8, en;q=0.8") == qs("de")); // equal q: the header's order
    CHECK(pick("fr, *;q=0.1", "de") == qs("de"));  // "*": anything, the server's own first
    CHECK(pick("*, de;q=0") == qs("en"));          // refused, even through "*"
    CHECK(pick("de;q=0, *", "de") == qs("en"));
    CHECK(pick("de;q=0", "de") == qs("de"));        // nothing acceptable: the server's language anyway
    CHECK(pick("de-CH;q=0, de;q=0.5") == qs("de")); // a refused region is not the whole language
    CHECK(pick("de;q=abc, en") == qs("en"));        // a malformed range is skipped
    CHECK(pick(" de ; q = 0.9 ,en;q=0.2") == qs("de"));
    CHECK(pick("es, fr;q=0.3") == qs("en"));
}

TEST_CASE("Landing pages follow Accept-Language on an English server", "[gateway][lang]")
{
    Gateway gw;
    const QString valid = gw.invite("Ana Maria Lima", "android");
    const QString expired = gw.invite("Bo Chen", "android", 8 * kDayMs);
    gw.start({}, {qs("--lang"), qs("en")});

    Response r =
        gw.request("GET", qs("/enroll/") + valid, {}, {}, {}, acceptLanguage("de-DE,de;q=0.9,en;q=0.8"));
    CHECK(r.status == 200);
    CHECK(r.contentLanguage == "de");
    CHECK(text(r).contains(qs("<html lang=\"de\"")));
    CHECK(text(r).contains(qs("Registrieren Sie Ihr Gerät")));
    CHECK(text(r).contains(qs("Guten Tag Ana,")));
    // The platform steps come from the invitation mail's texts: German too.
    CHECK(
        text(r).contains(qs("Öffnen Sie diese E-Mail auf dem Android-Gerät, das Sie registrieren möchten.")));
    // And the bundled help's steps for the platform, from its German page.
    CHECK(text(r).contains(qs("<h2>Schritte für den Benutzer</h2>")));
    CHECK_FALSE(text(r).contains(qs("Enroll your device")));

    r = gw.request("GET", qs("/enroll/") + valid, {}, {}, {}, acceptLanguage("en"));
    CHECK(r.status == 200);
    CHECK(r.contentLanguage == "en");
    CHECK(text(r).contains(qs("<html lang=\"en\"")));
    CHECK(text(r).contains(qs("Enroll your device")));
    CHECK(text(r).contains(qs("Open this email on the Android device you want to enroll.")));
    CHECK(text(r).contains(qs("<h2>Steps for the user</h2>")));
    CHECK_FALSE(text(r).contains(qs("Troubleshooting")));

    r = gw.request("GET", qs("/enroll/") + valid, {}, {}, {}, acceptLanguage("fr"));
    CHECK(r.contentLanguage == "en");
    CHECK(text(r).contains(qs("Enroll your device")));

    r = gw.request("GET", qs("/enroll/unknown-token"), {}, {}, {}, acceptLanguage("de"));
    CHECK(r.status == 404);
    CHECK(r.contentLanguage == "de");
    CHECK(text(r).contains(qs("<html lang=\"de\">")));
    CHECK(text(r).contains(qs("Dieser Registrierungslink ist nicht bekannt.")));

    r = gw.request("GET", qs("/enroll/") + expired, {}, {}, {}, acceptLanguage("de-AT"));
    CHECK(r.status == 410);
    CHECK(r.contentLanguage == "de");
    CHECK(text(r).contains(qs("Diese Einladung ist abgelaufen.")));

    // The process's own messages stay in its language.
    r = gw.request("POST", qs("/enroll/") + valid, {}, {}, {}, acceptLanguage("de"));
    CHECK(r.status == 405);
    CHECK(r.contentLanguage.isEmpty());
    CHECK(gw.stop() == 0);
}

TEST_CASE("Landing pages follow Accept-Language on a German server", "[gateway][lang]")
{
    Gateway gw;
    const QString valid = gw.invite("Ana Maria Lima", "ios");
    gw.start({}, {qs("--lang"), qs("de")});

    // English wins over the process's German translation, texts the English file lacks included.
    Response r = gw.request("GET", qs("/enroll/") + valid, {}, {}, {}, acceptLanguage("en-US,en;q=0.9"));
    CHECK(r.contentLanguage == "en");
    CHECK(text(r).contains(qs("<html lang=\"en\"")));
    CHECK(text(r).contains(qs("Enroll your device")));
    CHECK(text(r).contains(qs("Download the enrollment profile")));
    CHECK_FALSE(text(r).contains(qs("Gerät")));

    // (Without the header Qt's client would send its own, from this test process's locale.)
    for (const QByteArray &header : {QByteArray("fr"), QByteArray("*"), QByteArray("fr, *;q=0.1")}) {
        INFO(header.toStdString());
        r = gw.request("GET", qs("/enroll/") + valid, {}, {}, {}, acceptLanguage(header));
        CHECK(r.contentLanguage == "de");
        CHECK(text(r).contains(qs("<html lang=\"de\"")));
        CHECK(text(r).contains(qs("Registrierungsprofil herunterladen")));
    }
    r = gw.request("GET", qs("/enroll/unknown-token"), {}, {}, {}, acceptLanguage("en"));
    CHECK(r.status == 404);
    CHECK(r.contentLanguage == "en");
    CHECK(text(r).contains(qs("This enrollment link is not known.")));
    CHECK(gw.stop() == 0);
}
