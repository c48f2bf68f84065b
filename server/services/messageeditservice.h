#pragma once
// Changing sent messages: edit (history kept), delete for me, delete for everyone
// (tombstone), and reading the edit history. Only participants see a message at all; only
// its sender may change it for everyone.

#include "conversationdirectory.h"
#include "interfaces/caller.h"
#include "interfaces/eventsink.h"
#include "outcome.h"
#include "requests.h"
#include "store/chatstore.h"

namespace natter::server {

class MessageEditService final
{
public:
    MessageEditService(ChatStore &store, ConversationDirectory &directory, EventSink &sink)
        : m_store(store), m_directory(directory), m_sink(sink)
    {}
    Q_DISABLE_COPY_MOVE(MessageEditService)

    Outcome<Message> edit(const Caller &caller, const EditRequest &request);
    Outcome<bool> remove(const Caller &caller, const DeleteRequest &request);
    Outcome<QList<EditRecord>> editHistory(const Caller &caller, const EditHistoryRequest &request);

private:
    struct Visible
    {
        Message message;
        qint64 peerId = 0;
    };
    // The message, when the caller takes part in its conversation (NotFound otherwise).
    Outcome<Visible> visibleMessage(const Caller &caller, qint64 messageId);
    void announceUpdate(const Message &message, qint64 senderId, qint64 peerId);

    ChatStore &m_store;
    ConversationDirectory &m_directory;
    EventSink &m_sink;
};

} // namespace natter::server
