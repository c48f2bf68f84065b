#include "historyhandler.h"

#include "handlersupport.h"
#include "services/conversationservice.h"

namespace natter::server {

void registerHistoryHandlers(HandlerRegistry &registry, const ServiceSet &services)
{
    ConversationService &conversations = *services.conversations;
    registry.add(
        protocol::RequestType::Conversations,
        [&conversations](ClientSession &session, const codec::Request &request) {
            answer(session, request.id, conversations.conversations(session.caller()),
                   [](const QList<Conversation> &list) {
                       return QJsonObject{{QStringLiteral("conversations"), toJsonArray(list)}};
                   });
        });
    registry.add(protocol::RequestType::History, [&conversations](ClientSession &session,
                                                                  const codec::Request &request) {
        const auto decoded = decodeRequest<HistoryRequest>(session, request);
        if (!decoded)
            return;
        answer(session, request.id, conversations.history(session.caller(), *decoded),
               [](const HistoryPage &page) {
                   return QJsonObject{{QStringLiteral("messages"), toJsonArray(page.messages)},
                                      {QStringLiteral("has_more"), page.hasMore}};
               });
    });
}

} // namespace natter::server
