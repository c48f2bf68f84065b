#pragma once
// Every live connection, and the authenticated ones by user. It is the EventSink services
// push events through: a frame arrives serialized once and the same string goes to every
// target socket. It also reports users coming online (first socket) and going offline
// (last socket).

#include "services/eventsink.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace natter::server {

class ClientSession;

class SessionRegistry final : public QObject, public EventSink
{
    Q_OBJECT

public:
    explicit SessionRegistry(QObject *parent = nullptr) : QObject(parent) {}

    // `address` is the peer's, kept here because the socket forgets it once closed.
    void addConnection(ClientSession *session, const QString &address);
    void removeConnection(ClientSession *session); // also detaches it
    // Called when the session has (re)authenticated / stopped being authenticated.
    void attach(ClientSession *session);
    void detach(ClientSession *session);
    // After logout: the open socket counts against its address again.
    void markUnauthenticated(ClientSession *session);
    // Open sockets from `address` that have not signed in; O(1) so accepting stays cheap
    // with thousands of connections.
    int unauthenticatedFrom(const QString &address) const
    {
        return m_unauthenticatedByAddress.value(address);
    }

    QList<ClientSession *> connections() const { return m_connections.values(); }
    int connectionCount() const { return int(m_connections.size()); }

    void sendToUser(qint64 userId, const QString &frame, ConnectionId except = 0) override;
    void sendToConnection(ConnectionId connection, const QString &frame) override;
    void sendToAll(const QString &frame, const QSet<qint64> &exceptUsers = {}) override;
    bool hasConnection(qint64 userId) const override { return m_byUser.contains(userId); }
    int socketsOf(qint64 userId) const { return int(m_byUser.value(userId).size()); }

signals:
    void userCameOnline(qint64 userId, const QString &username);
    void userWentOffline(qint64 userId);

private:
    QHash<ConnectionId, ClientSession *> m_connections;
    QHash<qint64, QList<ClientSession *>> m_byUser; // only authenticated sessions
    QHash<ClientSession *, qint64> m_attachedAs;
    QHash<ClientSession *, QString> m_unauthenticated; // -> peer address
    QHash<QString, int> m_unauthenticatedByAddress;

    void leaveUnauthenticated(ClientSession *session);
};

} // namespace natter::server
