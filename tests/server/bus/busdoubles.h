#pragma once
// In-memory stand-ins for the bus suites: a bus that records what is published and lets a
// test play the other instances, and the local sockets as a record of what was sent.

#include "bus/eventbus.h"
#include "interfaces/eventsink.h"

#include <QSet>

namespace natter::server::bustest {

class FakeBus final : public EventBus
{
public:
    void start() override { started = true; }
    QString instanceId() const override { return QStringLiteral("me"); }
    void publish(const Envelope &envelope) override { published.append(envelope); }
    void localUserCameOnline(qint64 userId, const QString &) override { local.insert(userId); }
    void localUserWentOffline(qint64 userId) override { local.remove(userId); }
    bool isRemoteOnline(qint64 userId) const override { return remote.contains(userId); }
    void leave() override { left = true; }

    void remoteOnline(qint64 userId, const QString &name)
    {
        remote.insert(userId);
        emit remoteUserCameOnline(userId, name);
    }
    void remoteOffline(qint64 userId)
    {
        remote.remove(userId);
        emit remoteUserWentOffline(userId);
    }

    QList<Envelope> published;
    QSet<qint64> local;
    QSet<qint64> remote;
    bool started = false;
    bool left = false;
};

// What the SessionRegistry would have sent to this instance's sockets.
class RecordingSink final : public EventSink
{
public:
    struct Sent
    {
        QString how; // "user", "connection", "all"
        qint64 target = 0;
        QString frame;
        ConnectionId except = 0;
        QSet<qint64> exceptUsers;
    };

    void sendToUser(qint64 userId, const QString &frame, ConnectionId except) override
    {
        sent.append({QStringLiteral("user"), userId, frame, except, {}});
    }
    void sendToConnection(ConnectionId connection, const QString &frame) override
    {
        sent.append({QStringLiteral("connection"), qint64(connection), frame, 0, {}});
    }
    void sendToAll(const QString &frame, const QSet<qint64> &exceptUsers) override
    {
        sent.append({QStringLiteral("all"), 0, frame, 0, exceptUsers});
    }
    bool hasConnection(qint64 userId) const override { return connected.contains(userId); }

    QList<Sent> sent;
    QSet<qint64> connected;
};

} // namespace natter::server::bustest
