#include "store/store.h"

#include "store/postgres_backend.h"
#include "store/postgres_location.h"
#include "store/sqlite_backend.h"
#include "store/store_backend.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <atomic>

namespace mdm {

namespace {

std::atomic<int> connectionCounter{0};

} // namespace

QString uniqueConnectionName(const char *prefix)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(connectionCounter.fetch_add(1));
}

std::unique_ptr<StoreBackend> StoreBackend::forLocation(const QString &location,
                                                        const Store::Options &options, QString *error)
{
    if (!isPostgresLocation(location))
        return std::make_unique<SqliteBackend>(QFileInfo(location).absoluteFilePath(), options);
    PostgresLocation parsed = parsePostgresLocation(location);
    if (!parsed.error.isEmpty()) {
        *error = parsed.error;
        return nullptr;
    }
    return std::make_unique<PostgresBackend>(std::move(parsed), options);
}

Store::Store(std::unique_ptr<StoreBackend> backend)
    : backend_(std::move(backend)), path_(backend_->location()),
      connectionName_(uniqueConnectionName("mdm-store")), options_(backend_->options())
{
}

Store::~Store()
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName_, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName_);
}

QString Store::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("console.db"));
}

Store::OpenResult Store::open(const QString &location, const Options &options)
{
    QString error;
    std::unique_ptr<StoreBackend> backend = StoreBackend::forLocation(location, options, &error);
    if (!backend)
        return {nullptr, error};
    if (error = backend->prepare(); !error.isEmpty())
        return {nullptr, error};

    std::unique_ptr<Store> store(new Store(std::move(backend)));
    if (error = store->openConnection(); !error.isEmpty())
        return {nullptr, error, store->backend_->passwordFailure()};
    if (error = store->backend_->checkHealth(store->database()); !error.isEmpty())
        return {nullptr, error};
    if (error = store->backend_->configure(store->database()); !error.isEmpty())
        return {nullptr, error};
    if (error = store->backend_->migrate(*store); !error.isEmpty())
        return {nullptr, error};
    store->readAccess();
    return {std::move(store), {}};
}

Store::OpenResult Store::connectAgain() const
{
    std::unique_ptr<Store> store(new Store(backend_->another()));
    if (QString error = store->openConnection(); !error.isEmpty())
        return {nullptr, error};
    if (QString error = store->backend_->configure(store->database()); !error.isEmpty())
        return {nullptr, error};
    store->readAccess();
    return {std::move(store), {}};
}

Store::CheckResult Store::check(const QString &location)
{
    return isPostgresLocation(location) ? PostgresBackend::check(location) : SqliteBackend::check(location);
}

bool Store::isOwnFile(const QString &path) const
{
    return backend_->isOwnFile(path);
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(connectionName_, false);
}

void Store::readAccess()
{
    access_ = backend_->access(database());
    databaseUser_ = backend_->databaseUser(database());
}

QString Store::openConnection()
{
    return backend_->open(connectionName_);
}

void Store::refreshStatistics()
{
    backend_->refreshStatistics(database());
}

bool Store::transaction(const std::function<bool(QString *error)> &work, QString *error)
{
    // The write lock comes first, so the rest of the transaction never waits for one: a store that
    // another writer holds is met here, and only here.
    QSqlError failure;
    while (!backend_->begin(database(), &failure)) {
        if (!sqliteBusy(failure) || !busyHandler_ || !busyHandler_()) {
            *error = describeSqlError(failure, options_.busyTimeoutMs, path_);
            return false;
        }
    }
    QSqlQuery q(database());
    if (!work(error)) {
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        *error = describeSqlError(q.lastError(), options_.busyTimeoutMs, path_);
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

std::unique_ptr<StoreLease> Store::lease(const QString &name) const
{
    return backend_->lease(name);
}

bool Store::hasRecords() const
{
    QSqlQuery q(database());
    q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM devices) OR EXISTS (SELECT 1 FROM invitations)"));
    return q.next() && q.value(0).toBool();
}

} // namespace mdm
