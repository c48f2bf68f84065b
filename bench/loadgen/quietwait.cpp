#include "quietwait.h"

#include "benchclock.h"
#include "procstats.h"

namespace bench {
namespace {

constexpr int kIntervalMs = 200;
// An idle server uses about nothing; one that is still closing sockets, most of a core.
constexpr double kQuietShare = 0.1; // /proc counts in 10 ms ticks: below 2 ticks per interval

} // namespace

QuietWait::QuietWait(qint64 pid, QObject *parent) : QObject(parent), m_pid(pid)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &QuietWait::sample);
}

void QuietWait::start(int maxMs)
{
    m_startNs = nowNs();
    m_deadlineNs = m_startNs + qint64(maxMs) * 1'000'000;
    const ProcSample first = readProcSample(m_pid);
    if (m_pid <= 0 || !first.ok) {
        // Deferred like the other outcome, so a caller may connect after start().
        QTimer::singleShot(0, this, &QuietWait::done);
        return;
    }
    m_lastCpuS = first.cpuS;
    m_timer.start();
}

double QuietWait::waitedS() const
{
    return double(m_endNs - m_startNs) / 1e9;
}

void QuietWait::sample()
{
    const ProcSample now = readProcSample(m_pid);
    const bool quietNow = !now.ok || now.cpuS - m_lastCpuS < kQuietShare * kIntervalMs / 1000.0;
    m_lastCpuS = now.cpuS;
    if (quietNow || nowNs() >= m_deadlineNs)
        done();
}

void QuietWait::done()
{
    m_timer.stop();
    m_endNs = nowNs();
    emit quiet();
}

} // namespace bench
