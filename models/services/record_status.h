#pragma once

#include "domain/record_kind.h"
#include "services/bulk_result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace mdm {

class Store;

// A record's status as the admin sees it, read from the store by ID: a device's state, an invitation's
// displayed status (Queued, Pending, Expired, Delivery failed) or that it was accepted. A record that no
// longer exists (or an invitation removed) has no entry.
struct RecordStatus
{
    int code = 0;
    QString text;
    bool operator==(const RecordStatus &other) const { return code == other.code; }
};

using RecordStatuses = QHash<qint64, RecordStatus>;

class RecordStatusReader
{
    Q_DECLARE_TR_FUNCTIONS(RecordStatusReader)

public:
    // The statuses of at most limit of the records (the first ones); a status that cannot be read is left
    // out.
    static RecordStatuses of(const Store &store, RecordKind kind, const QList<qint64> &ids, qint64 nowMs,
                             int limit = kRemembered);

    // For each record skipped or failed whose status now differs from the one remembered when the admin
    // selected it, the reason says so and what the record is now: another process changed it while the
    // dialog was open. Records not remembered keep the service's reason.
    static void markChanged(BulkResult *result, const RecordStatuses &selected, const RecordStatuses &now);

    // How many selected records are remembered: enough for any selection an admin reviews one by one,
    // small enough to read on the UI thread without a pause.
    static constexpr int kRemembered = 10000;
};

} // namespace mdm
