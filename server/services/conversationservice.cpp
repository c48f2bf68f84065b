#include "conversationservice.h"

namespace natter::server {

Outcome<QList<Conversation>> ConversationService::conversations(const Caller &caller)
{
    auto list = m_store.conversationsFor(caller.userId);
    if (!list.ok())
        return Outcome<QList<Conversation>>::failure(storeError(list, QString()));
    for (Conversation &c : list.value)
        c.peer.online = m_presence.isOnline(c.peer.id);
    return Outcome<QList<Conversation>>::success(std::move(list.value));
}

Outcome<HistoryPage> ConversationService::history(const Caller &caller,
                                                  const HistoryRequest &request)
{
    // One more than asked tells whether older messages exist without a second query.
    auto page =
        m_store.history(caller.userId, request.conversationId, request.before, request.limit + 1);
    if (!page.ok())
        return Outcome<HistoryPage>::failure(storeError(
            page, QStringLiteral("no such conversation"), QStringLiteral("conversation_id")));
    HistoryPage out;
    out.messages = std::move(page.value);
    out.hasMore = out.messages.size() > request.limit;
    if (out.hasMore)
        out.messages.resize(request.limit);

    qint64 newestFromPeer = 0;
    for (const Message &m : std::as_const(out.messages)) {
        if (m.senderId != caller.userId)
            newestFromPeer = qMax(newestFromPeer, m.id);
    }
    if (newestFromPeer > 0)
        m_receipts.markDelivered(request.conversationId, caller.userId, newestFromPeer);
    return Outcome<HistoryPage>::success(std::move(out));
}

} // namespace natter::server
