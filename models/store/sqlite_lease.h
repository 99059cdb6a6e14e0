#pragma once

#include "store/store_lease.h"

#include <QLockFile>

namespace mdm {

// The lease of an SQLite store: a lock file beside the store file ("<store>.<name>-lock"). The store is
// one machine's file, so a file lock is enough; a lock whose process is gone is stale and taken over at
// once, however long its holder had it.
class SqliteLease final : public StoreLease
{
public:
    explicit SqliteLease(const QString &lockPath);
    ~SqliteLease() override;
    bool tryTake(QString *error) override;
    void release() override;
    bool isHeld() const override { return lock_.isLocked(); }

private:
    QLockFile lock_;
};

} // namespace mdm
