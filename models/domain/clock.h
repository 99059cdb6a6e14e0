#pragma once

#include <QDateTime>
#include <optional>

namespace mdm {

// The one source of "now" for rules and services, so tests can stand at any instant (e.g. 6 d 23 h 59 m
// after an invitation was sent) without sleeping.
class Clock
{
public:
    QDateTime now() const;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }

    void setFixed(const QDateTime &instant) { fixed_ = instant.toUTC(); }
    void advance(qint64 ms);
    void useSystemTime() { fixed_.reset(); }

private:
    std::optional<QDateTime> fixed_;
};

} // namespace mdm
