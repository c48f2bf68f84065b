#pragma once
// Reading conversations: the caller's conversation list and history pages. Fetching a page
// moves the caller's delivered position (the messages have reached one of their sockets).

#include "interfaces/caller.h"
#include "outcome.h"
#include "presenceservice.h"
#include "receiptservice.h"
#include "requests.h"
#include "store/chatstore.h"

namespace natter::server {

struct HistoryPage
{
    QList<Message> messages; // newest first
    bool hasMore = false;
};

class ConversationService final
{
public:
    ConversationService(ChatStore &store, PresenceService &presence, ReceiptService &receipts)
        : m_store(store), m_presence(presence), m_receipts(receipts)
    {}
    Q_DISABLE_COPY_MOVE(ConversationService)

    Outcome<QList<Conversation>> conversations(const Caller &caller);
    Outcome<HistoryPage> history(const Caller &caller, const HistoryRequest &request);

private:
    ChatStore &m_store;
    PresenceService &m_presence;
    ReceiptService &m_receipts;
};

} // namespace natter::server
