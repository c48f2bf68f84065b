#include "conversationdirectory.h"

namespace natter::server {

StoreResult<Membership> ConversationDirectory::membership(qint64 conversationId, qint64 userId)
{
    using R = StoreResult<Membership>;
    const auto it = m_participants.constFind(conversationId);
    if (it != m_participants.constEnd()) {
        if (it->first == userId)
            return R::success(Membership{false, it->second, GroupRole::Member, 0});
        if (it->second == userId)
            return R::success(Membership{false, it->first, GroupRole::Member, 0});
        return R::fail(StoreFailure::NotFound);
    }
    auto member = m_store.membership(conversationId, userId);
    if (member.ok() && !member.value.group)
        remember(conversationId, userId, member.value.peerId);
    return member;
}

StoreResult<QList<qint64>> ConversationDirectory::audience(qint64 conversationId)
{
    const auto it = m_participants.constFind(conversationId);
    if (it != m_participants.constEnd())
        return StoreResult<QList<qint64>>::success({it->first, it->second});
    return m_store.memberIds(conversationId);
}

void ConversationDirectory::remember(qint64 conversationId, qint64 userA, qint64 userB)
{
    // Bounded: a long-running server with many conversations just starts over.
    if (m_participants.size() > 100'000)
        m_participants.clear();
    m_participants.insert(conversationId, qMakePair(userA, userB));
}

} // namespace natter::server
