#pragma once
// One connected WebSocket: the ClientSession a handler answers through, its authentication
// state, request dispatch (to the RequestDispatcher the app wired in), and the
// per-connection limits (auth timeout, idle timeout, request rate, outbound backlog), with
// its share of the server-wide ones (outbound budget, the account's read budget: see
// SessionRegistry). Requests are answered in arrival order: while a handler holds the input
// (password hashing during login/register), later frames wait in a short backlog.

#include "config/serverconfig.h"
#include "interfaces/clientsession.h"
#include "readbudget.h"
#include "tokenbucket.h"
#include "wireframe.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>

class QWebSocket;

namespace natter::server {

class LeanTcpSocket;
class RequestDispatcher;
class SessionRegistry;
class UserRateLimiter;

class WebSocketSession final : public ClientSession
{
    Q_OBJECT

public:
    // Takes ownership of `socket`.
    WebSocketSession(QWebSocket *socket, SessionRegistry &registry, UserRateLimiter &userLimiter,
                     const RequestDispatcher &dispatcher, const ServerConfig &config,
                     QObject *parent = nullptr);
    ~WebSocketSession() override;
    Q_DISABLE_COPY_MOVE(WebSocketSession)

    // ClientSession
    QString peerAddress() const override;
    int maxMessageBytes() const override { return m_maxMessageBytes; }
    Caller caller() const override { return Caller{m_userId, m_connectionId}; }
    const QByteArray &tokenHash() const override { return m_tokenHash; }
    bool mayAuthenticateAs(qint64 userId) const override;
    void replyOk(const QString &re, const QJsonObject &fields = {}) override;
    void replyError(const QString &re, const ProtocolError &error) override;
    bool mayRead(const QString &re) override;
    void replyRead(const QString &re, const QJsonObject &fields, qint64 minimumCost) override;
    void sendFrame(const QString &frame) override;
    // sendFrame() of a frame encoded once for many sockets (a fan-out).
    void sendFrame(const WireFrame &frame);
    void authenticate(const User &user, const QByteArray &tokenHash) override;
    void deauthenticate() override;
    void holdInput() override;
    void releaseInput() override;

    ConnectionId connectionId() const { return m_connectionId; }
    bool isAuthenticated() const { return m_userId > 0; }
    qint64 userId() const { return m_userId; }
    const QString &username() const { return m_username; }
    bool isClosing() const { return m_closing; }
    // Closes the socket when it has not authenticated in time or has been idle too long;
    // called by the server's periodic sweep.
    void checkDeadlines();

    // Sends a close frame with `code`; the session finishes when the socket is gone.
    void closeWith(quint16 code, const QString &reason);

    // Outbound data queued and not yet taken by the kernel, as last reported to the
    // server-wide total (SessionRegistry::outbound()).
    qint64 unsentBytes() const { return m_unsent; }
    // The server is over its outbound budget and this session holds the most: closed with
    // 4408 and its unsent data dropped now (the peer sees the connection reset: it was not
    // reading anyway). The session finishes from the event loop.
    void dropOverBudget();

signals:
    void finished(natter::server::WebSocketSession *session);

private:
    struct Inbound
    {
        enum class Kind
        {
            Text,
            Binary,
            RateLimited
        };
        Kind kind = Kind::Text;
        QString text; // Text: the frame; RateLimited: the request id, if readable
        qint64 retryAfterMs = 0;
    };

    void receive(Inbound inbound);
    void handle(const Inbound &inbound);
    void dispatch(const QString &frame);
    void drainBacklog();
    // What every frame written is followed by: the outbound accounting and budget checks.
    void afterWrite();
    void checkOutbound();
    // Reports the socket's unsent data to the server-wide total; `gone`: dropped for good.
    void noteOutbound(bool gone = false);
    void onDisconnected();
    void onAuthTimeout();
    void onSlowCheck();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    QWebSocket *m_socket;
    // The plain-TCP socket under m_socket, written to directly with a WireFrame's bytes;
    // null with TLS (QSslSocket), where frames go through QWebSocket.
    QPointer<LeanTcpSocket> m_lean;
    SessionRegistry &m_registry;
    UserRateLimiter &m_userLimiter;
    const RequestDispatcher &m_dispatcher;
    const ConnectionId m_connectionId;
    const qint64 m_maxOutboundBytes;
    const qint64 m_maxOutboundTotalBytes;
    const ReadBudget::Limits m_readLimits;
    qint64 m_unsent = 0;
    quint16 m_closeCode = 0; // the code this side closed with, if it did
    bool m_finished = false;
    const int m_maxSocketsPerUser;
    const int m_maxFrameBytes;
    const int m_maxMessageBytes;
    qint64 m_userId = 0;
    QString m_username;
    QByteArray m_tokenHash;
    bool m_closing = false;
    int m_holds = 0;
    bool m_draining = false;
    QList<Inbound> m_backlog;
    TokenBucket m_bucket;
    QElapsedTimer m_clock;
    // The auth and idle deadlines are checked by the server's sweep (checkDeadlines), not by
    // a timer per session: Qt keeps timers in one list it searches linearly, so with 10,000
    // sessions each timer start and stop cost O(sessions). A frame only moves m_lastInboundMs.
    const int m_authTimeoutMs;
    const int m_idleTimeoutMs;
    const int m_outboundGraceMs;
    qint64 m_lastInboundMs = 0;
    qint64 m_unauthenticatedSinceMs = 0;
    // Rarely running: only for a client that stops reading, or while closing.
    QBasicTimer m_slowTimer;  // outbound stayed above the cap this long: the client is not reading
    QBasicTimer m_abortTimer; // the close handshake did not finish
};

} // namespace natter::server
