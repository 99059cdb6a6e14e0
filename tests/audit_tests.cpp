// A complete audit log (issue 11): exports, imports with their file names, mail-settings changes and CSV
// invites are recorded, with readable identifiers beside the IDs; every code has a translated name; the
// CSV previews (staged import, invites) show what they found and act only on what they show. Each case
// with a store runs on SQLite and, with MDM_TEST_PG_URI set, on PostgreSQL.
#include "backend_store.h"
#include "console_fixture.h"
#include "csv/csv_export.h"
#include "csv/import_preview_model.h"
#include "csv/invite_csv.h"
#include "csv/invite_preview_model.h"
#include "csv/staged_import.h"
#include "dialogs/export_dialog.h"
#include "dialogs/import_dialog.h"
#include "dialogs/invite_csv_dialog.h"
#include "gui_support.h"
#include "index/audit_log_model.h"
#include "mail/mail_settings.h"
#include "services/device_service.h"
#include "services/enrollment_service.h"
#include "store/audit_action.h"
#include "store/audit_log.h"
#include "store/store.h"
#include "test_support.h"
#include "window/console_actions.h"
#include "window/main_window.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace mdm;
using mdm::test::BackendStore;
using mdm::test::runConsole;
using mdm::test::saveScreenshot;
using mdm::test::scalar;
using mdm::test::storeBackends;
using mdm::test::TempDir;
using mdm::test::TestStoreLocation;
using mdm::test::waitUntil;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

// The newest entry with this action code.
AuditEntry newest(const Store &store, const QString &action)
{
    const QList<AuditEntry> entries = AuditLog::search(store, action, 1);
    REQUIRE(entries.size() == 1);
    REQUIRE(entries.first().action == action);
    return entries.first();
}

QJsonObject detailsOf(const AuditEntry &entry)
{
    return QJsonDocument::fromJson(entry.details.toUtf8()).object();
}

QStringList recordsOf(const AuditEntry &entry)
{
    QStringList out;
    for (const QJsonValue &value : detailsOf(entry).value(QStringLiteral("records")).toArray())
        out << value.toString();
    return out;
}

// An open invitation of the demo store: its address and platform key.
std::pair<QString, QString> openInvitation(mdm::test::ConsoleFixture &console)
{
    QSqlQuery q(console.store->database());
    q.prepare(QStringLiteral("SELECT email, platform FROM invitations WHERE state = 0 AND expires_at > ?"
                             " ORDER BY id LIMIT 1"));
    q.addBindValue(console.clock.nowMs());
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return {q.value(0).toString(), platformKey(static_cast<Platform>(q.value(1).toInt()))};
}

} // namespace

TEST_CASE("Every audit code has a translated name", "[audit]")
{
    for (const char *code : {"invite.send", "invite.resend", "invite.remove", "device.reassign",
                             "device.revoke_mdm", "device.factory_reset", "staged.remove", "staged.assign",
                             "staged.import", "list.export", "mail.settings", "demo.fill"}) {
        INFO(code);
        const QString text = AuditAction::text(QString::fromLatin1(code));
        CHECK_FALSE(text.isEmpty());
        CHECK(text != QString::fromLatin1(code));
        CHECK_FALSE(text.contains(QLatin1Char('.')));
    }
    CHECK(AuditAction::text(QStringLiteral("future.thing")) == QStringLiteral("future.thing"));
}

TEST_CASE("A removed staged device is found in the audit log by its serial", "[audit]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(50, {}, where.location());
            const QString path = console.dir.file(QStringLiteral("spring-order.csv"));
            writeFile(path, "Device name,Serial number,Platform\nLobby kiosk,AUDIT-KIOSK-7,Android\n"
                            "Spare tablet,AUDIT-TAB-8,iPadOS\n");
            const StagedImportResult imported =
                StagedImport(*console.store, console.clock).fromFile(path, {});
            REQUIRE(imported.ok);
            REQUIRE(imported.createdIds.size() == 2);
            const AuditEntry import = newest(*console.store, QStringLiteral("staged.import"));
            CHECK(detailsOf(import).value(QStringLiteral("file")).toString() ==
                  QStringLiteral("spring-order.csv"));
            CHECK(recordsOf(import) == QStringList{QStringLiteral("Lobby kiosk (AUDIT-KIOSK-7)"),
                                                   QStringLiteral("Spare tablet (AUDIT-TAB-8)")});

            REQUIRE(
                DeviceService(*console.store, console.clock).removeStaged({imported.createdIds.first()}).ok);
            CHECK(scalar(*console.store,
                         QStringLiteral("SELECT count(*) FROM devices WHERE serial = 'AUDIT-KIOSK-7'")) == 0);
            const QList<AuditEntry> found =
                AuditLog::search(*console.store, QStringLiteral("AUDIT-KIOSK-7"), 10);
            REQUIRE(found.size() == 2); // the import and the removal
            CHECK(found.at(0).action == QStringLiteral("staged.remove"));
            CHECK(found.at(0).recordIds == QList<qint64>{imported.createdIds.first()});
            CHECK(recordsOf(found.at(0)) == QStringList{QStringLiteral("Lobby kiosk (AUDIT-KIOSK-7)")});
            CHECK(found.at(1).action == QStringLiteral("staged.import"));

            // The window's log shows the translated name; the model behaves.
            AuditLogModel model(*console.store);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
            model.setSearch(QStringLiteral("AUDIT-KIOSK-7"));
            REQUIRE(model.rowCount() == 2);
            CHECK(model.index(0, AuditLogModel::Action).data().toString() ==
                  AuditAction::text(QStringLiteral("staged.remove")));
        }
    }
}

TEST_CASE("A big import lists the first thousand records and says how many more", "[audit]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(0, {}, where.location());
            QByteArray csv = "Serial number,Platform\n";
            for (int i = 0; i < 1200; ++i)
                csv += "BULK-" + QByteArray::number(i) + ",Windows\n";
            StagedImportOptions options;
            options.sourceName = QStringLiteral("bulk.csv");
            const StagedImportResult imported =
                StagedImport(*console.store, console.clock).fromBytes(csv, options);
            REQUIRE(imported.imported == 1200);
            const AuditEntry entry = newest(*console.store, QStringLiteral("staged.import"));
            CHECK(entry.recordIds.size() == 1200);
            const QStringList records = recordsOf(entry);
            REQUIRE(records.size() == AuditLog::kListedRecords + 1);
            CHECK(records.first() == QStringLiteral("BULK-0"));
            CHECK(records.last() == QStringLiteral("\u2026and 200 more"));

            // The bulk runner caps the same way.
            REQUIRE(DeviceService(*console.store, console.clock).removeStaged(imported.createdIds).ok);
            const QStringList removed = recordsOf(newest(*console.store, QStringLiteral("staged.remove")));
            REQUIRE(removed.size() == AuditLog::kListedRecords + 1);
            CHECK(removed.last() == QStringLiteral("\u2026and 200 more"));
        }
    }
}

TEST_CASE("Mail-settings changes name the fields that changed, never the password", "[audit]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            BackendStore opened(backend);
            Store &store = *opened;
            MailSettings settings;
            settings.host = QStringLiteral("smtp.contoso.example");
            settings.port = 587;
            settings.fromAddress = QStringLiteral("it@contoso.example");
            settings.user = QStringLiteral("relay");
            QString error;
            REQUIRE(settings.save(store, &error, true));
            const AuditEntry first = newest(store, QStringLiteral("mail.settings"));
            const QJsonObject details = detailsOf(first);
            const QJsonArray changed = details.value(QStringLiteral("changed")).toArray();
            CHECK(changed.contains(QStringLiteral("host")));
            CHECK(changed.contains(QStringLiteral("password")));
            CHECK(details.value(QStringLiteral("host")).toString() == QStringLiteral("smtp.contoso.example"));
            CHECK_FALSE(details.contains(QStringLiteral("password")));

            // Nothing changed: no entry. One field changed: only that one.
            const qint64 before = scalar(store, QStringLiteral("SELECT count(*) FROM audit_log"));
            REQUIRE(settings.save(store, &error));
            CHECK(scalar(store, QStringLiteral("SELECT count(*) FROM audit_log")) == before);
            settings.host = QStringLiteral("relay.contoso.example");
            REQUIRE(settings.save(store, &error));
            const QJsonObject second = detailsOf(newest(store, QStringLiteral("mail.settings")));
            CHECK(second.value(QStringLiteral("changed")).toArray() == QJsonArray{QStringLiteral("host")});
            CHECK(second.value(QStringLiteral("host")).toString() == QStringLiteral("relay.contoso.example"));
        }
    }
}

TEST_CASE("The command line records exports and CSV invites, and refuses to invite again", "[audit][cli]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TempDir dir;
            TestStoreLocation where(backend);
            const QString db = where.location();
            REQUIRE(runConsole({QStringLiteral("--db"), db, QStringLiteral("demo"),
                                QStringLiteral("--devices"), QStringLiteral("30")})
                        .exitCode == 0);
            const QString target = dir.file(QStringLiteral("managed-export.csv"));
            const auto exported = runConsole(
                {QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("managed"), target});
            REQUIRE(exported.exitCode == 0);

            const QString csv = dir.file(QStringLiteral("team.csv"));
            writeFile(csv, "EMAIL_ADDRESS,PLATFORM_TYPE\nzoe.audit@contoso.example,ios\nyan.audit@contoso."
                           "example,macos\n");
            const auto invited = runConsole(
                {QStringLiteral("--db"), db, QStringLiteral("invite"), QStringLiteral("--csv"), csv});
            REQUIRE(invited.exitCode == 0);
            // The same file again: both rows already have an open invitation.
            const auto again = runConsole(
                {QStringLiteral("--db"), db, QStringLiteral("invite"), QStringLiteral("--csv"), csv});
            CHECK(again.exitCode == 1);
            CHECK(again.err.contains(
                QStringLiteral("line 2: zoe.audit@contoso.example already has a valid pending")));
            CHECK(again.err.contains(QStringLiteral("line 3: yan.audit@contoso.example")));
            CHECK(again.err.contains(QStringLiteral("Nothing was sent")));

            const auto audit = runConsole({QStringLiteral("--db"), db, QStringLiteral("audit")});
            REQUIRE(audit.exitCode == 0);
            const QStringList lines = audit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            CHECK(lines.first().startsWith(QStringLiteral("at\tactor\taction\taction_text\t")));
            const auto line = [&](const QString &code) {
                for (const QString &l : lines)
                    if (l.section(QLatin1Char('\t'), 2, 2) == code)
                        return l;
                return QString();
            };
            const QString exportLine = line(QStringLiteral("list.export"));
            CHECK(exportLine.section(QLatin1Char('\t'), 3, 3) == QStringLiteral("List exported"));
            CHECK(exportLine.contains(QStringLiteral("managed-export.csv")));
            CHECK(exportLine.contains(QStringLiteral("\"tab\":\"managed\"")));
            const QString inviteLine = line(QStringLiteral("invite.send"));
            CHECK(inviteLine.section(QLatin1Char('\t'), 3, 3) == QStringLiteral("Enrollment invite sent"));
            CHECK(inviteLine.contains(QStringLiteral("team.csv")));
            CHECK(inviteLine.contains(QStringLiteral("zoe.audit@contoso.example")));
            CHECK(inviteLine.contains(QStringLiteral("yan.audit@contoso.example")));
            CHECK(line(QStringLiteral("demo.fill")).section(QLatin1Char('\t'), 3, 3) ==
                  QStringLiteral("Sample data added"));
        }
    }
}

TEST_CASE("The window records its exports", "[audit][gui]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(40, {}, where.location());
            console.show(TabKind::Managed);
            console.window->actions().exportList->trigger();
            auto *dialog = console.dialog<ExportDialog>();
            const QString path = console.dir.file(QStringLiteral("window-export.csv"));
            dialog->pathEdit()->setText(path);
            dialog->exportButton()->click();
            console.waitForAction();
            REQUIRE(QFile::exists(path));
            const AuditEntry entry = newest(*console.store, QStringLiteral("list.export"));
            const QJsonObject details = detailsOf(entry);
            CHECK(details.value(QStringLiteral("file"))
                      .toString()
                      .endsWith(QStringLiteral("window-export.csv")));
            CHECK(details.value(QStringLiteral("rows")).toInt() == 40);
        }
    }
}

TEST_CASE("The staged import preview counts every problem and names buttons truthfully", "[audit][gui]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(20, {}, where.location());
            QByteArray bytes = "Device name,Serial number,Platform\n";
            for (int i = 0; i < 3; ++i)
                bytes += "Good " + QByteArray::number(i) + ",PREV-" + QByteArray::number(i) + ",Android\n";
            for (int i = 0; i < 7; ++i)
                bytes += "Bad " + QByteArray::number(i) + ",,Android\n";
            const QString path = console.dir.file(QStringLiteral("ten.csv"));
            writeFile(path, bytes);

            console.window->actions().importStaged->trigger();
            auto *dialog = console.dialog<ImportDialog>();
            QAbstractItemModelTester tester(&dialog->preview(),
                                            QAbstractItemModelTester::FailureReportingMode::Warning);
            CHECK(dialog->importButton()->text() == QStringLiteral("&Import"));

            // The path field takes typed or pasted text; Enter reads the file, and only reads it.
            QLineEdit *field = dialog->pathField();
            CHECK_FALSE(field->isReadOnly());
            field->setFocus();
            QTest::keyClicks(field, path);
            QTest::keyClick(field, Qt::Key_Return);
            REQUIRE(dialog->isVisible());
            REQUIRE(dialog->preview().rowCount() == 10);
            CHECK(dialog->path() == path);
            CHECK(dialog->summary().contains(QStringLiteral("3 valid, 7 with problems")));
            CHECK(dialog->summary().contains(QStringLiteral("…and 4 more")));
            CHECK_FALSE(dialog->importButton()->isEnabled());
            CHECK(dialog->importButton()->text() == QStringLiteral("&Import"));
            CHECK(dialog->importValidButton()->isEnabled());
            CHECK(dialog->importValidButton()->text().contains(QStringLiteral("3")));
            // The Check column's whole text on hover.
            const QModelIndex check = dialog->preview().index(5, ImportPreviewModel::Result);
            CHECK_FALSE(check.data(Qt::ToolTipRole).toString().isEmpty());
            CHECK(check.data(Qt::ToolTipRole) == check.data(Qt::DisplayRole));
            QTest::qWait(50);
            saveScreenshot(dialog, QStringLiteral("audit-import-preview"));

            // An edited path is read again after a pause; until then nothing can be imported.
            const QString good = console.dir.file(QStringLiteral("good.csv"));
            writeFile(good, "Serial number,Platform\nGOOD-1,Android\nGOOD-2,iOS\n");
            field->selectAll();
            QTest::keyClicks(field, good);
            CHECK_FALSE(dialog->importValidButton()->isEnabled());
            REQUIRE(waitUntil([&] { return dialog->preview().rowCount() == 2; }));
            CHECK(dialog->importButton()->isEnabled());
            CHECK(dialog->importButton()->text() == QStringLiteral("&Import 2 Devices"));
            dialog->importButton()->click();
            console.waitForAction();
            CHECK(detailsOf(newest(*console.store, QStringLiteral("staged.import")))
                      .value(QStringLiteral("file")) == QStringLiteral("good.csv"));
        }
    }
}

TEST_CASE("Invites from CSV are previewed with the single invite's checks", "[audit][gui]")
{
    for (const QString &backend : storeBackends()) {
        DYNAMIC_SECTION(backend.toStdString())
        {
            TestStoreLocation where(backend);
            mdm::test::ConsoleFixture console(60, {}, where.location());
            const auto [taken, platform] = openInvitation(console);
            const QString path = console.dir.file(QStringLiteral("new-hires.csv"));
            writeFile(path, "EMAIL_ADDRESS,PLATFORM_TYPE,GROUP_NAME\n"
                            "new.one@contoso.example,ios,Sales\n" +
                                taken.toUtf8() + "," + platform.toUtf8() + ",\n" +
                                "not-an-address,android,\n"
                                "new.two@contoso.example,windows,\n");
            DeviceTabView *pending = console.show(TabKind::Pending);
            const qint64 before = pending->totalCount();

            console.window->controller().sendInvitesFromCsv(path);
            auto *dialog = console.dialog<InviteCsvDialog>();
            QAbstractItemModelTester tester(&dialog->preview(),
                                            QAbstractItemModelTester::FailureReportingMode::Warning);
            REQUIRE(dialog->preview().rowCount() == 4);
            const QString duplicate =
                dialog->preview().index(1, InvitePreviewModel::Result).data().toString();
            CHECK(duplicate.contains(QStringLiteral("already has a valid pending")));
            CHECK(dialog->preview()
                      .index(2, InvitePreviewModel::Result)
                      .data()
                      .toString()
                      .contains(QStringLiteral("not an email address")));
            CHECK(dialog->preview().index(0, InvitePreviewModel::Result).data().toString() ==
                  QStringLiteral("OK"));
            CHECK(dialog->summary().contains(QStringLiteral("2 valid, 2 with problems")));
            CHECK(dialog->summary().contains(QStringLiteral("line 3: ")));
            CHECK_FALSE(dialog->importButton()->isEnabled());
            CHECK(dialog->importButton()->text() == QStringLiteral("&Send"));
            REQUIRE(dialog->importValidButton()->isEnabled());
            CHECK(dialog->importValidButton()->text().contains(QStringLiteral("2")));
            QTest::qWait(50);
            saveScreenshot(dialog, QStringLiteral("audit-invite-preview"));

            dialog->importValidButton()->click();
            console.waitForAction();
            REQUIRE(waitUntil([&] { return pending->totalCount() == before + 2 && console.settled(); }));
            const AuditEntry entry = newest(*console.store, QStringLiteral("invite.send"));
            CHECK(entry.recordIds.size() == 2);
            CHECK(detailsOf(entry).value(QStringLiteral("file")).toString() ==
                  QStringLiteral("new-hires.csv"));
            CHECK(recordsOf(entry) == QStringList{QStringLiteral("new.one@contoso.example"),
                                                  QStringLiteral("new.two@contoso.example")});
        }
    }
}
