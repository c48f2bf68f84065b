#include "websocketlistener.h"

#include "leantcpsocket.h"

#include "config/logging.h"

#include <QWebSocketServer>

#include <unistd.h>

namespace natter::server {

WebSocketListener::WebSocketListener(QWebSocketServer *webSockets, QObject *parent)
    : QTcpServer(parent), m_webSockets(webSockets)
{
    m_clock.start();
    connect(&m_handshakeSweep, &QTimer::timeout, this, &WebSocketListener::sweepHandshakes);
}

WebSocketListener::~WebSocketListener() = default;

void WebSocketListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new LeanTcpSocket(this);
    if (!socket->adopt(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    // Small frames must go out now: with Nagle's algorithm a second event on a connection
    // waits for the client's delayed ACK (up to 40 ms).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_pending.append(Pending{socket, m_clock.elapsed()});
    if (!m_handshakeSweep.isActive()) {
        const int timeoutMs = m_webSockets->handshakeTimeoutMS();
        if (timeoutMs >= 0) {
            m_handshakeSweep.start(qBound(10, timeoutMs / 4, 1000));
        }
    }
    m_webSockets->handleConnection(socket);
}

void WebSocketListener::sweepHandshakes()
{
    const int timeoutMs = m_webSockets->handshakeTimeoutMS();
    const qint64 now = m_clock.elapsed();
    QList<LeanTcpSocket *> late;
    m_pending.removeIf([&](const Pending &pending) {
        LeanTcpSocket *socket = pending.socket.data();
        if (!socket || socket->hasWritten() || socket->state() != QAbstractSocket::ConnectedState)
            return true; // answered (upgraded or refused) or gone
        if (timeoutMs >= 0 && now - pending.acceptedMs >= timeoutMs) {
            late.append(socket);
            return true;
        }
        return false;
    });
    // Closed after the sweep: closing emits signals that may reach this listener.
    for (LeanTcpSocket *socket : std::as_const(late)) {
        // A warning: a flood of them is summarised by the log (see LogSummariser).
        qCWarning(lcTransport).noquote()
            << "no WebSocket handshake within" << timeoutMs << "ms from"
            << socket->peerAddress().toString() << "closing";
        socket->close();
    }
    if (m_pending.isEmpty())
        m_handshakeSweep.stop();
}

} // namespace natter::server
