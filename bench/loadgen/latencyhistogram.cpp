#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace bench {
namespace {

constexpr int kLinear = 128;    // values below are their own bucket
constexpr int kSubBuckets = 64; // per power of two above
constexpr int kBuckets = kLinear + 57 * kSubBuckets;

} // namespace

LatencyHistogram::LatencyHistogram() : m_buckets(kBuckets, 0)
{}

int LatencyHistogram::indexOf(quint64 ns)
{
    if (ns < quint64(kLinear))
        return int(ns);
    const int msb = 63 - std::countl_zero(ns); // >= 7
    const int shift = msb - 6;                 // >= 1; ns >> shift is in [64, 128)
    const int mantissa = int(ns >> shift);
    return kLinear + (shift - 1) * kSubBuckets + (mantissa - kSubBuckets);
}

quint64 LatencyHistogram::midpointOf(int index)
{
    if (index < kLinear)
        return quint64(index);
    const int shift = (index - kLinear) / kSubBuckets + 1;
    const quint64 mantissa = quint64((index - kLinear) % kSubBuckets + kSubBuckets);
    const quint64 low = mantissa << shift;
    const quint64 width = quint64(1) << shift;
    return low + width / 2;
}

void LatencyHistogram::record(qint64 ns)
{
    if (ns < 0)
        ns = 0;
    const int index = std::min(indexOf(quint64(ns)), kBuckets - 1);
    ++m_buckets[size_t(index)];
    m_min = m_count ? std::min(m_min, ns) : ns;
    m_max = std::max(m_max, ns);
    m_sum += ns;
    ++m_count;
}

void LatencyHistogram::clear()
{
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = m_min = m_max = m_sum = 0;
}

qint64 LatencyHistogram::percentileNs(double fraction) const
{
    if (m_count == 0)
        return 0;
    const qint64 rank =
        std::clamp<qint64>(qint64(std::ceil(fraction * double(m_count))), 1, m_count);
    qint64 seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_buckets[size_t(i)];
        if (seen >= rank)
            return std::clamp<qint64>(qint64(midpointOf(i)), m_min, m_max);
    }
    return m_max;
}

} // namespace bench
