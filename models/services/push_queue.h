#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

namespace mdm {

class Store;

// The store's side of waking Apple devices (the gateway's MDM pushes): which queued commands still need a
// push, and what the pushes came to. No network here; app/gateway/push_dispatcher sends them.
class PushQueue
{
    Q_DECLARE_TR_FUNCTIONS(PushQueue)

public:
    // A queued command of an enrolled Apple device with a live push token, not pushed yet.
    struct Due
    {
        qint64 commandId = 0;
        qint64 deviceId = 0;
        qint64 enrollmentId = 0;
        QByteArray token; // raw TokenUpdate Token
        QString pushMagic;
    };
    // deviceIds empty: every device. False with *error when the store cannot be read.
    static bool due(const Store &store, const QSet<qint64> &deviceIds, QList<Due> *out, QString *error);

    enum class Outcome
    {
        Delivered,    // commands.pushed_at = at
        Unregistered, // the enrollment's token is dead (push_dead = 1) until its next TokenUpdate
        Failed        // Rejected or Failed: an audit entry; the command waits for the next check-in
    };
    struct Result
    {
        Due push;
        Outcome outcome = Outcome::Delivered;
        QString detail; // safe for logs (no PushMagic, no whole token)
        qint64 atMs = 0;
    };
    // All results in one transaction (with their audit entries, program as AuditLog::setProgram says).
    static bool record(Store &store, const QList<Result> &results, QString *error);
};

} // namespace mdm
