#include "mentiontracker.h"

#include "conversationcontroller.h"
#include "localcache.h"
#include "mentions.h"
#include "sessioncontroller.h"

namespace natter::client {

MentionTracker::MentionTracker(ConversationController &conversations,
                               const SessionController &session, QObject *parent)
    : QObject(parent), m_conversations(conversations), m_session(session)
{
    connect(&conversations, &ConversationController::messageApplied, this, &MentionTracker::apply);
    // Read positions and unread counts live in the list: a read clears the badge.
    ConversationListModel *list = conversations.list();
    connect(list, &QAbstractItemModel::dataChanged, this, &MentionTracker::recompute);
    connect(list, &QAbstractItemModel::modelReset, this, &MentionTracker::scanCache);
    connect(list, &QAbstractItemModel::rowsRemoved, this, &MentionTracker::recompute);
    connect(list, &ConversationListModel::unreadTotalChanged, this, &MentionTracker::recompute);
    connect(&session, &SessionController::signedOut, this, [this]() {
        m_newest.clear();
        m_scanned.clear();
        recompute();
    });
}

bool MentionTracker::mentionsMe(const QString &text) const
{
    return m_session.isAuthenticated() &&
           mentions::mentions(text, m_session.currentUser().username);
}

void MentionTracker::apply(const Message &message)
{
    const bool mentioned = !message.deleted && !message.system &&
                           message.senderId != m_session.currentUser().id &&
                           mentionsMe(message.content);
    if (!mentioned) {
        // The newest mention edited away or deleted for everyone: no badge for it.
        if (m_newest.value(message.conversationId) == message.id) {
            m_newest.remove(message.conversationId);
            recompute();
        }
        return;
    }
    if (message.id <= m_newest.value(message.conversationId))
        return;
    const Conversation *c = m_conversations.list()->find(message.conversationId);
    if (c && !c->group)
        return; // in a 1:1 conversation every message is for the caller anyway
    m_newest.insert(message.conversationId, message.id);
    recompute();
}

void MentionTracker::scanCache()
{
    ConversationListModel *list = m_conversations.list();
    if (m_cache && m_cache->isOpen()) {
        for (int row = 0; row < list->rowCount(); ++row) {
            const Conversation *c =
                list->find(list->index(row).data(ConversationListModel::IdRole).toLongLong());
            if (!c || !c->group || c->unread <= 0 || m_scanned.contains(c->id))
                continue;
            m_scanned.insert(c->id);
            const QList<Message> newest =
                m_cache->messagesBefore(c->id, 0, qMin(c->unread, kScanLimit));
            for (const Message &m : newest) {
                if (m.id > c->readUpTo)
                    apply(m);
            }
        }
    }
    recompute();
}

void MentionTracker::recompute()
{
    QSet<qint64> unread;
    for (auto it = m_newest.cbegin(); it != m_newest.cend(); ++it) {
        const Conversation *c = m_conversations.list()->find(it.key());
        if (c && c->group && c->unread > 0 && it.value() > c->readUpTo)
            unread.insert(it.key());
    }
    if (unread == m_unread)
        return;
    m_unread = unread;
    emit unreadMentionsChanged();
}

} // namespace natter::client
