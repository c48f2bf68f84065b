#include "websocketsession.h"

#include "userratelimiter.h"

#include "codec.h"
#include "config/logging.h"
#include "interfaces/requestdispatcher.h"
#include "leantcpsocket.h"
#include "sessionregistry.h"

#include <QSignalBlocker>
#include <QTimerEvent>
#include <QWebSocket>

#include <atomic>

namespace natter::server {
namespace {

// Frames waiting while a handler holds the input; a client that piles up more is abusive.
constexpr qsizetype kMaxBacklog = 256;
constexpr int kCloseHandshakeMs = 5'000;

ConnectionId nextConnectionId()
{
    static std::atomic<ConnectionId> counter{0};
    return ++counter;
}

} // namespace

WebSocketSession::WebSocketSession(QWebSocket *socket, SessionRegistry &registry,
                                   UserRateLimiter &userLimiter,
                                   const RequestDispatcher &dispatcher, const ServerConfig &config,
                                   QObject *parent)
    : ClientSession(parent), m_socket(socket), m_registry(registry), m_userLimiter(userLimiter),
      m_dispatcher(dispatcher), m_connectionId(nextConnectionId()),
      m_maxOutboundBytes(config.maxOutboundBytes),
      m_maxOutboundTotalBytes(config.maxOutboundTotalBytes),
      m_readLimits{config.userReadBytesPerSecond, config.userReadBurstBytes},
      m_maxSocketsPerUser(config.maxSocketsPerUser), m_maxFrameBytes(config.maxFrameBytes),
      m_maxMessageBytes(config.maxMessageBytes),
      m_bucket(config.requestsPerSecond, config.requestBurst),
      m_authTimeoutMs(config.authTimeoutMs), m_idleTimeoutMs(config.idleTimeoutMs),
      m_outboundGraceMs(config.outboundGraceMs)
{
    m_socket->setParent(this);
    m_clock.start();
    m_registry.addConnection(this, m_socket->peerAddress().toString());

    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        receive(Inbound{Inbound::Kind::Text, text, 0});
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        receive(Inbound{Inbound::Kind::Binary, {}, 0});
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this]() { noteOutbound(); });
    m_lean = LeanTcpSocket::under(*m_socket);
    if (m_lean)
        m_lean->setSentHandler([this]() { noteOutbound(); });
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketSession::onDisconnected);

    qCInfo(lcTransport).noquote() << "connection" << m_connectionId << "opened from"
                                  << m_socket->peerAddress().toString();
}

void WebSocketSession::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    qCInfo(lcTransport).noquote() << "connection" << m_connectionId << "closed, code"
                                  << (m_closeCode ? int(m_closeCode) : int(m_socket->closeCode()))
                                  << "user" << m_userId;
    m_closing = true;
    noteOutbound(true);
    m_registry.detach(this);
    emit finished(this);
}

void WebSocketSession::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    if (id == m_slowTimer.timerId()) {
        m_slowTimer.stop();
        onSlowCheck();
    } else if (id == m_abortTimer.timerId()) {
        m_abortTimer.stop();
        m_socket->abort();
    } else {
        QObject::timerEvent(event);
    }
}

void WebSocketSession::checkDeadlines()
{
    if (m_closing)
        return;
    const qint64 now = m_clock.elapsed();
    if (!isAuthenticated() && now - m_unauthenticatedSinceMs >= m_authTimeoutMs) {
        onAuthTimeout();
        return;
    }
    if (now - m_lastInboundMs >= m_idleTimeoutMs) {
        qCInfo(lcTransport) << "connection" << m_connectionId << "idle, closing";
        closeWith(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("idle timeout"));
    }
}

void WebSocketSession::onSlowCheck()
{
    if (m_socket->bytesToWrite() > m_maxOutboundBytes) {
        qCWarning(lcTransport) << "connection" << m_connectionId
                               << "does not read its events, closing";
        closeWith(protocol::CloseTooSlow, QStringLiteral("client too slow"));
    }
}

bool WebSocketSession::mayAuthenticateAs(qint64 userId) const
{
    return userId == m_userId || m_registry.socketsOf(userId) < m_maxSocketsPerUser;
}

QString WebSocketSession::peerAddress() const
{
    return m_socket->peerAddress().toString();
}

WebSocketSession::~WebSocketSession()
{
    if (m_lean) // the socket is destroyed after this object's members, with its children
        m_lean->setSentHandler({});
    m_registry.outbound().change(m_unsent, 0, true);
    m_registry.removeConnection(this);
}

void WebSocketSession::replyOk(const QString &re, const QJsonObject &fields)
{
    sendFrame(codec::encodeOk(re, fields));
}

void WebSocketSession::replyError(const QString &re, const ProtocolError &error)
{
    qCDebug(lcTransport).noquote() << "connection" << m_connectionId << "request" << re
                                   << "failed:" << errorCodeName(error.code) << error.message;
    sendFrame(codec::encodeError(re, error));
}

bool WebSocketSession::mayRead(const QString &re)
{
    qint64 retryAfterMs = 0;
    if (!isAuthenticated() ||
        m_registry.readBudget().mayRead(m_userId, m_readLimits, &retryAfterMs))
        return true;
    ProtocolError error = ProtocolError::make(ErrorCode::RateLimited,
                                              QStringLiteral("too much data read; slow down"));
    error.retryAfterMs = retryAfterMs;
    replyError(re, error);
    return false;
}

void WebSocketSession::replyRead(const QString &re, const QJsonObject &fields, qint64 minimumCost)
{
    const QString frame = codec::encodeOk(re, fields);
    // Characters, not UTF-8 bytes: the same for the ASCII of JSON, and no second pass.
    if (isAuthenticated())
        m_registry.readBudget().charge(m_userId, m_readLimits,
                                       qMax(qint64(frame.size()), minimumCost));
    sendFrame(frame);
}

void WebSocketSession::sendFrame(const QString &frame)
{
    if (m_closing)
        return;
    m_socket->sendTextMessage(frame);
    afterWrite();
}

void WebSocketSession::sendFrame(const WireFrame &frame)
{
    if (m_closing)
        return;
    // QWebSocket writes nothing once its close handshake has begun: neither does this.
    if (m_lean && m_socket->state() == QAbstractSocket::ConnectedState)
        m_lean->writeShared(frame.bytes());
    else
        m_socket->sendTextMessage(frame.text());
    afterWrite();
}

void WebSocketSession::afterWrite()
{
    noteOutbound();
    // Closes the largest holders, this one or others: their data is dropped at once, and
    // the rest of their work (detaching, finishing) waits for the event loop, so this
    // never re-enters the caller either.
    m_registry.enforceOutboundBudget(m_maxOutboundTotalBytes);
    if (!m_closing)
        checkOutbound();
}

void WebSocketSession::noteOutbound(bool gone)
{
    if (m_finished && !gone)
        return;
    // The socket's own count when it is at hand: QWebSocket only forwards it.
    const qint64 now = gone ? 0 : m_lean ? m_lean->bytesToWrite() : m_socket->bytesToWrite();
    if (now == m_unsent)
        return;
    m_registry.outbound().change(m_unsent, now, gone);
    m_unsent = now;
}

void WebSocketSession::dropOverBudget()
{
    qCWarning(lcTransport).noquote()
        << "connection" << m_connectionId << "holds" << m_unsent
        << "bytes it has not read with the server over its outbound budget, closing with 4408";
    m_closing = true;
    m_closeCode = protocol::CloseTooSlow;
    m_slowTimer.stop();
    m_backlog.clear();
    {
        // Its disconnected() would detach it from the registry now, maybe in the middle of a
        // fan-out: onDisconnected() runs from the event loop instead.
        const QSignalBlocker blocker(m_socket);
        m_socket->abort();
    }
    noteOutbound(true);
    QMetaObject::invokeMethod(this, &WebSocketSession::onDisconnected, Qt::QueuedConnection);
}

void WebSocketSession::checkOutbound()
{
    const qint64 pending = m_socket->bytesToWrite();
    if (pending <= m_maxOutboundBytes) {
        m_slowTimer.stop();
        return;
    }
    if (pending > 4 * m_maxOutboundBytes) {
        // Deferred: sendFrame() is called while fan-out iterates over sessions.
        QMetaObject::invokeMethod(
            this,
            [this]() { closeWith(protocol::CloseTooSlow, QStringLiteral("client too slow")); },
            Qt::QueuedConnection);
        return;
    }
    if (!m_slowTimer.isActive())
        m_slowTimer.start(m_outboundGraceMs, this);
}

void WebSocketSession::authenticate(const User &user, const QByteArray &tokenHash)
{
    if (m_closing)
        return;
    const bool switching = m_userId > 0 && m_userId != user.id;
    if (switching)
        m_registry.detach(this);
    m_userId = user.id;
    m_username = user.username;
    m_tokenHash = tokenHash;
    m_registry.attach(this);
    qCInfo(lcTransport).noquote() << "connection" << m_connectionId << "authenticated as user"
                                  << user.id << user.username;
}

void WebSocketSession::deauthenticate()
{
    m_registry.detach(this);
    if (!m_closing)
        m_registry.markUnauthenticated(this);
    m_userId = 0;
    m_username.clear();
    m_tokenHash.clear();
    m_unauthenticatedSinceMs = m_clock.elapsed();
}

void WebSocketSession::holdInput()
{
    ++m_holds;
}

void WebSocketSession::releaseInput()
{
    if (m_holds > 0 && --m_holds == 0)
        drainBacklog();
}

void WebSocketSession::closeWith(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_slowTimer.stop();
    m_backlog.clear();
    // Gone for presence and fan-out now, not when the peer answers the close.
    m_registry.detach(this);
    m_closeCode = code;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    noteOutbound();
    m_abortTimer.start(kCloseHandshakeMs, this);
}

void WebSocketSession::onAuthTimeout()
{
    if (isAuthenticated() || m_closing)
        return;
    qCInfo(lcTransport) << "connection" << m_connectionId << "did not authenticate in time";
    sendFrame(codec::encodeError(
        QString(),
        ProtocolError::make(ErrorCode::Unauthorized, QStringLiteral("authentication timed out"))));
    closeWith(protocol::CloseAuthTimeout, QStringLiteral("authentication timed out"));
}

void WebSocketSession::receive(Inbound inbound)
{
    if (m_closing)
        return;
    m_lastInboundMs = m_clock.elapsed();
    qint64 retryAfterMs = 0;
    // Both buckets: the socket's, and the account's across all of its sockets.
    const bool limited = !m_bucket.tryTake(m_clock.elapsed(), &retryAfterMs) ||
                         (isAuthenticated() && !m_userLimiter.tryTake(m_userId, &retryAfterMs));
    if (limited) {
        // Keep only the id: a limited frame is answered, never processed.
        const QString id = inbound.kind == Inbound::Kind::Text
                               ? codec::parseRequest(inbound.text).request.id
                               : QString();
        inbound = Inbound{Inbound::Kind::RateLimited, id, retryAfterMs};
    }
    if (m_holds > 0 || !m_backlog.isEmpty()) {
        if (m_backlog.size() >= kMaxBacklog) {
            qCWarning(lcTransport) << "connection" << m_connectionId << "floods, closing";
            closeWith(protocol::ClosePolicy, QStringLiteral("too many requests"));
            return;
        }
        m_backlog.append(std::move(inbound));
        return;
    }
    handle(inbound);
}

void WebSocketSession::drainBacklog()
{
    if (m_draining)
        return; // the outer loop continues
    m_draining = true;
    while (m_holds == 0 && !m_closing && !m_backlog.isEmpty())
        handle(m_backlog.takeFirst());
    m_draining = false;
}

void WebSocketSession::handle(const Inbound &inbound)
{
    switch (inbound.kind) {
    case Inbound::Kind::RateLimited: {
        ProtocolError error = ProtocolError::make(ErrorCode::RateLimited,
                                                  QStringLiteral("too many requests; slow down"));
        error.retryAfterMs = inbound.retryAfterMs;
        replyError(inbound.text, error);
        return;
    }
    case Inbound::Kind::Binary:
        replyError(QString(), ProtocolError::make(ErrorCode::BadRequest,
                                                  QStringLiteral("binary frames are not "
                                                                 "supported; send JSON text")));
        return;
    case Inbound::Kind::Text:
        dispatch(inbound.text);
        return;
    }
}

void WebSocketSession::dispatch(const QString &frame)
{
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only long frames are measured exactly.
    if (frame.size() * 3 > m_maxFrameBytes && frame.toUtf8().size() > m_maxFrameBytes) {
        replyError(QString(),
                   ProtocolError::make(
                       ErrorCode::TooLarge,
                       QStringLiteral("frame is larger than %1 bytes").arg(m_maxFrameBytes)));
        return;
    }
    const codec::ParsedRequest parsed = codec::parseRequest(frame);
    if (parsed.error) {
        replyError(parsed.request.id, *parsed.error);
        return;
    }
    const codec::Request &request = parsed.request;
    if (!isAuthenticated() && !protocol::isPreAuthRequest(request.type)) {
        replyError(request.id, ProtocolError::make(ErrorCode::Unauthorized,
                                                   QStringLiteral("authenticate first")));
        return;
    }
    qCDebug(lcTransport).noquote()
        << "connection" << m_connectionId << "request" << request.id << request.typeName;
    if (!m_dispatcher.dispatch(*this, request))
        replyError(request.id, ProtocolError::make(ErrorCode::UnknownType,
                                                   QStringLiteral("request type not served"),
                                                   QStringLiteral("type")));
}

} // namespace natter::server
