#include "userservice.h"

namespace natter::server {

Outcome<QList<User>> UserService::users(const Caller &caller, const UsersRequest &request)
{
    // One extra, in case the caller is among them and is dropped.
    auto list = m_store.listUsers(request.query, request.limit + 1);
    if (!list.ok())
        return Outcome<QList<User>>::failure(storeError(list, QString()));
    QList<User> out;
    out.reserve(request.limit);
    for (User &user : list.value) {
        if (user.id == caller.userId)
            continue;
        if (out.size() == request.limit)
            break;
        user.online = m_presence.isOnline(user.id);
        out.append(std::move(user));
    }
    return Outcome<QList<User>>::success(std::move(out));
}

} // namespace natter::server
