#include "usershandler.h"

#include "handlersupport.h"
#include "services/userservice.h"

namespace natter::server {

void registerUsersHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    UserService &users = *services.users;
    registry.add(protocol::RequestType::Users,
                 [&users](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<UsersRequest>(session, request);
                     if (!decoded || !session.mayRead(request.id))
                         return;
                     const Outcome<QList<User>> list = users.users(session.caller(), *decoded);
                     if (!list.ok())
                         return session.replyError(request.id, *list.error);
                     session.replyRead(request.id, UsersReply{list.value}.toJson());
                 });
}

} // namespace natter::server
