#pragma once

// A store of one backend for the tests that run on both stores (issue 14): the loop over
// storeBackends() opens a BackendStore per backend, so one test body checks SQLite and, when
// MDM_TEST_PG_URI is set, PostgreSQL:
//     for (const QString &backend : storeBackends()) {
//         DYNAMIC_SECTION(backend.toStdString()) {
//             BackendStore store(backend);
//             ... *store, store->database(), store.location() ...
//         }
//     }
// Plus the few things whose SQL differs per database, so test bodies stay free of dialect branches.

#include "pg_support.h"
#include "store/store.h"

#include <QString>
#include <memory>

namespace mdm::test {

// A fresh, opened store: a temporary SQLite file or a fresh PostgreSQL database, gone afterwards.
class BackendStore
{
public:
    explicit BackendStore(const QString &backend, const Store::Options &options = {});
    ~BackendStore();
    BackendStore(const BackendStore &) = delete;
    BackendStore &operator=(const BackendStore &) = delete;

    Store &store() const { return *store_; }
    Store &operator*() const { return *store_; }
    Store *operator->() const { return store_.get(); }
    // The store itself, to hand to whoever takes ownership (a fixture); null afterwards.
    std::unique_ptr<Store> release() { return std::move(store_); }
    // Closes the store and opens it again (e.g. to check what a reopened store keeps).
    void reopen(const Store::Options &options = {});
    // What Store::open and the command line's --db take.
    QString location() const { return where_.location(); }
    bool isPostgres() const { return where_.isPostgres(); }
    // The PostgreSQL database (superuser access for set-up); null for SQLite.
    const TestPgDatabase *pg() const { return where_.pg(); }

private:
    TestStoreLocation where_; // declared first: outlives the store
    std::unique_ptr<Store> store_;
};

// What "left untouched" compares for a store that was refused: the SQLite file's bytes; the PostgreSQL
// database's relations, triggers and extensions by name and its schema_version row.
QByteArray storeSnapshot(const TestStoreLocation &where);

// Store::open that REQUIREs success and names the error otherwise.
std::unique_ptr<Store> openStoreAt(const QString &location, const Store::Options &options = {});

bool isPostgres(const Store &store);
// The store's schema version: SQLite's PRAGMA user_version, PostgreSQL's schema_version row.
int schemaVersion(const Store &store);
// How many triggers the store's schema has (a bulk write must leave every one of them in place).
qint64 triggerCount(const Store &store);
// A blob literal in the store's dialect (x'0102' / '\x0102'::bytea) for raw INSERTs.
QString blobLiteral(const Store &store, const QByteArray &bytes);

// Another program writing to the store on a connection of its own: lock() takes the store's write lock
// as Store::transaction does (SQLite: BEGIN IMMEDIATE; PostgreSQL: BEGIN and the store's advisory lock)
// and holds it, with whatever exec() wrote, until release() commits. Rolled back if still held at the end.
class OtherWriter
{
public:
    explicit OtherWriter(const QString &location);
    ~OtherWriter();
    OtherWriter(const OtherWriter &) = delete;
    OtherWriter &operator=(const OtherWriter &) = delete;

    void lock();
    void exec(const QString &sql);
    void release();
    bool isLocked() const { return locked_; }

private:
    QString connectionName_;
    std::unique_ptr<TestPgConnection> pg_;
    bool locked_ = false;
};

} // namespace mdm::test
