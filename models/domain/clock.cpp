#include "domain/clock.h"

namespace mdm {

QDateTime Clock::now() const
{
    return fixed_ ? *fixed_ : QDateTime::currentDateTimeUtc();
}

void Clock::advance(qint64 ms)
{
    fixed_ = now().addMSecs(ms);
}

} // namespace mdm
