// The action dialogs behave predictably: where typing starts, what Enter does, what the dialog says
// about the records it changes, and where the admin lands afterwards.
#include "console_fixture.h"
#include "dialogs/assign_dialog.h"
#include "dialogs/deprovision_dialog.h"
#include "dialogs/invite_dialog.h"
#include "gui_support.h"
#include "index/record_table_model.h"
#include "services/enrollment_service.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/message_box.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QWindow>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::saveScreenshot;
using mdm::test::scalar;
using mdm::test::waitUntil;

namespace {

// The first row of the Managed tab whose device is enrolled.
int firstEnrolledRow(DeviceTabView *managed)
{
    int row = 0;
    while (managed->model().index(row, ManagedColumn::Status).data().toString() != QStringLiteral("Enrolled"))
        ++row;
    return row;
}

DeviceInfo device(const QString &name, Platform platform, const QString &user)
{
    DeviceInfo d;
    d.name = name;
    d.platform = platform;
    d.state = DeviceState::Enrolled;
    d.userName = user;
    d.email = user.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) + QStringLiteral("@contoso.example");
    return d;
}

QString textOf(const Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
}

// Restores the default locale a test changed.
struct DefaultLocale
{
    QLocale saved;
    explicit DefaultLocale(const QLocale &locale) { QLocale::setDefault(locale); }
    ~DefaultLocale() { QLocale::setDefault(saved); }
};

} // namespace

TEST_CASE("Deprovision: typing starts in the confirmation, Enter acts only once it matches", "[gui][dialogs]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    const int row = firstEnrolledRow(managed);
    console.selectRows(TabKind::Managed, row, row);
    const qint64 id = managed->model().idAt(row);
    const QString name = managed->model().index(row, ManagedColumn::Device).data().toString();
    // The label does not promise a wipe while the dialog starts on Revoke MDM.
    CHECK_FALSE(console.window->actions().deprovision->text().contains(QStringLiteral("Wipe")));
    console.window->actions().deprovision->trigger();
    auto *dialog = console.dialog<DeprovisionDialog>();
    // Keys go to the active window, as a window manager makes a new dialog.
    dialog->windowHandle()->requestActivate();
    REQUIRE(waitUntil([dialog] { return QApplication::activeWindow() == dialog; }));
    CHECK(QApplication::focusWidget() == dialog->confirmationEdit());
    CHECK(dialog->destroyButton()->isDefault());
    CHECK(dialog->windowTitle() == QStringLiteral("Deprovision: Revoke MDM"));
    dialog->factoryResetChoice()->setChecked(true);
    CHECK(dialog->windowTitle() == QStringLiteral("Deprovision: Factory Reset"));
    dialog->revokeChoice()->setChecked(true);
    CHECK(dialog->mode() == DeprovisionMode::RevokeMdm);

    // Enter before the text matches neither closes the dialog nor does anything.
    QTest::keyClicks(dialog->focusWidget(), name.left(3));
    QTest::keyClick(dialog->confirmationEdit(), Qt::Key_Return);
    CHECK(dialog->isVisible());
    CHECK_FALSE(dialog->destroyButton()->isEnabled());
    dialog->confirmationEdit()->clear();
    QTest::keyClicks(dialog->focusWidget(), name);
    CHECK(dialog->destroyButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("dialogs-deprovision-one"));
    QTest::keyClick(dialog->confirmationEdit(), Qt::Key_Return);
    console.waitForAction();
    CHECK(scalar(*console.store, QStringLiteral("SELECT state FROM devices WHERE id = %1").arg(id)) ==
          static_cast<int>(DeviceState::RevokePending));
}

TEST_CASE("Deprovision many: the count is accepted as the label groups it, Tab order, one note per text",
          "[gui][dialogs]")
{
    const QList<DeviceInfo> sample{
        device(QStringLiteral("Aiko's iPhone"), Platform::iOS, QStringLiteral("Aiko Tanaka")),
        device(QStringLiteral("Ben's iPad"), Platform::iPadOS, QStringLiteral("Ben Ode")),
        device(QStringLiteral("Cleo's Pixel"), Platform::Android, QStringLiteral("Cleo Park"))};

    SECTION("English grouping")
    {
        DefaultLocale english(QLocale(QLocale::English, QLocale::UnitedStates));
        DeprovisionDialog dialog(sample, 200000);
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        CHECK(dialog.expectedConfirmation() == QStringLiteral("200,000"));
        for (const QString &typed :
             {QStringLiteral("200,000"), QStringLiteral("200000"), QStringLiteral(" 200,000 ")}) {
            dialog.confirmationEdit()->setText(typed);
            CHECK(dialog.destroyButton()->isEnabled());
        }
        for (const QString &typed :
             {QStringLiteral("20,0000"), QStringLiteral("200,001"), QStringLiteral("3")}) {
            dialog.confirmationEdit()->setText(typed);
            CHECK_FALSE(dialog.destroyButton()->isEnabled());
        }
        // iOS and iPadOS share their note: it is listed once.
        CHECK(dialog.platformNoteText().count(QStringLiteral("iOS/iPadOS")) == 1);
        CHECK(dialog.platformNoteText().contains(QStringLiteral("Android")));
        dialog.factoryResetChoice()->setChecked(true);
        CHECK(dialog.platformNoteText().count(QStringLiteral("iOS/iPadOS")) == 1);
        dialog.revokeChoice()->setChecked(true);

        // Tab: field → choice → list → buttons.
        dialog.confirmationEdit()->setText(QStringLiteral("200,000"));
        CHECK(dialog.focusWidget() == dialog.confirmationEdit());
        QTest::keyClick(dialog.focusWidget(), Qt::Key_Tab);
        CHECK(qobject_cast<QRadioButton *>(dialog.focusWidget()));
        QWidget *afterChoice = nullptr;
        for (int i = 0; i < 2 && !qobject_cast<QListWidget *>(afterChoice); ++i) {
            QTest::keyClick(dialog.focusWidget(), Qt::Key_Tab);
            afterChoice = dialog.focusWidget();
        }
        CHECK(qobject_cast<QListWidget *>(afterChoice));
        QTest::keyClick(dialog.focusWidget(), Qt::Key_Tab);
        CHECK(dialog.focusWidget() == dialog.destroyButton());
        saveScreenshot(&dialog, QStringLiteral("dialogs-deprovision-many"));
    }
    SECTION("German grouping, and the English one still counts")
    {
        DefaultLocale german(QLocale(QLocale::German, QLocale::Germany));
        DeprovisionDialog dialog(sample, 200000);
        CHECK(dialog.expectedConfirmation() == QStringLiteral("200.000"));
        for (const QString &typed :
             {QStringLiteral("200.000"), QStringLiteral("200,000"), QStringLiteral("200000")}) {
            dialog.confirmationEdit()->setText(typed);
            CHECK(dialog.destroyButton()->isEnabled());
        }
    }
}

TEST_CASE("Re-assign names the devices and their users, and says what will happen", "[gui][dialogs]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    const int row = firstEnrolledRow(managed);
    console.selectRows(TabKind::Managed, row, row);
    const qint64 id = managed->model().idAt(row);
    const QString name = managed->model().index(row, ManagedColumn::Device).data().toString();
    const QString owner = managed->model().index(row, ManagedColumn::User).data().toString();
    console.window->actions().reassign->trigger();
    auto *dialog = console.dialog<AssignDialog>();
    CHECK(dialog->headlineText().contains(name.toHtmlEscaped()));
    CHECK(dialog->headlineText().contains(owner.toHtmlEscaped()));
    // Nothing typed yet: no red error, just a button that waits.
    CHECK(dialog->problemText().isEmpty());
    CHECK_FALSE(dialog->okButton()->isEnabled());
    // The group's first entry says what it means instead of being blank.
    CHECK(dialog->groupBox()->itemText(0) == QStringLiteral("Keep each device's group"));
    CHECK(dialog->groupBox()->currentText() == QStringLiteral("Keep each device's group"));
    CHECK(dialog->target().group.isEmpty());
    CHECK(dialog->effectText().contains(QStringLiteral("change hands")));
    saveScreenshot(dialog, QStringLiteral("dialogs-reassign-start"));

    // Only the group changes: nobody's device changes hands.
    QTest::mouseClick(dialog->groupOnlyChoice(), Qt::LeftButton);
    CHECK(dialog->groupOnlyChoice()->isChecked());
    CHECK_FALSE(dialog->effectText().contains(QStringLiteral("change hands")));
    CHECK(dialog->problemText() == QStringLiteral("Choose the group."));

    // A "new" user with a known email (in other case) is that user, and the dialog says so.
    const qint64 known = scalar(*console.store, QStringLiteral("SELECT min(id) FROM users WHERE id NOT IN"
                                                               " (SELECT user_id FROM devices WHERE id = %1)")
                                                    .arg(id));
    const QString knownEmail =
        textOf(*console.store, QStringLiteral("SELECT email FROM users WHERE id = %1").arg(known));
    const QString knownName =
        textOf(*console.store, QStringLiteral("SELECT name FROM users WHERE id = %1").arg(known));
    QTest::keyClicks(dialog->newNameEdit(), QStringLiteral("Someone Else"));
    QTest::keyClicks(dialog->newEmailEdit(), knownEmail.toUpper());
    CHECK(dialog->newUserChoice()->isChecked());
    CHECK(dialog->effectText().contains(QStringLiteral("change hands")));
    CHECK(dialog->noteText().contains(knownName));
    CHECK(dialog->noteText().contains(QStringLiteral("“Someone Else” is not used")));
    CHECK(dialog->okButton()->isEnabled());
    saveScreenshot(dialog, QStringLiteral("dialogs-reassign-known-email"));
    dialog->okButton()->click();
    console.waitForAction();
    CHECK(scalar(*console.store, QStringLiteral("SELECT user_id FROM devices WHERE id = %1").arg(id)) ==
          known);
    CHECK(scalar(*console.store, QStringLiteral("SELECT count(*) FROM users WHERE name = 'Someone Else'")) ==
          0);

    // Several devices: each is listed with its user.
    console.selectRows(TabKind::Managed, 0, 2);
    console.window->actions().reassign->trigger();
    auto *many = console.dialog<AssignDialog>();
    CHECK(many->headlineText().contains(QStringLiteral("3 device")));
    auto *list = many->findChild<QListWidget *>();
    REQUIRE(list);
    CHECK(list != many->userList());
    const QString firstUser = managed->model().index(0, ManagedColumn::User).data().toString();
    CHECK(list->item(0)->text().contains(managed->model().index(0, ManagedColumn::Device).data().toString()));
    CHECK(list->item(0)->text().contains(firstUser));
    saveScreenshot(many, QStringLiteral("dialogs-reassign-many"));
    many->reject();
}

TEST_CASE("Enroll Additional Device offers a new platform, keeps the form on Cancel, shows the invitation",
          "[gui][dialogs]")
{
    mdm::test::ConsoleFixture console;
    DeviceTabView *managed = console.show(TabKind::Managed);
    const int row = firstEnrolledRow(managed);
    console.selectRows(TabKind::Managed, row, row);
    const qint64 id = managed->model().idAt(row);
    const int ownPlatform = static_cast<int>(
        scalar(*console.store, QStringLiteral("SELECT platform FROM devices WHERE id = %1").arg(id)));
    console.window->actions().additionalDevice->trigger();
    auto *dialog = console.dialog<InviteDialog>();
    CHECK(dialog->windowTitle() == QStringLiteral("Enroll Additional Device"));
    // Prefilled on a platform the user has nothing on yet: no duplicate warning by default.
    const InviteRequest offered = dialog->request();
    CHECK(static_cast<int>(offered.platform) != ownPlatform);
    CHECK(EnrollmentService(*console.store, console.clock).warnings(offered).isEmpty());
    CHECK(dialog->groupBox()->itemText(0) == QStringLiteral("No group"));
    saveScreenshot(dialog, QStringLiteral("dialogs-additional-device"));

    // The same platform again: the warning's Cancel returns to the form as it was.
    const QString invitations = QStringLiteral("SELECT count(*) FROM invitations");
    const qint64 before = scalar(*console.store, invitations);
    dialog->platformBox()->setCurrentIndex(dialog->platformBox()->findData(ownPlatform));
    MessageBox::setNextAnswer(MessageBox::Cancel);
    dialog->sendButton()->click();
    CHECK(MessageBox::lastMessage().text.contains(QStringLiteral("already has an enrolled")));
    QTest::qWait(50);
    CHECK(dialog->isVisible());
    CHECK(dialog->request().email == offered.email);
    CHECK(scalar(*console.store, invitations) == before);

    // Sent on the offered platform: the new invitation is selected and in view on Enrollment Pending.
    dialog->platformBox()->setCurrentIndex(
        dialog->platformBox()->findData(static_cast<int>(offered.platform)));
    dialog->sendButton()->click();
    console.waitForAction();
    const qint64 created = scalar(*console.store, QStringLiteral("SELECT max(id) FROM invitations"));
    CHECK(scalar(*console.store, invitations) == before + 1);
    DeviceTabView *pending = console.window->tab(TabKind::Pending);
    REQUIRE(waitUntil([&] {
        return console.window->currentTab() == pending &&
               pending->selectedIds() == std::vector<qint64>{created};
    }));
    const QModelIndex index = pending->model().index(pending->model().rowOf(created), 0);
    CHECK(pending->table()->viewport()->rect().intersects(pending->table()->visualRect(index)));
    saveScreenshot(console.window.get(), QStringLiteral("dialogs-additional-device-revealed"));
}
