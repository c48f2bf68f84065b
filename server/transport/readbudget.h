#pragma once
// The cost half of rate limiting reads: history, sync and users replies are charged by their
// size to one token bucket of bytes per account, shared by all of its sockets (a request
// count alone lets a few sockets pull gigabytes of 8 MB sync pages). A request is served
// while the account's bucket is not empty, and its reply is charged afterwards, so the one
// that empties it is still answered; then reads wait until the bucket refills. Buckets
// outlive the sockets (reconnecting must not refill them): a few dozen bytes per account
// that has read since the start.

#include <QElapsedTimer>
#include <QHash>

namespace natter::server {

class ReadBudget final
{
public:
    struct Limits
    {
        qint64 bytesPerSecond = 0;
        qint64 burstBytes = 0;
    };

    ReadBudget() { m_clock.start(); }

    // Whether `userId` may be served a read now; when not, how long until it may.
    bool mayRead(qint64 userId, const Limits &limits, qint64 *retryAfterMs = nullptr)
    {
        return mayRead(userId, limits, m_clock.elapsed(), retryAfterMs);
    }
    void charge(qint64 userId, const Limits &limits, qint64 bytes)
    {
        charge(userId, limits, m_clock.elapsed(), bytes);
    }

    // The same at a given time (monotonic milliseconds), for tests.
    bool mayRead(qint64 userId, const Limits &limits, qint64 nowMs, qint64 *retryAfterMs);
    void charge(qint64 userId, const Limits &limits, qint64 nowMs, qint64 bytes);

private:
    struct Bucket
    {
        double bytes = 0; // below zero after a reply larger than what was left
        qint64 lastMs = 0;
    };

    Bucket &refilled(qint64 userId, const Limits &limits, qint64 nowMs);

    QElapsedTimer m_clock;
    QHash<qint64, Bucket> m_buckets;
};

} // namespace natter::server
