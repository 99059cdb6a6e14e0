#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <atomic>
#include <functional>

namespace mdm {

// One record's outcome of a bulk action, for the result sheet.
struct Outcome
{
    enum class Result
    {
        Done,
        Skipped,
        Failed
    };
    qint64 id = 0;
    QString label; // what the admin recognises: RecordLabels (name and serial, email and platform)
    Result result = Result::Done;
    QString reason; // why skipped or failed; empty when done
};

struct BulkResult
{
    bool ok = false; // false: nothing changed (error says why)
    QString error;
    bool cancelled = false;
    QList<Outcome> outcomes;
    QList<qint64> createdIds; // records the action created (invitations, ...)

    int count(Outcome::Result r) const
    {
        int n = 0;
        for (const Outcome &o : outcomes)
            n += o.result == r ? 1 : 0;
        return n;
    }
    QList<qint64> idsWith(Outcome::Result r) const
    {
        QList<qint64> ids;
        for (const Outcome &o : outcomes)
            if (o.result == r)
                ids << o.id;
        return ids;
    }
};

// The IDs in their first order, each once: a record named twice in a bulk set is one change.
inline QList<qint64> uniqueIds(const QList<qint64> &ids)
{
    QList<qint64> out;
    out.reserve(ids.size());
    QSet<qint64> seen;
    seen.reserve(ids.size());
    for (qint64 id : ids)
        if (!seen.contains(id)) {
            seen.insert(id);
            out << id;
        }
    return out;
}

// Progress and cancellation of a running action; both optional.
struct ActionControl
{
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic<bool> *cancel = nullptr;
    bool cancelled() const { return cancel && cancel->load(); }
    // Reports every 256 records and at the end, so a progress bar moves without slowing the loop.
    void report(qint64 done, qint64 total) const
    {
        if (progress && (done % 256 == 0 || done == total))
            progress(done, total);
    }
};

class OutcomeText
{
    Q_DECLARE_TR_FUNCTIONS(Outcome)

public:
    static QString result(Outcome::Result r)
    {
        switch (r) {
        case Outcome::Result::Done:
            return tr("Done");
        case Outcome::Result::Skipped:
            return tr("Skipped");
        case Outcome::Result::Failed:
            return tr("Failed");
        }
        return {};
    }
};

} // namespace mdm
