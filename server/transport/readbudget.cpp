#include "readbudget.h"

#include <cmath>

namespace natter::server {

ReadBudget::Bucket &ReadBudget::refilled(qint64 userId, const Limits &limits, qint64 nowMs)
{
    auto it = m_buckets.find(userId);
    if (it == m_buckets.end())
        return *m_buckets.insert(userId, Bucket{double(limits.burstBytes), nowMs});
    if (nowMs > it->lastMs) {
        const double rate = double(qMax<qint64>(1, limits.bytesPerSecond)) / 1000.0;
        it->bytes = qMin(double(limits.burstBytes), it->bytes + double(nowMs - it->lastMs) * rate);
        it->lastMs = nowMs;
    }
    return *it;
}

bool ReadBudget::mayRead(qint64 userId, const Limits &limits, qint64 nowMs, qint64 *retryAfterMs)
{
    const Bucket &bucket = refilled(userId, limits, nowMs);
    if (bucket.bytes > 0)
        return true;
    if (retryAfterMs) {
        // Until the bucket holds a byte again: then the next read is served, whatever size.
        const double rate = double(qMax<qint64>(1, limits.bytesPerSecond)) / 1000.0;
        *retryAfterMs = qMax<qint64>(1, qint64(std::ceil((1.0 - bucket.bytes) / rate)));
    }
    return false;
}

void ReadBudget::charge(qint64 userId, const Limits &limits, qint64 nowMs, qint64 bytes)
{
    refilled(userId, limits, nowMs).bytes -= double(bytes);
}

} // namespace natter::server
