// MessageListModel: what replies and reactions add to a row (the quote line, the chips) and
// the reaction events applied to shown rows.
#include "messagelistmodel.h"

namespace natter::client {

QString MessageListModel::nameOf(qint64 userId) const
{
    if (userId == m_self.id)
        return m_self.username;
    const QString name = m_nameOf ? m_nameOf(userId) : QString();
    if (!name.isEmpty())
        return name;
    return userId == m_peer.id ? m_peer.username : tr("someone");
}

QVariant MessageListModel::replyQuote(const Message &m) const
{
    if (!m.replyTo || m.deleted)
        return QString();
    // One line: the quoted text's line breaks become spaces.
    const QString text =
        m.replyTo->deleted ? tr("(deleted message)") : m.replyTo->text.simplified();
    return tr("%1: %2").arg(nameOf(m.replyTo->senderId), text);
}

QVariant MessageListModel::reactionChips(const Message &m) const
{
    QVariantList chips;
    for (const ReactionGroup &g : m.reactions) {
        ReactionChip chip{g.emoji, int(g.users.size()), g.users.contains(m_self.id), {}};
        QStringList names;
        for (const qint64 id : g.users)
            names << nameOf(id);
        chip.who = names.join(QStringLiteral(", "));
        chips << QVariant::fromValue(chip);
    }
    return chips;
}

std::optional<ReplyQuote> MessageListModel::quoteOf(qint64 messageId) const
{
    const int row = rowOfId(messageId);
    if (row < 0)
        return ReplyQuote{messageId, 0, QString(), false};
    const Message &m = m_rows[row].message;
    return ReplyQuote{m.id, m.senderId, m.content.left(reactions::kQuoteChars), m.deleted};
}

void MessageListModel::setReactions(qint64 messageId, const QList<ReactionGroup> &reactions,
                                    qint64 rev)
{
    const int row = rowOfId(messageId);
    if (row < 0 || m_rows[row].message.rev > rev)
        return;
    m_rows[row].message.reactions = reactions;
    m_rows[row].message.rev = rev;
    emit dataChanged(index(row), index(row), {ReactionsRole, RevisionRole});
}

} // namespace natter::client
