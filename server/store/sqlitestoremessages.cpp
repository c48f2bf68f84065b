// SqliteStore: messages, receipts and sync (the hot paths). Users/tokens/conversations are in
// sqlitestore.cpp.
#include "sqlitestore.h"

#include "protocollimits.h"
#include "storerows.h"

#include <QSqlError>

#include <algorithm>
#include <limits>

namespace natter::server {
namespace {

const QString kMessageSelect = QStringLiteral(
    "SELECT m.id, m.conversation_id, m.sender_id, m.client_id, m.content, m.created_at, "
    "m.edited_at, m.deleted, m.rev FROM messages m ");

} // namespace

StoreResult<AppendedMessage> SqliteStore::appendOne(const NewMessage &input)
{
    using R = StoreResult<AppendedMessage>;
    bool ok = false;
    AppendedMessage out;
    qint64 conversationId = input.conversationId;
    qint64 recipientId = input.recipientId;

    if (conversationId > 0) {
        const auto peer = peerOf(conversationId, input.senderId);
        if (!peer.ok()) {
            return peer.failure == StoreFailure::NotFound
                       ? R::fail(StoreFailure::NotFound, QStringLiteral("not a participant"))
                       : R::fail(peer.failure, peer.detail);
        }
        recipientId = peer.value;
    } else {
        if (recipientId == input.senderId)
            return R::fail(StoreFailure::Conflict, QStringLiteral("self"));
        QSqlQuery &user =
            exec(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {recipientId}, &ok);
        if (!ok)
            return failed<AppendedMessage>(user);
        if (!user.next())
            return R::fail(StoreFailure::NotFound, QStringLiteral("no such user"));
        user.finish();
        const qint64 a = std::min(input.senderId, recipientId);
        const qint64 b = std::max(input.senderId, recipientId);
        QSqlQuery &find =
            exec(QStringLiteral("SELECT id FROM conversations WHERE user_a = ? AND user_b = ?"),
                 {a, b}, &ok);
        if (!ok)
            return failed<AppendedMessage>(find);
        if (find.next()) {
            conversationId = find.value(0).toLongLong();
            find.finish();
        } else {
            find.finish();
            QSqlQuery &create = exec(QStringLiteral("INSERT INTO conversations "
                                                    "(user_a, user_b, created_at, last_activity) "
                                                    "VALUES (?, ?, ?, ?)"),
                                     {a, b, input.createdAt, input.createdAt}, &ok);
            if (!ok)
                return failed<AppendedMessage>(create);
            conversationId = create.lastInsertId().toLongLong();
            for (const auto &[member, peer] : {std::pair{a, b}, std::pair{b, a}}) {
                QSqlQuery &part = exec(QStringLiteral("INSERT INTO participants "
                                                      "(conversation_id, user_id, peer_id) "
                                                      "VALUES (?, ?, ?)"),
                                       {conversationId, member, peer}, &ok);
                if (!ok)
                    return failed<AppendedMessage>(part);
            }
            out.conversationCreated = true;
        }
    }
    out.recipientId = recipientId;

    // Idempotency: the same (sender, client_id) is the same message. The insert checks the
    // unique index anyway; looking the pair up first walked that index twice per message.
    const QString clientId = input.clientId.toString(QUuid::WithoutBraces);
    Message m;
    m.conversationId = conversationId;
    m.senderId = input.senderId;
    m.clientId = input.clientId;
    m.content = input.content;
    m.createdAt = input.createdAt;
    m.rev = ++m_rev;
    QSqlQuery &insert =
        exec(QStringLiteral("INSERT INTO messages (conversation_id, sender_id, "
                            "client_id, content, created_at, rev) "
                            "VALUES (?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (sender_id, client_id) DO NOTHING"),
             {m.conversationId, m.senderId, clientId, m.content, m.createdAt, m.rev}, &ok);
    if (!ok)
        return failed<AppendedMessage>(insert);
    if (insert.numRowsAffected() > 0) {
        m.id = insert.lastInsertId().toLongLong();
        // The conversation's last activity is updated once per batch (appendMessages).
        out.message = m;
        return R::success(out);
    }
    --m_rev; // not taken: the message exists

    QSqlQuery &dup =
        exec(kMessageSelect + QStringLiteral("WHERE m.sender_id = ? AND m.client_id = ?"),
             {input.senderId, clientId}, &ok);
    if (!ok)
        return failed<AppendedMessage>(dup);
    if (!dup.next())
        return R::fail(StoreFailure::Internal, QStringLiteral("duplicate client_id not found"));
    out.message = messageFromRow(dup);
    dup.finish();
    out.duplicate = true;
    out.conversationCreated = false;
    if (out.message.conversationId != conversationId) {
        // A client_id reused for another conversation: the original stands.
        const auto peer = peerOf(out.message.conversationId, input.senderId);
        if (peer.ok())
            out.recipientId = peer.value;
    }
    return R::success(out);
}

QList<StoreResult<AppendedMessage>> SqliteStore::appendMessages(const QList<NewMessage> &batch)
{
    QList<StoreResult<AppendedMessage>> results;
    results.reserve(batch.size());
    if (!begin()) {
        const QString detail = lastErrorText();
        for (qsizetype i = 0; i < batch.size(); ++i)
            results.append(StoreResult<AppendedMessage>::fail(StoreFailure::Unavailable, detail));
        return results;
    }
    bool sqlFailed = false;
    for (const NewMessage &input : batch) {
        auto r = appendOne(input);
        // NotFound/Conflict come from checks before any write; anything else is an SQL error
        // that may have left partial writes, so the whole batch is rolled back.
        if (!r.ok() && r.failure != StoreFailure::NotFound && r.failure != StoreFailure::Conflict)
            sqlFailed = true;
        results.append(std::move(r));
        if (sqlFailed)
            break;
    }
    if (!sqlFailed) {
        // One update per conversation in the batch, not per message: with 8 messages in
        // flight per sender that was a quarter of the statements.
        QHash<qint64, qsizetype> newest;
        for (qsizetype i = 0; i < results.size(); ++i) {
            if (results[i].ok() && !results[i].value.duplicate)
                newest[results[i].value.message.conversationId] = i;
        }
        for (auto it = newest.cbegin(); it != newest.cend() && !sqlFailed; ++it) {
            const Message &m = results[it.value()].value.message;
            bool ok = false;
            QSqlQuery &touch = exec(QStringLiteral("UPDATE conversations SET last_activity = ?, "
                                                   "last_message_id = ? WHERE id = ?"),
                                    {m.createdAt, m.id, m.conversationId}, &ok);
            if (!ok) {
                sqlFailed = true;
                results.append(failed<AppendedMessage>(touch));
            }
        }
    }
    if (!sqlFailed) {
        const auto last = lastDeliveredPerConversation(batch, results);
        for (auto it = last.cbegin(); it != last.cend() && !sqlFailed; ++it) {
            AppendedMessage &appended = results[it.value()].value;
            auto moved = moveReceiptInTransaction(it.key(), appended.recipientId,
                                                  appended.message.id, false);
            if (moved.ok())
                appended.delivered = moved.value;
            else if (moved.failure != StoreFailure::NotFound) {
                sqlFailed = true;
                results.append(StoreResult<AppendedMessage>::fail(moved.failure, moved.detail));
            }
        }
    }
    if (sqlFailed || !commit()) {
        const StoreFailure failure = sqlFailed ? results.last().failure : StoreFailure::Unavailable;
        const QString detail = sqlFailed ? results.last().detail : lastErrorText();
        if (sqlFailed)
            rollback();
        results.clear();
        for (qsizetype i = 0; i < batch.size(); ++i)
            results.append(StoreResult<AppendedMessage>::fail(failure, detail));
    }
    return results;
}

StoreResult<QList<Message>> SqliteStore::history(qint64 userId, qint64 conversationId,
                                                 qint64 before, int limit)
{
    using R = StoreResult<QList<Message>>;
    const auto peer = peerOf(conversationId, userId);
    if (!peer.ok())
        return R::fail(peer.failure, peer.detail);
    bool ok = false;
    QSqlQuery &q =
        exec(kMessageSelect + QStringLiteral("WHERE m.conversation_id = ? AND m.id < ? "
                                             "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                             "WHERE h.user_id = ? AND h.message_id = m.id) "
                                             "ORDER BY m.id DESC LIMIT ?"),
             {conversationId, before > 0 ? before : limits::kMaxId + 1, userId, limit}, &ok);
    if (!ok)
        return failed<QList<Message>>(q);
    QList<Message> out;
    out.reserve(limit);
    while (q.next())
        out.append(messageFromRow(q));
    return R::success(out);
}

StoreResult<Message> SqliteStore::message(qint64 messageId)
{
    bool ok = false;
    QSqlQuery &q = exec(kMessageSelect + QStringLiteral("WHERE m.id = ?"), {messageId}, &ok);
    if (!ok)
        return failed<Message>(q);
    if (!q.next())
        return StoreResult<Message>::fail(StoreFailure::NotFound);
    const Message m = messageFromRow(q);
    q.finish();
    return StoreResult<Message>::success(m);
}

StoreResult<Message> SqliteStore::editMessage(qint64 messageId, const QString &content,
                                              qint64 editedAt)
{
    return inTransaction<Message>([&]() -> StoreResult<Message> {
        auto current = message(messageId);
        if (!current.ok())
            return current;
        if (current.value.deleted)
            return StoreResult<Message>::fail(StoreFailure::Conflict, QStringLiteral("deleted"));
        bool ok = false;
        QSqlQuery &keep = exec(QStringLiteral("INSERT INTO message_edits (message_id, content, "
                                              "edited_at) VALUES (?, ?, ?)"),
                               {messageId, current.value.content, editedAt}, &ok);
        if (!ok)
            return failed<Message>(keep);
        Message m = current.value;
        m.content = content;
        m.editedAt = editedAt;
        m.rev = ++m_rev;
        QSqlQuery &update = exec(
            QStringLiteral("UPDATE messages SET content = ?, edited_at = ?, rev = ? WHERE id = ?"),
            {m.content, editedAt, m.rev, messageId}, &ok);
        if (!ok)
            return failed<Message>(update);
        return StoreResult<Message>::success(m);
    });
}

StoreResult<QList<EditRecord>> SqliteStore::editHistory(qint64 messageId)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT content, edited_at FROM message_edits "
                                       "WHERE message_id = ? ORDER BY id"),
                        {messageId}, &ok);
    if (!ok)
        return failed<QList<EditRecord>>(q);
    QList<EditRecord> out;
    while (q.next())
        out.append(EditRecord{q.value(0).toString(), q.value(1).toLongLong()});
    return StoreResult<QList<EditRecord>>::success(out);
}

StoreResult<Message> SqliteStore::deleteForEveryone(qint64 messageId, qint64 at)
{
    Q_UNUSED(at); // the tombstone keeps created_at; the rev orders the change
    return inTransaction<Message>([&]() -> StoreResult<Message> {
        auto current = message(messageId);
        if (!current.ok() || current.value.deleted)
            return current; // deleting twice is fine
        bool ok = false;
        QSqlQuery &drop = exec(QStringLiteral("DELETE FROM message_edits WHERE message_id = ?"),
                               {messageId}, &ok);
        if (!ok)
            return failed<Message>(drop);
        Message m = current.value;
        m.content.clear();
        m.deleted = true;
        m.rev = ++m_rev;
        QSqlQuery &update = exec(
            QStringLiteral("UPDATE messages SET content = '', deleted = 1, rev = ? WHERE id = ?"),
            {m.rev, messageId}, &ok);
        if (!ok)
            return failed<Message>(update);
        return StoreResult<Message>::success(m);
    });
}

StoreResult<HiddenMessage> SqliteStore::hideForUser(qint64 userId, qint64 messageId)
{
    using R = StoreResult<HiddenMessage>;
    return inTransaction<HiddenMessage>([&]() -> R {
        const auto m = message(messageId);
        if (!m.ok())
            return R::fail(m.failure, m.detail);
        const auto peer = peerOf(m.value.conversationId, userId);
        if (!peer.ok())
            return R::fail(peer.failure, peer.detail);
        bool ok = false;
        QSqlQuery &existing = exec(QStringLiteral("SELECT rev FROM hidden_messages "
                                                  "WHERE user_id = ? AND message_id = ?"),
                                   {userId, messageId}, &ok);
        if (!ok)
            return failed<HiddenMessage>(existing);
        if (existing.next()) { // hiding twice is fine
            const HiddenMessage h{m.value.conversationId, messageId,
                                  existing.value(0).toLongLong()};
            existing.finish();
            return R::success(h);
        }
        const HiddenMessage h{m.value.conversationId, messageId, ++m_rev};
        QSqlQuery &insert = exec(QStringLiteral("INSERT INTO hidden_messages "
                                                "(user_id, message_id, conversation_id, rev) "
                                                "VALUES (?, ?, ?, ?)"),
                                 {userId, messageId, h.conversationId, h.rev}, &ok);
        if (!ok)
            return failed<HiddenMessage>(insert);
        return R::success(h);
    });
}

StoreResult<std::optional<Receipt>> SqliteStore::moveReceipt(qint64 conversationId, qint64 userId,
                                                             qint64 upTo, bool read)
{
    return inTransaction<std::optional<Receipt>>(
        [&]() { return moveReceiptInTransaction(conversationId, userId, upTo, read); });
}

StoreResult<std::optional<Receipt>>
SqliteStore::moveReceiptInTransaction(qint64 conversationId, qint64 userId, qint64 upTo, bool read)
{
    using R = StoreResult<std::optional<Receipt>>;
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT p.read_up_to, p.delivered_up_to, p.rev, "
                                       "c.last_message_id FROM participants p "
                                       "JOIN conversations c ON c.id = p.conversation_id "
                                       "WHERE p.conversation_id = ? AND p.user_id = ?"),
                        {conversationId, userId}, &ok);
    if (!ok)
        return failed<std::optional<Receipt>>(q);
    if (!q.next())
        return R::fail(StoreFailure::NotFound);
    Receipt r{conversationId, userId, q.value(0).toLongLong(), q.value(1).toLongLong(),
              q.value(2).toLongLong()};
    const qint64 newest = q.value(3).toLongLong();
    q.finish();

    const std::optional<Receipt> moved = advanceReceipt(r, newest, upTo, read);
    if (!moved)
        return R::success(std::nullopt); // never backwards; nothing changed
    r = *moved;
    r.rev = ++m_rev;
    QSqlQuery &update = exec(QStringLiteral("UPDATE participants SET read_up_to = ?, "
                                            "delivered_up_to = ?, rev = ? "
                                            "WHERE conversation_id = ? AND user_id = ?"),
                             {r.readUpTo, r.deliveredUpTo, r.rev, conversationId, userId}, &ok);
    if (!ok)
        return failed<std::optional<Receipt>>(update);
    return R::success(r);
}

StoreResult<QList<Receipt>> SqliteStore::markDeliveredAll(const QList<DeliveryMark> &marks)
{
    using R = StoreResult<QList<Receipt>>;
    return inTransaction<QList<Receipt>>([&]() -> R {
        QList<Receipt> moved;
        for (const DeliveryMark &mark : marks) {
            const auto one =
                moveReceiptInTransaction(mark.conversationId, mark.userId, mark.upTo, false);
            if (!one.ok() && one.failure != StoreFailure::NotFound)
                return R::fail(one.failure, one.detail);
            if (one.ok() && one.value)
                moved.append(*one.value);
        }
        return R::success(moved);
    });
}

StoreResult<std::optional<Receipt>> SqliteStore::markRead(qint64 conversationId, qint64 userId,
                                                          qint64 upTo)
{
    return moveReceipt(conversationId, userId, upTo, true);
}

StoreResult<std::optional<Receipt>> SqliteStore::markDelivered(qint64 conversationId, qint64 userId,
                                                               qint64 upTo)
{
    return moveReceipt(conversationId, userId, upTo, false);
}

StoreResult<ChangePage> SqliteStore::changesSince(qint64 userId, qint64 since, int limit)
{
    using R = StoreResult<ChangePage>;
    // Each source returns at most limit+1 rows in rev order; the merge takes the first
    // `limit` by rev, so a page never skips a change that a later page would not return.
    bool ok = false;
    QList<Message> messages;
    QSqlQuery &qm =
        exec(QStringLiteral("SELECT m.id, m.conversation_id, m.sender_id, m.client_id, m.content, "
                            "m.created_at, m.edited_at, m.deleted, m.rev FROM messages m "
                            "JOIN participants p ON p.conversation_id = m.conversation_id "
                            "AND p.user_id = ? WHERE m.rev > ? "
                            "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                            "WHERE h.user_id = ? AND h.message_id = m.id) ORDER BY m.rev LIMIT ?"),
             {userId, since, userId, limit + 1}, &ok);
    if (!ok)
        return failed<ChangePage>(qm);
    while (qm.next())
        messages.append(messageFromRow(qm));

    QList<Receipt> receipts;
    QSqlQuery &qr =
        exec(QStringLiteral(
                 "SELECT q.conversation_id, q.user_id, q.read_up_to, q.delivered_up_to, q.rev "
                 "FROM participants p JOIN participants q "
                 "ON q.conversation_id = p.conversation_id "
                 "WHERE p.user_id = ? AND q.rev > ? ORDER BY q.rev LIMIT ?"),
             {userId, since, limit + 1}, &ok);
    if (!ok)
        return failed<ChangePage>(qr);
    while (qr.next())
        receipts.append(Receipt{qr.value(0).toLongLong(), qr.value(1).toLongLong(),
                                qr.value(2).toLongLong(), qr.value(3).toLongLong(),
                                qr.value(4).toLongLong()});

    QList<HiddenMessage> hidden;
    QSqlQuery &qh =
        exec(QStringLiteral("SELECT conversation_id, message_id, rev FROM hidden_messages "
                            "WHERE user_id = ? AND rev > ? ORDER BY rev LIMIT ?"),
             {userId, since, limit + 1}, &ok);
    if (!ok)
        return failed<ChangePage>(qh);
    while (qh.next())
        hidden.append(HiddenMessage{qh.value(0).toLongLong(), qh.value(1).toLongLong(),
                                    qh.value(2).toLongLong()});

    ChangePage page;
    page.rev = since;
    qsizetype im = 0, ir = 0, ih = 0;
    constexpr qint64 kNone = std::numeric_limits<qint64>::max();
    for (int taken = 0; taken < limit; ++taken) {
        const qint64 rm = im < messages.size() ? messages[im].rev : kNone;
        const qint64 rr = ir < receipts.size() ? receipts[ir].rev : kNone;
        const qint64 rh = ih < hidden.size() ? hidden[ih].rev : kNone;
        const qint64 next = std::min({rm, rr, rh});
        if (next == kNone)
            break;
        if (next == rm)
            page.messages.append(messages[im++]);
        else if (next == rr)
            page.receipts.append(receipts[ir++]);
        else
            page.hidden.append(hidden[ih++]);
        page.rev = next;
    }
    page.hasMore = im < messages.size() || ir < receipts.size() || ih < hidden.size();
    return R::success(page);
}

} // namespace natter::server
