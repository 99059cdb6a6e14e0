#include "store/audit_action.h"

#include <QHash>

namespace mdm {

QString AuditAction::text(const QString &code)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("invite.send"), QT_TR_NOOP("Enrollment invite sent")},
        {QStringLiteral("invite.resend"), QT_TR_NOOP("Enrollment invite resent")},
        {QStringLiteral("invite.remove"), QT_TR_NOOP("Enrollment request removed")},
        {QStringLiteral("device.reassign"), QT_TR_NOOP("User re-assigned")},
        {QStringLiteral("device.revoke_mdm"), QT_TR_NOOP("Revoke MDM queued")},
        {QStringLiteral("device.factory_reset"), QT_TR_NOOP("Factory reset queued")},
        {QStringLiteral("staged.remove"), QT_TR_NOOP("Staged device removed")},
        {QStringLiteral("staged.assign"), QT_TR_NOOP("Staged device assigned")},
        {QStringLiteral("staged.import"), QT_TR_NOOP("Staged devices imported")},
        {QStringLiteral("list.export"), QT_TR_NOOP("List exported")},
        {QStringLiteral("mail.settings"), QT_TR_NOOP("Mail settings changed")},
        {QStringLiteral("demo.fill"), QT_TR_NOOP("Sample data added")},
        {QStringLiteral("role.grant"), QT_TR_NOOP("Database role granted")},
        {QStringLiteral("role.revoke"), QT_TR_NOOP("Database role revoked")},
        {QStringLiteral("store.import"), QT_TR_NOOP("Store imported")},
        {QStringLiteral("gateway.profile"), QT_TR_NOOP("Enrollment profile downloaded")},
        {QStringLiteral("gateway.authenticate"), QT_TR_NOOP("Device authenticated")},
        {QStringLiteral("gateway.enroll"), QT_TR_NOOP("Device enrolled")},
        {QStringLiteral("gateway.checkout"), QT_TR_NOOP("Device checked out")},
        {QStringLiteral("gateway.command"), QT_TR_NOOP("Command sent to the device")},
        {QStringLiteral("gateway.result"), QT_TR_NOOP("Device answered a command")},
        {QStringLiteral("gateway.device_removed"), QT_TR_NOOP("Device left management")},
        {QStringLiteral("gateway.push_failed"), QT_TR_NOOP("Push to wake the device failed")},
    };
    const auto it = names.constFind(code);
    return it == names.constEnd() ? code : tr(it.value());
}

} // namespace mdm
