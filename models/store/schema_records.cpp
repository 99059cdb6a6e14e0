#include "store/schema_parts.h"

namespace mdm::schema {

QString groupsTable(const Dialect &d)
{
    return QStringLiteral("CREATE TABLE groups ("
                          " id %1,"
                          " name %2 NOT NULL UNIQUE%3 CHECK (length(trim(name)) > 0))")
        .arg(QLatin1String(d.idColumn), QLatin1String(d.nocaseText), QLatin1String(d.nocase));
}

QString usersTable(const Dialect &d)
{
    return QStringLiteral("CREATE TABLE users ("
                          " id %1,"
                          " name TEXT NOT NULL,"
                          " email %2 NOT NULL UNIQUE%3 CHECK (%4(email, '@') > 1))")
        .arg(QLatin1String(d.idColumn), QLatin1String(d.nocaseText), QLatin1String(d.nocase),
             QLatin1String(d.instr));
}

QStringList invitationsTable(const Dialect &d)
{
    const QLatin1String big(d.bigint);
    return {
        QStringLiteral("CREATE TABLE invitations ("
                       " id %1,"
                       " user_id %2 NOT NULL REFERENCES users(id),"
                       " email TEXT NOT NULL,"
                       " platform INTEGER NOT NULL CHECK (platform BETWEEN 0 AND 5),"
                       " ownership INTEGER NOT NULL DEFAULT 0 CHECK (ownership IN (0, 1)),"
                       " group_id %2 REFERENCES groups(id),"
                       " token_hash %3 UNIQUE,"
                       " requested_at %2 NOT NULL,"
                       " sent_at %2 NOT NULL,"
                       " expires_at %2 NOT NULL,"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
                       " delivery INTEGER NOT NULL DEFAULT 0 CHECK (delivery BETWEEN 0 AND 2),"
                       " remarks TEXT NOT NULL DEFAULT '',"
                       " resend_count INTEGER NOT NULL DEFAULT 0)")
            .arg(QLatin1String(d.idColumn), big, QLatin1String(d.blob)),
        QStringLiteral("CREATE INDEX invitations_state ON invitations(state, expires_at)"),
        QStringLiteral("CREATE INDEX invitations_user ON invitations(user_id)"),
    };
}

// Version 4's devices: version 1's, with states up to 6 (Revoke failed, Wipe failed) and the remarks a
// failed command leaves (the device's answer, e.g. Apple's ErrorChain).
QString devicesTable(const Dialect &d, const char *name)
{
    return QStringLiteral("CREATE TABLE %1 ("
                          " id %2,"
                          " name TEXT NOT NULL DEFAULT '',"
                          " platform INTEGER NOT NULL CHECK (platform BETWEEN 0 AND 5),"
                          " ownership INTEGER NOT NULL DEFAULT 0 CHECK (ownership IN (0, 1)),"
                          " serial TEXT,"
                          " imei TEXT,"
                          " model TEXT NOT NULL DEFAULT '',"
                          " os_version TEXT NOT NULL DEFAULT '',"
                          " user_id %3 REFERENCES users(id),"
                          " group_id %3 REFERENCES groups(id),"
                          " invitation_id %3 REFERENCES invitations(id),"
                          " state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 6),"
                          " staged_at %3,"
                          " enrolled_at %3,"
                          " last_seen_at %3,"
                          " remarks TEXT NOT NULL DEFAULT '',"
                          " CHECK (coalesce(serial, '') <> '' OR coalesce(imei, '') <> ''))")
        .arg(QLatin1String(name), QLatin1String(d.idColumn), QLatin1String(d.bigint));
}

QStringList devicesIndexes()
{
    return {
        QStringLiteral("CREATE UNIQUE INDEX devices_serial ON devices(serial) WHERE serial <> ''"),
        QStringLiteral("CREATE UNIQUE INDEX devices_imei ON devices(imei) WHERE imei <> ''"),
        QStringLiteral("CREATE INDEX devices_state ON devices(state)"),
        QStringLiteral("CREATE INDEX devices_user ON devices(user_id)"),
    };
}

QStringList commandsTable(const Dialect &d)
{
    return {
        QStringLiteral("CREATE TABLE commands ("
                       " id %1,"
                       " device_id %2 NOT NULL REFERENCES devices(id),"
                       " kind INTEGER NOT NULL CHECK (kind IN (1, 2)),"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
                       " created_at %2 NOT NULL,"
                       " updated_at %2 NOT NULL)")
            .arg(QLatin1String(d.idColumn), QLatin1String(d.bigint)),
        QStringLiteral("CREATE INDEX commands_device ON commands(device_id)"),
    };
}

// commands.state: 0 queued, 1 acknowledged, 2 failed. uuid: Apple's CommandUUID; pin: the 6-digit PIN of
// a macOS EraseDevice, shown to the admin; error: the device's answer to a failed command.
QStringList commandsGatewayColumns(const Dialect &d)
{
    const QLatin1String big(d.bigint);
    return {
        QStringLiteral("ALTER TABLE commands ADD COLUMN uuid TEXT"),
        QStringLiteral("ALTER TABLE commands ADD COLUMN enrollment_id %1 REFERENCES enrollments(id)")
            .arg(big),
        QStringLiteral("ALTER TABLE commands ADD COLUMN pin TEXT"),
        QStringLiteral("ALTER TABLE commands ADD COLUMN error TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE commands ADD COLUMN offered_at %1").arg(big),
        QStringLiteral("ALTER TABLE commands ADD COLUMN pushed_at %1").arg(big),
        QStringLiteral("CREATE UNIQUE INDEX commands_uuid ON commands(uuid) WHERE uuid IS NOT NULL"),
        QStringLiteral("CREATE INDEX commands_queued ON commands(device_id) WHERE state = 0"),
    };
}

QStringList outboxTable(const Dialect &d)
{
    return {
        QStringLiteral("CREATE TABLE outbox ("
                       " id %1,"
                       " invitation_id %2 REFERENCES invitations(id),"
                       " recipient TEXT NOT NULL,"
                       " link_token TEXT,"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at %2 NOT NULL,"
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " created_at %2 NOT NULL,"
                       " sent_at %2)")
            .arg(QLatin1String(d.idColumn), QLatin1String(d.bigint)),
        QStringLiteral("CREATE INDEX outbox_due ON outbox(state, next_attempt_at)"),
        QStringLiteral("CREATE INDEX outbox_invitation ON outbox(invitation_id)"),
    };
}

// One row per enrollment of a device: made when an Apple profile is issued or an agent enrolls, bound to
// its device at the first TokenUpdate (Apple) or at once (agent). secret_hash: SHA-256 of the secret the
// device presents on every request (never the emailed token). state: 0 issued, 1 authenticated,
// 2 enrolled, 3 checked out, 4 ended (after a completed revoke or erase). protocol: 0 Apple MDM, 1 agent.
// The facts are those the device sent at Authenticate / enroll.
QStringList enrollmentsTable(const Dialect &d)
{
    return {
        QStringLiteral("CREATE TABLE enrollments ("
                       " id %1,"
                       " invitation_id %2 NOT NULL REFERENCES invitations(id),"
                       " device_id %2 REFERENCES devices(id),"
                       " protocol INTEGER NOT NULL CHECK (protocol IN (0, 1)),"
                       " secret_hash %3 NOT NULL UNIQUE,"
                       " profile_identifier TEXT UNIQUE,"
                       " udid TEXT,"
                       " push_token %3,"
                       " push_magic TEXT,"
                       " unlock_token %3,"
                       " push_dead INTEGER NOT NULL DEFAULT 0,"
                       " state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 4),"
                       " created_at %2 NOT NULL,"
                       " last_seen_at %2,"
                       " serial TEXT NOT NULL DEFAULT '',"
                       " imei TEXT NOT NULL DEFAULT '',"
                       " model TEXT NOT NULL DEFAULT '',"
                       " os_version TEXT NOT NULL DEFAULT '',"
                       " device_name TEXT NOT NULL DEFAULT '')")
            .arg(QLatin1String(d.idColumn), QLatin1String(d.bigint), QLatin1String(d.blob)),
        QStringLiteral("CREATE INDEX enrollments_invitation ON enrollments(invitation_id)"),
        QStringLiteral("CREATE INDEX enrollments_device ON enrollments(device_id)"),
    };
}

// Settings shared by the window and the command line (never a password).
QStringList settingsTable()
{
    return {QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")};
}

} // namespace mdm::schema
