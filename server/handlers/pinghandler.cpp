#include "pinghandler.h"

namespace natter::server {

void registerPingHandler(HandlerRegistry &registry, const ServiceSet &)
{
    registry.add(
        protocol::RequestType::Ping,
        [](ClientSession &session, const codec::Request &request) { session.replyOk(request.id); });
}

} // namespace natter::server
