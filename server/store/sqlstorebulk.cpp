// SqlStore on PostgreSQL: a batch's plain messages, their search rows and their
// conversations' last activity each in one statement. Every statement is a round trip to the
// database server, and the event loop waits for each: per message, that was two.
// The rows travel as array literals bound as text (QPSQL sends bound values as literals
// anyway), unnested into rows in their order, so ids follow the batch's order.
#include "sqlstore.h"

#include "searchtext.h"
#include "storerows.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace natter::server {
namespace {

QString bigintArray(const QList<qint64> &values)
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += QString::number(values[i]);
    }
    return out + QLatin1Char('}');
}

// Every element quoted: a quote and a backslash are the only characters to escape.
QString textArray(const QStringList &values)
{
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    QString out;
    out.reserve(size);
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += QLatin1Char('"');
        for (const QChar c : values[i]) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                out += QLatin1Char('\\');
            out += c;
        }
        out += QLatin1Char('"');
    }
    return out + QLatin1Char('}');
}

} // namespace

StoreResult<bool> SqlStore::appendRun(const QList<NewMessage> &batch, const QList<qsizetype> &run,
                                      QList<StoreResult<AppendedMessage>> &results)
{
    using R = StoreResult<bool>;
    QList<qsizetype> rows; // of `run` whose conversation is known, in order
    QList<qint64> conversations, senders, createdAt, revs;
    QStringList clientIds, contents;
    for (const qsizetype i : run) {
        const NewMessage &input = batch[i];
        AppendedMessage out;
        const auto conversation = conversationFor(input, &out);
        if (!conversation.ok()) {
            if (m_sql.statementFailed())
                return R::fail(conversation.failure, conversation.detail);
            results[i] =
                StoreResult<AppendedMessage>::fail(conversation.failure, conversation.detail);
            continue;
        }
        Message &m = out.message;
        m.conversationId = conversation.value;
        m.senderId = input.senderId;
        m.clientId = input.clientId;
        m.content = input.content;
        m.createdAt = input.createdAt;
        // A resend found below leaves its revision unused: a gap, which sync does not mind.
        m.rev = m_sql.takeRev();
        results[i] = StoreResult<AppendedMessage>::success(out);
        rows.append(i);
        conversations.append(m.conversationId);
        senders.append(m.senderId);
        clientIds.append(input.clientId.toString(QUuid::WithoutBraces));
        contents.append(m.content.isNull() ? QStringLiteral("") : m.content);
        createdAt.append(m.createdAt);
        revs.append(m.rev);
    }
    if (rows.isEmpty())
        return R::success(true);

    bool ok = false;
    QSqlQuery &insert = m_sql.exec(
        QStringLiteral("INSERT INTO messages (conversation_id, sender_id, client_id, content, "
                       "created_at, rev) "
                       "SELECT c, s, k, x, t, r FROM unnest(?::bigint[], ?::bigint[], "
                       "?::uuid[], ?::text[], ?::bigint[], ?::bigint[]) "
                       "WITH ORDINALITY AS u(c, s, k, x, t, r, n) ORDER BY n "
                       "ON CONFLICT (client_id, sender_id) DO NOTHING "
                       "RETURNING id, sender_id, client_id::text"),
        {bigintArray(conversations), bigintArray(senders), textArray(clientIds),
         textArray(contents), bigintArray(createdAt), bigintArray(revs)},
        &ok);
    if (!ok)
        return m_sql.failed<bool>(insert);
    QHash<std::pair<qint64, QString>, qint64> inserted;
    inserted.reserve(rows.size());
    while (insert.next())
        inserted.insert({insert.value(1).toLongLong(), insert.value(2).toString()},
                        insert.value(0).toLongLong());
    insert.finish();

    QList<qint64> indexedIds, indexedConversations;
    QStringList words;
    for (qsizetype k = 0; k < rows.size(); ++k) {
        AppendedMessage &out = results[rows[k]].value;
        // Taken, not read: a second row of this statement with the same key is a resend of
        // the first (the statement skipped it).
        const qint64 id = inserted.take({senders[k], clientIds[k]});
        if (id > 0) {
            out.message.id = id;
            indexedIds.append(id);
            indexedConversations.append(out.message.conversationId);
            const QString text = searchtext::indexText(out.message.content);
            words.append(text.isNull() ? QStringLiteral("") : text);
            continue;
        }
        auto original = storedOriginal(batch[rows[k]], out.message.conversationId, out);
        if (!original.ok() && m_sql.statementFailed())
            return R::fail(original.failure, original.detail);
        results[rows[k]] = std::move(original);
    }
    if (indexedIds.isEmpty())
        return R::success(true);
    QSqlQuery &index = m_sql.exec(
        QStringLiteral("INSERT INTO message_search (message_id, conversation_id, words) "
                       "SELECT m, c, to_tsvector('simple', w) FROM unnest(?::bigint[], "
                       "?::bigint[], ?::text[]) AS u(m, c, w)"),
        {bigintArray(indexedIds), bigintArray(indexedConversations), textArray(words)}, &ok);
    if (!ok)
        return m_sql.failed<bool>(index);
    return R::success(true);
}

StoreResult<bool> SqlStore::touchConversations(const QList<const Message *> &newest)
{
    if (newest.isEmpty())
        return StoreResult<bool>::success(true);
    QList<qint64> ids, at, last;
    for (const Message *m : newest) {
        ids.append(m->conversationId);
        at.append(m->createdAt);
        last.append(m->id);
    }
    bool ok = false;
    QSqlQuery &touch = m_sql.exec(
        // Locked in id order (the CTE's ORDER BY, then FOR UPDATE on each row it returns), so
        // two batches sharing conversations wait for each other instead of deadlocking; the
        // later commit never moves them back to an older message.
        QStringLiteral("WITH locked AS MATERIALIZED (SELECT id FROM conversations "
                       "WHERE id = ANY(?::bigint[]) ORDER BY id FOR UPDATE) "
                       "UPDATE conversations AS c SET last_activity = GREATEST(c.last_activity, "
                       "u.t), last_message_id = GREATEST(c.last_message_id, u.m) "
                       "FROM locked l, unnest(?::bigint[], ?::bigint[], ?::bigint[]) "
                       "AS u(id, t, m) WHERE l.id = u.id AND c.id = u.id"),
        {bigintArray(ids), bigintArray(ids), bigintArray(at), bigintArray(last)}, &ok);
    if (!ok)
        return m_sql.failed<bool>(touch);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::markDeliveredTogether(const QList<AppendedMessage *> &marks)
{
    QList<DeliveryMark> wanted;
    QHash<std::pair<qint64, qint64>, AppendedMessage *> byKey;
    for (AppendedMessage *mark : marks) {
        wanted.append({mark->message.conversationId, mark->recipientId, mark->message.id});
        byKey.insert({mark->message.conversationId, mark->recipientId}, mark);
    }
    const auto moved = moveDeliveredTogether(wanted);
    if (!moved.ok())
        return StoreResult<bool>::fail(moved.failure, moved.detail);
    for (const Receipt &r : moved.value) {
        if (AppendedMessage *mark = byKey.value({r.conversationId, r.userId}))
            mark->delivered = r;
    }
    return StoreResult<bool>::success(true);
}

StoreResult<QList<Receipt>> SqlStore::moveDeliveredTogether(const QList<DeliveryMark> &marks)
{
    using R = StoreResult<QList<Receipt>>;
    if (marks.isEmpty())
        return R::success({});
    // One mark per receipt (the furthest), its rows locked as they are read, in (conversation,
    // user) order: every transaction that locks several receipts does so in this order.
    std::map<std::pair<qint64, qint64>, qint64> furthest;
    for (const DeliveryMark &mark : marks) {
        qint64 &upTo = furthest[{mark.conversationId, mark.userId}];
        upTo = std::max(upTo, mark.upTo);
    }
    QList<qint64> conversations, users;
    for (const auto &[key, upTo] : furthest) {
        conversations.append(key.first);
        users.append(key.second);
    }
    bool ok = false;
    QSqlQuery &read = m_sql.exec(
        QStringLiteral("SELECT p.conversation_id, p.user_id, p.read_up_to, p.delivered_up_to, "
                       "p.rev, c.last_message_id FROM unnest(?::bigint[], ?::bigint[]) "
                       "WITH ORDINALITY AS u(cid, uid, n) "
                       "JOIN participants p ON p.conversation_id = u.cid AND p.user_id = u.uid "
                       "JOIN conversations c ON c.id = p.conversation_id ORDER BY u.n "
                       "FOR UPDATE OF p"),
        {bigintArray(conversations), bigintArray(users)}, &ok);
    if (!ok)
        return m_sql.failed<QList<Receipt>>(read);
    QList<Receipt> moved;
    QHash<std::pair<qint64, qint64>, qsizetype> movedAt;
    QList<qint64> movedConversations, movedUsers, readUpTo, deliveredUpTo;
    while (read.next()) {
        const Receipt current{read.value(0).toLongLong(), read.value(1).toLongLong(),
                              read.value(2).toLongLong(), read.value(3).toLongLong(),
                              read.value(4).toLongLong()};
        const auto upTo = furthest.find({current.conversationId, current.userId});
        if (upTo == furthest.end())
            continue;
        std::optional<Receipt> next =
            advanceReceipt(current, read.value(5).toLongLong(), upTo->second, false);
        if (!next)
            continue; // never backwards
        movedAt.insert({next->conversationId, next->userId}, moved.size());
        moved.append(*next);
        movedConversations.append(next->conversationId);
        movedUsers.append(next->userId);
        readUpTo.append(next->readUpTo);
        deliveredUpTo.append(next->deliveredUpTo);
    }
    read.finish();
    if (moved.isEmpty())
        return R::success(moved);
    // Revs taken now, with the rows locked: above the rev of any change to them committed
    // before (a batch's revs were taken before it waited for these locks), so each receipt's
    // rev still grows with its state.
    QSqlQuery &update = m_sql.exec(
        QStringLiteral("UPDATE participants AS p SET read_up_to = u.r, delivered_up_to = u.d, "
                       "rev = nextval('revision_seq') FROM unnest(?::bigint[], ?::bigint[], "
                       "?::bigint[], ?::bigint[]) AS u(cid, uid, r, d) "
                       "WHERE p.conversation_id = u.cid AND p.user_id = u.uid "
                       "RETURNING p.conversation_id, p.user_id, p.rev"),
        {bigintArray(movedConversations), bigintArray(movedUsers), bigintArray(readUpTo),
         bigintArray(deliveredUpTo)},
        &ok);
    if (!ok)
        return m_sql.failed<QList<Receipt>>(update);
    while (update.next()) {
        const auto at =
            movedAt.constFind({update.value(0).toLongLong(), update.value(1).toLongLong()});
        if (at != movedAt.constEnd())
            moved[*at].rev = update.value(2).toLongLong();
    }
    update.finish();
    return R::success(moved);
}

} // namespace natter::server
