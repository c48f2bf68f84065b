#include "reactioncontroller.h"

#include "conversationcontroller.h"
#include "errortext.h"
#include "serverconnection.h"

namespace natter::client {

ReactionController::ReactionController(ServerConnection &connection,
                                       ConversationController &conversations, QObject *parent)
    : QObject(parent), m_connection(connection), m_conversations(conversations)
{}

void ReactionController::react(qint64 messageId, const QString &emoji, bool on)
{
    const ReactRequest request{messageId, emoji, on};
    m_connection.request(protocol::RequestType::React, request.toJson(),
                         [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             if (e)
                                 return emit errorOccurred(errorText(*e));
                             if (const auto r = ReactReply::fromJson(reply, nullptr))
                                 applyReaction(r->reaction);
                         });
}

void ReactionController::applyReaction(const Reaction &reaction)
{
    if (reaction.conversationId == m_conversations.openConversationId())
        m_conversations.messages()->setReactions(reaction.messageId, reaction.reactions,
                                                 reaction.rev);
}

} // namespace natter::client
