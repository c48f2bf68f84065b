#pragma once
// The EventSink services push through when several instances share the work: every event
// goes to this instance's sockets (through `local`, the SessionRegistry) and is published
// once for the others, which deliver it to theirs. "Every socket but this connection" only
// means something here: connection ids are per instance, so the others send to all of the
// user's sockets they hold.

#include "eventbus.h"
#include "services/eventsink.h"

#include <QObject>

namespace natter::server {

class ClusterSink final : public QObject, public EventSink
{
    Q_OBJECT

public:
    ClusterSink(EventSink &local, EventBus &bus, QObject *parent = nullptr);

    void sendToUser(qint64 userId, const QString &frame, ConnectionId except = 0) override;
    void sendToConnection(ConnectionId connection, const QString &frame) override;
    void sendToAll(const QString &frame, const QSet<qint64> &exceptUsers = {}) override;
    // Connected here or to another live instance.
    bool hasConnection(qint64 userId) const override;

private:
    void deliver(const Envelope &envelope);

    EventSink &m_local;
    EventBus &m_bus;
};

} // namespace natter::server
