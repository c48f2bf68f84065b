#include "synccontroller.h"

#include "conversationcontroller.h"
#include "localcache.h"
#include "profilesettings.h"
#include "replies.h"
#include "requests.h"
#include "serverconnection.h"
#include "sessioncontroller.h"

#include <algorithm>

namespace natter::client {

using protocol::RequestType;

namespace {

// Live changes beyond the sync cursor are fetched again by a catch-up sync this long after
// the first of them, so the cursor follows in order and the sync after a reconnect stays
// short (at most about this much traffic), while a busy conversation costs one sync a period.
constexpr int kCatchUpDelayMs = 30'000;

// A refused send (rate_limited, server busy, no answer) goes again after the server's
// retry_after_ms, within these bounds.
constexpr qint64 kMinResendDelayMs = 500;
constexpr qint64 kMaxResendDelayMs = 60'000;

bool isRetryable(ErrorCode code)
{
    return code == ErrorCode::Unavailable || code == ErrorCode::Internal ||
           code == ErrorCode::RateLimited || code == ErrorCode::Unauthorized;
}

} // namespace

SyncController::SyncController(ProfileSettings &settings, ServerConnection &connection,
                               const SessionController &session,
                               ConversationController &conversations, Outbox &outbox,
                               QObject *parent)
    : QObject(parent), m_settings(settings), m_connection(connection), m_session(session),
      m_conversations(conversations), m_outbox(outbox), m_syncCursor(settings.lastRev())
{
    m_catchUp.setSingleShot(true);
    m_catchUp.setInterval(kCatchUpDelayMs);
    connect(&m_catchUp, &QTimer::timeout, this, &SyncController::catchUp);
    connect(&m_connection, &ServerConnection::connectionLost, this, [this]() {
        // Unacked sends stay in the outbox and go again, in order, after the next sign-in.
        m_sending = QUuid();
        m_resend.stop();
    });
    m_resend.setSingleShot(true);
    connect(&m_resend, &QTimer::timeout, this, &SyncController::sendNext);
}

void SyncController::resumeSession()
{
    m_catchUp.stop(); // this sync catches up
    syncFrom(m_syncCursor);
    m_resend.stop();
    sendNext();
}

void SyncController::noteRev(qint64 rev)
{
    m_liveRev = qMax(m_liveRev, rev);
    if (rev > m_syncCursor && !m_catchUp.isActive())
        m_catchUp.start();
}

void SyncController::moveCursor(qint64 rev)
{
    if (rev > m_syncCursor) {
        m_syncCursor = rev;
        m_settings.setLastRev(rev);
        if (m_cache) // in the same transaction as the changes of the page
            m_cache->setRev(rev);
    }
}

void SyncController::setCursor(qint64 rev)
{
    m_syncCursor = rev;
    m_liveRev = 0;
    m_settings.setLastRev(rev);
}

void SyncController::catchUp()
{
    // Offline: the sync after the next sign-in catches up. Syncing: its end looks again.
    if (!m_session.isAuthenticated() || m_syncing ||
        m_connection.state() != ConnectionState::Connected)
        return;
    if (m_liveRev > m_syncCursor)
        syncFrom(m_syncCursor);
}

void SyncController::syncFrom(qint64 since)
{
    m_syncing = true;
    m_connection.request(RequestType::Sync, SyncRequest{since, 0}.toJson(),
                         [this, since, session = m_session.signInCount()](
                             const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             if (e && e->code == ErrorCode::RateLimited) {
                                 // The server counts what reads cost (and requests per second):
                                 // catching up on a long history waits as long as it says, then
                                 // goes on where it was (still syncing meanwhile).
                                 QTimer::singleShot(qMax<qint64>(e->retryAfterMs, 50), this,
                                                    [this, since, session]() {
                                                        if (m_session.isAuthenticated() &&
                                                            session == m_session.signInCount())
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
                                     m_conversations.applyNewMessage(m, false);
                             }
                             for (const Receipt &r : page->receipts)
                                 m_conversations.applyReceipt(r);
                             for (const HiddenMessage &h : page->hidden)
                                 m_conversations.applyHidden(h.messageId);
                             emit pageReceived(since, int(page->messages.size()));
                             // The page holds every change after `since` up to `rev`: the cursor
                             // may move.
                             moveCursor(page->rev);
                             if (m_cache && m_cache->rev() == m_syncCursor) {
                                 qint64 newest = 0;
                                 for (const Message &m : page->messages)
                                     newest = qMax(newest, m.id);
                                 m_cache->setCompleteUpToId(newest);
                             }
                             if (page->hasMore && page->rev > since)
                                 return syncFrom(page->rev);
                             m_syncing = false;
                             if (m_liveRev > m_syncCursor && !m_catchUp.isActive())
                                 m_catchUp.start(); // changes that came live during the sync
                         });
}

void SyncController::sendNext()
{
    if (!m_session.isAuthenticated() || m_connection.state() != ConnectionState::Connected ||
        !m_sending.isNull() || m_resend.isActive())
        return; // the reply, the retry timer or the next sign-in sends the rest
    const QList<PendingMessage> &pending = m_outbox.messages();
    const auto next = std::find_if(pending.cbegin(), pending.cend(),
                                   [](const PendingMessage &p) { return !p.failed; });
    if (next == pending.cend())
        return;
    const PendingMessage &p = *next;
    SendRequest send;
    send.clientId = p.clientId;
    send.content = p.content;
    send.replyTo = p.replyTo;
    if (p.file)
        send.fileId = p.file->id;
    if (p.conversationId > 0)
        send.conversationId = p.conversationId;
    else
        send.to = p.to;
    // One send at a time, oldest first: with several in flight, a refused one (rate_limited,
    // server busy) would be stored after a later one that got through, out of order.
    m_sending = p.clientId;
    const QUuid id = p.clientId;
    m_connection.request(
        RequestType::Send, send.toJson(),
        [this, id](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            if (m_sending == id)
                m_sending = QUuid();
            if (e) {
                if (!isRetryable(e->code)) {
                    m_outbox.markFailed(id);
                    m_conversations.messages()->markFailed(id);
                    report(*e);
                    return sendNext();
                }
                // Still connected (rate limited, server busy): the same one again later; a
                // reconnect sends it anyway.
                if (m_connection.state() == ConnectionState::Connected)
                    m_resend.start(
                        int(qBound<qint64>(kMinResendDelayMs, e->retryAfterMs, kMaxResendDelayMs)));
                return;
            }
            const auto sent = SendReply::fromJson(reply, nullptr);
            m_outbox.remove(id);
            if (sent) {
                const Message *m = &sent->message;
                if (m_conversations.openConversationId() == 0 &&
                    m->senderId == m_session.currentUser().id && m_conversations.openPeerId() > 0)
                    m_conversations.messages()->adoptConversation(m->conversationId);
                noteRev(m->rev);
                m_conversations.applyNewMessage(*m, false);
            }
            sendNext();
        });
}

} // namespace natter::client
