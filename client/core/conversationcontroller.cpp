#include "conversationcontroller.h"

#include "clientid.h"
#include "localcache.h"
#include "peoplecontroller.h"
#include "protocollimits.h"
#include "replies.h"
#include "requests.h"
#include "serverconnection.h"
#include "sessioncontroller.h"

#include <QDateTime>

namespace natter::client {

using protocol::RequestType;

ConversationController::ConversationController(ServerConnection &connection,
                                               const SessionController &session,
                                               PeopleController &people, Outbox &outbox,
                                               QObject *parent)
    : QObject(parent), m_connection(connection), m_session(session), m_people(people),
      m_outbox(outbox)
{
    // Groups say who wrote what; the names come from the members lists (GroupController).
    const auto nameOf = [this](qint64 userId) { return m_people.peerName(userId); };
    m_conversations.setNameLookup(nameOf);
    m_messages.setNameLookup(nameOf);
}

void ConversationController::refreshConversations()
{
    m_connection.request(RequestType::Conversations, {},
                         [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             ProtocolError bad;
                             auto r = e ? std::nullopt : ConversationsReply::fromJson(reply, &bad);
                             if (!r)
                                 return report(e ? *e : bad);
                             for (Conversation &c : r->conversations) {
                                 c.peer.online = m_people.isOnline(c.peer.id);
                                 m_people.rememberName(c.peer.id, c.peer.username);
                             }
                             m_conversations.setConversations(r->conversations);
                             if (m_cache)
                                 m_cache->putConversations(r->conversations);
                             if (const Conversation *c = m_conversations.find(openConversationId()))
                                 m_messages.setPeerReceipt(c->peerReadUpTo, c->peerDeliveredUpTo);
                         });
}

void ConversationController::showCachedConversations()
{
    if (!m_cache)
        return;
    QList<Conversation> cached = m_cache->conversations();
    for (const Conversation &c : std::as_const(cached))
        m_people.rememberName(c.peer.id, c.peer.username);
    m_conversations.setConversations(cached);
}

void ConversationController::cacheConversation(qint64 conversationId)
{
    if (!m_cache)
        return;
    if (const Conversation *c = m_conversations.find(conversationId))
        m_cache->putConversation(*c);
}

void ConversationController::applyNewMessage(const Message &message, bool live)
{
    // Only what joins the loaded run of messages goes into the model. After a jump the newest
    // ones are not loaded: a new one would leave a gap above it. A message older than the
    // oldest loaded one (a first catch-up brings a long history oldest first) would leave a
    // gap below it: paging up brings it, from the cache.
    const qint64 oldest = m_messages.oldestId();
    const bool olderThanLoaded = m_hasOlder && oldest > 0 && message.id < oldest;
    const bool newerThanLoaded = m_hasNewer && message.id > m_messages.newestId();
    if (!olderThanLoaded && !newerThanLoaded) {
        m_messages.upsert(message);
        // New messages at the end do not grow the loaded run past its size either (the
        // catch-up of a 100,000-message conversation that is open kept them all).
        if (m_messages.rowCount() > m_keepLoaded + limits::kDefaultHistoryPage &&
            m_messages.dropOldestBeyond(m_keepLoaded) > 0)
            m_hasOlder = true;
    }
    if (m_cache)
        m_cache->putMessage(message);
    if (!m_conversations.applyMessage(message, message.senderId != m_session.currentUser().id &&
                                                   !message.deleted))
        refreshConversations(); // a conversation this client does not know yet
    else
        cacheConversation(message.conversationId);
    emit messageApplied(message);
    if (live && message.senderId != m_session.currentUser().id)
        emit messageArrived(message.conversationId, m_people.peerName(message.senderId),
                            message.content);
}

void ConversationController::applyReceipt(const Receipt &receipt)
{
    m_conversations.applyReceipt(receipt);
    cacheConversation(receipt.conversationId);
    if (receipt.conversationId == openConversationId() &&
        receipt.userId != m_session.currentUser().id)
        m_messages.setPeerReceipt(receipt.readUpTo, receipt.deliveredUpTo);
}

void ConversationController::openConversation(qint64 conversationId)
{
    const Conversation *c = m_conversations.find(conversationId);
    if (!c)
        return;
    endJump();
    setReplyTo(0);
    m_messages.open(c->id, m_session.currentUser(), c->peer);
    m_messages.setPeerReceipt(c->peerReadUpTo, c->peerDeliveredUpTo);
    m_messages.setUnreadBoundary(c->unread > 0 ? c->readUpTo : 0); // "New messages" line
    m_hasOlder = true;
    if (m_cache) // shown at once, offline too; the server's newest page merges in
        m_messages.prependPage(m_cache->messagesBefore(c->id, 0, limits::kDefaultHistoryPage));
    emit conversationOpened(c->id, c->group ? c->name : c->peer.username);
    loadNewestPage();
}

bool ConversationController::isPeerOnline(qint64 userId) const
{
    if (m_people.isOnline(userId))
        return true;
    // A contact's absence from the online list is news; a stranger is never in it.
    return !m_conversations.findByPeer(userId) && m_people.wasOnlineInDirectory(userId);
}

void ConversationController::startConversationWith(qint64 userId, const QString &username)
{
    if (userId == m_session.currentUser().id)
        return;
    if (const Conversation *c = m_conversations.findByPeer(userId))
        return openConversation(c->id);
    m_people.rememberName(userId, username);
    endJump();
    m_messages.open(0, m_session.currentUser(), User{userId, username, isPeerOnline(userId)});
    m_hasOlder = false;
    for (const PendingMessage &p : m_outbox.messages()) {
        if (p.conversationId == 0 && p.to == userId)
            m_messages.addPending(p);
    }
    emit conversationOpened(0, username);
}

void ConversationController::loadNewestPage()
{
    const qint64 conversation = openConversationId();
    const quint64 serial = m_jumpSerial;
    m_connection.request(
        RequestType::History, HistoryRequest{conversation, 0, limits::kDefaultHistoryPage}.toJson(),
        [this, conversation, serial](const QJsonObject &reply,
                                     const std::optional<ProtocolError> &e) {
            const auto page = e ? std::nullopt : HistoryReply::fromJson(reply, nullptr);
            if (page && m_cache)
                m_cache->putMessages(page->messages);
            // A jump since: the page belongs to what was shown before it.
            if (!page || conversation != openConversationId() || serial != m_jumpSerial)
                return;
            // Newest page: new ones are merged in order, older ones prepended.
            for (auto it = page->messages.crbegin(); it != page->messages.crend(); ++it) {
                if (m_messages.oldestId() == 0 || it->id > m_messages.oldestId())
                    m_messages.upsert(*it);
            }
            m_messages.prependPage(page->messages);
            m_hasOlder = page->hasMore;
            addOutboxMessages(conversation);
        });
}

void ConversationController::loadOlderMessages()
{
    const qint64 conversation = openConversationId();
    if (conversation == 0 || m_loadingOlder || !m_hasOlder || m_messages.oldestId() == 0)
        return;
    if (m_cache) {
        // Everything older is in the cache once its sync passed the oldest shown message: no
        // server needed. Before (a first catch-up under way): the server, or while it is down
        // what the cache has.
        const bool complete = m_messages.oldestId() <= m_cache->completeUpToId() + 1;
        const QList<Message> cached = m_cache->messagesBefore(conversation, m_messages.oldestId(),
                                                              limits::kDefaultHistoryPage);
        if (complete || (!cached.isEmpty() && m_connection.state() != ConnectionState::Connected)) {
            if (complete && cached.size() < limits::kDefaultHistoryPage)
                m_hasOlder = false; // the first message is shown
            const int before = m_messages.rowCount();
            m_messages.prependPage(cached);
            const int added = m_messages.rowCount() - before;
            forgetNewestBeyondKeep();
            emit olderMessagesLoaded(added);
            return;
        }
    }
    m_loadingOlder = true;
    const quint64 serial = m_jumpSerial;
    m_connection.request(
        RequestType::History,
        HistoryRequest{conversation, m_messages.oldestId(), limits::kDefaultHistoryPage}.toJson(),
        [this, conversation, serial](const QJsonObject &reply,
                                     const std::optional<ProtocolError> &e) {
            m_loadingOlder = false;
            const auto page = e ? std::nullopt : HistoryReply::fromJson(reply, nullptr);
            if (page && m_cache)
                m_cache->putMessages(page->messages);
            if (!page || conversation != openConversationId() || serial != m_jumpSerial)
                return;
            m_hasOlder = page->hasMore;
            const int before = m_messages.rowCount();
            m_messages.prependPage(page->messages);
            const int added = m_messages.rowCount() - before;
            forgetNewestBeyondKeep();
            emit olderMessagesLoaded(added);
        });
}

void ConversationController::sendMessage(const QString &text)
{
    if (openPeerId() == 0)
        return;
    if (m_hasNewer)
        jumpToLatest(); // what is written goes below the newest messages: show them
    PendingMessage p;
    p.clientId = newClientId();
    p.conversationId = openConversationId();
    p.to = openPeerId();
    p.content = text;
    p.createdAt = QDateTime::currentMSecsSinceEpoch();
    p.replyTo = m_replyTo;
    setReplyTo(0);
    m_outbox.add(p);
    m_messages.addPending(p);
    emit messageQueued(p); // stops typing, then goes out
}

void ConversationController::editMessage(qint64 messageId, const QString &text)
{
    m_connection.request(RequestType::Edit, EditRequest{messageId, text}.toJson(),
                         [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             if (e)
                                 return report(*e);
                             if (const auto edited = EditReply::fromJson(reply, nullptr)) {
                                 emit revSeen(edited->message.rev);
                                 applyUpdatedMessage(edited->message);
                             }
                         });
}

void ConversationController::deleteMessage(qint64 messageId, bool forEveryone)
{
    DeleteRequest request{messageId,
                          forEveryone ? DeleteRequest::Scope::Everyone : DeleteRequest::Scope::Me};
    m_connection.request(
        RequestType::Delete, request.toJson(),
        [this, messageId, forEveryone](const QJsonObject &, const std::optional<ProtocolError> &e) {
            if (e)
                return report(*e);
            if (!forEveryone)
                applyHidden(messageId);
            // For everyone: the message_updated event updates both sides.
        });
}

void ConversationController::requestEditHistory(
    qint64 messageId, std::function<void(const QList<EditRecord> &)> handler)
{
    m_connection.request(
        RequestType::EditHistory, EditHistoryRequest{messageId}.toJson(),
        [this, handler](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            ProtocolError bad;
            const auto r = e ? std::nullopt : EditHistoryReply::fromJson(reply, &bad);
            if (!r)
                return report(e ? *e : bad);
            handler(r->edits);
        });
}

void ConversationController::markOpenConversationRead()
{
    const Conversation *c = m_conversations.find(openConversationId());
    const qint64 newest = m_messages.newestId();
    if (!c || newest == 0 || (newest <= c->readUpTo && c->unread == 0))
        return;
    sendRead(c->id, newest);
}

void ConversationController::sendRead(qint64 conversationId, qint64 upTo)
{
    // Kept until the server has it: a read made while offline goes again after the next
    // sign-in, or the unread badge would come back with the reconnect.
    m_pendingReads.insert(conversationId, qMax(upTo, m_pendingReads.value(conversationId)));
    m_connection.request(
        RequestType::Read, ReadRequest{conversationId, upTo}.toJson(),
        [this, conversationId, upTo](const QJsonObject &reply,
                                     const std::optional<ProtocolError> &e) {
            if (e && (e->code == ErrorCode::Unavailable || e->code == ErrorCode::RateLimited))
                return; // offline, or not now: flushPendingReads() sends it again
            if (m_pendingReads.value(conversationId) == upTo)
                m_pendingReads.remove(conversationId);
            if (e)
                return;
            if (const auto r = ReadReply::fromJson(reply, nullptr)) {
                emit revSeen(r->receipt.rev); // as the receipt event would
                applyReceipt(r->receipt);
            }
        });
}

void ConversationController::flushPendingReads()
{
    const QHash<qint64, qint64> reads = m_pendingReads;
    for (auto it = reads.cbegin(); it != reads.cend(); ++it)
        sendRead(it.key(), it.value());
}

void ConversationController::applyUpdatedMessage(const Message &message)
{
    m_messages.update(message);
    if (m_cache)
        m_cache->putMessage(message);
    if (m_conversations.applyMessage(message, false))
        cacheConversation(message.conversationId);
    emit messageApplied(message);
}

void ConversationController::applyHidden(qint64 messageId)
{
    m_messages.hide(messageId);
    if (m_cache)
        m_cache->removeMessage(messageId);
}

void ConversationController::resumeSession()
{
    flushPendingReads();
    if (openConversationId() > 0 && !m_hasNewer)
        loadNewestPage();
}

void ConversationController::forgetConversations()
{
    m_pendingReads.clear();
    m_conversations.clear();
}

} // namespace natter::client
