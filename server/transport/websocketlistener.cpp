#include "websocketlistener.h"

#include "config/logging.h"
#include "config/serverconfig.h"
#include "leantcpsocket.h"
#include "proxyheaderreader.h"
#include "tlsserversocket.h"

#include <QSslSocket>
#include <QWebSocketServer>

#include <sys/socket.h>
#include <unistd.h>

namespace natter::server {
namespace {

// QAbstractSocket::setPeerAddress() is protected. A pointer to it formed through a derived
// class may be called on any QAbstractSocket (LeanTcpSocket is final, QSslSocket is Qt's).
struct PeerAddressSetter : QAbstractSocket
{
    static void set(QAbstractSocket &socket, const QHostAddress &address)
    {
        (socket.*(&PeerAddressSetter::setPeerAddress))(address);
    }
};

QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    const QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; they are logged and
    // limited as a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

WebSocketListener::WebSocketListener(QWebSocketServer *webSockets, QObject *parent)
    : QTcpServer(parent), m_webSockets(webSockets)
{
    m_clock.start();
    connect(&m_handshakeSweep, &QTimer::timeout, this, &WebSocketListener::sweepHandshakes);
}

WebSocketListener::~WebSocketListener()
{
    // The connections are children: they go after this object's members.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        disconnect(it.key(), nullptr, this, nullptr);
}

void WebSocketListener::incomingConnection(qintptr descriptor)
{
    const qint64 now = m_clock.elapsed();
    const QHostAddress peer = peerOf(descriptor);
    if (!isTrustedProxy(m_trustedProxies, peer)) {
        // Never read for a PROXY header: a client cannot name an address of its choosing.
        admit(descriptor, peer, false, now);
        return;
    }
    auto *reader = new ProxyHeaderReader(descriptor, peer, this);
    connect(reader, &ProxyHeaderReader::finished, this, &WebSocketListener::proxyHeaderRead);
    track(reader, QString(), now);
}

void WebSocketListener::proxyHeaderRead(ProxyHeaderReader *reader,
                                        const proxyheader::Result &result, qintptr descriptor)
{
    const QHostAddress proxy = reader->proxy();
    const qint64 acceptedMs = m_pending.value(reader).acceptedMs;
    untrack(reader);
    reader->deleteLater();
    switch (result.status) {
    case proxyheader::Result::Status::Proxied:
        admit(descriptor, result.source, true, acceptedMs);
        return;
    case proxyheader::Result::Status::Local:
        admit(descriptor, proxy, false, acceptedMs);
        return;
    case proxyheader::Result::Status::Invalid:
    case proxyheader::Result::Status::NeedMore:
        break;
    }
    // Warnings: a flood of them is summarised by the log (LogSummariser).
    if (!result.error.isEmpty())
        qCWarning(lcTransport).noquote()
            << "closing a connection from trusted proxy" << proxy.toString() << ":" << result.error;
}

void WebSocketListener::admit(qintptr descriptor, const QHostAddress &address, bool proxied,
                              qint64 acceptedMs)
{
    const QString key = address.toString();
    if (m_maxHandshakesPerAddress > 0 &&
        m_pendingByAddress.value(key) >= m_maxHandshakesPerAddress) {
        // Before any TLS or HTTP work: refusing costs the server only the accept.
        ::close(int(descriptor));
        qCWarning(lcTransport).noquote()
            << "refusing a connection from" << key << ":" << m_maxHandshakesPerAddress
            << "connections from this address are still in their handshake";
        return;
    }
    QTcpSocket *socket = adopt(descriptor);
    if (!socket)
        return;
    if (proxied)
        PeerAddressSetter::set(*socket, address);
    // Small frames must go out now: with Nagle's algorithm a second event on a connection
    // waits for the client's delayed ACK (up to 40 ms).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    track(socket, key, acceptedMs);
    // The first bytes written after the handshake are the answer to the upgrade (for TLS,
    // QSslSocket counts only what it encrypts, not the handshake's records).
    connect(socket, &QIODevice::bytesWritten, this, [this, socket]() { untrack(socket); });
    // Or the session it became took over its output (which then reports no bytesWritten).
    if (auto *lean = qobject_cast<LeanTcpSocket *>(socket))
        connect(lean, &LeanTcpSocket::takenOver, this, [this, socket]() { untrack(socket); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket]() { untrack(socket); });
    connect(socket, &QObject::destroyed, this, &WebSocketListener::untrack);
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        tls->startServerEncryption();
    else
        m_webSockets->handleConnection(socket);
}

QTcpSocket *WebSocketListener::adopt(qintptr descriptor)
{
    if (!m_tls) {
        auto *socket = new LeanTcpSocket(this);
        if (!socket->adopt(descriptor)) {
            delete socket;
            ::close(int(descriptor));
            return nullptr;
        }
        return socket;
    }
    auto *socket = new TlsServerSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return nullptr;
    }
    socket->setSslConfiguration(*m_tls);
    connect(socket, &QSslSocket::encrypted, this,
            [this, socket]() { m_webSockets->handleConnection(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket]() {
        if (socket->isEncrypted())
            return; // the WebSocket's business from here on
        qCWarning(lcTransport).noquote() << "TLS handshake with" << socket->peerAddress().toString()
                                         << "failed:" << socket->errorString();
        QMetaObject::invokeMethod(socket, &QAbstractSocket::abort, Qt::QueuedConnection);
    });
    // QWebSocketServer deletes the sockets it was handed when they disconnect; these may
    // never get that far. (Until untrack(): a file connection's socket is its session's.)
    connect(socket, &QAbstractSocket::disconnected, this, [socket]() { socket->deleteLater(); });
    return socket;
}

void WebSocketListener::track(QObject *connection, const QString &address, qint64 acceptedMs)
{
    m_pending.insert(connection, Pending{address, acceptedMs});
    if (!address.isEmpty())
        ++m_pendingByAddress[address];
    if (!m_handshakeSweep.isActive()) {
        const int timeoutMs = m_webSockets->handshakeTimeoutMS();
        if (timeoutMs >= 0)
            m_handshakeSweep.start(qBound(10, timeoutMs / 4, 1000));
    }
}

void WebSocketListener::release(QTcpSocket *socket)
{
    untrack(socket);
}

void WebSocketListener::untrack(QObject *connection)
{
    const auto it = m_pending.constFind(connection);
    if (it == m_pending.cend())
        return;
    if (!it->address.isEmpty()) {
        const auto count = m_pendingByAddress.find(it->address);
        if (count != m_pendingByAddress.end() && --*count <= 0)
            m_pendingByAddress.erase(count);
    }
    m_pending.erase(it);
    disconnect(connection, nullptr, this, nullptr);
    if (m_pending.isEmpty())
        m_handshakeSweep.stop();
}

void WebSocketListener::sweepHandshakes()
{
    const int timeoutMs = m_webSockets->handshakeTimeoutMS();
    if (timeoutMs < 0)
        return;
    const qint64 now = m_clock.elapsed();
    QList<QObject *> late;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (now - it->acceptedMs >= timeoutMs)
            late.append(it.key());
    }
    // Closed after the loop: closing emits signals that reach untrack().
    for (QObject *connection : std::as_const(late)) {
        const QString address = m_pending.value(connection).address;
        untrack(connection);
        qCWarning(lcTransport).noquote()
            << "no WebSocket handshake within" << timeoutMs << "ms from"
            << (address.isEmpty() ? QStringLiteral("a proxy") : address) << "closing";
        if (auto *reader = qobject_cast<ProxyHeaderReader *>(connection))
            delete reader; // closes its descriptor
        else if (auto *tls = qobject_cast<QSslSocket *>(connection))
            tls->abort();
        else if (auto *socket = qobject_cast<QAbstractSocket *>(connection))
            socket->close();
    }
}

} // namespace natter::server
