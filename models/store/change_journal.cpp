#include "store/change_journal.h"

#include "store/dialect.h"
#include "store/postgres_lock.h"
#include "store/sql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mdm::ChangeJournal {

qint64 lastSeq(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_journal")) || !q.next()) {
        if (error)
            *error = sqlErrorText(q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

bool BulkChange::suspend(QString *error)
{
    QSqlQuery q(db_);
    if (dialectOf(db_).isPostgres()) {
        // The journalling triggers skip their rows while mdm.journal is off in this transaction: no table
        // lock (ALTER TABLE … DISABLE TRIGGER would shut every reader out), and a commit or rollback ends it.
        if (!q.exec(QStringLiteral("SELECT set_config('%1', 'off', true)")
                        .arg(QLatin1String(kPostgresJournalSetting)))) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
        return true;
    }
    // The triggers that write entries; the journal's own pruning trigger stays.
    if (!q.exec(
            QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                           " AND name GLOB '*_journal_*' AND tbl_name <> 'change_journal' ORDER BY name"))) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    QStringList names;
    while (q.next()) {
        names << q.value(0).toString();
        dropped_ << q.value(1).toString();
    }
    q.finish();
    for (const QString &name : std::as_const(names)) {
        if (!q.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(name))) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
    }
    return true;
}

bool BulkChange::finish(QString *error)
{
    QSqlQuery q(db_);
    if (dialectOf(db_).isPostgres())
        dropped_ = {QStringLiteral("SELECT set_config('%1', 'on', true)")
                        .arg(QLatin1String(kPostgresJournalSetting))};
    for (const QString &statement : std::as_const(dropped_)) {
        if (!q.exec(statement)) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
    }
    dropped_.clear();
    q.prepare(QStringLiteral("INSERT INTO change_journal (kind, record_id, change, at) VALUES (?, 0, 1, %1)")
                  .arg(dialectOf(db_).nowMs()));
    q.addBindValue(QString::fromLatin1(kEverythingKey));
    return execOrError(q, error);
}

} // namespace mdm::ChangeJournal
