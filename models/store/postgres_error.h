#pragma once

#include <QString>

class QSqlError;

namespace mdm {

struct PostgresLocation;

// What a PostgreSQL error means for the console, from its SQLSTATE (QSqlError::nativeErrorCode() with
// Qt's QPSQL driver), not from its text, which the server may have translated.
enum class PostgresFailure
{
    Other,
    Busy,           // 55P03 lock_not_available: the write lock was held past the lock timeout
    Conflict,       // 40001 serialization_failure, 40P01 deadlock_detected: try again
    DiskFull,       // 53100 disk_full
    Damaged,        // XX001 data_corrupted, XX002 index_corrupted
    IoError,        // 58030 io_error
    ConnectionLost, // class 08, 57P01–57P03 (server shut down), or no answer at all
    AuthFailed,     // 28000, 28P01
    NoDatabase,     // 3D000
    NotAllowed,     // 42501 insufficient_privilege
};

// Whether error came from Qt's QPSQL driver.
bool isPostgresError(const QSqlError &error);
PostgresFailure postgresFailure(const QSqlError &error);

// The server's message without libpq's "ERROR:  " and Qt's "(SQLSTATE)" around it, first line only.
QString postgresErrorText(const QSqlError &error);

// Why opening the store at loc failed (error: what Qt's driver said), in plain words: the server cannot
// be reached, refused the user, has no such database, or what it said.
QString describePostgresConnectFailure(const PostgresLocation &loc, const QSqlError &error);

// Whether a failed login (error: what Qt's driver said) wants a password: none was found, or the one given
// was refused. The app then looks in the OS keychain, or asks (Store::OpenResult::passwordNeeded).
bool isPostgresPasswordFailure(const QSqlError &error);

} // namespace mdm

namespace mdm {

// describeSqlError's words for a PostgreSQL error.
QString describePostgresError(const QSqlError &error, int busyTimeoutMs);

} // namespace mdm
