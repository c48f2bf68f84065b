#include "heaptrimmer.h"

#include "config/logging.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace natter::server {

HeapTrimmer::HeapTrimmer(int threshold, int delayMs, QObject *parent)
    : QObject(parent), m_threshold(threshold)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &HeapTrimmer::trim);
}

void HeapTrimmer::noteConnectionClosed()
{
    // Not restarted by later closes: a steady churn must not postpone it for ever.
    if (++m_closedSinceTrim >= m_threshold && !m_timer.isActive())
        m_timer.start();
}

void HeapTrimmer::trim()
{
    m_closedSinceTrim = 0;
    ++m_trims;
#ifdef __GLIBC__
    malloc_trim(0);
    qCDebug(lcTransport) << "returned free heap memory to the system";
#endif
}

} // namespace natter::server
