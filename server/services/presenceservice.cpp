#include "presenceservice.h"

#include "codec.h"
#include "events.h"

#include <algorithm>

namespace natter::server {

PresenceService::PresenceService(EventSink &sink, int batchMs, QObject *parent)
    : QObject(parent), m_sink(sink)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(batchMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &PresenceService::flush);
}

void PresenceService::sendSnapshot(const Caller &caller)
{
    PresenceEvent event;
    event.snapshot = true;
    // Only what the last diff announced: a user who came online since arrives in the next
    // diff like for everyone else, so a quick online/offline flap can never leave a stale
    // entry in this client's list.
    for (auto it = m_online.cbegin(); it != m_online.cend(); ++it) {
        if (it.key() != caller.userId && m_announced.contains(it.key()))
            event.online.append(User{it.key(), it.value(), true});
    }
    std::sort(event.online.begin(), event.online.end(),
              [](const User &a, const User &b) { return a.id < b.id; });
    m_sink.sendToConnection(caller.connection, codec::encodeEvent(event));
}

void PresenceService::userCameOnline(qint64 userId, const QString &username)
{
    m_online.insert(userId, username);
    noteChange(userId);
}

void PresenceService::userWentOffline(qint64 userId)
{
    m_online.remove(userId);
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
    for (const qint64 userId : std::as_const(m_changed)) {
        const auto current = m_online.constFind(userId);
        const bool online = current != m_online.constEnd();
        if (online == m_announced.contains(userId))
            continue; // flapped back within the window: nobody needs to know
        if (online) {
            event.online.append(User{userId, *current, true});
            m_announced.insert(userId);
        } else {
            event.offline.append(userId);
            m_announced.remove(userId);
        }
    }
    m_changed.clear();
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
