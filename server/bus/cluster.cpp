#include "cluster.h"

namespace natter::server {

Cluster::Cluster(EventSink &local, std::unique_ptr<EventBus> bus, QObject *parent)
    : QObject(parent), m_bus(std::move(bus)), m_sink(local, *m_bus)
{
    connect(m_bus.get(), &EventBus::remoteUserCameOnline, this, &Cluster::remoteUserCameOnline);
    connect(m_bus.get(), &EventBus::remoteUserWentOffline, this, &Cluster::remoteUserWentOffline);
    connect(m_bus.get(), &EventBus::eventsMayHaveBeenLost, this, &Cluster::eventsMayHaveBeenLost);
    connect(m_bus.get(), &EventBus::envelopeReceived, this, [this](const Envelope &envelope) {
        if (envelope.kind == Envelope::Kind::Contacts)
            emit remoteContactsLinked(envelope.userId, envelope.peerId);
    });
}

void Cluster::publishContacts(qint64 userId, qint64 peerId)
{
    m_bus->publish(Envelope::contacts(m_bus->instanceId(), userId, peerId));
}

void Cluster::localUserCameOnline(qint64 userId, const QString &username)
{
    m_bus->localUserCameOnline(userId, username);
    m_local.insert(userId, username);
    if (!m_bus->isRemoteOnline(userId))
        emit userCameOnline(userId, username);
}

void Cluster::localUserWentOffline(qint64 userId)
{
    m_bus->localUserWentOffline(userId);
    if (m_local.remove(userId) > 0 && !m_bus->isRemoteOnline(userId))
        emit userWentOffline(userId);
}

void Cluster::remoteUserCameOnline(qint64 userId, const QString &username)
{
    if (!m_local.contains(userId))
        emit userCameOnline(userId, username);
}

void Cluster::remoteUserWentOffline(qint64 userId)
{
    if (!m_local.contains(userId))
        emit userWentOffline(userId);
}

} // namespace natter::server
