#pragma once
// Sends, once per pass of the event loop, what LeanTcpSockets were given during it: one
// posted event for all of them instead of one per socket (a group message written to 50
// sockets posted 50 events).

#include <QList>
#include <QObject>

namespace natter::server {

class LeanTcpSocket;

class OutputFlusher final : public QObject
{
    Q_OBJECT

public:
    // The flusher of the calling thread (sockets live on the event loop's thread).
    static OutputFlusher &instance();

    // `socket` is flushed at the end of this pass (once, however often it is queued).
    void queue(LeanTcpSocket *socket);
    // A socket that goes away before its flush.
    void forget(LeanTcpSocket *socket);

private:
    OutputFlusher() = default;
    void flush();

    QList<LeanTcpSocket *> m_sockets;
    bool m_posted = false;
};

} // namespace natter::server
