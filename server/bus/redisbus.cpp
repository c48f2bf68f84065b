#include "redisbus.h"

#include "buslogging.h"
#include "redisconnection.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QRandomGenerator>

#include <utility>

#include <hiredis/hiredis.h>

namespace natter::server {
namespace {

const QByteArray kInstancesKey = QByteArrayLiteral("natter:instances");
const QByteArray kSeqField = QByteArrayLiteral("seq");
// Local presence changes are coalesced this long before they are published.
constexpr int kPresenceFlushMs = 20;
constexpr qint64 kBadPayloadWarningEveryMs = 10'000;

QString defaultInstanceId()
{
    QString host;
    for (const QChar c : QHostInfo::localHostName()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            host += c;
        else if (c == u'-' || c == u'.' || c == u'_')
            host += u'-';
    }
    if (host.isEmpty())
        host = QStringLiteral("natter");
    const quint32 random = QRandomGenerator::system()->generate() & 0xffffff;
    return QStringLiteral("%1-%2-%3")
        .arg(host.left(32))
        .arg(QCoreApplication::applicationPid())
        .arg(random, 6, 16, QLatin1Char('0'));
}

QByteArray replyBytes(const redisReply *reply)
{
    return QByteArray(reply->str, qsizetype(reply->len));
}

} // namespace

QByteArray RedisBus::channelName(int database)
{
    return QByteArrayLiteral("natter:bus:") + QByteArray::number(database);
}

QByteArray RedisBus::presenceKey(const QString &instance)
{
    return QByteArrayLiteral("natter:presence:") + instance.toUtf8();
}

RedisBus::RedisBus(const Settings &settings, QObject *parent)
    : EventBus(parent), m_settings(settings),
      m_instance(settings.instanceId.isEmpty() ? defaultInstanceId() : settings.instanceId),
      m_channel(channelName(settings.url.database)), m_hashKey(presenceKey(m_instance)),
      m_commands(new RedisConnection(settings.url, QStringLiteral("commands"), this)),
      m_subscriber(new RedisConnection(settings.url, QStringLiteral("subscriber"), this))
{
    m_clock.start();
    m_commands->setInitialBackoffMs(settings.initialBackoffMs);
    m_subscriber->setInitialBackoffMs(settings.initialBackoffMs);
    m_subscriber->setSubscription(m_channel);

    connect(m_commands, &RedisConnection::ready, this, [this]() {
        registerSelf();
        sendBacklog();
        if (m_subscriber->isReady())
            discover();
    });
    connect(m_commands, &RedisConnection::lost, this, [this]() {
        m_registered = false;
        m_heartbeatSentAt = -1;
        m_unechoedSince = -1;
    });
    connect(m_subscriber, &RedisConnection::ready, this, [this]() {
        m_unechoedSince = -1;
        m_remote.listeningResumed(now());
        if (m_everSubscribed || !m_localUsers.isEmpty()) {
            qCWarning(lcBus) << "the Redis subscription was interrupted: events from other "
                                "instances may have been missed";
            emit eventsMayHaveBeenLost();
        }
        m_everSubscribed = true;
        // Missed presence changes show up as heartbeats ahead of what we applied; instances
        // we never heard of are in the set.
        if (m_commands->isReady())
            discover();
    });
    connect(m_subscriber, &RedisConnection::messageReceived, this, &RedisBus::handlePayload);

    connect(&m_remote, &RemotePresence::userCameOnline, this, &EventBus::remoteUserCameOnline);
    connect(&m_remote, &RemotePresence::userWentOffline, this, &EventBus::remoteUserWentOffline);
    connect(&m_remote, &RemotePresence::resyncNeeded, this, &RedisBus::resync);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kPresenceFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &RedisBus::flushPresence);
    m_heartbeatTimer.setInterval(int(qMax<qint64>(50, m_settings.instanceTimeoutMs / 3)));
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &RedisBus::heartbeat);
}

RedisBus::~RedisBus()
{
    // Before the members their callbacks refer to (they run none while being destroyed, but
    // the order should not depend on that).
    delete m_subscriber;
    delete m_commands;
}

void RedisBus::start()
{
    qCInfo(lcBus).noquote() << "cross-instance events through Redis" << m_settings.url.location()
                            << "as instance" << m_instance;
    m_commands->open();
    m_subscriber->open();
    m_heartbeatTimer.start();
}

bool RedisBus::isConnected() const
{
    return m_commands->isReady() && m_subscriber->isReady() && m_registered;
}

void RedisBus::registerSelf()
{
    if (m_leaving)
        return;
    // The whole state under a new sequence number; "r" tells the others to read it.
    ++m_seq;
    QList<QByteArray> hset{QByteArrayLiteral("HSET"), m_hashKey, kSeqField,
                           QByteArray::number(m_seq)};
    for (auto it = m_localUsers.cbegin(); it != m_localUsers.cend(); ++it)
        hset << QByteArray::number(it.key()) << it.value().toUtf8();
    Envelope reset;
    reset.kind = Envelope::Kind::Presence;
    reset.instance = m_instance;
    reset.seq = m_seq;
    reset.reset = true;
    m_commands->command({QByteArrayLiteral("MULTI")});
    m_commands->command({QByteArrayLiteral("DEL"), m_hashKey});
    m_commands->command(hset);
    m_commands->command({QByteArrayLiteral("PEXPIRE"), m_hashKey,
                         QByteArray::number(2 * m_settings.instanceTimeoutMs)});
    m_commands->command({QByteArrayLiteral("SADD"), kInstancesKey, m_instance.toUtf8()});
    m_commands->command({QByteArrayLiteral("PUBLISH"), m_channel, encodeEnvelope(reset)});
    m_commands->command({QByteArrayLiteral("EXEC")}, [this](const redisReply *reply) {
        if (reply != nullptr && reply->type == REDIS_REPLY_ARRAY)
            qCDebug(lcBus) << "presence state written," << m_localUsers.size() << "users";
    });
    m_pendingOnline.clear();
    m_pendingOffline.clear();
    m_registered = true;
}

void RedisBus::localUserCameOnline(qint64 userId, const QString &username)
{
    m_localUsers.insert(userId, username);
    m_pendingOffline.remove(userId);
    m_pendingOnline.insert(userId, username);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RedisBus::localUserWentOffline(qint64 userId)
{
    m_localUsers.remove(userId);
    m_pendingOnline.remove(userId);
    m_pendingOffline.insert(userId);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RedisBus::flushPresence()
{
    m_flushTimer.stop();
    if (m_leaving || (m_pendingOnline.isEmpty() && m_pendingOffline.isEmpty()))
        return;
    // Not connected: registerSelf() writes the whole state once we are.
    if (!m_commands->isReady() || !m_registered)
        return;
    Envelope delta;
    delta.kind = Envelope::Kind::Presence;
    delta.instance = m_instance;
    delta.seq = ++m_seq;
    QList<QByteArray> hset{QByteArrayLiteral("HSET"), m_hashKey, kSeqField,
                           QByteArray::number(m_seq)};
    for (auto it = m_pendingOnline.cbegin(); it != m_pendingOnline.cend(); ++it) {
        hset << QByteArray::number(it.key()) << it.value().toUtf8();
        delta.online.append({it.key(), it.value()});
    }
    QList<QByteArray> hdel{QByteArrayLiteral("HDEL"), m_hashKey};
    for (const qint64 userId : std::as_const(m_pendingOffline)) {
        hdel << QByteArray::number(userId);
        delta.offline.append(userId);
    }
    m_commands->command({QByteArrayLiteral("MULTI")});
    m_commands->command(hset);
    if (!delta.offline.isEmpty())
        m_commands->command(hdel);
    m_commands->command({QByteArrayLiteral("PUBLISH"), m_channel, encodeEnvelope(delta)});
    m_commands->command({QByteArrayLiteral("EXEC")});
    m_pendingOnline.clear();
    m_pendingOffline.clear();
}

void RedisBus::heartbeat()
{
    const qint64 t = now();
    const qint64 timeout = m_settings.instanceTimeoutMs;
    // Our previous heartbeat came back: the subscription works (asked before this round's).
    const bool hearing = m_subscriber->isReady() && m_unechoedSince < 0;
    if (m_heartbeatSentAt >= 0 && t - m_heartbeatSentAt > timeout) {
        const qint64 waited = t - std::exchange(m_heartbeatSentAt, -1);
        m_commands->reconnect(QStringLiteral("no answer for %1 ms").arg(waited));
    }
    // Only while the command connection answers: otherwise nothing was published to echo.
    if (m_unechoedSince >= 0 && t - m_unechoedSince > timeout && m_heartbeatSentAt < 0 &&
        m_subscriber->isReady()) {
        m_unechoedSince = -1;
        m_subscriber->reconnect(
            QStringLiteral("our own heartbeats have not come back for %1 ms").arg(timeout));
    }

    if (m_commands->isReady() && m_registered && !m_leaving) {
        flushPresence();
        Envelope beat;
        beat.kind = Envelope::Kind::Heartbeat;
        beat.instance = m_instance;
        beat.seq = m_seq;
        m_commands->command({QByteArrayLiteral("MULTI")});
        m_commands->command(
            {QByteArrayLiteral("PEXPIRE"), m_hashKey, QByteArray::number(2 * timeout)});
        m_commands->command({QByteArrayLiteral("PUBLISH"), m_channel, encodeEnvelope(beat)});
        const bool first = m_heartbeatSentAt < 0;
        if (first)
            m_heartbeatSentAt = t;
        if (m_unechoedSince < 0)
            m_unechoedSince = t;
        m_commands->command({QByteArrayLiteral("EXEC")}, [this, first](const redisReply *reply) {
            if (reply == nullptr)
                return;
            if (first)
                m_heartbeatSentAt = -1;
            if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 1)
                return;
            // PEXPIRE answers 0 when the hash is gone: Redis restarted or lost it, or the
            // others took us for dead and removed it. Write everything again.
            const redisReply *expire = reply->element[0];
            if (expire->type == REDIS_REPLY_INTEGER && expire->integer == 0 && !m_leaving) {
                qCWarning(lcBus) << "our presence state vanished from Redis; writing it again";
                registerSelf();
            }
        });
    }

    // Instances that went quiet. Only clean up after them while we can hear the others:
    // an instance cut off from the channel would otherwise delete everybody's state.
    bool anyLive = false;
    const QStringList dead = m_remote.expire(t, timeout, &anyLive);
    for (const QString &instance : dead) {
        qCWarning(lcBus).noquote() << "instance" << instance << "not heard from for" << timeout
                                   << "ms: its users are offline";
        if (hearing && m_commands->isReady())
            forget(instance);
    }
    // A dead instance may have committed changes it never got to publish (SIGKILL between
    // the commit and the PUBLISH): our clients must sync to see them. When we are the one
    // cut off, the subscription coming back says so instead.
    if (anyLive && hearing) {
        qCWarning(lcBus) << "events of the instances that died may have been missed";
        emit eventsMayHaveBeenLost();
    }
}

void RedisBus::forget(const QString &instance)
{
    m_commands->command({QByteArrayLiteral("MULTI")});
    m_commands->command({QByteArrayLiteral("SREM"), kInstancesKey, instance.toUtf8()});
    m_commands->command({QByteArrayLiteral("DEL"), presenceKey(instance)});
    m_commands->command({QByteArrayLiteral("EXEC")});
}

void RedisBus::discover()
{
    m_commands->command({QByteArrayLiteral("SMEMBERS"), kInstancesKey},
                        [this](const redisReply *reply) {
                            if (reply == nullptr || reply->type != REDIS_REPLY_ARRAY)
                                return;
                            for (size_t i = 0; i < reply->elements; ++i) {
                                const redisReply *item = reply->element[i];
                                if (item->type != REDIS_REPLY_STRING)
                                    continue;
                                const QString id = QString::fromUtf8(replyBytes(item));
                                if (id != m_instance && isValidInstanceId(id))
                                    m_remote.noteDiscovered(id, now());
                            }
                        });
}

void RedisBus::resync(const QString &instance)
{
    const bool sent = m_commands->command(
        {QByteArrayLiteral("HGETALL"), presenceKey(instance)},
        [this, instance](const redisReply *reply) {
            if (reply == nullptr || reply->type != REDIS_REPLY_ARRAY) {
                m_remote.resyncFailed(instance);
                return;
            }
            if (reply->elements == 0) {
                // No state: the instance left or was removed as dead.
                m_remote.removeInstance(instance);
                return;
            }
            qint64 seq = -1;
            QHash<qint64, QString> users;
            for (size_t i = 0; i + 1 < reply->elements; i += 2) {
                const QByteArray field = replyBytes(reply->element[i]);
                const QByteArray value = replyBytes(reply->element[i + 1]);
                bool ok = false;
                if (field == kSeqField) {
                    seq = value.toLongLong(&ok);
                    if (!ok || seq < 0)
                        seq = -1;
                    continue;
                }
                const qint64 userId = field.toLongLong(&ok);
                const QString username = QString::fromUtf8(value);
                if (ok && userId > 0 && !username.isEmpty() && username.size() <= 64)
                    users.insert(userId, username);
                else
                    warnBadPayload(QStringLiteral("bad field in %1")
                                       .arg(QString::fromUtf8(presenceKey(instance))));
            }
            if (seq < 0) {
                warnBadPayload(QStringLiteral("%1 has no sequence number")
                                   .arg(QString::fromUtf8(presenceKey(instance))));
                m_remote.resyncFailed(instance);
                return;
            }
            m_remote.applySnapshot(instance, seq, users);
        });
    if (!sent) // asked again at the next heartbeat; not from inside RemotePresence's signal
        QMetaObject::invokeMethod(
            this, [this, instance]() { m_remote.resyncFailed(instance); }, Qt::QueuedConnection);
}

void RedisBus::handlePayload(const QByteArray &payload)
{
    QString why;
    const std::optional<Envelope> decoded = decodeEnvelope(payload, &why);
    if (!decoded) {
        warnBadPayload(why);
        return;
    }
    const Envelope &envelope = *decoded;
    if (envelope.instance == m_instance) {
        if (envelope.kind == Envelope::Kind::Heartbeat)
            m_unechoedSince = -1;
        return; // our own publication: the local sockets have it already
    }
    switch (envelope.kind) {
    case Envelope::Kind::ToUser:
    case Envelope::Kind::ToUsers:
    case Envelope::Kind::ToAll:
    case Envelope::Kind::Contacts:
        emit envelopeReceived(envelope);
        break;
    case Envelope::Kind::Presence:
        m_remote.applyDelta(
            envelope.instance,
            RemotePresence::Delta{envelope.seq, envelope.reset, envelope.online, envelope.offline},
            now());
        break;
    case Envelope::Kind::Heartbeat:
        m_remote.noteHeartbeat(envelope.instance, envelope.seq, now());
        break;
    case Envelope::Kind::Bye:
        qCInfo(lcBus).noquote() << "instance" << envelope.instance << "left";
        m_remote.removeInstance(envelope.instance);
        break;
    case Envelope::Kind::Lost:
        qCWarning(lcBus).noquote()
            << "instance" << envelope.instance << "dropped events while Redis was unreachable";
        emit eventsMayHaveBeenLost();
        break;
    }
}

void RedisBus::warnBadPayload(const QString &why)
{
    ++m_badPayloads;
    const qint64 t = now();
    // Someone else publishing on the channel must not flood the log.
    if (m_lastBadWarningAt >= 0 && t - m_lastBadWarningAt < kBadPayloadWarningEveryMs)
        return;
    m_lastBadWarningAt = t;
    qCWarning(lcBus).noquote() << "ignoring a malformed message on" << m_channel << "(" + why + ")"
                               << "-" << m_badPayloads << "so far";
}

void RedisBus::publish(const Envelope &envelope)
{
    if (m_leaving)
        return;
    QByteArray payload = encodeEnvelope(envelope);
    if (payload.size() > kMaxEnvelopeBytes) {
        qCWarning(lcBus) << "not publishing an event of" << payload.size() << "bytes";
        return;
    }
    if (m_commands->isReady() && m_backlog.isEmpty()) {
        m_commands->command({QByteArrayLiteral("PUBLISH"), m_channel, payload});
        return;
    }
    if (m_backlogBytes + payload.size() > m_settings.maxBacklogBytes) {
        if (m_dropped++ == 0)
            qCWarning(lcBus) << "Redis unreachable and" << m_backlogBytes
                             << "bytes of events waiting: dropping further events for the other "
                                "instances (their clients get them on their next sync)";
        return;
    }
    m_backlogBytes += payload.size();
    m_backlog.append(std::move(payload));
}

void RedisBus::sendBacklog()
{
    if (!m_backlog.isEmpty())
        qCInfo(lcBus) << "sending" << m_backlog.size() << "events held while Redis was unreachable";
    for (const QByteArray &payload : std::as_const(m_backlog))
        m_commands->command({QByteArrayLiteral("PUBLISH"), m_channel, payload});
    if (m_dropped > 0) {
        // The others' clients missed those events for good: they must sync.
        Envelope lost;
        lost.kind = Envelope::Kind::Lost;
        lost.instance = m_instance;
        m_commands->command({QByteArrayLiteral("PUBLISH"), m_channel, encodeEnvelope(lost)});
    }
    m_backlog.clear();
    m_backlogBytes = 0;
    m_dropped = 0;
}

void RedisBus::leave()
{
    if (m_leaving)
        return;
    m_leaving = true;
    m_heartbeatTimer.stop();
    m_flushTimer.stop();
    if (!m_commands->isReady())
        return; // the others drop us after the timeout
    Envelope bye;
    bye.kind = Envelope::Kind::Bye;
    bye.instance = m_instance;
    m_commands->command({QByteArrayLiteral("MULTI")});
    m_commands->command({QByteArrayLiteral("DEL"), m_hashKey});
    m_commands->command({QByteArrayLiteral("SREM"), kInstancesKey, m_instance.toUtf8()});
    m_commands->command({QByteArrayLiteral("PUBLISH"), m_channel, encodeEnvelope(bye)});
    m_commands->command({QByteArrayLiteral("EXEC")});
    m_commands->flush(); // the server may be destroyed before the event loop gets to it
}

} // namespace natter::server
