#pragma once
// Who takes part in which conversation. The participants of a 1:1 conversation never
// change, so answers are cached: typing and receipts check membership without a query. A
// group's members change (here or on another instance), so they are asked of the store.

#include "store/chatstore.h"

#include <QHash>
#include <QPair>

namespace natter::server {

class ConversationDirectory final
{
public:
    explicit ConversationDirectory(ChatStore &store) : m_store(store) {}
    Q_DISABLE_COPY_MOVE(ConversationDirectory)

    // NotFound when the conversation does not exist or `userId` is not (or no longer) one of
    // its participants.
    StoreResult<Membership> membership(qint64 conversationId, qint64 userId);
    // Who hears of what happens in the conversation: both participants of a 1:1, the current
    // members of a group.
    StoreResult<QList<qint64>> audience(qint64 conversationId);
    void remember(qint64 conversationId, qint64 userA, qint64 userB);

private:
    ChatStore &m_store;
    QHash<qint64, QPair<qint64, qint64>> m_participants; // 1:1 only
};

} // namespace natter::server
