#pragma once
// Watches one process over a measured window: CPU time used in it and the peak RSS seen by
// sampling /proc every 100 ms (VmHWM is reported too, but it covers the process's whole life).

#include "procstats.h"
#include "writecounts.h"

#include <QObject>
#include <QTimer>

namespace bench {

class Report;

class ProcessMonitor final : public QObject
{
    Q_OBJECT

public:
    // pid 0: this process.
    explicit ProcessMonitor(qint64 pid, QObject *parent = nullptr);

    bool available() const { return m_available; }
    // The counters file natter-writecount keeps for this process (empty: none).
    void setWriteCountsFile(const QString &path) { m_writeCountsFile = path; }
    // Both readings of the counters file were made.
    bool hasWriteCounts() const { return m_countsRead; }
    WriteCounts writeCountsInWindow() const;
    void begin();
    void end();

    double cpuS() const { return m_end.cpuS - m_begin.cpuS; }
    double wallS() const;
    double cpuPercent() const;
    const ProcSample &atBegin() const { return m_begin; }
    const ProcSample &atEnd() const { return m_end; }

    // Adds <prefix>_cpu_s, _cpu_pct, _peak_rss_kb, _hwm_kb (when the process was readable).
    void addTo(Report *report, const QString &prefix) const;

private:
    void sample();

    qint64 m_pid;
    bool m_available = false;
    QTimer m_timer;
    ProcSample m_begin;
    ProcSample m_end;
    qint64 m_beginNs = 0;
    qint64 m_endNs = 0;
    qint64 m_peakRssKb = 0;
    QString m_writeCountsFile;
    bool m_countsRead = false;
    WriteCounts m_countsAtBegin;
    WriteCounts m_countsAtEnd;
};

} // namespace bench
