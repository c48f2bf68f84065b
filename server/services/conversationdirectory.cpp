#include "conversationdirectory.h"

namespace natter::server {

StoreResult<qint64> ConversationDirectory::peerOf(qint64 conversationId, qint64 userId)
{
    const auto it = m_participants.constFind(conversationId);
    if (it != m_participants.constEnd()) {
        if (it->first == userId)
            return StoreResult<qint64>::success(it->second);
        if (it->second == userId)
            return StoreResult<qint64>::success(it->first);
        return StoreResult<qint64>::fail(StoreFailure::NotFound);
    }
    auto peer = m_store.peerOf(conversationId, userId);
    if (peer.ok())
        remember(conversationId, userId, peer.value);
    return peer;
}

void ConversationDirectory::remember(qint64 conversationId, qint64 userA, qint64 userB)
{
    // Bounded: a long-running server with many conversations just starts over.
    if (m_participants.size() > 100'000)
        m_participants.clear();
    m_participants.insert(conversationId, qMakePair(userA, userB));
}

} // namespace natter::server
