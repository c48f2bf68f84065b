#pragma once
// Read and delivered positions. A position that moved is stored and pushed as a `receipt`
// event to both participants' sockets (in a group: every current member's). A delivered position
// moves only over messages that were written to a socket of the recipient (here, or reported by the
// EventSink when another instance pushed them) or that the recipient fetched (history, sync).

#include "conversationdirectory.h"
#include "interfaces/caller.h"
#include "interfaces/eventsink.h"
#include "outcome.h"
#include "requests.h"
#include "store/chatstore.h"

namespace natter::server {

class ReceiptService final
{
public:
    ReceiptService(ChatStore &store, ConversationDirectory &directory, EventSink &sink);
    ~ReceiptService();
    Q_DISABLE_COPY_MOVE(ReceiptService)

    // Moves the caller's read position forward (clamped by the store) and returns the
    // caller's receipt as it now stands.
    Outcome<Receipt> read(const Caller &caller, const ReadRequest &request);
    // Moves `userId`'s delivered position forward to `upTo`; best effort (failures are
    // logged: the next history/sync moves it again).
    void markDelivered(qint64 conversationId, qint64 userId, qint64 upTo);
    // The same for many conversations in one store transaction (group commit, sync).
    void markDeliveredAll(const QList<ChatStore::DeliveryMark> &marks);

    // Sends a receipt that moved to the conversation's audience (both participants, or a
    // group's members).
    void announce(const Receipt &receipt);
    // The same for a 1:1 receipt whose peer is known (the store moved it in a larger
    // transaction, e.g. a group commit of messages).
    void announce(const Receipt &receipt, qint64 peerId);

private:
    void markPushed(const QList<PushedMessage> &pushed);

    ChatStore &m_store;
    ConversationDirectory &m_directory;
    EventSink &m_sink;
};

} // namespace natter::server
