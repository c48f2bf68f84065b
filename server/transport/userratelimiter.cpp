#include "userratelimiter.h"

namespace natter::server {

UserRateLimiter::UserRateLimiter(int ratePerSecond, int burst)
    : m_rate(ratePerSecond), m_burst(burst)
{
    m_clock.start();
}

bool UserRateLimiter::tryTake(qint64 userId, qint64 *retryAfterMs)
{
    auto it = m_buckets.find(userId);
    if (it == m_buckets.end())
        it = m_buckets.insert(userId, TokenBucket(m_rate, m_burst));
    return it->tryTake(m_clock.elapsed(), retryAfterMs);
}

} // namespace natter::server
