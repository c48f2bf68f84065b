// ConversationController, continued: opening a conversation at a message (a search hit) and
// paging from there in both directions; and at its first message.
#include "conversationcontroller.h"

#include "localcache.h"
#include "protocollimits.h"
#include "replies.h"
#include "requests.h"
#include "serverconnection.h"
#include "sessioncontroller.h"

namespace natter::client {

using protocol::RequestType;

namespace {

bool isLoaded(const MessageListModel &messages, qint64 messageId)
{
    for (int row = messages.rowCount() - 1; row >= 0; --row) {
        if (messages.index(row).data(MessageListModel::IdRole).toLongLong() == messageId)
            return true;
    }
    return false;
}

} // namespace

void ConversationController::endJump()
{
    ++m_jumpSerial;
    m_loadingNewer = false;
    setHasNewer(false);
}

void ConversationController::forgetNewestBeyondKeep()
{
    // The newest rows go from memory while the reader is far up a long history; from then
    // on it is as after a jump: paging down or the jump button brings them back, and live
    // messages wait on the server meanwhile.
    if (m_messages.dropNewestBeyond(m_keepLoaded) > 0)
        setHasNewer(true);
}

void ConversationController::setHasNewer(bool exist)
{
    if (exist == m_hasNewer)
        return;
    m_hasNewer = exist;
    emit newerMessagesChanged(exist);
}

void ConversationController::addOutboxMessages(qint64 conversationId)
{
    for (const PendingMessage &p : m_outbox.messages()) {
        if (p.conversationId == conversationId)
            m_messages.addPending(p);
    }
    for (const PendingMessage &p : m_uploading) {
        if (p.conversationId == conversationId)
            m_messages.addPending(p);
    }
}

void ConversationController::openConversationAt(qint64 conversationId, qint64 messageId)
{
    if (conversationId == openConversationId() && isLoaded(m_messages, messageId))
        return emit messageFocused(messageId); // already here: no page needed
    HistoryRequest request{conversationId, 0, limits::kDefaultHistoryPage};
    request.around = messageId;
    jump(request, messageId);
}

void ConversationController::openConversationAtStart(qint64 conversationId)
{
    if (conversationId == openConversationId() && !m_hasOlder && m_messages.rowCount() > 0)
        return emit messageFocused(
            m_messages.index(0).data(MessageListModel::IdRole).toLongLong()); // loaded already
    HistoryRequest request{conversationId, 0, limits::kDefaultHistoryPage};
    request.fromStart = true;
    jump(request, 0);
}

void ConversationController::jump(const HistoryRequest &request, qint64 focusId)
{
    const qint64 conversationId = request.conversationId;
    const Conversation *c = m_conversations.find(conversationId);
    if (!c)
        return emit errorOccurred(tr("That conversation is not in your list any more."));
    endJump();
    const quint64 serial = m_jumpSerial;
    m_messages.open(c->id, m_session.currentUser(), c->peer);
    m_messages.setPeerReceipt(c->peerReadUpTo, c->peerDeliveredUpTo);
    m_hasOlder = true;
    setHasNewer(true); // until the page says otherwise: nothing live is appended meanwhile
    emit conversationOpened(c->id, c->group ? c->name : c->peer.username);
    m_connection.request(
        RequestType::History, request.toJson(),
        [this, serial, conversationId, focusId](const QJsonObject &reply,
                                                const std::optional<ProtocolError> &e) {
            if (serial != m_jumpSerial || conversationId != openConversationId())
                return; // another conversation or jump came first
            ProtocolError bad;
            const auto page = e ? std::nullopt : HistoryReply::fromJson(reply, &bad);
            if (!page) {
                report(e ? *e : bad);
                return openConversation(conversationId); // at least the newest messages
            }
            if (m_cache)
                m_cache->putMessages(page->messages);
            m_messages.prependPage(page->messages);
            m_hasOlder = page->hasMore;
            setHasNewer(page->hasNewer.value_or(false));
            if (!m_hasNewer)
                addOutboxMessages(conversationId);
            // From the start: the oldest message of the page (listed newest first).
            const qint64 focus =
                focusId > 0 || page->messages.isEmpty() ? focusId : page->messages.last().id;
            if (focus > 0)
                emit messageFocused(focus);
        });
}

void ConversationController::loadNewerMessages()
{
    const qint64 conversation = openConversationId();
    if (conversation == 0 || m_loadingNewer || !m_hasNewer || m_messages.newestId() == 0)
        return;
    if (m_cache) {
        // Forgotten rows come back from the cache when it surely has the whole page (it is
        // below what the last sync completed) or the server is away.
        const QList<Message> cached = m_cache->messagesAfter(conversation, m_messages.newestId(),
                                                             limits::kDefaultHistoryPage);
        const bool complete = cached.size() == limits::kDefaultHistoryPage &&
                              cached.last().id <= m_cache->completeUpToId();
        if (complete || (!cached.isEmpty() && m_connection.state() != ConnectionState::Connected)) {
            const int before = m_messages.rowCount();
            for (const Message &m : cached)
                m_messages.upsert(m);
            const int added = m_messages.rowCount() - before;
            if (m_messages.dropOldestBeyond(m_keepLoaded) > 0)
                m_hasOlder = true;
            return emit newerMessagesLoaded(added); // more may follow: m_hasNewer stays
        }
    }
    m_loadingNewer = true;
    const quint64 serial = m_jumpSerial;
    HistoryRequest request{conversation, 0, limits::kDefaultHistoryPage};
    request.after = m_messages.newestId();
    m_connection.request(
        RequestType::History, request.toJson(),
        [this, serial, conversation](const QJsonObject &reply,
                                     const std::optional<ProtocolError> &e) {
            if (serial != m_jumpSerial || conversation != openConversationId())
                return;
            m_loadingNewer = false;
            ProtocolError bad;
            const auto page = e ? std::nullopt : HistoryReply::fromJson(reply, &bad);
            if (!page)
                return report(e ? *e : bad);
            if (m_cache)
                m_cache->putMessages(page->messages);
            const int before = m_messages.rowCount();
            for (auto it = page->messages.crbegin(); it != page->messages.crend(); ++it)
                m_messages.upsert(*it); // oldest first: each goes at the end
            setHasNewer(page->hasNewer.value_or(false));
            if (!m_hasNewer)
                addOutboxMessages(conversation);
            const int added = m_messages.rowCount() - before;
            if (m_messages.dropOldestBeyond(m_keepLoaded) > 0)
                m_hasOlder = true; // paged in again when the reader scrolls back up
            emit newerMessagesLoaded(added);
        });
}

void ConversationController::jumpToLatest()
{
    if (m_hasNewer && openConversationId() > 0)
        openConversation(openConversationId()); // the newest page, as when it was opened
}

} // namespace natter::client
