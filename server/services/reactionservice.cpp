#include "reactionservice.h"

#include "codec.h"

#include <QDateTime>

namespace natter::server {

Outcome<Reaction> ReactionService::react(const Caller &caller, const ReactRequest &request)
{
    using O = Outcome<Reaction>;
    const QString field = QStringLiteral("message_id");
    const QString missing = QStringLiteral("no such message");
    const auto target = m_store.message(request.messageId);
    if (!target.ok())
        return O::failure(storeError(target, missing, field));
    const auto member = m_directory.membership(target.value.conversationId, caller.userId);
    if (!member.ok()) // not a participant: indistinguishable from a missing message
        return O::failure(storeError(member, missing, field));
    if (target.value.id < member.value.joinedFrom) // a group's, from before they joined
        return O::failure(ProtocolError::make(ErrorCode::NotFound, missing, field));
    if (target.value.deleted)
        return O::failure(ProtocolError::make(
            ErrorCode::Conflict, QStringLiteral("a deleted message takes no reactions"), field));

    const auto change = m_store.setReaction(caller.userId, request.messageId, request.emoji,
                                            request.on, QDateTime::currentMSecsSinceEpoch());
    if (!change.ok())
        return O::failure(storeError(change, missing, field));
    Reaction reaction;
    reaction.conversationId = change.value.message.conversationId;
    reaction.messageId = request.messageId;
    reaction.userId = caller.userId;
    reaction.emoji = request.emoji;
    reaction.on = request.on;
    reaction.reactions = change.value.message.reactions;
    reaction.rev = change.value.message.rev;
    if (change.value.changed) {
        // Everyone in the conversation, the reacting user's other sockets too.
        const QString frame = codec::encodeEvent(ReactionEvent{reaction});
        const auto audience = m_directory.audience(reaction.conversationId);
        for (const qint64 user : audience.value) // empty when unknown: the change is stored
            m_sink.sendToUser(user, frame, user == caller.userId ? caller.connection : 0);
    }
    return O::success(reaction);
}

} // namespace natter::server
