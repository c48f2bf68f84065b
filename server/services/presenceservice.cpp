#include "presenceservice.h"

#include "codec.h"
#include "config/logging.h"
#include "events.h"

#include <algorithm>

namespace natter::server {

PresenceService::PresenceService(ChatStore &store, EventSink &sink, int batchMs, int graceMs,
                                 QObject *parent)
    : QObject(parent), m_store(store), m_sink(sink), m_graceMs(graceMs)
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
    const qint64 self = caller.userId;
    if (!m_contactsOf.contains(self)) {
        m_contactsOf.insert(self, {});
        const StoreResult<QList<qint64>> peers = m_store.peersOf(self);
        if (!peers.ok()) // the socket still works; its list fills as contacts change
            qCWarning(lcStorage) << "presence: cannot read the contacts of user" << self << ":"
                                 << peers.detail;
        for (const qint64 peer : peers.value)
            follow(self, peer);
    }
    PresenceEvent event;
    event.snapshot = true;
    // Only what the last diff announced: a contact who came online since arrives in the next
    // diff like for everyone else, so a quick online/offline flap can never leave a stale
    // entry in this client's list.
    for (const qint64 contact : std::as_const(m_contactsOf[self])) {
        const auto announced = m_announced.constFind(contact);
        if (announced != m_announced.constEnd())
            event.online.append(User{contact, *announced, true});
    }
    std::sort(event.online.begin(), event.online.end(),
              [](const User &a, const User &b) { return a.id < b.id; });
    m_sink.sendToConnection(caller.connection, codec::encodeEvent(event));
}

void PresenceService::follow(qint64 userId, qint64 contactId)
{
    if (userId == contactId)
        return;
    QSet<qint64> &contacts = m_contactsOf[userId];
    if (contacts.contains(contactId))
        return;
    contacts.insert(contactId);
    m_followersOf[contactId].append(userId);
}

void PresenceService::linkContacts(qint64 a, qint64 b)
{
    // Every message calls this with its sender (followed here, having a socket here): a link
    // the sender already has was made before, here and for the other instances.
    const auto contacts = m_contactsOf.constFind(a);
    if (a == b || (contacts != m_contactsOf.constEnd() && contacts->contains(b)))
        return;
    linkRemoteContacts(a, b);
    emit contactsLinked(a, b);
}

void PresenceService::linkRemoteContacts(qint64 a, qint64 b)
{
    for (const auto &[follower, contact] : {std::pair{a, b}, std::pair{b, a}}) {
        const auto contacts = m_contactsOf.constFind(follower);
        if (contacts == m_contactsOf.constEnd() || contacts->contains(contact))
            continue; // not followed here (no socket), or already hears about them
        follow(follower, contact);
        const auto announced = m_announced.constFind(contact);
        if (announced != m_announced.constEnd()) {
            queueFor(follower, contact, true);
            startBatch();
        }
    }
}

void PresenceService::userLeftInstance(qint64 userId)
{
    const auto contacts = m_contactsOf.constFind(userId);
    if (contacts == m_contactsOf.constEnd())
        return;
    for (const qint64 contact : *contacts) {
        const auto followers = m_followersOf.find(contact);
        if (followers == m_followersOf.end())
            continue;
        followers->removeOne(userId);
        if (followers->isEmpty())
            m_followersOf.erase(followers);
    }
    m_contactsOf.remove(userId);
    m_pending.remove(userId);
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
    startBatch();
}

void PresenceService::startBatch()
{
    // Not restarted by later changes: a steady stream of logins must not delay the diff.
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void PresenceService::queueFor(qint64 followerId, qint64 contactId, bool online)
{
    m_pending[followerId].insert(contactId, online);
}

void PresenceService::flush()
{
    m_batchTimer.stop();
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
            m_announced.insert(userId, *current);
        } else {
            const qint64 left = m_offlineSince.value(userId, now) + m_graceMs - now;
            if (left > 0) { // still in the grace period: decide later
                deferred.insert(userId);
                nextExpiry = nextExpiry < 0 ? left : qMin(nextExpiry, left);
                continue;
            }
            m_announced.remove(userId);
            m_offlineSince.remove(userId);
        }
        for (const qint64 follower : m_followersOf.value(userId))
            queueFor(follower, userId, online);
    }
    m_changed = deferred;
    // Grace periods that end within one batch window are announced together (a little late,
    // as any change is): 300 contacts leaving at once make a few frames, not 300.
    if (nextExpiry >= 0)
        m_graceTimer.start(int(qMax(nextExpiry, qint64(m_batchTimer.interval()))));

    // One frame per follower, for all of that user's sockets here.
    const QHash<qint64, QHash<qint64, bool>> pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        PresenceEvent event;
        for (auto entry = it->cbegin(); entry != it->cend(); ++entry) {
            if (!entry.value()) {
                event.offline.append(entry.key());
                continue;
            }
            // Queued by a link, then gone offline again before the diff: nothing to say.
            const auto announced = m_announced.constFind(entry.key());
            if (announced != m_announced.constEnd())
                event.online.append(User{entry.key(), *announced, true});
        }
        if (event.online.isEmpty() && event.offline.isEmpty())
            continue;
        std::sort(event.online.begin(), event.online.end(),
                  [](const User &a, const User &b) { return a.id < b.id; });
        std::sort(event.offline.begin(), event.offline.end());
        m_sink.sendToUser(it.key(), codec::encodeEvent(event));
    }
}

} // namespace natter::server
