#pragma once

#include "store/store_lease.h"

#include <QString>
#include <memory>

namespace mdm {

class StoreBackend;

// The lease of a PostgreSQL store: a session-level advisory lock (pg_try_advisory_lock) on a connection
// of the lease's own, opened at the first tryTake and kept for the next ones (a background sender asks
// every few seconds). The server ends a crashed holder's session and with it the lock, so no lock is ever
// left behind; every console on every machine asks the same database, so there is one holder in all.
class PostgresLease final : public StoreLease
{
public:
    PostgresLease(std::unique_ptr<StoreBackend> backend, const QString &name);
    ~PostgresLease() override;
    bool tryTake(QString *error) override;
    void release() override;
    bool isHeld() const override { return held_; }

private:
    bool ask(QString *error);

    std::unique_ptr<StoreBackend> backend_;
    QString connectionName_;
    qint32 key_;
    bool held_ = false;
};

} // namespace mdm
