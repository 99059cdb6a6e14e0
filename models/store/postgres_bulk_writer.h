#pragma once

#include "store/bulk_writer.h"

#include <QSqlDatabase>

typedef struct pg_conn PGconn;

namespace mdm {

class PostgresBulkTable;

// BulkWriter on PostgreSQL: each table's rows gathered as COPY text and sent with COPY … FROM STDIN
// through libpq on the PGconn behind the store's QPSQL connection, so in the transaction the store began
// there (BEGIN and the write lock were sent on that same connection). Rows go in chunks of a few MB, every
// table in the order made, so a row's references are in before it. IDs come from the table's identity
// sequence, taken ahead in growing blocks (an unused rest is a gap, as a rollback leaves one). A table
// whose rows bring their own IDs has its sequence moved past them at finish(), so later INSERTs never
// collide with them. Nothing else may use the connection while a COPY runs; between flushes it is free.
class PostgresBulkWriter : public BulkWriter
{
public:
    explicit PostgresBulkWriter(const QSqlDatabase &db);
    ~PostgresBulkWriter() override;

    BulkTable *table(const char *name, std::initializer_list<const char *> columns) override;
    bool flush() override;
    bool finish() override;

    // For its tables.
    PGconn *connection() const { return conn_; }
    bool fail(const QString &message);
    // After a row was added: sends everything once enough has gathered.
    bool rowAdded(qsizetype bytes);

private:
    PGconn *conn_ = nullptr;
    std::vector<std::unique_ptr<PostgresBulkTable>> tables_;
    qsizetype pending_ = 0;
};

} // namespace mdm
