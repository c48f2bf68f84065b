#pragma once
// Reactions: a user sets or clears an emoji of the fixed set on a message they may see. The
// store keeps one row per (message, user, emoji) and gives the message a new rev; every
// participant's sockets (a group's current members', through the bus across instances) get a
// `reaction` event with the message's reactions after the change.

#include "conversationdirectory.h"
#include "interfaces/caller.h"
#include "interfaces/eventsink.h"
#include "outcome.h"
#include "reactionrequests.h"
#include "store/chatstore.h"

namespace natter::server {

class ReactionService final
{
public:
    ReactionService(ChatStore &store, ConversationDirectory &directory, EventSink &sink)
        : m_store(store), m_directory(directory), m_sink(sink)
    {}
    Q_DISABLE_COPY_MOVE(ReactionService)

    Outcome<Reaction> react(const Caller &caller, const ReactRequest &request);

private:
    ChatStore &m_store;
    ConversationDirectory &m_directory;
    EventSink &m_sink;
};

} // namespace natter::server
