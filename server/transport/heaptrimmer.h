#pragma once
// Gives memory back to the system after many connections have closed, or after large
// outbound backlogs were let go. glibc's malloc keeps freed memory in the middle of the heap
// for reuse, so after an office signs out (or a burst of reconnects moves to another
// instance, or a few clients that stopped reading were dropped with megabytes queued) the
// server would keep its peak footprint for good; malloc_trim returns the free pages. Does
// nothing where malloc is not glibc's.

#include <QObject>
#include <QTimer>

namespace natter::server {

class HeapTrimmer final : public QObject
{
    Q_OBJECT

public:
    // Trims `delayMs` after the `threshold`-th connection closed since the last trim (the
    // rest of a wave of closes is over by then, mostly), or after outbound backlogs were
    // let go: one of at least `largeBacklogBytes` dropped with its connection, or
    // `freedBytesThreshold` of them freed in all since the last trim.
    explicit HeapTrimmer(int threshold = 1000, int delayMs = 2000,
                         qint64 largeBacklogBytes = qint64(1) << 20,
                         qint64 freedBytesThreshold = qint64(64) << 20, QObject *parent = nullptr);

    void noteConnectionClosed();
    // `bytes` of unsent outbound data freed: written out after piling up, or dropped because
    // the connection went away (`dropped`) with them still queued.
    void noteBacklogFreed(qint64 bytes, bool dropped);
    int trims() const { return m_trims; }

private:
    void trimSoon();
    void trim();

    const int m_threshold;
    const qint64 m_largeBacklogBytes;
    const qint64 m_freedBytesThreshold;
    int m_closedSinceTrim = 0;
    qint64 m_freedSinceTrim = 0;
    int m_trims = 0;
    QTimer m_timer;
};

} // namespace natter::server
