#include "store/sqlite_lease.h"

#include "store/store.h"

namespace mdm {

SqliteLease::SqliteLease(const QString &lockPath) : lock_(lockPath)
{
    lock_.setStaleLockTime(0); // stale only when its process is gone, however long it is held
}

SqliteLease::~SqliteLease()
{
    release();
}

bool SqliteLease::tryTake(QString *error)
{
    if (lock_.isLocked())
        return true;
    if (lock_.tryLock(0))
        return true;
    // LockFailedError: a live holder. Anything else: the folder refuses the lock file.
    if (lock_.error() == QLockFile::PermissionError || lock_.error() == QLockFile::UnknownError)
        *error = Store::tr("Cannot create the lock file “%1”: permission denied or the disk is full.")
                     .arg(lock_.fileName());
    return false;
}

void SqliteLease::release()
{
    if (lock_.isLocked())
        lock_.unlock();
}

} // namespace mdm
