#pragma once
// The EventSink services push through when several instances share the work: every event
// goes to this instance's sockets (through `local`, the SessionRegistry) and is published
// once for the others, which deliver it to theirs. "Every socket but this connection" only
// means something here: connection ids are per instance, so the others send to all of the
// user's sockets they hold.
//
// Delivered positions move only for what was written to a socket of the recipient: a new
// message whose recipient has no socket here is published with its id, and the instance
// that pushes it to the recipient reports it to its PushedHandler (batched once per
// event-loop pass). While Redis is unreachable nothing of that happens, so nothing is marked.

#include "eventbus.h"
#include "interfaces/eventsink.h"

#include <QObject>
#include <QTimer>

namespace natter::server {

class ClusterSink final : public QObject, public EventSink
{
    Q_OBJECT

public:
    ClusterSink(EventSink &local, EventBus &bus, QObject *parent = nullptr);

    void sendToUser(qint64 userId, const QString &frame, ConnectionId except = 0) override;
    // One envelope for all of `users` (`except` only means something here).
    void sendToUsers(const QList<qint64> &users, const QString &frame,
                     ConnectionId except = 0) override;
    void sendToConnection(ConnectionId connection, const QString &frame) override;
    void sendToAll(const QString &frame, const QSet<qint64> &exceptUsers = {}) override;
    // Connected to this instance (see EventSink).
    bool hasConnection(qint64 userId) const override;
    void sendToRecipient(const PushedMessage &message, const QString &frame) override;
    void setPushedHandler(PushedHandler handler) override { m_pushedHandler = std::move(handler); }

private:
    void deliver(const Envelope &envelope);
    void reportPushed();

    EventSink &m_local;
    EventBus &m_bus;
    PushedHandler m_pushedHandler;
    QList<PushedMessage> m_pushed; // reported at the end of this event-loop pass
    QTimer m_reportTimer;
};

} // namespace natter::server
