#include "reactionhandler.h"

#include "handlersupport.h"
#include "services/reactionservice.h"

namespace natter::server {

void registerReactionHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    ReactionService &reactions = *services.reactions;
    registry.add(protocol::RequestType::React,
                 [&reactions](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<ReactRequest>(session, request);
                     if (!decoded)
                         return;
                     answer(session, request.id, reactions.react(session.caller(), *decoded),
                            [](const Reaction &reaction) { return ReactReply{reaction}; });
                 });
}

} // namespace natter::server
