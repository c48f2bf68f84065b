#pragma once
// The load generator's one clock: every send stamp and every receive time comes from it, so
// latencies are differences of readings of the same monotonic clock.

#include <QtGlobal>

namespace bench {

// Nanoseconds since the first call (monotonic).
qint64 nowNs();

inline double nsToMs(qint64 ns)
{
    return double(ns) / 1e6;
}
inline qint64 secondsToNs(double seconds)
{
    return qint64(seconds * 1e9);
}

} // namespace bench
