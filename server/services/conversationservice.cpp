#include "conversationservice.h"

#include <algorithm>

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

namespace {

template <typename T>
Outcome<HistoryPage> notFound(const StoreResult<T> &result, const QString &field)
{
    return Outcome<HistoryPage>::failure(
        storeError(result, QStringLiteral("no such conversation"), field));
}

} // namespace

Outcome<HistoryPage> ConversationService::history(const Caller &caller,
                                                  const HistoryRequest &request)
{
    if (request.after > 0 || request.fromStart) // after 0: from the first message
        return historyAfter(caller, request);
    if (request.around > 0)
        return historyAround(caller, request);
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

StoreResult<bool> ConversationService::hasOlder(const Caller &caller, qint64 conversationId,
                                                qint64 id)
{
    const auto older = m_store.history(caller.userId, conversationId, id, 1);
    if (!older.ok())
        return StoreResult<bool>::fail(older.failure, older.detail);
    return StoreResult<bool>::success(!older.value.isEmpty());
}

Outcome<HistoryPage> ConversationService::historyAfter(const Caller &caller,
                                                       const HistoryRequest &request)
{
    auto newer = m_store.historyAfter(caller.userId, request.conversationId, request.after,
                                      request.limit + 1);
    if (!newer.ok())
        return notFound(newer, QStringLiteral("conversation_id"));
    HistoryPage out;
    out.hasNewer = newer.value.size() > request.limit;
    if (*out.hasNewer)
        newer.value.resize(request.limit);
    std::reverse(newer.value.begin(), newer.value.end());
    out.messages = std::move(newer.value);
    const auto older =
        hasOlder(caller, request.conversationId,
                 out.messages.isEmpty() ? request.after + 1 : out.messages.last().id);
    if (!older.ok())
        return notFound(older, QStringLiteral("conversation_id"));
    out.hasMore = older.value;
    return Outcome<HistoryPage>::success(std::move(out));
}

Outcome<HistoryPage> ConversationService::historyAround(const Caller &caller,
                                                        const HistoryRequest &request)
{
    // The message itself must be one the caller sees in this conversation.
    const auto target = m_store.message(request.around);
    if (!target.ok() || target.value.conversationId != request.conversationId) {
        if (target.ok() || target.failure == StoreFailure::NotFound)
            return Outcome<HistoryPage>::failure(ProtocolError::make(
                ErrorCode::NotFound, QStringLiteral("no such message"), QStringLiteral("around")));
        return notFound(target, QStringLiteral("around"));
    }
    // The target and the older half, newest first; then the newer half above it.
    const int olderCount = (request.limit + 1) / 2;
    const int newerCount = request.limit - olderCount;
    auto older =
        m_store.history(caller.userId, request.conversationId, request.around + 1, olderCount + 1);
    if (!older.ok())
        return notFound(older, QStringLiteral("conversation_id"));
    auto newer =
        m_store.historyAfter(caller.userId, request.conversationId, request.around, newerCount + 1);
    if (!newer.ok())
        return notFound(newer, QStringLiteral("conversation_id"));
    if (older.value.isEmpty() || older.value.first().id != request.around)
        return Outcome<HistoryPage>::failure(ProtocolError::make(
            ErrorCode::NotFound, QStringLiteral("no such message"), QStringLiteral("around")));
    HistoryPage out;
    out.hasMore = older.value.size() > olderCount;
    if (out.hasMore)
        older.value.resize(olderCount);
    out.hasNewer = newer.value.size() > newerCount;
    if (*out.hasNewer)
        newer.value.resize(newerCount);
    std::reverse(newer.value.begin(), newer.value.end());
    out.messages = std::move(newer.value);
    out.messages.append(older.value);
    return Outcome<HistoryPage>::success(std::move(out));
}

Outcome<SearchPage> ConversationService::search(const Caller &caller, const SearchRequest &request)
{
    SearchScope scope;
    scope.userId = caller.userId;
    scope.conversationId = request.conversationId;
    scope.senderId = request.senderId;
    scope.afterTime = request.afterTime;
    scope.beforeTime = request.beforeTime;
    scope.before = request.before;
    scope.limit = request.limit;
    scope.terms = request.terms;
    auto page = m_store.search(scope);
    if (!page.ok())
        return Outcome<SearchPage>::failure(storeError(page, QStringLiteral("no such conversation"),
                                                       QStringLiteral("conversation_id")));
    return Outcome<SearchPage>::success(std::move(page.value));
}

} // namespace natter::server
