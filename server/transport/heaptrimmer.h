#pragma once
// Gives memory back to the system after many connections have closed. glibc's malloc keeps
// freed memory in the middle of the heap for reuse, so after an office signs out (or a
// burst of reconnects moves to another instance) the server would keep its peak footprint
// for good; malloc_trim returns the free pages. Does nothing where malloc is not glibc's.

#include <QObject>
#include <QTimer>

namespace natter::server {

class HeapTrimmer final : public QObject
{
    Q_OBJECT

public:
    // Trims `delayMs` after the `threshold`-th connection closed since the last trim (the
    // rest of a wave of closes is over by then, mostly).
    explicit HeapTrimmer(int threshold = 1000, int delayMs = 2000, QObject *parent = nullptr);

    void noteConnectionClosed();
    int trims() const { return m_trims; }

private:
    void trim();

    const int m_threshold;
    int m_closedSinceTrim = 0;
    int m_trims = 0;
    QTimer m_timer;
};

} // namespace natter::server
