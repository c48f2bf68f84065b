#pragma once
// Latencies in nanoseconds in log-linear buckets (like HdrHistogram): exact below 128 ns, then
// 64 buckets per power of two, so a reported percentile is within 0.8% of the true value.
// Minimum, maximum, mean and count are exact.

#include <QtGlobal>

#include <vector>

namespace bench {

class LatencyHistogram
{
public:
    LatencyHistogram();

    void record(qint64 ns);
    void clear();

    qint64 count() const { return m_count; }
    qint64 maxNs() const { return m_max; }
    double meanNs() const { return m_count ? double(m_sum) / double(m_count) : 0; }
    // The value below which `fraction` (0..1) of the samples lie; 0 without samples.
    qint64 percentileNs(double fraction) const;

private:
    static int indexOf(quint64 ns);
    static quint64 midpointOf(int index);

    std::vector<qint64> m_buckets;
    qint64 m_count = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
    qint64 m_sum = 0;
};

} // namespace bench
