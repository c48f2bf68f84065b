#pragma once
// Which groups hold a message mentioning the caller (mentions.h) that they have not read yet:
// the conversation list shows an "@" badge on those. It follows every message applied (live or
// from the sync) and the list's read positions; after a start, the unread messages the local
// cache holds are read once (the server keeps no mentions: a client convention).

#include <QHash>
#include <QObject>
#include <QSet>

namespace natter {
struct Message;
}

namespace natter::client {

class ConversationController;
class LocalCache;
class SessionController;

class MentionTracker final : public QObject
{
    Q_OBJECT

public:
    MentionTracker(ConversationController &conversations, const SessionController &session,
                   QObject *parent = nullptr);

    // Where the unread messages of the groups listed at a start are looked for.
    void setCache(const LocalCache *cache) { m_cache = cache; }
    static constexpr int kScanLimit = 200; // unread messages read from the cache per group
    // Whether `text` mentions the signed-in user.
    bool mentionsMe(const QString &text) const;
    // Groups with an unread message that mentions the caller.
    const QSet<qint64> &unreadMentions() const { return m_unread; }
    bool hasUnreadMention(qint64 conversationId) const { return m_unread.contains(conversationId); }

signals:
    void unreadMentionsChanged();

private:
    void apply(const natter::Message &message);
    void recompute();
    void scanCache();

    ConversationController &m_conversations;
    const SessionController &m_session;
    QHash<qint64, qint64> m_newest; // group -> the newest message mentioning the caller
    QSet<qint64> m_unread;
    const LocalCache *m_cache = nullptr;
    QSet<qint64> m_scanned; // groups whose cached unread messages were read
};

} // namespace natter::client
