// SqlStore: replies (the quoted message of a reply) and reactions. Both live in tables of their
// own; decorate() adds them to messages read, with one query of each per conversation (a page
// is one conversation, a sync page a few): a range of ids, not a list of them.
#include "sqlstore.h"

#include "reactiontypes.h"

#include <QHash>

#include <algorithm>

namespace natter::server {

StoreResult<bool> SqlStore::storeReply(Message &m, qint64 replyTo)
{
    bool ok = false;
    QSqlQuery &insert = m_sql.exec(
        QStringLiteral("INSERT INTO message_replies (message_id, reply_to) VALUES (?, ?)"),
        {m.id, replyTo}, &ok);
    if (!ok)
        return m_sql.failed<bool>(insert);
    QList<Message> one{m};
    const auto decorated = decorate(one);
    if (decorated.ok())
        m = one.first();
    return decorated;
}

StoreResult<bool> SqlStore::decorate(Message &m)
{
    QList<Message> one{m};
    const auto decorated = decorate(one);
    if (decorated.ok())
        m = one.first();
    return decorated;
}

StoreResult<bool> SqlStore::decorate(QList<Message> &messages)
{
    // Per conversation: the lowest and highest id of the messages, and where each one is.
    QHash<qint64, std::pair<qint64, qint64>> ranges;
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const Message &m = messages[i];
        at.insert(m.id, i);
        auto it = ranges.find(m.conversationId);
        if (it == ranges.end())
            ranges.insert(m.conversationId, {m.id, m.id});
        else
            *it = {std::min(it->first, m.id), std::max(it->second, m.id)};
    }
    bool ok = false;
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        QSqlQuery &quotes = m_sql.exec(
            QStringLiteral("SELECT r.message_id, q.id, q.sender_id, substr(q.content, 1, %1), "
                           "q.deleted FROM message_replies r JOIN messages q ON q.id = r.reply_to "
                           "WHERE r.message_id BETWEEN ? AND ? AND q.conversation_id = ?")
                .arg(reactions::kQuoteChars),
            {it.value().first, it.value().second, it.key()}, &ok);
        if (!ok)
            return m_sql.failed<bool>(quotes);
        while (quotes.next()) {
            const auto i = at.constFind(quotes.value(0).toLongLong());
            if (i == at.cend())
                continue;
            ReplyQuote q;
            q.id = quotes.value(1).toLongLong();
            q.senderId = quotes.value(2).toLongLong();
            q.deleted = quotes.value(4).toBool();
            q.text = q.deleted ? QString() : quotes.value(3).toString();
            messages[*i].replyTo = q;
        }
        quotes.finish();

        // A tombstone keeps no reactions (its rows stay; they show again on nothing).
        QSqlQuery &rows = m_sql.exec(
            QStringLiteral("SELECT r.message_id, r.emoji, r.user_id FROM reactions r "
                           "JOIN messages m ON m.id = r.message_id "
                           "WHERE r.message_id BETWEEN ? AND ? AND m.conversation_id = ? "
                           "AND m.deleted = FALSE ORDER BY r.message_id, r.user_id"),
            {it.value().first, it.value().second, it.key()}, &ok);
        if (!ok)
            return m_sql.failed<bool>(rows);
        while (rows.next()) {
            const auto i = at.constFind(rows.value(0).toLongLong());
            if (i == at.cend())
                continue;
            Message &m = messages[*i];
            m.reactions = reactions::toggled(m.reactions, rows.value(1).toString(),
                                             rows.value(2).toLongLong(), true);
        }
        rows.finish();
    }
    return StoreResult<bool>::success(true);
}

StoreResult<ReactionChange> SqlStore::setReaction(qint64 userId, qint64 messageId,
                                                  const QString &emoji, bool on, qint64 at)
{
    using R = StoreResult<ReactionChange>;
    return m_sql.inTransaction<ReactionChange>([&]() -> R {
        auto current = message(messageId); // decorated: its reactions now
        if (!current.ok())
            return R::fail(current.failure, current.detail);
        ReactionChange out;
        out.message = current.value;
        const auto after = reactions::toggled(current.value.reactions, emoji, userId, on);
        if (after == current.value.reactions)
            return R::success(out); // set twice, or cleared when not set: nothing changes
        bool ok = false;
        QSqlQuery &write =
            on ? m_sql.exec(QStringLiteral("INSERT INTO reactions (message_id, user_id, emoji, "
                                           "created_at) VALUES (?, ?, ?, ?)"),
                            {messageId, userId, emoji, at}, &ok)
               : m_sql.exec(QStringLiteral("DELETE FROM reactions WHERE message_id = ? AND "
                                           "user_id = ? AND emoji = ?"),
                            {messageId, userId, emoji}, &ok);
        if (!ok)
            return m_sql.failed<ReactionChange>(write);
        // A new rev: sync brings the message again, with its reactions.
        out.message.reactions = after;
        out.message.rev = m_sql.takeRev();
        QSqlQuery &touch = m_sql.exec(QStringLiteral("UPDATE messages SET rev = ? WHERE id = ?"),
                                      {out.message.rev, messageId}, &ok);
        if (!ok)
            return m_sql.failed<ReactionChange>(touch);
        out.changed = true;
        return R::success(out);
    });
}

} // namespace natter::server
