#include "store/schema.h"

namespace mdm {

namespace {

QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE groups ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0))"),
        QStringLiteral("CREATE TABLE users ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (instr(email, '@') > 1))"),
        QStringLiteral("CREATE TABLE invitations ("
                       " id INTEGER PRIMARY KEY,"
                       " user_id INTEGER NOT NULL REFERENCES users(id),"
                       " email TEXT NOT NULL,"
                       " platform INTEGER NOT NULL CHECK (platform BETWEEN 0 AND 5),"
                       " ownership INTEGER NOT NULL DEFAULT 0 CHECK (ownership IN (0, 1)),"
                       " group_id INTEGER REFERENCES groups(id),"
                       " token_hash BLOB UNIQUE,"
                       " requested_at INTEGER NOT NULL,"
                       " sent_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL,"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
                       " delivery INTEGER NOT NULL DEFAULT 0 CHECK (delivery BETWEEN 0 AND 2),"
                       " remarks TEXT NOT NULL DEFAULT '',"
                       " resend_count INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX invitations_state ON invitations(state, expires_at)"),
        QStringLiteral("CREATE INDEX invitations_user ON invitations(user_id)"),
        QStringLiteral("CREATE TABLE devices ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " platform INTEGER NOT NULL CHECK (platform BETWEEN 0 AND 5),"
                       " ownership INTEGER NOT NULL DEFAULT 0 CHECK (ownership IN (0, 1)),"
                       " serial TEXT,"
                       " imei TEXT,"
                       " model TEXT NOT NULL DEFAULT '',"
                       " os_version TEXT NOT NULL DEFAULT '',"
                       " user_id INTEGER REFERENCES users(id),"
                       " group_id INTEGER REFERENCES groups(id),"
                       " invitation_id INTEGER REFERENCES invitations(id),"
                       " state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 4),"
                       " staged_at INTEGER,"
                       " enrolled_at INTEGER,"
                       " last_seen_at INTEGER,"
                       " CHECK (coalesce(serial, '') <> '' OR coalesce(imei, '') <> ''))"),
        QStringLiteral("CREATE UNIQUE INDEX devices_serial ON devices(serial) WHERE serial <> ''"),
        QStringLiteral("CREATE UNIQUE INDEX devices_imei ON devices(imei) WHERE imei <> ''"),
        QStringLiteral("CREATE INDEX devices_state ON devices(state)"),
        QStringLiteral("CREATE INDEX devices_user ON devices(user_id)"),
        QStringLiteral("CREATE TABLE commands ("
                       " id INTEGER PRIMARY KEY,"
                       " device_id INTEGER NOT NULL REFERENCES devices(id),"
                       " kind INTEGER NOT NULL CHECK (kind IN (1, 2)),"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX commands_device ON commands(device_id)"),
        QStringLiteral("CREATE TABLE outbox ("
                       " id INTEGER PRIMARY KEY,"
                       " invitation_id INTEGER REFERENCES invitations(id),"
                       " recipient TEXT NOT NULL,"
                       " link_token TEXT,"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at INTEGER NOT NULL,"
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL,"
                       " sent_at INTEGER)"),
        QStringLiteral("CREATE INDEX outbox_due ON outbox(state, next_attempt_at)"),
        QStringLiteral("CREATE INDEX outbox_invitation ON outbox(invitation_id)"),
        QStringLiteral("CREATE TABLE audit_log ("
                       " id INTEGER PRIMARY KEY,"
                       " at INTEGER NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " record_kind TEXT NOT NULL DEFAULT '',"
                       " record_ids TEXT NOT NULL DEFAULT '',"
                       " details TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
        QStringLiteral("CREATE TABLE audit_log_records ("
                       " audit_id INTEGER NOT NULL REFERENCES audit_log(id),"
                       " record_kind TEXT NOT NULL,"
                       " record_id INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX audit_log_records_record ON audit_log_records(record_kind, record_id)"),
        QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_records_no_update BEFORE UPDATE ON audit_log_records"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        QStringLiteral("CREATE TRIGGER audit_log_records_no_delete BEFORE DELETE ON audit_log_records"
                       " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
    };
}

// Version 2: settings shared by the window and the command line (never a password).
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    };
}

} // namespace

const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> all{version1(), version2()};
    return all;
}

} // namespace mdm
