#include "store/postgres_lease.h"

#include "store/postgres_error.h"
#include "store/postgres_lock.h"
#include "store/sql.h"
#include "store/store_backend.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm {

namespace {

// A number for the lease's name that every console computes alike (FNV-1a of its UTF-8 bytes; qHash
// differs between runs).
qint32 leaseKey(const QString &name)
{
    quint32 hash = 2166136261u;
    for (const char c : name.toUtf8()) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return static_cast<qint32>(hash);
}

} // namespace

PostgresLease::PostgresLease(std::unique_ptr<StoreBackend> backend, const QString &name)
    : backend_(std::move(backend)), connectionName_(uniqueConnectionName("mdm-lease")), key_(leaseKey(name))
{
}

PostgresLease::~PostgresLease()
{
    release();
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName_, false);
        if (db.isOpen())
            db.close(); // ends the session: the server drops every lock it still had
    }
    if (QSqlDatabase::contains(connectionName_))
        QSqlDatabase::removeDatabase(connectionName_);
}

bool PostgresLease::tryTake(QString *error)
{
    if (held_)
        return true;
    QSqlDatabase db = QSqlDatabase::database(connectionName_, false);
    if (!db.isOpen()) {
        if (QSqlDatabase::contains(connectionName_)) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName_);
        }
        if (QString failure = backend_->open(connectionName_); !failure.isEmpty()) {
            *error = failure;
            return false;
        }
    }
    if (ask(error))
        return true;
    if (error->isEmpty())
        return false; // another holder has it
    // The kept connection was dropped (a server restart, an idle timeout): made again once.
    db = QSqlDatabase::database(connectionName_, false);
    db.close();
    if (!db.open()) {
        *error = sqlErrorText(db.lastError());
        return false;
    }
    error->clear();
    return ask(error);
}

bool PostgresLease::ask(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(connectionName_, false));
    q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))"));
    q.addBindValue(kPostgresLeaseClass);
    q.addBindValue(key_);
    if (!q.exec() || !q.next()) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    held_ = q.value(0).toBool();
    return held_;
}

void PostgresLease::release()
{
    if (!held_)
        return;
    held_ = false;
    QSqlQuery q(QSqlDatabase::database(connectionName_, false));
    q.prepare(QStringLiteral("SELECT pg_advisory_unlock(CAST(? AS INTEGER), CAST(? AS INTEGER))"));
    q.addBindValue(kPostgresLeaseClass);
    q.addBindValue(key_);
    // When this fails the connection is gone, and the server has ended the lock with its session.
    q.exec();
}

} // namespace mdm
