#include "typingservice.h"

#include "codec.h"
#include "events.h"

#include <limits>

namespace natter::server {

TypingService::TypingService(ConversationDirectory &directory, EventSink &sink, int expiryMs,
                             QObject *parent)
    : QObject(parent), m_directory(directory), m_sink(sink), m_expiryMs(expiryMs)
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &TypingService::expire);
}

Outcome<bool> TypingService::typing(const Caller &caller, const TypingRequest &request)
{
    const auto member = m_directory.membership(request.conversationId, caller.userId);
    if (!member.ok())
        return Outcome<bool>::failure(storeError(member, QStringLiteral("no such conversation"),
                                                 QStringLiteral("conversation_id")));
    const Key key(request.conversationId, caller.userId);
    if (request.active) {
        const auto current = m_active.find(key);
        if (current != m_active.end() && !current->relayAgain.hasExpired()) {
            current->expires = QDeadlineTimer(m_expiryMs);
            scheduleExpiry();
            return Outcome<bool>::success(true);
        }
        m_active.insert(key, State{QDeadlineTimer(m_expiryMs), QDeadlineTimer(m_expiryMs / 2)});
        relay(request.conversationId, caller.userId, true);
        scheduleExpiry();
    } else {
        stop(key);
    }
    return Outcome<bool>::success(true);
}

void TypingService::messageSent(qint64 conversationId, qint64 senderId)
{
    stop(Key(conversationId, senderId));
}

void TypingService::memberLeft(qint64 conversationId, qint64 userId)
{
    stop(Key(conversationId, userId));
}

void TypingService::userWentOffline(qint64 userId)
{
    QList<Key> keys;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it.key().second == userId)
            keys.append(it.key());
    }
    for (const Key &key : keys)
        stop(key);
}

void TypingService::stop(const Key &key)
{
    const auto it = m_active.constFind(key);
    if (it == m_active.constEnd())
        return; // the peer was already told (or never told) that nobody is typing
    m_active.erase(it);
    relay(key.first, key.second, false);
    scheduleExpiry();
}

void TypingService::relay(qint64 conversationId, qint64 userId, bool active)
{
    // Asked at each relay (a 1:1 from the cache): a group's members at this moment.
    const auto audience = m_directory.audience(conversationId);
    const QString frame = codec::encodeEvent(TypingEvent{conversationId, userId, active});
    QList<qint64> others = audience.value;
    others.removeAll(userId);
    m_sink.sendToUsers(others, frame);
}

void TypingService::expire()
{
    QList<Key> expired;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it->expires.hasExpired())
            expired.append(it.key());
    }
    for (const Key &key : expired)
        stop(key);
    scheduleExpiry();
}

void TypingService::scheduleExpiry()
{
    if (m_active.isEmpty()) {
        m_expiryTimer.stop();
        return;
    }
    qint64 soonest = std::numeric_limits<qint64>::max();
    for (const State &state : std::as_const(m_active))
        soonest = qMin(soonest, state.expires.remainingTime());
    m_expiryTimer.start(int(qBound(qint64(0), soonest, qint64(m_expiryMs))));
}

} // namespace natter::server
