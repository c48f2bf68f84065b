#pragma once
// The accept path for ws:// and wss://: a QTcpServer whose connections are handed to a
// QWebSocketServer for the HTTP upgrade (QWebSocketServer::handleConnection). Before that,
// in order:
// - from a trusted load balancer, the PROXY protocol v2 header is read (ProxyHeaderReader)
//   and the address it names becomes the socket's peer address, so every per-address limit
//   and log downstream sees the client, not the balancer;
// - an address with too many connections still in their handshake is refused at once (the
//   descriptor is closed before any TLS or HTTP work);
// - ws:// connections become LeanTcpSockets (no resident buffers while idle; see there);
//   wss:// ones QSslSockets that do their TLS handshake here and are handed over once
//   encrypted. (QWebSocketServer's own TLS listener counted connections still in their TLS
//   handshake as pending and stopped accepting at its maximum: ~1,000 silent connections
//   locked everyone out until the handshake timeout.)
// Handing over skips the handshake timeout QWebSocketServer starts for its own sockets, so
// this listener closes connections whose upgrade has not been answered within the server's
// handshakeTimeoutMS() of being accepted (PROXY header, TLS and HTTP upgrade together).

#include "proxyheader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <optional>

class QTcpSocket;
class QWebSocketServer;

namespace natter::server {

class ProxyHeaderReader;

class WebSocketListener final : public QTcpServer
{
    Q_OBJECT

public:
    explicit WebSocketListener(QWebSocketServer *webSockets, QObject *parent = nullptr);
    ~WebSocketListener() override;
    Q_DISABLE_COPY_MOVE(WebSocketListener)

    // wss://: every connection does its TLS handshake with this configuration first.
    void setTlsConfiguration(const QSslConfiguration &tls) { m_tls = tls; }
    // Connections from one address still in their handshake; 0: no limit.
    void setMaxHandshakesPerAddress(int max) { m_maxHandshakesPerAddress = max; }
    // Peers whose connections start with a PROXY protocol v2 header; empty: none.
    void setTrustedProxies(const QList<QPair<QHostAddress, int>> &proxies)
    {
        m_trustedProxies = proxies;
    }

    // Connections accepted whose handshake has not been answered yet.
    qsizetype pendingHandshakes() const { return m_pending.size(); }
    // A socket past its upgrade that leaves for another thread: no longer watched from here.
    void release(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Pending
    {
        QString address; // empty while the PROXY header is read
        qint64 acceptedMs = 0;
    };

    void proxyHeaderRead(ProxyHeaderReader *reader, const proxyheader::Result &result,
                         qintptr descriptor);
    // `address` replaces the socket's peer address when it differs from the real peer's.
    void admit(qintptr descriptor, const QHostAddress &address, bool proxied, qint64 acceptedMs);
    QTcpSocket *adopt(qintptr descriptor);
    void track(QObject *connection, const QString &address, qint64 acceptedMs);
    void untrack(QObject *connection);
    void sweepHandshakes();

    QWebSocketServer *m_webSockets;
    std::optional<QSslConfiguration> m_tls;
    int m_maxHandshakesPerAddress = 0;
    QList<QPair<QHostAddress, int>> m_trustedProxies;
    // Header readers and sockets until their upgrade is answered or they are gone.
    QHash<QObject *, Pending> m_pending;
    QHash<QString, int> m_pendingByAddress;
    QElapsedTimer m_clock;
    // One timer for all pending handshakes, running only while there are some.
    QTimer m_handshakeSweep;
};

} // namespace natter::server
