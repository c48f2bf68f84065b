#pragma once
// Typing indicators: relayed to the other participant's sockets only (in a group: the other
// current members'). An active state that
// is not refreshed expires and the peer is told `active: false`; sending a message or going
// offline ends it too. Refreshes are coalesced: relayed at most once per half expiry period
// (often enough for a peer socket that connected meanwhile to learn it).

#include "conversationdirectory.h"
#include "interfaces/caller.h"
#include "interfaces/eventsink.h"
#include "outcome.h"
#include "requests.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPair>
#include <QTimer>

namespace natter::server {

class TypingService final : public QObject
{
    Q_OBJECT

public:
    TypingService(ConversationDirectory &directory, EventSink &sink, int expiryMs,
                  QObject *parent = nullptr);

    Outcome<bool> typing(const Caller &caller, const TypingRequest &request);
    void messageSent(qint64 conversationId, qint64 senderId);
    // A member left or was removed from a group: their indicator ends.
    void memberLeft(qint64 conversationId, qint64 userId);

public slots:
    void userWentOffline(qint64 userId);

private:
    using Key = QPair<qint64, qint64>; // conversation, typing user
    struct State
    {
        QDeadlineTimer expires;
        QDeadlineTimer relayAgain; // refreshes before this are not relayed
    };

    void stop(const Key &key);
    void relay(qint64 conversationId, qint64 userId, bool active);
    void expire();
    void scheduleExpiry();

    ConversationDirectory &m_directory;
    EventSink &m_sink;
    int m_expiryMs;
    QHash<Key, State> m_active;
    QTimer m_expiryTimer;
};

} // namespace natter::server
