#pragma once
// One connected socket: its authentication state, request dispatch through the handler
// registry, and the per-connection limits (auth timeout, idle timeout, request rate,
// outbound backlog), with its share of the server-wide ones (outbound budget, the account's
// read budget: see SessionRegistry). Requests are answered in arrival order: while a handler holds
// the input (password hashing during login/register), later frames wait in a short backlog.

#include "config/serverconfig.h"
#include "errorcode.h"
#include "readbudget.h"
#include "services/caller.h"
#include "tokenbucket.h"
#include "types.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>

class QWebSocket;

namespace natter::server {

class HandlerRegistry;
class SessionRegistry;
class UserRateLimiter;

class ClientSession final : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of `socket`.
    ClientSession(QWebSocket *socket, SessionRegistry &registry, UserRateLimiter &userLimiter,
                  const HandlerRegistry &handlers, const ServerConfig &config,
                  QObject *parent = nullptr);
    ~ClientSession() override;
    Q_DISABLE_COPY_MOVE(ClientSession)

    QString peerAddress() const;
    // Longest message text this server takes (UTF-8 bytes; at most the protocol's).
    int maxMessageBytes() const { return m_maxMessageBytes; }
    ConnectionId connectionId() const { return m_connectionId; }
    bool isAuthenticated() const { return m_userId > 0; }
    // False when the account already has the configured maximum of sockets.
    bool mayAuthenticateAs(qint64 userId) const;
    qint64 userId() const { return m_userId; }
    const QString &username() const { return m_username; }
    Caller caller() const { return Caller{m_userId, m_connectionId}; }
    const QByteArray &tokenHash() const { return m_tokenHash; }
    bool isClosing() const { return m_closing; }
    // Closes the socket when it has not authenticated in time or has been idle too long;
    // called by the server's periodic sweep.
    void checkDeadlines();

    void replyOk(const QString &re, const QJsonObject &fields = {});
    void replyError(const QString &re, const ProtocolError &error);
    // Reads (history, sync, users) cost the size of their reply from the account's read
    // budget. mayRead() is false after answering rate_limited when the budget is spent;
    // replyRead() answers `ok` and charges the reply.
    bool mayRead(const QString &re);
    void replyRead(const QString &re, const QJsonObject &fields);
    // Queues one text frame; never re-enters the caller (closing for a full outbound buffer
    // happens later from the event loop).
    void sendFrame(const QString &frame);

    // After a successful register/login/auth (also switching to another user).
    void authenticate(const User &user, const QByteArray &tokenHash);
    // After logout: the socket must authenticate again within the auth timeout.
    void deauthenticate();

    // A handler that answers asynchronously and must keep later replies in order.
    void holdInput();
    void releaseInput();

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
    void finished(natter::server::ClientSession *session);

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
    SessionRegistry &m_registry;
    UserRateLimiter &m_userLimiter;
    const HandlerRegistry &m_handlers;
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
