#pragma once
// One row of the conversation list: avatar with initials and presence dot, the peer's name,
// the time of the last activity, a one-line preview and the unread badge (name and preview
// in bold while something is unread). "typing…" replaces the preview while the peer types.

#include <QSet>
#include <QStyledItemDelegate>

namespace natter::client {

class ConversationListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ConversationListDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setTyping(qint64 conversationId, bool typing);
    bool isTyping(qint64 conversationId) const { return m_typing.contains(conversationId); }
    // Groups with an unread mention of the reader: an "@" badge beside the unread count.
    void setMentioned(const QSet<qint64> &conversationIds) { m_mentioned = conversationIds; }
    bool isMentioned(qint64 conversationId) const { return m_mentioned.contains(conversationId); }
    // Offline, the presence dots would show what was true when the connection dropped.
    void setPresenceKnown(bool known) { m_presenceKnown = known; }
    bool presenceKnown() const { return m_presenceKnown; }

    // "14:05" today, "Yesterday", the weekday within a week, else a short date.
    static QString timeLabel(const QDateTime &when, const QDateTime &now);

private:
    QSet<qint64> m_typing;
    QSet<qint64> m_mentioned;
    bool m_presenceKnown = true;
};

} // namespace natter::client
