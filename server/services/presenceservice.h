#pragma once
// Who is online, and who hears about it. A user is online with at least one authenticated
// socket (on any instance). Each user hears only about their contacts: the people they share
// a conversation with. That keeps presence O(contacts) per change instead of O(users): a
// 10,000-user server signing in at once sends each socket a handful of entries, not 10,000.
// Anyone's state is still one `users` request away (the directory shows it).
//
// A socket gets a snapshot of its user's online contacts right after it authenticates; later
// changes are coalesced for a short window and each affected user gets ONE diff frame
// (serialized once for all of that user's sockets). A user whose last socket closes is
// announced offline only after a grace period, so a Wi-Fi blip or a client restart produces
// no offline/online pair at all.

#include "interfaces/caller.h"
#include "interfaces/eventsink.h"
#include "store/chatstore.h"
#include "types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace natter::server {

class PresenceService final : public QObject
{
    Q_OBJECT

public:
    PresenceService(ChatStore &store, EventSink &sink, int batchMs, int graceMs,
                    QObject *parent = nullptr);

    // Online as everyone sees it: connected, or disconnected for less than the grace period.
    bool isOnline(qint64 userId) const;
    // Follows the caller's contacts (loaded once per user while they have sockets here) and
    // sends this socket the snapshot of those online.
    void sendSnapshot(const Caller &caller);
    // `a` and `b` now share a conversation: each hears about the other from now on (and
    // learns at the next diff that the other is online, if they are).
    void linkContacts(qint64 a, qint64 b);
    // Sends the pending diffs now (the batch timer does this on its own).
    void flush();

signals:
    // A link made here, for the other instances (they follow their own sockets' users).
    void contactsLinked(qint64 a, qint64 b);

public slots:
    // The global state (this instance's users, and with --redis every instance's).
    void userCameOnline(qint64 userId, const QString &username);
    void userWentOffline(qint64 userId);
    // The user's last socket on this instance closed: stop following for them.
    void userLeftInstance(qint64 userId);
    // A link made on another instance.
    void linkRemoteContacts(qint64 a, qint64 b);

private:
    void noteChange(qint64 userId);
    void follow(qint64 userId, qint64 contactId);
    // Queues "contact is (not) online" for `followerId`'s next diff; the latest state wins.
    void queueFor(qint64 followerId, qint64 contactId, bool online);
    void startBatch();

    ChatStore &m_store;
    EventSink &m_sink;
    QHash<qint64, QString> m_online;      // user id -> username, the current state
    QHash<qint64, QString> m_announced;   // the online set as of the last diff
    QHash<qint64, qint64> m_offlineSince; // last socket closed at (m_clock), not yet announced
    QSet<qint64> m_changed;               // users whose state changed since the last diff
    // Following, only for users with a socket here: their contacts, and the reverse index
    // (who hears about a user), so a change reaches its followers without a query.
    QHash<qint64, QSet<qint64>> m_contactsOf;
    QHash<qint64, QList<qint64>> m_followersOf;
    // The next diff of each follower: contact id -> online.
    QHash<qint64, QHash<qint64, bool>> m_pending;
    QTimer m_batchTimer;
    QTimer m_graceTimer;
    QElapsedTimer m_clock;
    int m_graceMs = 0;
};

} // namespace natter::server
