#pragma once
// Every live connection, and the authenticated ones by user. It is the EventSink services
// push events through: a frame arrives serialized once and the same string goes to every
// target socket. It also reports users coming online (first socket) and going offline
// (last socket). And the state all connections share: the server-wide outbound budget
// (closing the largest holders of unsent data when it is exceeded) and each account's read
// budget.

#include "interfaces/eventsink.h"
#include "outboundbudget.h"
#include "readbudget.h"
#include "wireframe.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace natter::server {

class WebSocketSession;

class SessionRegistry final : public QObject, public EventSink
{
    Q_OBJECT

public:
    explicit SessionRegistry(QObject *parent = nullptr) : QObject(parent) {}

    // `address` is the peer's, kept here because the socket forgets it once closed.
    void addConnection(WebSocketSession *session, const QString &address);
    void removeConnection(WebSocketSession *session); // also detaches it
    // Called when the session has (re)authenticated / stopped being authenticated.
    void attach(WebSocketSession *session);
    void detach(WebSocketSession *session);
    // After logout: the open socket counts against its address again.
    void markUnauthenticated(WebSocketSession *session);
    // Open sockets from `address` that have not signed in; O(1) so accepting stays cheap
    // with thousands of connections.
    int unauthenticatedFrom(const QString &address) const
    {
        return m_unauthenticatedByAddress.value(address);
    }

    QList<WebSocketSession *> connections() const { return m_connections.values(); }
    int connectionCount() const { return int(m_connections.size()); }

    void sendToUser(qint64 userId, const QString &frame, ConnectionId except = 0) override;
    void sendToUsers(const QList<qint64> &users, const QString &frame,
                     ConnectionId except = 0) override;
    void sendToConnection(ConnectionId connection, const QString &frame) override;
    void sendToAll(const QString &frame, const QSet<qint64> &exceptUsers = {}) override;
    bool hasConnection(qint64 userId) const override { return m_byUser.contains(userId); }
    int socketsOf(qint64 userId) const { return int(m_byUser.value(userId).size()); }

    OutboundBudget &outbound() { return m_outbound; }
    ReadBudget &readBudget() { return m_readBudget; }
    // While all connections together hold more than `limit` bytes of unsent data, closes the
    // one holding the most (4408, its data dropped at once), then the next.
    void enforceOutboundBudget(qint64 limit);

signals:
    void userCameOnline(qint64 userId, const QString &username);
    void userWentOffline(qint64 userId);
    // Emitted just before `session` is closed by enforceOutboundBudget().
    void overOutboundBudget(natter::server::WebSocketSession *session, qint64 unsentBytes);

private:
    void sendTo(const QList<WebSocketSession *> &sessions, const WireFrame &frame,
                ConnectionId except);

    QHash<ConnectionId, WebSocketSession *> m_connections;
    QHash<qint64, QList<WebSocketSession *>> m_byUser; // only authenticated sessions
    QHash<WebSocketSession *, qint64> m_attachedAs;
    QHash<WebSocketSession *, QString> m_unauthenticated; // -> peer address
    QHash<QString, int> m_unauthenticatedByAddress;
    OutboundBudget m_outbound;
    ReadBudget m_readBudget;

    void leaveUnauthenticated(WebSocketSession *session);
};

} // namespace natter::server
