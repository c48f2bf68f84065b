#pragma once
// Changing sent messages: edit (history kept), delete for me, delete for everyone
// (tombstone), and reading the edit history. Only participants see a message at all (in a
// group: current members, of what came after they joined); only its sender may change it for
// everyone, and nobody may edit or delete-for-everyone a system line.

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
    // The message, when the caller may see it (NotFound otherwise).
    Outcome<Message> visibleMessage(const Caller &caller, qint64 messageId);
    // Forbidden unless the caller sent it and it is not a system line.
    std::optional<ProtocolError> mayChange(const Caller &caller, const Message &message,
                                           const QString &what);
    void announceUpdate(const Message &message);

    ChatStore &m_store;
    ConversationDirectory &m_directory;
    EventSink &m_sink;
};

} // namespace natter::server
