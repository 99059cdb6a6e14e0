#include "store/schema_parts.h"

namespace mdm::schema {

// Who did what, when, to which records; never changed or removed once written (triggers refuse it).
QStringList auditLogTables(const Dialect &d)
{
    QStringList all{
        QStringLiteral("CREATE TABLE audit_log ("
                       " id %1,"
                       " at %2 NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " record_kind TEXT NOT NULL DEFAULT '',"
                       " record_ids TEXT NOT NULL DEFAULT '',"
                       " details TEXT NOT NULL DEFAULT '')")
            .arg(QLatin1String(d.idColumn), QLatin1String(d.bigint)),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
        QStringLiteral("CREATE TABLE audit_log_records ("
                       " audit_id %1 NOT NULL REFERENCES audit_log(id),"
                       " record_kind TEXT NOT NULL,"
                       " record_id %1 NOT NULL)")
            .arg(QLatin1String(d.bigint)),
        QStringLiteral("CREATE INDEX audit_log_records_record ON audit_log_records(record_kind, record_id)"),
    };
    const QString refuse = d.raise(QStringLiteral("the audit log is append-only"));
    for (const char *table : {"audit_log", "audit_log_records"}) {
        const QString t = QLatin1String(table);
        all << d.trigger(t + QLatin1String("_no_update"), QStringLiteral("BEFORE UPDATE"), t, {}, refuse);
        all << d.trigger(t + QLatin1String("_no_delete"), QStringLiteral("BEFORE DELETE"), t, {}, refuse);
    }
    if (d.isPostgres()) {
        // TRUNCATE skips row triggers; SQLite has no TRUNCATE.
        for (const char *table : {"audit_log", "audit_log_records"})
            all << QStringLiteral("CREATE TRIGGER %1_no_truncate BEFORE TRUNCATE ON %1"
                                  " FOR EACH STATEMENT EXECUTE FUNCTION %1_no_delete()")
                       .arg(QLatin1String(table));
    }
    return all;
}

} // namespace mdm::schema
