#pragma once

#include "services/bulk_result.h"
#include "store/audit_log.h"
#include "store/store.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>
#include <functional>

namespace mdm {

class BulkText
{
    Q_DECLARE_TR_FUNCTIONS(BulkAction)
};

// What varies between bulk actions; runBulk() does the rest.
template <class Row> struct BulkSteps
{
    // Reads the records named; those that no longer exist are simply absent.
    std::function<QHash<qint64, Row>(const QSqlDatabase &db, const QList<qint64> &ids, QString *error)> read;
    // What the admin recognises the record by, in the result sheet.
    std::function<QString(const Row &row)> label;
    // What the audit log names a changed record by (name and serial, email); label when unset.
    std::function<QString(const Row &row)> record;
    // Sets *skipReason when the action does not apply to this record; false on a database error.
    std::function<bool(const Row &row, QString *skipReason, QString *error)> check;
    // Changes every record that passed check, in the order named, with a few set-based statements (see
    // store/bound_rows.h): one per table, not one per record, which on PostgreSQL would each be a network
    // round trip. Called once, and only when some record passed; false on a database error, and then
    // nothing at all changes.
    std::function<bool(const QList<Row> &rows, QString *error)> apply;
    // The audit entry naming the records that changed.
    std::function<AuditEntry(const QList<qint64> &changed)> audit;
    QString cancelledMessage;
};

// The shape every bulk action shares, in one transaction: the set (each record once) is read first,
// each record is checked and skipped with a reason or kept, the kept ones are changed together, Cancel and
// progress are honoured, one audit entry names what changed, and only the changed records are announced.
template <class Row>
BulkResult runBulk(Store &store, RecordKind kind, const QList<qint64> &requestedIds,
                   const ActionControl &control, const BulkSteps<Row> &steps)
{
    const QList<qint64> ids = uniqueIds(requestedIds);
    BulkResult result;
    QList<qint64> changed;
    QStringList records; // of the changed records, as many as the audit entry lists
    QList<Outcome> outcomes;
    QList<Row> kept;
    result.ok = store.transaction(
        [&](QString *error) {
            const QHash<qint64, Row> rows = steps.read(store.database(), ids, error);
            if (!error->isEmpty())
                return false;
            qint64 done = 0;
            for (qint64 id : ids) {
                if (control.cancelled()) {
                    result.cancelled = true;
                    *error = steps.cancelledMessage;
                    return false;
                }
                control.report(++done, ids.size());
                const auto it = rows.constFind(id);
                if (it == rows.constEnd()) {
                    outcomes.append({id, QStringLiteral("#%1").arg(id), Outcome::Result::Skipped,
                                     BulkText::tr("No longer exists.")});
                    continue;
                }
                QString reason;
                if (!steps.check(it.value(), &reason, error))
                    return false;
                if (!reason.isEmpty()) {
                    outcomes.append({id, steps.label(it.value()), Outcome::Result::Skipped, reason});
                    continue;
                }
                kept << it.value();
                changed << id;
                if (records.size() < AuditLog::kListedRecords)
                    records << (steps.record ? steps.record(it.value()) : steps.label(it.value()));
                outcomes.append({id, steps.label(it.value()), Outcome::Result::Done, {}});
            }
            if (changed.isEmpty())
                return true;
            if (!steps.apply(kept, error))
                return false;
            AuditEntry entry = steps.audit(changed);
            AuditLog::addRecords(&entry, records, changed.size());
            return AuditLog::append(store.database(), entry, error);
        },
        &result.error);
    if (result.ok) {
        result.outcomes = outcomes;
        if (!changed.isEmpty())
            store.announce(kind, changed);
    }
    return result;
}

} // namespace mdm
