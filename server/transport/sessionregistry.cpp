#include "sessionregistry.h"

#include "websocketsession.h"

#include <algorithm>

namespace natter::server {

void SessionRegistry::addConnection(WebSocketSession *session, const QString &address)
{
    m_connections.insert(session->connectionId(), session);
    m_unauthenticated.insert(session, address);
    ++m_unauthenticatedByAddress[address];
}

void SessionRegistry::removeConnection(WebSocketSession *session)
{
    detach(session);
    leaveUnauthenticated(session);
    m_connections.remove(session->connectionId());
}

void SessionRegistry::markUnauthenticated(WebSocketSession *session)
{
    if (!m_connections.contains(session->connectionId()) || m_unauthenticated.contains(session))
        return;
    const QString address = session->peerAddress();
    m_unauthenticated.insert(session, address);
    ++m_unauthenticatedByAddress[address];
}

void SessionRegistry::leaveUnauthenticated(WebSocketSession *session)
{
    const auto it = m_unauthenticated.constFind(session);
    if (it == m_unauthenticated.constEnd())
        return;
    const auto count = m_unauthenticatedByAddress.find(*it);
    if (count != m_unauthenticatedByAddress.end() && --*count <= 0)
        m_unauthenticatedByAddress.erase(count);
    m_unauthenticated.erase(it);
}

void SessionRegistry::attach(WebSocketSession *session)
{
    detach(session);
    leaveUnauthenticated(session);
    const qint64 userId = session->userId();
    if (userId <= 0)
        return;
    QList<WebSocketSession *> &list = m_byUser[userId];
    list.append(session);
    m_attachedAs.insert(session, userId);
    if (list.size() == 1)
        emit userCameOnline(userId, session->username());
}

void SessionRegistry::detach(WebSocketSession *session)
{
    const auto it = m_attachedAs.constFind(session);
    if (it == m_attachedAs.constEnd())
        return;
    const qint64 userId = *it;
    m_attachedAs.erase(it);
    auto list = m_byUser.find(userId);
    if (list == m_byUser.end())
        return;
    list->removeOne(session);
    if (list->isEmpty()) {
        m_byUser.erase(list);
        emit userWentOffline(userId);
    }
}

void SessionRegistry::sendToUser(qint64 userId, const QString &frame, ConnectionId except)
{
    const auto it = m_byUser.constFind(userId);
    if (it == m_byUser.constEnd())
        return;
    sendTo(*it, WireFrame(frame), except);
}

void SessionRegistry::sendToUsers(const QList<qint64> &users, const QString &frame,
                                  ConnectionId except)
{
    const WireFrame wire(frame); // encoded once, on the first socket that takes it
    for (const qint64 user : users) {
        const auto it = m_byUser.constFind(user);
        if (it != m_byUser.constEnd())
            sendTo(*it, wire, except);
    }
}

void SessionRegistry::sendTo(const QList<WebSocketSession *> &sessions, const WireFrame &frame,
                             ConnectionId except)
{
    // A copy: sending never re-enters the registry, but stay safe if that changes.
    const QList<WebSocketSession *> targets = sessions;
    for (WebSocketSession *session : targets) {
        if (session->connectionId() != except)
            session->sendFrame(frame);
    }
}

void SessionRegistry::sendToConnection(ConnectionId connection, const QString &frame)
{
    if (WebSocketSession *session = m_connections.value(connection))
        session->sendFrame(frame);
}

void SessionRegistry::sendToAll(const QString &frame, const QSet<qint64> &exceptUsers)
{
    const WireFrame wire(frame);
    const QList<WebSocketSession *> targets = m_attachedAs.keys();
    for (WebSocketSession *session : targets) {
        if (!exceptUsers.contains(session->userId()))
            session->sendFrame(wire);
    }
}

void SessionRegistry::enforceOutboundBudget(qint64 limit)
{
    if (m_outbound.total() <= limit)
        return;
    // Rare (only past the budget), so a scan of every connection is fine here.
    QList<WebSocketSession *> holders;
    for (WebSocketSession *session : std::as_const(m_connections)) {
        if (session->unsentBytes() > 0)
            holders.append(session);
    }
    std::sort(holders.begin(), holders.end(), [](WebSocketSession *a, WebSocketSession *b) {
        return a->unsentBytes() > b->unsentBytes();
    });
    for (WebSocketSession *session : std::as_const(holders)) {
        if (m_outbound.total() <= limit)
            break;
        emit overOutboundBudget(session, session->unsentBytes());
        session->dropOverBudget();
    }
}

} // namespace natter::server
