#pragma once
// Sends, once per pass of the event loop, what LeanTcpSockets were given during it: one
// posted event for all of them instead of one per socket (a group message written to 50
// sockets posted 50 events). On the application's main thread (the event loop's) the send()
// calls themselves are made by a SocketSender thread, while the loop goes on; elsewhere (a
// file connection's thread) they are made here.

#include "socketsender.h"

#include <QList>
#include <QObject>

#include <memory>

namespace natter::server {

class LeanTcpSocket;

class OutputFlusher final : public QObject
{
    Q_OBJECT

public:
    ~OutputFlusher() override;

    // The flusher of the calling thread (sockets live on the event loop's thread).
    static OutputFlusher &instance();

    // `socket` is flushed at the end of this pass (once, however often it is queued).
    void queue(LeanTcpSocket *socket);
    // A socket that goes away before its flush.
    void forget(LeanTcpSocket *socket);

    // This thread's sender, or null where sockets send on their own thread.
    SocketSender *sender() { return m_sender.get(); }

private:
    OutputFlusher();
    void flush();
    // On this thread, once the sender has sent `batch`.
    void sent(const SocketSender::Batch &batch);

    QList<LeanTcpSocket *> m_sockets;
    bool m_posted = false;
    std::unique_ptr<SocketSender> m_sender;
};

} // namespace natter::server
