#pragma once
// EventBus over Redis (docs/scaling.md): one connection for commands and publications, one
// subscribed to the deployment's channel. Frames for clients are published as envelopes
// and every other instance delivers them to its own sockets.
//
// Presence between instances: each instance keeps its online users in the hash
// natter:presence:<instance> ("seq" plus user id -> username) and publishes every change,
// numbered, in the same MULTI/EXEC; instances are listed in the set natter:instances. A
// heartbeat every third of the instance timeout refreshes the hash's expiry and publishes
// the current sequence number, so a lost change is noticed within one heartbeat and an
// instance that stops (SIGKILL, network cut) is dropped by the others after the timeout.
// Our own heartbeats coming back on the subscription prove the subscriber is alive.

#include "config/redisurl.h"
#include "eventbus.h"
#include "remotepresence.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace natter::server {

class RedisConnection;

class RedisBus final : public EventBus
{
    Q_OBJECT

public:
    struct Settings
    {
        RedisUrl url;
        // An instance not heard from for this long is taken as dead by the others.
        qint64 instanceTimeoutMs = 15'000;
        QString instanceId; // empty: "<host>-<pid>-<random>"
        int initialBackoffMs = 250;
        // Publications kept while Redis is unreachable; beyond it they are dropped and the
        // others are told to have their clients sync.
        qsizetype maxBacklogBytes = 16 * 1024 * 1024;
    };

    explicit RedisBus(const Settings &settings, QObject *parent = nullptr);
    ~RedisBus() override;
    Q_DISABLE_COPY_MOVE(RedisBus)

    void start() override;
    QString instanceId() const override { return m_instance; }
    void publish(const Envelope &envelope) override;
    void localUserCameOnline(qint64 userId, const QString &username) override;
    void localUserWentOffline(qint64 userId) override;
    bool isRemoteOnline(qint64 userId) const override { return m_remote.isOnline(userId); }
    void leave() override;

    // Both connections up and our state written: what the others know of us is current.
    bool isConnected() const;
    QStringList remoteInstances() const { return m_remote.instances(); }

    static QByteArray channelName(int database);
    static QByteArray presenceKey(const QString &instance);

private:
    void registerSelf();
    void flushPresence();
    void heartbeat();
    void discover();
    void resync(const QString &instance);
    void forget(const QString &instance);
    void handlePayload(const QByteArray &payload);
    void warnBadPayload(const QString &why);
    void sendBacklog();
    qint64 now() const { return m_clock.elapsed(); }

    Settings m_settings;
    QString m_instance;
    QByteArray m_channel;
    QByteArray m_hashKey;
    RedisConnection *m_commands;
    RedisConnection *m_subscriber;
    RemotePresence m_remote;

    QHash<qint64, QString> m_localUsers;
    QHash<qint64, QString> m_pendingOnline; // changes not yet published
    QSet<qint64> m_pendingOffline;
    qint64 m_seq = 0;
    bool m_registered = false; // our whole state was written on the current connection

    // Publications while the command connection is down, sent when it is back (bounded).
    QList<QByteArray> m_backlog;
    qsizetype m_backlogBytes = 0;
    qint64 m_dropped = 0;

    QTimer m_flushTimer;
    QTimer m_heartbeatTimer;
    QElapsedTimer m_clock;
    qint64 m_heartbeatSentAt = -1; // awaiting the answer since
    qint64 m_unechoedSince = -1;   // a heartbeat published then has not come back yet
    bool m_everSubscribed = false;
    bool m_leaving = false;
    qint64 m_badPayloads = 0;
    qint64 m_lastBadWarningAt = -1;
};

} // namespace natter::server
