#include "boundedlog.h"

namespace natter::server {

BoundedLog::BoundedLog(int linesPerWindow, qint64 windowMs)
    : m_linesPerWindow(linesPerWindow), m_windowMs(windowMs)
{
    m_clock.start();
}

bool BoundedLog::allow(QString *suffix)
{
    const qint64 now = m_clock.elapsed();
    if (now - m_windowStartMs >= m_windowMs) {
        m_windowStartMs = now;
        m_lines = 0;
    }
    if (m_lines >= m_linesPerWindow) {
        ++m_suppressed;
        return false;
    }
    ++m_lines;
    suffix->clear();
    if (m_suppressed > 0) {
        *suffix = QStringLiteral(" (and %1 more like it not logged)").arg(m_suppressed);
        m_suppressed = 0;
    }
    return true;
}

} // namespace natter::server
