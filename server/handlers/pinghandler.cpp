#include "pinghandler.h"

#include "interfaces/clientsession.h"
#include "replies.h"

namespace natter::server {

void registerPingHandler(HandlerRegistry &registry, const ServiceSet &)
{
    registry.add(protocol::RequestType::Ping,
                 [](ClientSession &session, const codec::Request &request) {
                     session.replyOk(request.id, PingReply{}.toJson());
                 });
}

} // namespace natter::server
