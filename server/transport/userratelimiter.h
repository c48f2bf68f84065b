#pragma once
// The per-user half of request rate limiting: one token bucket per signed-in account,
// shared by all of its sockets, so opening more sockets does not multiply a user's rate.
// Buckets outlive the sockets (reconnecting must not refill them); there is one per account
// that has signed in since the start, a few dozen bytes each.

#include "tokenbucket.h"

#include <QElapsedTimer>
#include <QHash>

namespace natter::server {

class UserRateLimiter final
{
public:
    UserRateLimiter(int ratePerSecond, int burst);

    // Takes one of `userId`'s tokens; when none is left returns false and how long until one is.
    bool tryTake(qint64 userId, qint64 *retryAfterMs = nullptr);

private:
    const int m_rate;
    const int m_burst;
    QElapsedTimer m_clock;
    QHash<qint64, TokenBucket> m_buckets;
};

} // namespace natter::server
