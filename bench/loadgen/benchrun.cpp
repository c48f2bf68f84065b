#include "benchrun.h"

#include "benchclock.h"
#include "latencyhistogram.h"

namespace bench {

BenchRun::BenchRun(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_server(options.serverPid, this), m_self(0, this)
{
    m_server.setWriteCountsFile(options.writeCountsFile);
    if (!options.label.isEmpty())
        m_report.add(QStringLiteral("label"), options.label);
    m_report.add(QStringLiteral("mode"), Options::modeName(options.mode));
    m_report.add(QStringLiteral("clients"), options.clients);
    if (options.loopPauseMs > 0)
        m_report.add(QStringLiteral("loop_pause_ms"), options.loopPauseMs);
}

void BenchRun::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = exitCode;
    m_report.add(QStringLiteral("ok"), exitCode == 0);
    emit finished();
}

void BenchRun::addProcessFigures()
{
    if (m_options.serverPid > 0 && !m_server.available())
        m_report.add(QStringLiteral("server_stats"),
                     QStringLiteral("unreadable /proc/%1").arg(m_options.serverPid));
    m_server.addTo(&m_report, QStringLiteral("server"));
    if (m_self.available())
        m_report.add(QStringLiteral("loadgen_cpu_pct"), m_self.cpuPercent(), 1);
}

void BenchRun::addLatency(const LatencyHistogram &histogram, const QString &prefix)
{
    const auto ms = [](qint64 ns) { return nsToMs(ns); };
    m_report.add(prefix + QStringLiteral("p50_ms"), ms(histogram.percentileNs(0.50)), 3);
    m_report.add(prefix + QStringLiteral("p90_ms"), ms(histogram.percentileNs(0.90)), 3);
    m_report.add(prefix + QStringLiteral("p99_ms"), ms(histogram.percentileNs(0.99)), 3);
    m_report.add(prefix + QStringLiteral("p999_ms"), ms(histogram.percentileNs(0.999)), 3);
    m_report.add(prefix + QStringLiteral("max_ms"), ms(histogram.maxNs()), 3);
    m_report.add(prefix + QStringLiteral("mean_ms"), ms(qint64(histogram.meanNs())), 3);
    m_report.add(prefix + QStringLiteral("samples"), histogram.count());
}

} // namespace bench
