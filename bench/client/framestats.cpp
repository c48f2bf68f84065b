#include "framestats.h"

#include <algorithm>
#include <cmath>

namespace bench {

double FrameStats::percentileMs(double p) const
{
    if (m_ns.isEmpty())
        return 0;
    QList<qint64> sorted = m_ns;
    std::sort(sorted.begin(), sorted.end());
    const auto at = qsizetype(std::ceil(p / 100.0 * double(sorted.size()))) - 1;
    return double(sorted.at(std::clamp<qsizetype>(at, 0, sorted.size() - 1))) / 1e6;
}

double FrameStats::maxMs() const
{
    return m_ns.isEmpty() ? 0 : double(*std::max_element(m_ns.begin(), m_ns.end())) / 1e6;
}

int FrameStats::countOver(double ms) const
{
    return int(
        std::count_if(m_ns.begin(), m_ns.end(), [ms](qint64 ns) { return double(ns) / 1e6 > ms; }));
}

QString FrameStats::summary() const
{
    return QStringLiteral("n=%1 p50=%2 ms p99=%3 ms max=%4 ms over16ms=%5")
        .arg(count())
        .arg(percentileMs(50), 0, 'f', 2)
        .arg(percentileMs(99), 0, 'f', 2)
        .arg(maxMs(), 0, 'f', 2)
        .arg(countOver(16));
}

} // namespace bench
