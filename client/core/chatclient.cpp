#include "chatclient.h"

#include "events.h"
#include "protocollimits.h"
#include "replies.h"
#include "requests.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>

namespace natter::client {

using protocol::RequestType;

namespace {

// Live changes beyond the sync cursor are fetched again by a catch-up sync this long after
// the first of them, so the cursor follows in order and the sync after a reconnect stays
// short (at most about this much traffic), while a busy conversation costs one sync a period.
constexpr int kCatchUpDelayMs = 30'000;

bool isRetryable(ErrorCode code)
{
    return code == ErrorCode::Unavailable || code == ErrorCode::Internal ||
           code == ErrorCode::RateLimited || code == ErrorCode::Unauthorized;
}

} // namespace

ChatClient::ChatClient(ProfileSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings),
      m_outbox(QDir(settings.dataDir()).filePath(QStringLiteral("outbox.json"))),
      m_token(settings.token()), m_syncCursor(settings.lastRev())
{
    m_catchUp.setSingleShot(true);
    m_catchUp.setInterval(kCatchUpDelayMs);
    connect(&m_catchUp, &QTimer::timeout, this, &ChatClient::catchUp);
    connect(&m_connection, &ServerConnection::connected, this, &ChatClient::onConnected);
    connect(&m_connection, &ServerConnection::eventReceived, this, &ChatClient::onEvent);
    connect(&m_connection, &ServerConnection::connectionLost, this, [this](const QString &why) {
        m_inFlight.clear(); // unacked sends stay in the outbox and go again on reconnect
        if (!m_authenticated && m_action != AuthAction::None && m_action != AuthAction::Token)
            emit authenticationFailed(ProtocolError::make(
                ErrorCode::Unavailable, tr("Cannot reach the server: %1").arg(why)));
    });
    connect(&m_connection, &ServerConnection::untrustedCertificate, this,
            &ChatClient::untrustedCertificate);
    connect(&m_connection, &ServerConnection::signedOutByServer, this, [this]() {
        m_signOutReason = tr("You were signed out: this session was ended on the server "
                             "(signed out elsewhere, password changed, account disabled, or "
                             "the sign-in expired). Sign in again.");
        endSession();
    });
    m_peerTypingExpiry.setSingleShot(true);
    m_peerTypingExpiry.setInterval(limits::kTypingExpiryMs);
    connect(&m_peerTypingExpiry, &QTimer::timeout, this,
            [this]() { emit typingChanged(openConversationId(), peerName(openPeerId()), false); });
    connect(&m_userSearch, &UserSearch::found, this,
            [this](const QString &query, const QList<User> &users) {
                for (const User &u : users)
                    m_directoryOnline.insert(u.id, u.online);
                emit usersFound(query, users);
            });
    connect(&m_userSearch, &UserSearch::failed, this,
            [this](const QString &query, const ProtocolError &e) {
                // Offline, or signing in again after a reconnect, is no news (the connection
                // indicator says so); any other refusal is.
                if (e.code != ErrorCode::Unavailable && e.code != ErrorCode::Unauthorized)
                    report(e);
                emit userSearchFailed(query);
            });
}

ChatClient::~ChatClient()
{
    m_settings.sync();
}

void ChatClient::report(const ProtocolError &error)
{
    emit errorOccurred(error.message);
}

void ChatClient::signIn(const QUrl &server, const QString &username, const QString &password,
                        bool remember)
{
    startAuth(server, AuthAction::Login, username, password, remember);
}

void ChatClient::registerAccount(const QUrl &server, const QString &username,
                                 const QString &password, bool remember)
{
    startAuth(server, AuthAction::Register, username, password, remember);
}

bool ChatClient::resume()
{
    if (m_token.isEmpty())
        return false;
    startAuth(m_settings.serverUrl(), AuthAction::Token, m_settings.username(), {}, true);
    return true;
}

void ChatClient::startAuth(const QUrl &server, AuthAction action, const QString &username,
                           const QString &password, bool remember)
{
    m_action = action;
    m_signOutReason.clear();
    m_username = username;
    m_password = password;
    m_remember = remember;
    if (action != AuthAction::Token)
        m_token.clear();
    m_settings.setServerUrl(server);
    m_connection.setPinnedCertificate(m_settings.pinnedCertificate(server));
    m_connection.open(server);
}

void ChatClient::onConnected()
{
    QJsonObject fields;
    RequestType type = RequestType::Auth;
    if (!m_token.isEmpty()) {
        fields = AuthRequest{m_token}.toJson();
    } else if (m_action == AuthAction::Login || m_action == AuthAction::Register) {
        type = m_action == AuthAction::Login ? RequestType::Login : RequestType::Register;
        fields = LoginRequest{m_username, m_password}.toJson();
    } else {
        return;
    }
    m_connection.request(type, fields,
                         [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             if (!e) {
                                 onAuthenticated(reply);
                                 return;
                             }
                             if (e->code == ErrorCode::Unavailable)
                                 return; // connection lost: the reconnect tries again
                             m_token.clear();
                             m_settings.setToken({});
                             m_action = AuthAction::None;
                             m_connection.close();
                             emit authenticationFailed(*e);
                         });
}

void ChatClient::onAuthenticated(const QJsonObject &reply)
{
    const auto signedIn = SignInReply::fromJson(reply, nullptr);
    if (!signedIn)
        return;
    if (!signedIn->token.isEmpty())
        m_token = signedIn->token;
    m_password.clear();
    const bool first = !m_authenticated || m_me.id != signedIn->user.id;
    m_me = signedIn->user;
    m_names.insert(m_me.id, m_me.username);
    m_conversations.setSelf(m_me.id);
    m_settings.setUsername(m_me.username);
    m_settings.setToken(m_remember ? m_token : QString());
    m_authenticated = true;
    ++m_session; // a sync still waiting to retry belongs to the session before
    if (first)
        emit authenticated(m_me);
    refreshConversations();
    m_catchUp.stop(); // this sync catches up
    syncFrom(m_syncCursor);
    flushOutbox();
    flushPendingReads();
    if (openConversationId() > 0)
        loadNewestPage();
}

void ChatClient::trustCertificate(const QSslCertificate &certificate)
{
    const QUrl server = m_settings.serverUrl();
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex();
    m_settings.setPinnedCertificate(server, digest);
    m_connection.setPinnedCertificate(digest);
    m_connection.open(server);
}

void ChatClient::signOut()
{
    if (m_authenticated)
        m_connection.request(RequestType::Logout, {},
                             [](const QJsonObject &, const std::optional<ProtocolError> &) {});
    m_signOutReason.clear();
    endSession();
}

void ChatClient::endSession()
{
    m_connection.close();
    m_pendingReads.clear();
    m_authenticated = false;
    m_action = AuthAction::None;
    m_token.clear();
    m_settings.setToken({});
    m_conversations.clear();
    m_online.clear();
    m_directoryOnline.clear();
    m_messages.close();
    m_userSearch.cancel();
    emit signedOut();
}

void ChatClient::noteRev(qint64 rev)
{
    m_liveRev = qMax(m_liveRev, rev);
    if (rev > m_syncCursor && !m_catchUp.isActive())
        m_catchUp.start();
}

void ChatClient::moveCursor(qint64 rev)
{
    if (rev > m_syncCursor) {
        m_syncCursor = rev;
        m_settings.setLastRev(rev);
    }
}

void ChatClient::catchUp()
{
    // Offline: the sync after the next sign-in catches up. Syncing: its end looks again.
    if (!m_authenticated || m_syncing || m_connection.state() != ConnectionState::Connected)
        return;
    if (m_liveRev > m_syncCursor)
        syncFrom(m_syncCursor);
}

void ChatClient::refreshConversations()
{
    m_connection.request(RequestType::Conversations, {},
                         [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             ProtocolError bad;
                             auto r = e ? std::nullopt : ConversationsReply::fromJson(reply, &bad);
                             if (!r)
                                 return report(e ? *e : bad);
                             for (Conversation &c : r->conversations) {
                                 c.peer.online = m_online.isOnline(c.peer.id);
                                 m_names.insert(c.peer.id, c.peer.username);
                             }
                             m_conversations.setConversations(r->conversations);
                             if (const Conversation *c = m_conversations.find(openConversationId()))
                                 m_messages.setPeerReceipt(c->peerReadUpTo, c->peerDeliveredUpTo);
                         });
}

void ChatClient::syncFrom(qint64 since)
{
    m_syncing = true;
    m_connection.request(RequestType::Sync, SyncRequest{since, 0}.toJson(),
                         [this, since, session = m_session](const QJsonObject &reply,
                                                            const std::optional<ProtocolError> &e) {
                             if (e && e->code == ErrorCode::RateLimited) {
                                 // The server counts what reads cost (and requests per second):
                                 // catching up on a long history waits as long as it says, then
                                 // goes on where it was (still syncing meanwhile).
                                 QTimer::singleShot(qMax<qint64>(e->retryAfterMs, 50), this,
                                                    [this, since, session]() {
                                                        if (m_authenticated && session == m_session)
                                                            syncFrom(since);
                                                    });
                                 return;
                             }
                             ProtocolError bad;
                             const auto page = e ? std::nullopt : SyncReply::fromJson(reply, &bad);
                             if (!page) {
                                 m_syncing = false;
                                 return report(e ? *e : bad);
                             }
                             // Everything is applied idempotently: a catch-up page repeats what
                             // came live.
                             for (const Message &m : page->messages) {
                                 if (m.rev > since)
                                     applyNewMessage(m, false);
                             }
                             for (const Receipt &r : page->receipts)
                                 applyReceipt(r);
                             for (const HiddenMessage &h : page->hidden)
                                 m_messages.hide(h.messageId);
                             // The page holds every change after `since` up to `rev`: the cursor
                             // may move.
                             moveCursor(page->rev);
                             if (page->hasMore && page->rev > since)
                                 return syncFrom(page->rev);
                             m_syncing = false;
                             if (m_liveRev > m_syncCursor && !m_catchUp.isActive())
                                 m_catchUp.start(); // changes that came live during the sync
                         });
}

void ChatClient::applyNewMessage(const Message &message, bool live)
{
    m_messages.upsert(message);
    if (!m_conversations.applyMessage(message, message.senderId != m_me.id && !message.deleted))
        refreshConversations(); // a conversation this client does not know yet
    if (live && message.senderId != m_me.id)
        emit messageArrived(message.conversationId, peerName(message.senderId), message.content);
}

void ChatClient::onEvent(protocol::EventType type, const QJsonObject &event)
{
    using protocol::EventType;
    switch (type) {
    case EventType::Message:
        if (auto e = MessageEvent::fromJson(event)) {
            // A message from the peer ends their typing.
            if (e->message.senderId == openPeerId() &&
                e->message.conversationId == openConversationId()) {
                m_peerTypingExpiry.stop();
                emit typingChanged(openConversationId(), peerName(openPeerId()), false);
            }
            noteRev(e->message.rev);
            applyNewMessage(e->message, true);
        }
        break;
    case EventType::MessageUpdated:
        if (auto e = MessageUpdatedEvent::fromJson(event)) {
            noteRev(e->message.rev);
            m_messages.update(e->message);
            m_conversations.applyMessage(e->message, false);
        }
        break;
    case EventType::MessageHidden:
        if (auto e = MessageHiddenEvent::fromJson(event)) {
            noteRev(e->hidden.rev);
            m_messages.hide(e->hidden.messageId);
        }
        break;
    case EventType::Typing:
        if (auto e = TypingEvent::fromJson(event); e && e->userId != m_me.id) {
            if (e->active && e->conversationId == openConversationId())
                m_peerTypingExpiry.start();
            emit typingChanged(e->conversationId, peerName(e->userId), e->active);
        }
        break;
    case EventType::Presence:
        if (auto e = PresenceEvent::fromJson(event)) {
            if (e->snapshot)
                m_online.applySnapshot(e->online, m_me.id);
            else
                m_online.applyDiff(e->online, e->offline, m_me.id);
            for (const User &u : e->online) {
                m_names.insert(u.id, u.username);
                m_conversations.setPeerOnline(u.id, true);
            }
            for (qint64 id : e->offline)
                m_conversations.setPeerOnline(id, false);
        }
        break;
    case EventType::Receipt:
        if (auto e = ReceiptEvent::fromJson(event)) {
            noteRev(e->receipt.rev);
            applyReceipt(e->receipt);
        }
        break;
    }
}

void ChatClient::applyReceipt(const Receipt &receipt)
{
    m_conversations.applyReceipt(receipt);
    if (receipt.conversationId == openConversationId() && receipt.userId != m_me.id)
        m_messages.setPeerReceipt(receipt.readUpTo, receipt.deliveredUpTo);
}

void ChatClient::openConversation(qint64 conversationId)
{
    const Conversation *c = m_conversations.find(conversationId);
    if (!c)
        return;
    m_messages.open(c->id, m_me, c->peer);
    m_messages.setPeerReceipt(c->peerReadUpTo, c->peerDeliveredUpTo);
    m_hasOlder = true;
    emit conversationOpened(c->id, c->peer.username);
    loadNewestPage();
}

bool ChatClient::isPeerOnline(qint64 userId) const
{
    if (m_online.isOnline(userId))
        return true;
    // A contact's absence from the online list is news; a stranger is never in it.
    return !m_conversations.findByPeer(userId) && m_directoryOnline.value(userId, false);
}

void ChatClient::startConversationWith(qint64 userId, const QString &username)
{
    if (userId == m_me.id)
        return;
    if (const Conversation *c = m_conversations.findByPeer(userId))
        return openConversation(c->id);
    m_names.insert(userId, username);
    m_messages.open(0, m_me, User{userId, username, isPeerOnline(userId)});
    m_hasOlder = false;
    for (const PendingMessage &p : m_outbox.messages()) {
        if (p.conversationId == 0 && p.to == userId)
            m_messages.addPending(p);
    }
    emit conversationOpened(0, username);
}

void ChatClient::loadNewestPage()
{
    const qint64 conversation = openConversationId();
    m_connection.request(
        RequestType::History, HistoryRequest{conversation, 0, limits::kDefaultHistoryPage}.toJson(),
        [this, conversation](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            const auto page = e ? std::nullopt : HistoryReply::fromJson(reply, nullptr);
            if (!page || conversation != openConversationId())
                return;
            // Newest page: new ones are merged in order, older ones prepended.
            for (auto it = page->messages.crbegin(); it != page->messages.crend(); ++it) {
                if (m_messages.oldestId() == 0 || it->id > m_messages.oldestId())
                    m_messages.upsert(*it);
            }
            m_messages.prependPage(page->messages);
            m_hasOlder = page->hasMore;
            for (const PendingMessage &p : m_outbox.messages()) {
                if (p.conversationId == conversation)
                    m_messages.addPending(p);
            }
        });
}

void ChatClient::loadOlderMessages()
{
    const qint64 conversation = openConversationId();
    if (conversation == 0 || m_loadingOlder || !m_hasOlder || m_messages.oldestId() == 0)
        return;
    m_loadingOlder = true;
    m_connection.request(
        RequestType::History,
        HistoryRequest{conversation, m_messages.oldestId(), limits::kDefaultHistoryPage}.toJson(),
        [this, conversation](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            m_loadingOlder = false;
            const auto page = e ? std::nullopt : HistoryReply::fromJson(reply, nullptr);
            if (!page || conversation != openConversationId())
                return;
            m_hasOlder = page->hasMore;
            const int before = m_messages.rowCount();
            m_messages.prependPage(page->messages);
            emit olderMessagesLoaded(m_messages.rowCount() - before);
        });
}

void ChatClient::searchUsers(const QString &query)
{
    if (!m_authenticated) {
        m_userSearch.cancel(); // a reply still on its way would answer for another account
        emit userSearchFailed(query);
        return;
    }
    m_userSearch.search(query);
}

void ChatClient::sendMessage(const QString &text)
{
    if (openPeerId() == 0)
        return;
    PendingMessage p;
    p.clientId = QUuid::createUuid();
    p.conversationId = openConversationId();
    p.to = openPeerId();
    p.content = text;
    p.createdAt = QDateTime::currentMSecsSinceEpoch();
    m_outbox.add(p);
    m_messages.addPending(p);
    setTyping(false);
    transmit(p);
}

void ChatClient::transmit(const PendingMessage &p)
{
    if (!m_authenticated || m_connection.state() != ConnectionState::Connected ||
        m_inFlight.contains(p.clientId))
        return; // stays pending; flushOutbox() sends it after the next sign-in
    SendRequest send;
    send.clientId = p.clientId;
    send.content = p.content;
    if (p.conversationId > 0)
        send.conversationId = p.conversationId;
    else
        send.to = p.to;
    m_inFlight.append(p.clientId);
    const QUuid id = p.clientId;
    m_connection.request(
        RequestType::Send, send.toJson(),
        [this, id](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            m_inFlight.removeAll(id);
            if (e) {
                if (!isRetryable(e->code)) {
                    m_outbox.markFailed(id);
                    m_messages.markFailed(id);
                    report(*e);
                } else if (m_connection.state() == ConnectionState::Connected) {
                    // Still connected (rate limited, server busy): try again later; a
                    // reconnect flushes the outbox anyway.
                    QTimer::singleShot(qMax<qint64>(e->retryAfterMs, 500), this,
                                       &ChatClient::flushOutbox);
                }
                return;
            }
            const auto sent = SendReply::fromJson(reply, nullptr);
            m_outbox.remove(id);
            if (!sent)
                return;
            const Message *m = &sent->message;
            if (openConversationId() == 0 && m->senderId == m_me.id && openPeerId() > 0)
                m_messages.adoptConversation(m->conversationId);
            noteRev(m->rev);
            applyNewMessage(*m, false);
        });
}

void ChatClient::flushOutbox()
{
    for (const PendingMessage &p : m_outbox.messages()) {
        if (!p.failed)
            transmit(p);
    }
}

void ChatClient::editMessage(qint64 messageId, const QString &text)
{
    m_connection.request(RequestType::Edit, EditRequest{messageId, text}.toJson(),
                         [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             if (e)
                                 return report(*e);
                             if (const auto edited = EditReply::fromJson(reply, nullptr)) {
                                 noteRev(edited->message.rev);
                                 m_messages.update(edited->message);
                                 m_conversations.applyMessage(edited->message, false);
                             }
                         });
}

void ChatClient::deleteMessage(qint64 messageId, bool forEveryone)
{
    DeleteRequest request{messageId,
                          forEveryone ? DeleteRequest::Scope::Everyone : DeleteRequest::Scope::Me};
    m_connection.request(
        RequestType::Delete, request.toJson(),
        [this, messageId, forEveryone](const QJsonObject &, const std::optional<ProtocolError> &e) {
            if (e)
                return report(*e);
            if (!forEveryone)
                m_messages.hide(messageId);
            // For everyone: the message_updated event updates both sides.
        });
}

void ChatClient::requestEditHistory(qint64 messageId,
                                    std::function<void(const QList<EditRecord> &)> handler)
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

void ChatClient::setTyping(bool active)
{
    const qint64 conversation = openConversationId();
    if (conversation == 0 || !m_authenticated)
        return;
    if (active && m_typingSent && m_typingClock.elapsed() < limits::kTypingRefreshMs)
        return;
    if (!active && !m_typingSent)
        return;
    m_typingSent = active;
    m_typingClock.start();
    m_connection.request(RequestType::Typing, TypingRequest{conversation, active}.toJson(),
                         [](const QJsonObject &, const std::optional<ProtocolError> &) {});
}

void ChatClient::markOpenConversationRead()
{
    const Conversation *c = m_conversations.find(openConversationId());
    const qint64 newest = m_messages.newestId();
    if (!c || newest == 0 || (newest <= c->readUpTo && c->unread == 0))
        return;
    sendRead(c->id, newest);
}

void ChatClient::sendRead(qint64 conversationId, qint64 upTo)
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
                noteRev(r->receipt.rev); // as the receipt event would
                applyReceipt(r->receipt);
            }
        });
}

void ChatClient::flushPendingReads()
{
    const QHash<qint64, qint64> reads = m_pendingReads;
    for (auto it = reads.cbegin(); it != reads.cend(); ++it)
        sendRead(it.key(), it.value());
}

} // namespace natter::client
