#include "historyhandler.h"

#include "handlersupport.h"
#include "services/conversationservice.h"

namespace natter::server {

void registerHistoryHandlers(HandlerRegistry &registry, const ServiceSet &services)
{
    ConversationService &conversations = *services.conversations;
    registry.add(protocol::RequestType::Conversations,
                 [&conversations](ClientSession &session, const codec::Request &request) {
                     answer(
                         session, request.id, conversations.conversations(session.caller()),
                         [](const QList<Conversation> &list) { return ConversationsReply{list}; });
                 });
    registry.add(protocol::RequestType::History, [&conversations](ClientSession &session,
                                                                  const codec::Request &request) {
        const auto decoded = decodeRequest<HistoryRequest>(session, request);
        if (!decoded || !session.mayRead(request.id))
            return;
        const Outcome<HistoryPage> page = conversations.history(session.caller(), *decoded);
        if (!page.ok())
            return session.replyError(request.id, *page.error);
        session.replyRead(
            request.id,
            HistoryReply{page.value.messages, page.value.hasMore, page.value.hasNewer}.toJson());
    });
}

} // namespace natter::server
