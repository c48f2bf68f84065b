#pragma once
// Request rate limiting: a token bucket refilled at `ratePerSecond`, holding at most `burst`.
// Time is passed in (monotonic milliseconds) so the arithmetic is testable.

#include <QtGlobal>

namespace natter::server {

class TokenBucket final
{
public:
    TokenBucket(int ratePerSecond, int burst);

    // Takes one token; when none is left returns false and how long until one is.
    bool tryTake(qint64 nowMs, qint64 *retryAfterMs = nullptr);

private:
    double m_rate; // tokens per millisecond
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace natter::server
