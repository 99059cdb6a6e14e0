#pragma once

#include <QCoreApplication>
#include <QString>

namespace mdm {

class Store;

// What the enrollment gateway (`mdm-console serve`) last wrote about itself into the store's settings
// (`gateway.*`), so that every console on the store can tell whether devices can reach it. The gateway
// writes these with its batched last-seen flush, at most once a second, and a heartbeat every 5 s
// (GatewayServer::kHeartbeatMs) while idle.
struct GatewayStatus
{
    Q_DECLARE_TR_FUNCTIONS(GatewayStatus)

public:
    // A heartbeat older than this means the gateway stopped (or lost its store) without saying so.
    static constexpr qint64 kStaleMs = 15'000;

    QString listen;
    QString publicUrl;
    qint64 startedAt = 0;
    qint64 stoppedAt = 0;
    qint64 lastRequestAt = 0;
    qint64 lastCheckinAt = 0;
    qint64 heartbeatAt = 0;

    static GatewayStatus read(Store &store);

    bool everRan() const { return startedAt > 0; }
    bool serving(qint64 nowMs) const;
    // "serving https://… · last check-in 2 minutes ago", "stopped 5 minutes ago", "not started".
    QString summary(qint64 nowMs) const;
    // "just now", "3 minutes ago", "2 hours ago", "4 days ago".
    static QString ago(qint64 thenMs, qint64 nowMs);
};

} // namespace mdm
