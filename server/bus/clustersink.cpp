#include "clustersink.h"

namespace natter::server {

ClusterSink::ClusterSink(EventSink &local, EventBus &bus, QObject *parent)
    : QObject(parent), m_local(local), m_bus(bus)
{
    connect(&m_bus, &EventBus::envelopeReceived, this, &ClusterSink::deliver);
}

void ClusterSink::sendToUser(qint64 userId, const QString &frame, ConnectionId except)
{
    m_local.sendToUser(userId, frame, except);
    // Published even when the user has no known socket elsewhere: one may have connected
    // there (and synced) before its presence reached us.
    m_bus.publish(Envelope::toUser(m_bus.instanceId(), userId, frame));
}

void ClusterSink::sendToConnection(ConnectionId connection, const QString &frame)
{
    m_local.sendToConnection(connection, frame); // a connection always lives here
}

void ClusterSink::sendToAll(const QString &frame, const QSet<qint64> &exceptUsers)
{
    m_local.sendToAll(frame, exceptUsers);
    m_bus.publish(Envelope::toAll(m_bus.instanceId(), frame, exceptUsers.values()));
}

bool ClusterSink::hasConnection(qint64 userId) const
{
    return m_local.hasConnection(userId) || m_bus.isRemoteOnline(userId);
}

void ClusterSink::deliver(const Envelope &envelope)
{
    switch (envelope.kind) {
    case Envelope::Kind::ToUser:
        m_local.sendToUser(envelope.userId, envelope.frame);
        break;
    case Envelope::Kind::ToAll: {
        const QSet<qint64> except(envelope.exceptUsers.cbegin(), envelope.exceptUsers.cend());
        m_local.sendToAll(envelope.frame, except);
        break;
    }
    default:
        break; // presence bookkeeping stays inside the bus; Cluster handles Contacts
    }
}

} // namespace natter::server
