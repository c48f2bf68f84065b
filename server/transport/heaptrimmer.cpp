#include "heaptrimmer.h"

#include "config/logging.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace natter::server {

HeapTrimmer::HeapTrimmer(int threshold, int delayMs, qint64 largeBacklogBytes,
                         qint64 freedBytesThreshold, QObject *parent)
    : QObject(parent), m_threshold(threshold), m_largeBacklogBytes(largeBacklogBytes),
      m_freedBytesThreshold(freedBytesThreshold)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &HeapTrimmer::trim);
}

void HeapTrimmer::noteConnectionClosed()
{
    if (++m_closedSinceTrim >= m_threshold)
        trimSoon();
}

void HeapTrimmer::noteBacklogFreed(qint64 bytes, bool dropped)
{
    if (bytes <= 0)
        return;
    m_freedSinceTrim += bytes;
    if ((dropped && bytes >= m_largeBacklogBytes) || m_freedSinceTrim >= m_freedBytesThreshold)
        trimSoon();
}

void HeapTrimmer::trimSoon()
{
    // Not restarted by later notes: a steady churn must not postpone it for ever.
    if (!m_timer.isActive())
        m_timer.start();
}

void HeapTrimmer::trim()
{
    m_closedSinceTrim = 0;
    m_freedSinceTrim = 0;
    ++m_trims;
#ifdef __GLIBC__
    malloc_trim(0);
    qCDebug(lcTransport) << "returned free heap memory to the system";
#endif
}

} // namespace natter::server
