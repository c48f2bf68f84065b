#include "processmonitor.h"

#include "benchclock.h"
#include "report.h"

#include <QFile>

#include <algorithm>
#include <cstring>

namespace bench {
namespace {

bool readWriteCounts(const QString &path, WriteCounts *counts)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.read(sizeof(WriteCounts));
    if (bytes.size() != int(sizeof(WriteCounts)))
        return false;
    std::memcpy(counts, bytes.constData(), sizeof(WriteCounts));
    return true;
}

} // namespace

ProcessMonitor::ProcessMonitor(qint64 pid, QObject *parent) : QObject(parent), m_pid(pid)
{
    m_available = readProcSample(pid).ok;
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ProcessMonitor::sample);
}

void ProcessMonitor::begin()
{
    m_begin = readProcSample(m_pid);
    m_countsRead = readWriteCounts(m_writeCountsFile, &m_countsAtBegin);
    m_beginNs = nowNs();
    m_peakRssKb = m_begin.rssKb;
    if (m_available)
        m_timer.start();
}

void ProcessMonitor::end()
{
    m_timer.stop();
    m_end = readProcSample(m_pid);
    m_countsRead = m_countsRead && readWriteCounts(m_writeCountsFile, &m_countsAtEnd);
    m_endNs = nowNs();
    m_peakRssKb = std::max(m_peakRssKb, m_end.rssKb);
    m_available = m_begin.ok && m_end.ok;
}

void ProcessMonitor::sample()
{
    const ProcSample now = readProcSample(m_pid);
    if (now.ok)
        m_peakRssKb = std::max(m_peakRssKb, now.rssKb);
}

WriteCounts ProcessMonitor::writeCountsInWindow() const
{
    WriteCounts in;
    in.walBytes = m_countsAtEnd.walBytes - m_countsAtBegin.walBytes;
    in.searchBytes = m_countsAtEnd.searchBytes - m_countsAtBegin.searchBytes;
    in.otherFileBytes = m_countsAtEnd.otherFileBytes - m_countsAtBegin.otherFileBytes;
    in.walWrites = m_countsAtEnd.walWrites - m_countsAtBegin.walWrites;
    return in;
}

double ProcessMonitor::wallS() const
{
    return double(m_endNs - m_beginNs) / 1e9;
}

double ProcessMonitor::cpuPercent() const
{
    return wallS() > 0 ? 100.0 * cpuS() / wallS() : 0;
}

void ProcessMonitor::addTo(Report *report, const QString &prefix) const
{
    if (!m_available)
        return;
    report->add(prefix + QStringLiteral("_cpu_s"), cpuS(), 2);
    report->add(prefix + QStringLiteral("_cpu_pct"), cpuPercent(), 1);
    report->add(prefix + QStringLiteral("_peak_rss_kb"), m_peakRssKb);
    report->add(prefix + QStringLiteral("_hwm_kb"), m_end.hwmKb);
    if (m_begin.writeBytes >= 0 && m_end.writeBytes >= 0)
        report->add(prefix + QStringLiteral("_write_bytes"), m_end.writeBytes - m_begin.writeBytes);
}

} // namespace bench
