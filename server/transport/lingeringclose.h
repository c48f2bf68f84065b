#pragma once
// Closes a TCP connection whose peer is still sending, the way HTTP servers do ("lingering
// close"): FIN goes out after everything already written, then the input is read and thrown
// away until the peer closes too, for at most kLingerMs and kMaxDiscardBytes. Closing at once
// would make the kernel answer the unread input with a reset, and a reset can overtake the
// close frame in front of it. Bounded in number too: past kMaxLingering the socket is closed
// at once. A socket closed on another thread (a file connection) lingers on the main one.

#include <QBasicTimer>
#include <QObject>
#include <QSocketNotifier>

namespace natter::server {

class LingeringClose final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kLingerMs = 2'000;
    static constexpr qint64 kMaxDiscardBytes = 4 * 1024 * 1024;
    static constexpr int kMaxLingering = 256;

    // Takes over a duplicate of `descriptor` (the caller closes its own as usual). False when
    // too many connections linger already or the descriptor cannot be duplicated.
    static bool start(int descriptor);
    // Connections lingering now (tests).
    static int lingering();

    ~LingeringClose() override;
    Q_DISABLE_COPY_MOVE(LingeringClose)

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    LingeringClose(int descriptor, QObject *parent);
    void discard();
    void finish();

    int m_descriptor;
    qint64 m_discarded = 0;
    QSocketNotifier m_notifier;
    QBasicTimer m_deadline;
};

} // namespace natter::server
