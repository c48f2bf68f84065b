#include "clustersink.h"

#include <QHash>

namespace natter::server {

ClusterSink::ClusterSink(EventSink &local, EventBus &bus, QObject *parent)
    : QObject(parent), m_local(local), m_bus(bus)
{
    connect(&m_bus, &EventBus::envelopeReceived, this, &ClusterSink::deliver);
    m_reportTimer.setSingleShot(true);
    m_reportTimer.setInterval(0);
    connect(&m_reportTimer, &QTimer::timeout, this, &ClusterSink::reportPushed);
}

void ClusterSink::sendToUser(qint64 userId, const QString &frame, ConnectionId except)
{
    m_local.sendToUser(userId, frame, except);
    // Published even when the user has no known socket elsewhere: one may have connected
    // there (and synced) before its presence reached us.
    m_bus.publish(Envelope::toUser(m_bus.instanceId(), userId, frame));
}

void ClusterSink::sendToUsers(const QList<qint64> &users, const QString &frame, ConnectionId except)
{
    if (users.size() == 1) {
        sendToUser(users.first(), frame, except); // a 1:1's envelope, as before
        return;
    }
    if (users.isEmpty())
        return;
    m_local.sendToUsers(users, frame, except);
    m_bus.publish(Envelope::toUsers(m_bus.instanceId(), users, frame));
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
    return m_local.hasConnection(userId);
}

void ClusterSink::sendToRecipient(const PushedMessage &message, const QString &frame)
{
    // Pushed here: the sender's commit marked it delivered already.
    const bool pushedHere = m_local.hasConnection(message.recipientId);
    m_local.sendToUser(message.recipientId, frame);
    Envelope envelope = Envelope::toUser(m_bus.instanceId(), message.recipientId, frame);
    if (!pushedHere) {
        envelope.conversationId = message.conversationId;
        envelope.messageId = message.messageId;
    }
    m_bus.publish(envelope);
}

void ClusterSink::deliver(const Envelope &envelope)
{
    switch (envelope.kind) {
    case Envelope::Kind::ToUser:
        if (envelope.messageId > 0 && m_local.hasConnection(envelope.userId)) {
            m_pushed.append({envelope.conversationId, envelope.userId, envelope.messageId});
            if (!m_reportTimer.isActive())
                m_reportTimer.start();
        }
        m_local.sendToUser(envelope.userId, envelope.frame);
        break;
    case Envelope::Kind::ToUsers:
        m_local.sendToUsers(envelope.users, envelope.frame);
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

void ClusterSink::reportPushed()
{
    // One mark per conversation and recipient: the newest message.
    QList<PushedMessage> newest;
    QHash<QPair<qint64, qint64>, qsizetype> at;
    for (const PushedMessage &p : std::as_const(m_pushed)) {
        const auto key = qMakePair(p.conversationId, p.recipientId);
        const auto it = at.constFind(key);
        if (it == at.cend()) {
            at.insert(key, newest.size());
            newest.append(p);
        } else if (newest[*it].messageId < p.messageId) {
            newest[*it].messageId = p.messageId;
        }
    }
    m_pushed.clear();
    if (m_pushedHandler && !newest.isEmpty())
        m_pushedHandler(newest);
}

} // namespace natter::server
