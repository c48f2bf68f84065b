#pragma once
// Makes every pass of the event loop serve many sockets: before the loop blocks in poll(), it
// sleeps a few milliseconds so that frames from many connections pile up. A pass costs O(N)
// in Qt (poll() over every socket); 10,000 connections fed one frame at a time by a busy
// server would otherwise make the load generator as busy as the server it measures. Used
// where no single frame's latency is measured (idle mode); adds up to the pause to each
// reading.

#include <QObject>

namespace bench {

class LoopPacer final : public QObject
{
    Q_OBJECT

public:
    // A pause of 0 does nothing.
    explicit LoopPacer(int pauseMs, QObject *parent = nullptr);

private:
    int m_pauseMs;
};

} // namespace bench
