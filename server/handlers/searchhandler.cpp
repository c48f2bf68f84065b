#include "searchhandler.h"

#include "handlersupport.h"
#include "services/conversationservice.h"

namespace natter::server {
namespace {

// What a search costs from the read budget at least, in characters: about the reply of a
// full page, so that searches that find nothing cannot be fired without limit.
constexpr qint64 kSearchMinimumCost = 16 * 1024;

} // namespace

void registerSearchHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    ConversationService &conversations = *services.conversations;
    registry.add(protocol::RequestType::Search, [&conversations](ClientSession &session,
                                                                 const codec::Request &request) {
        const auto decoded = decodeRequest<SearchRequest>(session, request);
        if (!decoded || !session.mayRead(request.id))
            return;
        const Outcome<SearchPage> page = conversations.search(session.caller(), *decoded);
        if (!page.ok())
            return session.replyError(request.id, *page.error);
        session.replyRead(request.id,
                          SearchReply{page.value.messages, page.value.hasMore,
                                      page.value.nextBefore, page.value.total,
                                      page.value.totalExact}
                              .toJson(),
                          kSearchMinimumCost);
    });
}

} // namespace natter::server
