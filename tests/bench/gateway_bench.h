#pragma once

#include <QString>
#include <functional>
#include <map>

namespace mdm::bench {

// The enrollment gateway under load, on the bench's store (1,000,000 managed devices by default): a real
// `mdm-console serve` process over HTTPS with a test certificate made here (openssl).
//   enroll_1k_s      1,000 agent devices enrolling from 1,000 fresh invitations, 50 connections at once
//   checkins_per_s   Apple devices doing Idle check-ins (PUT /mdm/connect, XML plist) over 200 keep-alive
//                    connections for 10 s, one enrolled device per connection
//   checkin_p99_ms   the 99th percentile of those check-ins' response times
// Empty (and why in `log`) when the gateway cannot be started.
std::map<QString, double> gatewayFigures(const QString &storePath,
                                         const std::function<void(const QString &)> &log);

} // namespace mdm::bench
