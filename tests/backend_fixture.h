#pragma once

// Model, service and CSV test cases that run once per store backend (storeBackends(): SQLite always,
// PostgreSQL when MDM_TEST_PG_URI names a test server), each time on a store of their own, so that both
// stores are held to the same expectations by the same test code.

#include "backend_store.h"
#include "pg_support.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>

namespace mdm {
class Store;
}

// At the top of a TEST_CASE: the case runs once per backend of storeBackends(), with the backend's name
// ("sqlite", "postgresql") in the variable `backend` and in every failure message.
#define FOR_EACH_STORE_BACKEND(backend)                                                                      \
    const QString backend = GENERATE(Catch::Generators::from_range(::mdm::test::storeBackends()));           \
    INFO("store backend: " << (backend).toStdString())

namespace mdm::test {

// What a test's store holds before the test begins, made by fill (which REQUIREs what it needs). name tells
// seeds apart: a PostgreSQL store with that seed is made once per build of the tests and then copied.
struct StoreSeed
{
    QString name;
    std::function<void(Store &)> fill;
};

// Where one test's store lives, as TestStoreLocation: a file in a fresh folder, or a fresh database on the
// test server. The database starts as a copy (CREATE DATABASE … TEMPLATE) of a store migrated and seeded
// once per build of the tests and shared by its processes, because migrating an empty database costs about
// a second and seeding one more, which every test case, section and generator run would pay again; the
// store is the same either way (a test of the migration itself wants TestStoreLocation). An SQLite file is
// seeded in place. The copy is dropped when this is destroyed.
class StoreLocation
{
public:
    explicit StoreLocation(const QString &backend, const StoreSeed &seed = {});
    ~StoreLocation();
    StoreLocation(const StoreLocation &) = delete;
    StoreLocation &operator=(const StoreLocation &) = delete;
    QString location() const;
    bool isPostgres() const { return !database_.isEmpty(); }

private:
    QTemporaryDir dir_;
    QString database_; // PostgreSQL: the database's name
    QString uri_;
};

// Test SQL that has to differ between the two databases, picked by the store's backend.
QString sqlFor(const Store &store, const QString &sqlite, const QString &postgres);

// What the store holds, to prove it untouched: SQLite, the file's bytes with the WAL folded in (byte for
// byte); PostgreSQL, which has no file of its own, every row of every table of the store as text.
QByteArray storeContents(Store &store);

// A row trigger that makes the matching writes fail with message, to prove an action all-or-nothing:
// timing "BEFORE UPDATE", a table, a condition on NEW/OLD. Dropped by remove() or when destroyed.
class FailingTrigger
{
public:
    FailingTrigger(Store &store, const QString &timing, const QString &table, const QString &when,
                   const QString &message);
    ~FailingTrigger();
    FailingTrigger(const FailingTrigger &) = delete;
    FailingTrigger &operator=(const FailingTrigger &) = delete;
    void remove();

private:
    Store &store_;
    QString table_;
    bool active_ = false;
};

} // namespace mdm::test
