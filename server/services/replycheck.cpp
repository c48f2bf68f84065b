#include "replycheck.h"

#include "outcome.h"

namespace natter::server {

std::optional<ProtocolError> replyTargetError(ChatStore &store, ConversationDirectory &directory,
                                              qint64 senderId, qint64 replyTo,
                                              qint64 conversationId, qint64 to)
{
    const QString field = QStringLiteral("reply_to");
    const QString missing = QStringLiteral("no such message to reply to");
    const auto target = store.message(replyTo);
    if (!target.ok())
        return storeError(target, missing, field);
    const auto member = directory.membership(target.value.conversationId, senderId);
    if (!member.ok())
        return storeError(member, missing, field);
    const bool sameConversation = conversationId > 0
                                      ? target.value.conversationId == conversationId
                                      : !member.value.group && member.value.peerId == to;
    if (!sameConversation || target.value.id < member.value.joinedFrom)
        return ProtocolError::make(ErrorCode::NotFound, missing, field);
    return std::nullopt;
}

} // namespace natter::server
