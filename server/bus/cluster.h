#pragma once
// This instance's part in a scaled-out deployment (docs/scaling.md), created only with
// --redis: owns the bus and the ClusterSink the services push through, and merges presence.
// A user is online while they have a socket on any live instance: Cluster reports the union
// of this instance's users (from the SessionRegistry) and the others' (from the bus) to the
// PresenceService, which then computes snapshots and diffs for its own sockets as with one
// instance. Presence frames are therefore never published: every instance makes its own.

#include "clustersink.h"
#include "eventbus.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace natter::server {

class Cluster final : public QObject
{
    Q_OBJECT

public:
    // `local` (the SessionRegistry) must outlive the cluster.
    Cluster(EventSink &local, std::unique_ptr<EventBus> bus, QObject *parent = nullptr);
    ~Cluster() override = default;
    Q_DISABLE_COPY_MOVE(Cluster)

    EventSink &sink() { return m_sink; }
    void start() { m_bus->start(); }
    // Clean shutdown: the others drop this instance's users now.
    void leave() { m_bus->leave(); }

public slots:
    void localUserCameOnline(qint64 userId, const QString &username);
    void localUserWentOffline(qint64 userId);
    // Two users started a conversation here: the other instances' presence follows it.
    void publishContacts(qint64 userId, qint64 peerId);

signals:
    // Transitions of the union of local and remote users.
    void userCameOnline(qint64 userId, const QString &username);
    void userWentOffline(qint64 userId);
    void eventsMayHaveBeenLost();
    void remoteContactsLinked(qint64 userId, qint64 peerId);

private:
    void remoteUserCameOnline(qint64 userId, const QString &username);
    void remoteUserWentOffline(qint64 userId);

    std::unique_ptr<EventBus> m_bus;
    ClusterSink m_sink;
    QHash<qint64, QString> m_local;
};

} // namespace natter::server
