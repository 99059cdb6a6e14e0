// The QR code of the enrollment link in the console's Enrollment steps dialog and in the invitation
// mail's HTML, read back by a real scanner (zbarimg) from what is drawn.
#include "console_fixture.h"
#include "dialogs/enrollment_steps_dialog.h"
#include "gui_support.h"
#include "mail/invitation_mail.h"
#include "mail/mail_settings.h"
#include "qr_support.h"
#include "services/enrollment_service.h"
#include "store/store.h"
#include "test_support.h"
#include "window/action_controller.h"
#include "window/console_actions.h"
#include "window/main_window.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTranslator>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::decodeQrFile;
using mdm::test::decodeQrImage;
using mdm::test::saveScreenshot;
using mdm::test::scalar;
using mdm::test::waitUntil;

namespace {

QLabel *qrLabel(EnrollmentStepsDialog *dialog)
{
    return dialog->findChild<QLabel *>(QStringLiteral("enrollmentQrCode"));
}

// What a user's camera sees: the whole dialog as drawn, scanned by zbarimg.
QString scanDialog(EnrollmentStepsDialog *dialog, const QString &name)
{
    return decodeQrFile(saveScreenshot(dialog, name));
}

} // namespace

TEST_CASE("The Enrollment steps dialog shows the link's QR code and follows its invitation", "[qr][gui]")
{
    mdm::test::ConsoleFixture console;
    MailSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.fromAddress = QStringLiteral("it@contoso.example");
    settings.linkBase = QStringLiteral("https://mdm.contoso.example//");
    QString error;
    REQUIRE(settings.save(*console.store, &error));
    console.selectRows(TabKind::Pending, 0, 0);
    console.window->actions().resend->trigger(); // a queued mail: the console knows the link
    console.waitForAction();
    console.selectRows(TabKind::Pending, 0, 0);
    console.window->actions().enrollmentSteps->trigger();
    auto *steps = console.dialog<EnrollmentStepsDialog>();

    const QString link = decodeQrImage(steps->qrImage());
    INFO(link.toStdString());
    CHECK(link.startsWith(QLatin1String("https://mdm.contoso.example/enroll/")));
    CHECK(link.size() > 40);
    CHECK(steps->detailsText().contains(link)); // the QR code is the link the dialog (and mail) shows
    QLabel *qr = qrLabel(steps);
    REQUIRE(qr);
    CHECK(qr->isVisible());
    CHECK_FALSE(qr->accessibleName().isEmpty());
    CHECK(qr->accessibleDescription() == link);
    // Crisp: whole pixels per module (4-module quiet zone on each side) and only black and white.
    const QImage image = steps->qrImage().convertToFormat(QImage::Format_Grayscale8);
    CHECK(image.width() % 4 == 0);
    bool twoTones = true;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            twoTones = twoTones && (qGray(image.pixel(x, y)) == 0 || qGray(image.pixel(x, y)) == 255);
    CHECK(twoTones);
    CHECK(scanDialog(steps, QStringLiteral("qr-enrollment-steps")) == link);

    // A resend issues a new link: the open dialog shows it and its QR code.
    console.window->actions().resend->trigger();
    console.waitForAction();
    REQUIRE(waitUntil([&] { return decodeQrImage(steps->qrImage()) != link; }, 15000));
    const QString renewed = decodeQrImage(steps->qrImage());
    CHECK(renewed.startsWith(QLatin1String("https://mdm.contoso.example/enroll/")));
    CHECK(steps->detailsText().contains(renewed));
    CHECK(scanDialog(steps, QStringLiteral("qr-enrollment-steps-renewed")) == renewed);

    // Gone (removed here or elsewhere): nothing left to scan.
    steps->showInvitation(InvitationInfo{}, console.clock.nowMs(), QString());
    CHECK(steps->qrImage().isNull());
    CHECK_FALSE(qr->isVisible());
    CHECK(scanDialog(steps, QStringLiteral("qr-enrollment-steps-removed")).isEmpty());
    steps->close();
}

TEST_CASE("A long link's QR code still fits and scans, in English and German", "[qr][gui]")
{
    mdm::test::ConsoleFixture console;
    const qint64 queued =
        scalar(*console.store, QStringLiteral("SELECT min(id) FROM invitations WHERE delivery = 0"));
    REQUIRE(queued > 0);
    const InvitationInfo info = EnrollmentService(*console.store, console.clock).invitation(queued);
    REQUIRE_FALSE(info.linkToken.isEmpty());
    QString base = QStringLiteral("https://enrollment-gateway.branch-office-frankfurt.example.com/");
    while (base.size() < 240)
        base += QStringLiteral("mdm-path-segment/");
    const QString link = MailSettings::enrollmentLinkFor(base, info.linkToken);
    REQUIRE(link.size() >= 280);

    const auto check = [&](const QString &name) {
        EnrollmentStepsDialog dialog(info, console.clock.nowMs(), link);
        dialog.setAttribute(Qt::WA_DeleteOnClose, false); // on the stack here
        dialog.show();
        REQUIRE(waitUntil([&] { return dialog.isVisible(); }));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        CHECK(decodeQrImage(dialog.qrImage()) == link);
        // The code fits the dialog whole, beside the steps.
        QLabel *qr = qrLabel(&dialog);
        REQUIRE(qr);
        CHECK(qr->height() >= dialog.qrImage().height() / dialog.qrImage().devicePixelRatio());
        CHECK(qr->mapTo(&dialog, QPoint(0, qr->height())).y() <= dialog.height());
        CHECK(scanDialog(&dialog, name) == link);
    };
    SECTION("English")
    {
        check(QStringLiteral("qr-enrollment-steps-long-en"));
    }
    SECTION("German")
    {
        QTranslator german;
        REQUIRE(german.load(QLocale(QLocale::German), QStringLiteral("mdm_console"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&german);
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        check(QStringLiteral("qr-enrollment-steps-long-de"));
        QCoreApplication::removeTranslator(&german);
        QLocale::setDefault(previous);
    }
}

TEST_CASE("The invitation mail's HTML shows the QR code it carries, readable by a scanner", "[qr][gui]")
{
    MailSettings settings;
    settings.linkBase = QStringLiteral("https://mdm.example.com/");
    OutboxMessage message;
    message.recipient = QStringLiteral("jo@example.com");
    message.userName = QStringLiteral("Jo Example");
    message.linkToken = QStringLiteral("zo_k5oM-9aXq_Tc3LrVb0wQ_4hTnYpK2mW8sJd1fGcE");
    message.platform = Platform::iOS;
    message.expiresAt = QDateTime(QDate(2026, 3, 9), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    const InvitationMail mail = InvitationMail::compose(message, settings);
    const QString link = settings.enrollmentLink(message.linkToken);
    REQUIRE(mail.images.size() == 1);
    const QByteArray contentId = mail.images.first().contentId;
    CHECK(contentId == "enrollment-qr@mdm.example.com");
    CHECK(
        mail.html.contains(QStringLiteral("<img src=\"cid:%1\" alt=\"").arg(QString::fromLatin1(contentId))));
    CHECK_FALSE(mail.text.contains(QLatin1String("cid:")));
    CHECK(mail.images.first().png.size() < 4096);

    // Drawn as a mail client would: the cid: URL resolved to the attached PNG.
    QTextBrowser view;
    view.document()->addResource(QTextDocument::ImageResource,
                                 QUrl(QStringLiteral("cid:") + QString::fromLatin1(contentId)),
                                 QImage::fromData(mail.images.first().png, "PNG"));
    view.setHtml(mail.html);
    view.resize(640, 720);
    view.show();
    REQUIRE(waitUntil([&] { return view.isVisible(); }));
    CHECK(decodeQrFile(saveScreenshot(&view, QStringLiteral("qr-invitation-mail"))) == link);
}
