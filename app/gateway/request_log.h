#pragma once
// The gateway's one line per request on stderr, with every secret taken out of the path: the emailed
// token (/enroll/<token>), the enrollment secret (?e=<secret>); headers (Authorization) are never logged.

#include <QString>
#include <QUrl>

namespace mdm::gateway {

// "/enroll/…/profile.mobileconfig", "/mdm/checkin?e=…", "/agent/v1/commands/12/result".
QString redactedPath(const QUrl &url);

// "2026-12-06T01:02:03.456Z PUT /mdm/connect?e=… 200 3 ms"
QString requestLogLine(qint64 atMs, const QString &method, const QString &path, int status, qint64 elapsedMs);

} // namespace mdm::gateway
