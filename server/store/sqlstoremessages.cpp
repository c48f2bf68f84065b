// SqlStore: messages (the hot path: appendMessages), their edits, deletes and history.
#include "sqlstore.h"

#include "protocollimits.h"
#include "storerows.h"

#include <QJsonDocument>

#include <algorithm>

namespace natter::server {

StoreResult<qint64> SqlStore::conversationFor(const NewMessage &input, AppendedMessage *out)
{
    using R = StoreResult<qint64>;
    if (input.conversationId > 0) {
        const auto member = membership(input.conversationId, input.senderId);
        if (!member.ok()) {
            return member.failure == StoreFailure::NotFound
                       ? R::fail(StoreFailure::NotFound, QStringLiteral("not a participant"))
                       : R::fail(member.failure, member.detail);
        }
        out->recipientId = member.value.peerId; // 0 in a group: every member
        return R::success(input.conversationId);
    }

    if (input.recipientId == input.senderId)
        return R::fail(StoreFailure::Conflict, QStringLiteral("self"));
    const qint64 a = std::min(input.senderId, input.recipientId);
    const qint64 b = std::max(input.senderId, input.recipientId);
    forgetUndoneCaches();
    if (const auto known = m_pairs.constFind({a, b}); known != m_pairs.constEnd()) {
        // Users and 1:1 conversations are never deleted: both still exist.
        out->recipientId = input.recipientId;
        return R::success(*known);
    }
    if (m_pairs.size() >= kMaxCachedPeers)
        m_pairs.clear();
    bool ok = false;
    QSqlQuery &user =
        m_sql.exec(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {input.recipientId}, &ok);
    if (!ok)
        return m_sql.failed<qint64>(user);
    if (!user.next())
        return R::fail(StoreFailure::NotFound, QStringLiteral("no such user"));
    user.finish();
    out->recipientId = input.recipientId;

    QSqlQuery &find =
        m_sql.exec(QStringLiteral("SELECT id FROM conversations WHERE user_a = ? AND user_b = ?"),
                   {a, b}, &ok);
    if (!ok)
        return m_sql.failed<qint64>(find);
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        m_pairs.insert({a, b}, id);
        return R::success(id);
    }
    find.finish();
    // Another instance may be creating the same pair right now: its row wins (PostgreSQL
    // waits for its commit), and we read it.
    QSqlQuery &create = m_sql.exec(QStringLiteral("INSERT INTO conversations "
                                                  "(user_a, user_b, created_at, last_activity) "
                                                  "VALUES (?, ?, ?, ?) "
                                                  "ON CONFLICT (user_a, user_b) DO NOTHING") +
                                       m_sql.returningId(),
                                   {a, b, input.createdAt, input.createdAt}, &ok);
    if (!ok)
        return m_sql.failed<qint64>(create);
    const qint64 id = m_sql.insertedId(create);
    if (id <= 0) {
        QSqlQuery &found = m_sql.exec(
            QStringLiteral("SELECT id FROM conversations WHERE user_a = ? AND user_b = ?"), {a, b},
            &ok);
        if (!ok)
            return m_sql.failed<qint64>(found);
        if (!found.next())
            return R::fail(StoreFailure::Internal, QStringLiteral("no conversation id"));
        const qint64 existing = found.value(0).toLongLong();
        found.finish();
        m_pairs.insert({a, b}, existing);
        return R::success(existing);
    }
    for (const auto &[member, peer] : {std::pair{a, b}, std::pair{b, a}}) {
        QSqlQuery &part = m_sql.exec(QStringLiteral("INSERT INTO participants "
                                                    "(conversation_id, user_id, peer_id) "
                                                    "VALUES (?, ?, ?)"),
                                     {id, member, peer}, &ok);
        if (!ok)
            return m_sql.failed<qint64>(part);
    }
    out->conversationCreated = true;
    m_pairs.insert({a, b}, id); // forgotten should this transaction be rolled back
    return R::success(id);
}

StoreResult<AppendedMessage> SqlStore::appendOne(const NewMessage &input)
{
    using R = StoreResult<AppendedMessage>;
    AppendedMessage out;
    const auto conversation = conversationFor(input, &out);
    if (!conversation.ok())
        return R::fail(conversation.failure, conversation.detail);

    // Idempotency: the same (sender, client_id) is the same message; the insert does nothing
    // and the original is returned. Looking the pair up first walked the unique index twice.
    const QString clientId = input.clientId.toString(QUuid::WithoutBraces);
    Message m;
    m.conversationId = conversation.value;
    m.senderId = input.senderId;
    m.clientId = input.clientId;
    m.content = input.content;
    m.createdAt = input.createdAt;
    m.file = input.file;
    m.rev = m_sql.takeRev();
    bool ok = false;
    QSqlQuery &insert =
        !input.file
            ? m_sql.exec(QStringLiteral("INSERT INTO messages (conversation_id, sender_id, "
                                        "client_id, content, created_at, rev) "
                                        "VALUES (?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (client_id, sender_id) DO NOTHING") +
                             m_sql.returningId(),
                         {m.conversationId, m.senderId, clientId, m.content, m.createdAt, m.rev},
                         &ok)
            : m_sql.exec(QStringLiteral("INSERT INTO messages (conversation_id, sender_id, "
                                        "client_id, content, created_at, rev, file_id, file) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (client_id, sender_id) DO NOTHING") +
                             m_sql.returningId(),
                         // A file's caption may be empty; a null QString would bind NULL.
                         {m.conversationId, m.senderId, clientId,
                          m.content.isNull() ? QStringLiteral("") : m.content, m.createdAt, m.rev,
                          input.file->id,
                          QString::fromUtf8(
                              QJsonDocument(input.file->toJson()).toJson(QJsonDocument::Compact))},
                         &ok);
    if (!ok)
        return m_sql.failed<AppendedMessage>(insert);
    m.id = m_sql.insertedId(insert);
    if (m.id > 0) {
        auto indexed = indexesApart() ? StoreResult<bool>::success(true) : indexMessage(m);
        if (indexed.ok() && input.replyTo > 0)
            indexed = storeReply(m, input.replyTo);
        if (!indexed.ok())
            return R::fail(indexed.failure, indexed.detail);
        // The conversation's last activity is updated once per batch (finishBatch).
        out.message = m;
        return R::success(out);
    }
    m_sql.returnRev(); // not taken: the message exists
    return storedOriginal(input, m.conversationId, out);
}

StoreResult<AppendedMessage> SqlStore::storedOriginal(const NewMessage &input,
                                                      qint64 conversationId, AppendedMessage out)
{
    using R = StoreResult<AppendedMessage>;
    bool ok = false;
    QSqlQuery &dup =
        m_sql.exec(kMessageSelect + QStringLiteral("WHERE m.sender_id = ? AND m.client_id = ?"),
                   {input.senderId, input.clientId.toString(QUuid::WithoutBraces)}, &ok);
    if (!ok)
        return m_sql.failed<AppendedMessage>(dup);
    if (!dup.next()) // the conflicting row is committed: writers run one after another
        return R::fail(StoreFailure::Internal, QStringLiteral("duplicate client_id not found"));
    out.message = messageFromRow(dup);
    dup.finish();
    if (const auto decorated = decorate(out.message); !decorated.ok())
        return R::fail(decorated.failure, decorated.detail);
    out.duplicate = true;
    out.conversationCreated = false;
    if (out.message.conversationId != conversationId) {
        // A client_id reused for another conversation: the original stands.
        const auto member = membership(out.message.conversationId, input.senderId);
        out.recipientId = member.ok() ? member.value.peerId : 0;
    }
    return R::success(out);
}

QList<StoreResult<AppendedMessage>> SqlStore::appendMessages(const QList<NewMessage> &batch)
{
    QList<StoreResult<AppendedMessage>> results;
    results.reserve(batch.size());
    const auto failAll = [&](StoreFailure failure, const QString &detail) {
        results.clear();
        for (qsizetype i = 0; i < batch.size(); ++i)
            results.append(StoreResult<AppendedMessage>::fail(failure, detail));
        return results;
    };
    m_sql.beforeBatch(batch.size());
    // Beside other instances' batches and receipt moves (see WriteMode): conversations are
    // created with ON CONFLICT, touched in id order and never backwards, receipts locked as
    // they are read.
    if (!m_sql.beginWrite(SqlConnection::WriteMode::Concurrent))
        return failAll(StoreFailure::Unavailable, m_sql.transactionError());
    // PostgreSQL answers each statement over the network: runs of plain messages go in
    // together (appendRun). In order, so ids follow the batch's order.
    const bool inRuns = m_sql.kind() == SqlDialect::Kind::Postgres;
    for (qsizetype i = 0; i < batch.size(); ++i)
        results.append(StoreResult<AppendedMessage>::fail(StoreFailure::Internal));
    QList<qsizetype> run;
    const auto endRun = [&] {
        const auto appended =
            run.isEmpty() ? StoreResult<bool>::success(true) : appendRun(batch, run, results);
        run.clear();
        return appended;
    };
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const NewMessage &input = batch[i];
        if (inRuns && !input.file && input.replyTo <= 0) {
            run.append(i);
            continue;
        }
        if (const auto appended = endRun(); !appended.ok()) {
            m_sql.rollback();
            return failAll(appended.failure, appended.detail);
        }
        auto r = appendOne(input);
        // NotFound/Conflict without a failed statement come from checks before any write and
        // fail only that element. A failed statement may have left partial writes (and
        // aborts a PostgreSQL transaction): the batch is rolled back.
        if (!r.ok() && m_sql.statementFailed()) {
            m_sql.rollback();
            return failAll(r.failure, r.detail);
        }
        results[i] = std::move(r);
    }
    if (const auto appended = endRun(); !appended.ok()) {
        m_sql.rollback();
        return failAll(appended.failure, appended.detail);
    }
    const auto finished = finishBatch(batch, results);
    if (!finished.ok()) {
        m_sql.rollback();
        return failAll(finished.failure, finished.detail);
    }
    if (!m_sql.commit())
        return failAll(StoreFailure::Unavailable, m_sql.transactionError());
    searchIndexChanged();
    return results;
}

// Who each group message of the batch goes to: its group's members as this transaction sees
// them, so the fan-out after the commit reads nothing (a read per message on the event loop
// was ~6 % of its time with groups, and a round trip each on PostgreSQL).
StoreResult<bool> SqlStore::readAudiences(const QHash<qint64, QList<qsizetype>> &groups,
                                          QList<StoreResult<AppendedMessage>> &results)
{
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const auto members = memberIds(it.key());
        if (!members.ok())
            return StoreResult<bool>::fail(members.failure, members.detail);
        for (const qsizetype i : it.value())
            results[i].value.audience = members.value; // shared, not copied
    }
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::finishBatch(const QList<NewMessage> &batch,
                                        QList<StoreResult<AppendedMessage>> &results)
{
    // Per conversation: its newest new message, and the last one whose recipient is to be
    // marked delivered (one move per conversation).
    QHash<qint64, qsizetype> newest;
    QHash<qint64, qsizetype> delivered;
    QHash<qint64, QList<qsizetype>> groups; // a group's new messages
    for (qsizetype i = 0; i < results.size() && i < batch.size(); ++i) {
        if (!results[i].ok() || results[i].value.duplicate)
            continue;
        newest[results[i].value.message.conversationId] = i;
        if (batch[i].markDelivered && results[i].value.recipientId > 0)
            delivered[results[i].value.message.conversationId] = i;
        if (results[i].value.recipientId == 0)
            groups[results[i].value.message.conversationId].append(i);
    }
    if (const auto read = readAudiences(groups, results); !read.ok())
        return read;
    // One update per conversation in the batch, not per message: with 8 messages in flight
    // per sender that was a quarter of the statements. PostgreSQL: one for all of them.
    if (m_sql.kind() == SqlDialect::Kind::Postgres) {
        QList<const Message *> touched;
        touched.reserve(newest.size());
        for (auto it = newest.cbegin(); it != newest.cend(); ++it)
            touched.append(&results[it.value()].value.message);
        if (const auto touchedAll = touchConversations(touched); !touchedAll.ok())
            return touchedAll;
        newest.clear();
    }
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        const Message &m = results[it.value()].value.message;
        bool ok = false;
        QSqlQuery &touch = m_sql.exec(QStringLiteral("UPDATE conversations SET last_activity = ?, "
                                                     "last_message_id = ? WHERE id = ?"),
                                      {m.createdAt, m.id, m.conversationId}, &ok);
        if (!ok)
            return m_sql.failed<bool>(touch);
    }
    // After the update above: the receipt is clamped to the conversation's newest message.
    if (m_sql.kind() == SqlDialect::Kind::Postgres) {
        QList<AppendedMessage *> marks;
        marks.reserve(delivered.size());
        for (auto it = delivered.cbegin(); it != delivered.cend(); ++it)
            marks.append(&results[it.value()].value);
        return markDeliveredTogether(marks);
    }
    for (auto it = delivered.cbegin(); it != delivered.cend(); ++it) {
        AppendedMessage &appended = results[it.value()].value;
        const auto moved =
            moveReceiptInTransaction(it.key(), appended.recipientId, appended.message.id, false);
        if (moved.ok())
            appended.delivered = moved.value;
        else if (m_sql.statementFailed())
            return StoreResult<bool>::fail(moved.failure, moved.detail);
    }
    return StoreResult<bool>::success(true);
}

StoreResult<QList<Message>> SqlStore::history(qint64 userId, qint64 conversationId, qint64 before,
                                              int limit)
{
    using R = StoreResult<QList<Message>>;
    const auto member = membership(conversationId, userId);
    if (!member.ok())
        return R::fail(member.failure, member.detail);
    bool ok = false;
    QSqlQuery &q = m_sql.exec(
        kMessageSelect + QStringLiteral("WHERE m.conversation_id = ? AND m.id < ? AND m.id >= ? "
                                        "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                        "WHERE h.user_id = ? AND h.message_id = m.id) "
                                        "ORDER BY m.id DESC LIMIT ?"),
        {conversationId, before > 0 ? before : limits::kMaxId + 1, member.value.joinedFrom, userId,
         limit},
        &ok);
    if (!ok)
        return m_sql.failed<QList<Message>>(q);
    QList<Message> out;
    out.reserve(limit);
    while (q.next())
        out.append(messageFromRow(q));
    q.finish();
    if (const auto decorated = decorate(out); !decorated.ok())
        return R::fail(decorated.failure, decorated.detail);
    return R::success(out);
}

StoreResult<QList<Message>> SqlStore::historyAfter(qint64 userId, qint64 conversationId,
                                                   qint64 after, int limit)
{
    using R = StoreResult<QList<Message>>;
    // A group member sees from the line that added them (as history()).
    const auto member = membership(conversationId, userId);
    if (!member.ok())
        return R::fail(member.failure, member.detail);
    bool ok = false;
    QSqlQuery &q = m_sql.exec(
        kMessageSelect + QStringLiteral("WHERE m.conversation_id = ? AND m.id > ? AND m.id >= ? "
                                        "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                        "WHERE h.user_id = ? AND h.message_id = m.id) "
                                        "ORDER BY m.id LIMIT ?"),
        {conversationId, after, member.value.joinedFrom, userId, limit}, &ok);
    if (!ok)
        return m_sql.failed<QList<Message>>(q);
    QList<Message> out;
    out.reserve(limit);
    while (q.next())
        out.append(messageFromRow(q));
    q.finish();
    if (const auto decorated = decorate(out); !decorated.ok())
        return R::fail(decorated.failure, decorated.detail);
    return R::success(out);
}

StoreResult<Message> SqlStore::message(qint64 messageId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(kMessageSelect + QStringLiteral("WHERE m.id = ?"), {messageId}, &ok);
    if (!ok)
        return m_sql.failed<Message>(q);
    if (!q.next())
        return StoreResult<Message>::fail(StoreFailure::NotFound);
    Message m = messageFromRow(q);
    q.finish();
    if (const auto decorated = decorate(m); !decorated.ok())
        return StoreResult<Message>::fail(decorated.failure, decorated.detail);
    return StoreResult<Message>::success(m);
}

StoreResult<Message> SqlStore::editMessage(qint64 messageId, const QString &content,
                                           qint64 editedAt)
{
    const auto edited = m_sql.inTransaction<Message>([&]() -> StoreResult<Message> {
        auto current = message(messageId);
        if (!current.ok())
            return current;
        if (current.value.deleted)
            return StoreResult<Message>::fail(StoreFailure::Conflict, QStringLiteral("deleted"));
        bool ok = false;
        QSqlQuery &keep = m_sql.exec(QStringLiteral("INSERT INTO message_edits (message_id, "
                                                    "content, edited_at) VALUES (?, ?, ?)"),
                                     {messageId, current.value.content, editedAt}, &ok);
        if (!ok)
            return m_sql.failed<Message>(keep);
        Message m = current.value;
        m.content = content;
        m.editedAt = editedAt;
        m.rev = m_sql.takeRev();
        QSqlQuery &update = m_sql.exec(
            QStringLiteral("UPDATE messages SET content = ?, edited_at = ?, rev = ? WHERE id = ?"),
            {m.content, editedAt, m.rev, messageId}, &ok);
        if (!ok)
            return m_sql.failed<Message>(update);
        auto indexed = indexesApart() ? recordSearchChange(messageId, current.value.content)
                                      : unindexMessage(current.value);
        if (indexed.ok() && !indexesApart())
            indexed = indexMessage(m);
        if (!indexed.ok())
            return StoreResult<Message>::fail(indexed.failure, indexed.detail);
        return StoreResult<Message>::success(m);
    });
    if (edited.ok())
        searchIndexChanged();
    return edited;
}

StoreResult<QList<EditRecord>> SqlStore::editHistory(qint64 messageId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT content, edited_at FROM message_edits "
                                             "WHERE message_id = ? ORDER BY id"),
                              {messageId}, &ok);
    if (!ok)
        return m_sql.failed<QList<EditRecord>>(q);
    QList<EditRecord> out;
    while (q.next())
        out.append(EditRecord{q.value(0).toString(), q.value(1).toLongLong()});
    return StoreResult<QList<EditRecord>>::success(out);
}

StoreResult<Message> SqlStore::deleteForEveryone(qint64 messageId, qint64 at)
{
    const auto deleted = m_sql.inTransaction<Message>([&]() -> StoreResult<Message> {
        auto current = message(messageId);
        if (!current.ok() || current.value.deleted)
            return current; // deleting twice is fine (and keeps the first time)
        bool ok = false;
        QSqlQuery &drop = m_sql.exec(
            QStringLiteral("DELETE FROM message_edits WHERE message_id = ?"), {messageId}, &ok);
        if (!ok)
            return m_sql.failed<Message>(drop);
        // The tombstone keeps created_at; edited_at says when it was deleted (its last change).
        Message m = current.value;
        m.content.clear();
        m.reactions.clear(); // a tombstone shows none
        m.file.reset(); // the reference goes: nobody downloads it through this message any more
        m.deleted = true;
        m.editedAt = at;
        m.rev = m_sql.takeRev();
        QSqlQuery &update =
            m_sql.exec(QStringLiteral("UPDATE messages SET content = '', deleted = TRUE, "
                                      "file_id = NULL, file = NULL, "
                                      "edited_at = ?, rev = ? WHERE id = ?"),
                       {at, m.rev, messageId}, &ok);
        if (!ok)
            return m_sql.failed<Message>(update);
        const auto unindexed = indexesApart() ? recordSearchChange(messageId, current.value.content)
                                              : unindexMessage(current.value);
        if (!unindexed.ok())
            return StoreResult<Message>::fail(unindexed.failure, unindexed.detail);
        return StoreResult<Message>::success(m);
    });
    if (deleted.ok())
        searchIndexChanged();
    return deleted;
}

StoreResult<HiddenMessage> SqlStore::hideForUser(qint64 userId, qint64 messageId)
{
    using R = StoreResult<HiddenMessage>;
    return m_sql.inTransaction<HiddenMessage>([&]() -> R {
        const auto m = message(messageId);
        if (!m.ok())
            return R::fail(m.failure, m.detail);
        const auto member = membership(m.value.conversationId, userId);
        if (!member.ok())
            return R::fail(member.failure, member.detail);
        if (m.value.id < member.value.joinedFrom) // from before they joined: not theirs to see
            return R::fail(StoreFailure::NotFound);
        bool ok = false;
        QSqlQuery &existing = m_sql.exec(QStringLiteral("SELECT rev FROM hidden_messages "
                                                        "WHERE user_id = ? AND message_id = ?"),
                                         {userId, messageId}, &ok);
        if (!ok)
            return m_sql.failed<HiddenMessage>(existing);
        if (existing.next()) { // hiding twice is fine
            const HiddenMessage h{m.value.conversationId, messageId,
                                  existing.value(0).toLongLong()};
            existing.finish();
            return R::success(h);
        }
        const HiddenMessage h{m.value.conversationId, messageId, m_sql.takeRev()};
        QSqlQuery &insert = m_sql.exec(QStringLiteral("INSERT INTO hidden_messages "
                                                      "(user_id, message_id, conversation_id, "
                                                      "rev) VALUES (?, ?, ?, ?)"),
                                       {userId, messageId, h.conversationId, h.rev}, &ok);
        if (!ok)
            return m_sql.failed<HiddenMessage>(insert);
        return R::success(h);
    });
}

} // namespace natter::server
