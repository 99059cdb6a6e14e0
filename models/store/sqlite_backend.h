#pragma once

#include "store/store_backend.h"

namespace mdm {

// The store in an SQLite file: opened with checks that never alter a file we should not touch (stat()
// only, no descriptor of our own), WAL, one writer at a time (BEGIN IMMEDIATE).
class SqliteBackend final : public StoreBackend
{
public:
    using StoreBackend::StoreBackend;

    QString prepare() override;
    QString open(const QString &connectionName) override;
    QString checkHealth(const QSqlDatabase &db) override;
    QString configure(const QSqlDatabase &db) override;
    QString migrate(Store &store) override;
    bool begin(const QSqlDatabase &db, QSqlError *error) override;
    bool isOwnFile(const QString &path) const override;
    std::unique_ptr<StoreBackend> another() const override;
    std::unique_ptr<StoreLease> lease(const QString &name) const override;

    // Store::check for a file: PRAGMA integrity_check on a read-only connection.
    static Store::CheckResult check(const QString &path);

private:
    // "<path> is damaged: <finding>. …", for a failed check and for a schema that cannot be read.
    QString damagedText(const QString &finding) const;
};

} // namespace mdm
