#pragma once

#include "domain/domain.h"
#include "services/bulk_result.h"
#include "store/directory.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdm {

class Clock;
class Store;

// Who devices go to: an existing user (userId) or a new one (name + email); group optional.
struct AssignTarget
{
    qint64 userId = 0;
    QString name;
    QString email;
    QString group;               // empty: keep each device's group
    bool sendInvitation = false; // staged devices: also invite the user to enroll each device
};

struct DeviceInfo
{
    qint64 id = 0;
    QString name;
    Platform platform = Platform::Other;
    DeviceState state = DeviceState::Staged;
    QString userName;
    QString email;
};

// The device use cases: re-assign, deprovision, remove staged, assign / re-enroll staged. One
// transaction per call, audited; inapplicable records are skipped and named.
class DeviceService
{
    Q_DECLARE_TR_FUNCTIONS(DeviceService)

public:
    DeviceService(Store &store, const Clock &clock) : store_(store), clock_(clock) {}

    BulkResult reassign(const QList<qint64> &deviceIds, const AssignTarget &target,
                        const ActionControl &control = {});
    BulkResult deprovision(const QList<qint64> &deviceIds, DeprovisionMode mode,
                           const ActionControl &control = {});
    BulkResult removeStaged(const QList<qint64> &deviceIds, const ActionControl &control = {});
    BulkResult assignStaged(const QList<qint64> &deviceIds, const AssignTarget &target,
                            const ActionControl &control = {});

    QList<DeviceInfo> devices(const QList<qint64> &ids, int limit = 1000) const;
    static QString validate(const AssignTarget &target);

    // The user and group an assignment resolved to, inside its transaction.
    struct ResolvedTarget
    {
        bool groupOnly = false; // only the group changes; each device keeps its user
        qint64 userId = 0;
        UserInfo user;
        qint64 groupId = 0; // 0: each device keeps its group
    };

private:
    struct AssignRules;
    // The devices an assignment changed, and how the audit log names them.
    struct AuditedRecords
    {
        QList<qint64> ids;
        QStringList records;
    };
    BulkResult assign(const QList<qint64> &deviceIds, const AssignTarget &target, const AssignRules &rules,
                      const ActionControl &control);
    bool resolveTarget(const AssignTarget &target, ResolvedTarget *resolved, QString *error);
    bool auditAssignment(const AssignRules &rules, const AssignTarget &target, const ResolvedTarget &to,
                         const AuditedRecords &devices, const QList<qint64> &invitations, qint64 now,
                         QString *error);

    Store &store_;
    const Clock &clock_;
};

} // namespace mdm
