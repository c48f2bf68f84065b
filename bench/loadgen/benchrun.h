#pragma once
// What main() drives: one benchmark that starts, finishes once, and leaves a report and an
// exit code. The server and load generator monitors are shared by every kind of run.

#include "options.h"
#include "processmonitor.h"
#include "report.h"

#include <QObject>

namespace bench {

class LatencyHistogram;

class BenchRun : public QObject
{
    Q_OBJECT

public:
    explicit BenchRun(const Options &options, QObject *parent = nullptr);

    virtual void start() = 0;
    const Report &report() const { return m_report; }
    // 0: the run worked; 1: it ran but something was lost or refused; 2: it could not run.
    int exitCode() const { return m_exitCode; }

signals:
    void finished();

protected:
    void finish(int exitCode);
    // The monitors' figures, as <prefix>_cpu_s etc.
    void addProcessFigures();
    // p50_ms, p90_ms, p99_ms, p999_ms, max_ms, mean_ms, samples with `prefix` before each key.
    void addLatency(const LatencyHistogram &histogram, const QString &prefix = QString());

    const Options &m_options;
    Report m_report;
    ProcessMonitor m_server;
    ProcessMonitor m_self;

private:
    int m_exitCode = 0;
    bool m_finished = false;
};

} // namespace bench
