#include "presenceservice.h"

#include "codec.h"
#include "events.h"

#include <algorithm>

namespace natter::server {

PresenceService::PresenceService(EventSink &sink, int batchMs, int graceMs, QObject *parent)
    : QObject(parent), m_sink(sink), m_graceMs(graceMs)
{
    m_clock.start();
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(batchMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &PresenceService::flush);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &PresenceService::flush);
}

bool PresenceService::isOnline(qint64 userId) const
{
    if (m_online.contains(userId))
        return true;
    const auto since = m_offlineSince.constFind(userId);
    return since != m_offlineSince.constEnd() && m_clock.elapsed() - *since < m_graceMs;
}

void PresenceService::sendSnapshot(const Caller &caller)
{
    PresenceEvent event;
    event.snapshot = true;
    // Only what the last diff announced: a user who came online since arrives in the next
    // diff like for everyone else, so a quick online/offline flap can never leave a stale
    // entry in this client's list.
    for (auto it = m_announced.cbegin(); it != m_announced.cend(); ++it) {
        if (it.key() != caller.userId)
            event.online.append(User{it.key(), it.value(), true});
    }
    std::sort(event.online.begin(), event.online.end(),
              [](const User &a, const User &b) { return a.id < b.id; });
    m_sink.sendToConnection(caller.connection, codec::encodeEvent(event));
}

void PresenceService::userCameOnline(qint64 userId, const QString &username)
{
    m_online.insert(userId, username);
    m_offlineSince.remove(userId);
    noteChange(userId);
}

void PresenceService::userWentOffline(qint64 userId)
{
    m_online.remove(userId);
    m_offlineSince.insert(userId, m_clock.elapsed());
    noteChange(userId);
}

void PresenceService::noteChange(qint64 userId)
{
    m_changed.insert(userId);
    // Not restarted by later changes: a steady stream of logins must not delay the diff.
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void PresenceService::flush()
{
    m_batchTimer.stop();
    PresenceEvent event;
    QSet<qint64> deferred;
    qint64 nextExpiry = -1;
    const qint64 now = m_clock.elapsed();
    for (const qint64 userId : std::as_const(m_changed)) {
        const auto current = m_online.constFind(userId);
        const bool online = current != m_online.constEnd();
        if (online == m_announced.contains(userId)) {
            m_offlineSince.remove(userId);
            continue; // back within the window: nobody needs to know
        }
        if (online) {
            event.online.append(User{userId, *current, true});
            m_announced.insert(userId, *current);
            continue;
        }
        const qint64 left = m_offlineSince.value(userId, now) + m_graceMs - now;
        if (left > 0) { // still in the grace period: decide later
            deferred.insert(userId);
            nextExpiry = nextExpiry < 0 ? left : qMin(nextExpiry, left);
            continue;
        }
        event.offline.append(userId);
        m_announced.remove(userId);
        m_offlineSince.remove(userId);
    }
    m_changed = deferred;
    if (nextExpiry >= 0)
        m_graceTimer.start(int(nextExpiry));
    if (event.online.isEmpty() && event.offline.isEmpty())
        return;
    std::sort(event.online.begin(), event.online.end(),
              [](const User &a, const User &b) { return a.id < b.id; });
    std::sort(event.offline.begin(), event.offline.end());

    // One frame, serialized once, for everybody but the users who just came online: like the
    // snapshot, a user's own list never contains themselves, so they get a variant without
    // their own entry (one per such user, not per socket).
    QSet<qint64> cameOnline;
    for (const User &user : std::as_const(event.online))
        cameOnline.insert(user.id);
    m_sink.sendToAll(codec::encodeEvent(event), cameOnline);
    for (const qint64 self : std::as_const(cameOnline)) {
        PresenceEvent variant = event;
        variant.online.removeIf([self](const User &user) { return user.id == self; });
        if (!variant.online.isEmpty() || !variant.offline.isEmpty())
            m_sink.sendToUser(self, codec::encodeEvent(variant));
    }
}

} // namespace natter::server
