#pragma once
// The user directory: who can be written to, with online flags.

#include "interfaces/caller.h"
#include "outcome.h"
#include "presenceservice.h"
#include "requests.h"
#include "store/chatstore.h"

namespace natter::server {

class UserService final
{
public:
    UserService(ChatStore &store, PresenceService &presence) : m_store(store), m_presence(presence)
    {}
    Q_DISABLE_COPY_MOVE(UserService)

    // Sorted by username, excluding the caller, at most request.limit.
    Outcome<QList<User>> users(const Caller &caller, const UsersRequest &request);

private:
    ChatStore &m_store;
    PresenceService &m_presence;
};

} // namespace natter::server
