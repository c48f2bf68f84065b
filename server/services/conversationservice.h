#pragma once
// Reading conversations: the caller's conversation list, history pages and search. Fetching
// the newest pages moves the caller's delivered position (the messages have reached one of
// their sockets).

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
    std::optional<bool> hasNewer; // asked with "after" or "around"
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
    Outcome<SearchPage> search(const Caller &caller, const SearchRequest &request);

private:
    // The pages below a message and centred on one (a jump to a search hit or a quote).
    Outcome<HistoryPage> historyAfter(const Caller &caller, const HistoryRequest &request);
    Outcome<HistoryPage> historyAround(const Caller &caller, const HistoryRequest &request);
    // Whether the user sees a message older than `id` in the conversation.
    StoreResult<bool> hasOlder(const Caller &caller, qint64 conversationId, qint64 id);

    ChatStore &m_store;
    PresenceService &m_presence;
    ReceiptService &m_receipts;
};

} // namespace natter::server
