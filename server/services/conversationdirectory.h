#pragma once
// Who takes part in which conversation. The participants of a 1:1 conversation never
// change, so answers are cached: typing and receipts check membership without a query.

#include "store/chatstore.h"

#include <QHash>
#include <QPair>

namespace natter::server {

class ConversationDirectory final
{
public:
    explicit ConversationDirectory(ChatStore &store) : m_store(store) {}
    Q_DISABLE_COPY_MOVE(ConversationDirectory)

    // The other participant; NotFound when the conversation does not exist or `userId` is
    // not one of its participants.
    StoreResult<qint64> peerOf(qint64 conversationId, qint64 userId);
    void remember(qint64 conversationId, qint64 userA, qint64 userB);

private:
    ChatStore &m_store;
    QHash<qint64, QPair<qint64, qint64>> m_participants;
};

} // namespace natter::server
