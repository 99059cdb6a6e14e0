#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace mdm {

// One record's outcome of a bulk action, for the result sheet.
struct Outcome
{
    enum class Result { Done, Skipped, Failed };
    qint64 id = 0;
    QString label; // what the admin recognises: a device name, an email address
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

// Progress and cancellation of a running action; both optional.
struct ActionControl
{
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic<bool> *cancel = nullptr;
    bool cancelled() const { return cancel && cancel->load(); }
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
