#pragma once
// Keeps this client caught up: the sync cursor, catch-up paging (docs/protocol.md,
// "Revisions, reconnect and sync"), and the outbox, sent and retried until acknowledged.

#include "errorcode.h"
#include "errortext.h"
#include "outbox.h"
#include "types.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace natter::client {

class ConversationController;
class LocalCache;
class ProfileSettings;
class ServerConnection;
class SessionController;

class SyncController final : public QObject
{
    Q_OBJECT

public:
    SyncController(ProfileSettings &settings, ServerConnection &connection,
                   const SessionController &session, ConversationController &conversations,
                   Outbox &outbox, QObject *parent = nullptr);

    // The sync cursor: every change up to this rev has been received through `sync`.
    // Persisted; only `sync` replies move it.
    qint64 syncCursor() const { return m_syncCursor; }
    // The cursor is kept with the local cache's contents (it says up to where they are
    // complete); a cache opened for another account brings its own cursor.
    void setCache(LocalCache *cache) { m_cache = cache; }
    void setCursor(qint64 rev);
    // How long after the first live change beyond the cursor a catch-up `sync` runs.
    void setCatchUpDelay(int ms) { m_catchUp.setInterval(ms); }
    // A change seen live (an event or a reply) at `rev`. It never moves the cursor: revs are
    // server-wide and a connection can miss events (docs/scaling.md), so a live rev says
    // nothing about the ones before it. It schedules a catch-up sync instead.
    void noteRev(qint64 rev);
    // After a sign-in: syncs from the cursor and sends what waited in the outbox.
    void resumeSession();
    // Sends the oldest unsent message of the outbox unless one is already in flight (a
    // message just put there goes when every older one is acked or failed).
    void sendNext();

signals:
    // A sync page applied: asked from `since`, it brought `messages` messages.
    void pageReceived(qint64 since, int messages);
    void errorOccurred(const QString &message);

private:
    // Pages of changes after `since` until has_more is false; moves the cursor.
    void syncFrom(qint64 since);
    void catchUp();
    void moveCursor(qint64 rev);
    void report(const ProtocolError &error) { emit errorOccurred(errorText(error)); }

    ProfileSettings &m_settings;
    ServerConnection &m_connection;
    const SessionController &m_session;
    ConversationController &m_conversations;
    Outbox &m_outbox;
    LocalCache *m_cache = nullptr;
    qint64 m_syncCursor = 0;
    qint64 m_liveRev = 0;   // the highest rev seen live
    bool m_syncing = false; // a chain of sync pages is under way
    QTimer m_catchUp;
    QUuid m_sending; // the send in flight (null: none)
    QTimer m_resend; // after a refused send
};

} // namespace natter::client
