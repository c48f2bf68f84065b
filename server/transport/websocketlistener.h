#pragma once
// The accept path for plain ws:// connections: a QTcpServer whose sockets are
// LeanTcpSockets (no resident buffers while idle; see there) with TCP_NODELAY, each handed to
// a QWebSocketServer for the handshake (QWebSocketServer::handleConnection). Handing over
// skips the handshake timeout QWebSocketServer starts for its own sockets, so this listener
// closes sockets that have not been answered within the server's handshakeTimeoutMS().
// TLS connections keep QWebSocketServer's own listener (QSslSocket does its own buffering).

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>

class QWebSocketServer;

namespace natter::server {

class LeanTcpSocket;

class WebSocketListener final : public QTcpServer
{
    Q_OBJECT

public:
    explicit WebSocketListener(QWebSocketServer *webSockets, QObject *parent = nullptr);
    ~WebSocketListener() override;
    Q_DISABLE_COPY_MOVE(WebSocketListener)

    // Sockets accepted whose handshake has not been answered yet.
    qsizetype pendingHandshakes() const { return m_pending.size(); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Pending
    {
        QPointer<LeanTcpSocket> socket;
        qint64 acceptedMs = 0;
    };

    void sweepHandshakes();

    QWebSocketServer *m_webSockets;
    QList<Pending> m_pending;
    QElapsedTimer m_clock;
    // One timer for all pending handshakes, running only while there are some.
    QTimer m_handshakeSweep;
};

} // namespace natter::server
