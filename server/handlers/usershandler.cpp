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
                     if (!decoded)
                         return;
                     answer(session, request.id, users.users(session.caller(), *decoded),
                            [](const QList<User> &list) {
                                return QJsonObject{{QStringLiteral("users"), toJsonArray(list)}};
                            });
                 });
}

} // namespace natter::server
