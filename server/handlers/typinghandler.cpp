#include "typinghandler.h"

#include "handlersupport.h"
#include "services/typingservice.h"

namespace natter::server {

void registerTypingHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    TypingService &typing = *services.typing;
    registry.add(protocol::RequestType::Typing,
                 [&typing](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<TypingRequest>(session, request);
                     if (!decoded)
                         return;
                     answer(session, request.id, typing.typing(session.caller(), *decoded),
                            [](bool) { return TypingReply{}; });
                 });
}

} // namespace natter::server
