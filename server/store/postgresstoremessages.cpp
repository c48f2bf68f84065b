// PostgresStore: messages, receipts and sync (the hot paths). Connection, users, tokens and
// conversations are in postgresstore.cpp.
#include "postgresstore.h"

#include "protocollimits.h"
#include "storerows.h"

#include <QSqlError>

#include <algorithm>
#include <limits>

namespace natter::server {

QString PostgresStore::messageColumns(const QString &alias)
{
    return QStringLiteral("%1.id, %1.conversation_id, %1.sender_id, %1.client_id, %1.content, "
                          "%1.created_at, %1.edited_at, %1.deleted, %1.rev")
        .arg(alias);
}

namespace {

const QString kMessageSelect = QStringLiteral(
    "SELECT m.id, m.conversation_id, m.sender_id, m.client_id, m.content, m.created_at, "
    "m.edited_at, m.deleted, m.rev FROM messages m ");

const QString kNotHidden = QStringLiteral("NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                          "WHERE h.user_id = ? AND h.message_id = m.id)");

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

// The conversation a new message goes to: the given one (the sender must take part) or the
// one with the recipient, created on first use.
StoreResult<qint64> PostgresStore::conversationFor(const NewMessage &input, AppendedMessage *out)
{
    using R = StoreResult<qint64>;
    bool ok = false;
    if (input.conversationId > 0) {
        QSqlQuery &q = exec(QStringLiteral("SELECT peer_id FROM participants "
                                           "WHERE conversation_id = ? AND user_id = ?"),
                            {input.conversationId, input.senderId}, &ok);
        if (!ok)
            return failed<qint64>(q);
        if (!q.next())
            return R::fail(StoreFailure::NotFound, QStringLiteral("not a participant"));
        out->recipientId = q.value(0).toLongLong();
        q.finish();
        return R::success(input.conversationId);
    }

    if (input.recipientId == input.senderId)
        return R::fail(StoreFailure::Conflict, QStringLiteral("self"));
    QSqlQuery &user =
        exec(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {input.recipientId}, &ok);
    if (!ok)
        return failed<qint64>(user);
    if (!user.next())
        return R::fail(StoreFailure::NotFound, QStringLiteral("no such user"));
    user.finish();
    out->recipientId = input.recipientId;

    const qint64 a = std::min(input.senderId, input.recipientId);
    const qint64 b = std::max(input.senderId, input.recipientId);
    QSqlQuery &find =
        exec(QStringLiteral("SELECT id FROM conversations WHERE user_a = ? AND user_b = ?"), {a, b},
             &ok);
    if (!ok)
        return failed<qint64>(find);
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        return R::success(id);
    }
    find.finish();
    QSqlQuery &create = exec(QStringLiteral("INSERT INTO conversations "
                                            "(user_a, user_b, created_at, last_activity) "
                                            "VALUES (?, ?, ?, ?) RETURNING id"),
                             {a, b, input.createdAt, input.createdAt}, &ok);
    if (!ok || !create.next())
        return failed<qint64>(create);
    const qint64 id = create.value(0).toLongLong();
    create.finish();
    for (const auto &[member, peer] : {std::pair{a, b}, std::pair{b, a}}) {
        QSqlQuery &part = exec(QStringLiteral("INSERT INTO participants "
                                              "(conversation_id, user_id, peer_id) "
                                              "VALUES (?, ?, ?)"),
                               {id, member, peer}, &ok);
        if (!ok)
            return failed<qint64>(part);
    }
    out->conversationCreated = true;
    return R::success(id);
}

StoreResult<AppendedMessage> PostgresStore::appendOne(const NewMessage &input)
{
    using R = StoreResult<AppendedMessage>;
    AppendedMessage out;
    const auto conversation = conversationFor(input, &out);
    if (!conversation.ok())
        return R::fail(conversation.failure, conversation.detail);

    Message m;
    m.conversationId = conversation.value;
    m.senderId = input.senderId;
    m.clientId = input.clientId;
    m.content = input.content;
    m.createdAt = input.createdAt;
    m.rev = m_rev + 1;
    // Idempotency: the same (sender, client_id) is the same message; the insert does nothing
    // and the original is returned.
    bool ok = false;
    QSqlQuery &insert = exec(
        QStringLiteral("INSERT INTO messages (conversation_id, sender_id, "
                       "client_id, content, created_at, rev) VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING id"),
        {m.conversationId, m.senderId, uuidText(m.clientId), m.content, m.createdAt, m.rev}, &ok);
    if (!ok)
        return failed<AppendedMessage>(insert);
    if (insert.next()) {
        m.id = insert.value(0).toLongLong();
        insert.finish();
        m_rev = m.rev;
        QSqlQuery &touch = exec(QStringLiteral("UPDATE conversations SET last_activity = ?, "
                                               "last_message_id = ? WHERE id = ?"),
                                {m.createdAt, m.id, m.conversationId}, &ok);
        if (!ok)
            return failed<AppendedMessage>(touch);
        out.message = m;
        return R::success(out);
    }
    insert.finish();

    QSqlQuery &dup =
        exec(kMessageSelect + QStringLiteral("WHERE m.sender_id = ? AND m.client_id = ?"),
             {input.senderId, uuidText(input.clientId)}, &ok);
    if (!ok)
        return failed<AppendedMessage>(dup);
    if (!dup.next()) // the conflicting row is committed: the revision lock orders writers
        return R::fail(StoreFailure::Internal, QStringLiteral("duplicate client_id not found"));
    out.message = messageFromRow(dup);
    dup.finish();
    out.duplicate = true;
    out.conversationCreated = false;
    if (out.message.conversationId != m.conversationId) {
        // A client_id reused for another conversation: the original stands.
        const auto peer = peerOf(out.message.conversationId, input.senderId);
        if (peer.ok())
            out.recipientId = peer.value;
    }
    return R::success(out);
}

QList<StoreResult<AppendedMessage>> PostgresStore::appendMessages(const QList<NewMessage> &batch)
{
    QList<StoreResult<AppendedMessage>> results;
    results.reserve(batch.size());
    const auto failAll = [&](StoreFailure failure, const QString &detail) {
        results.clear();
        for (qsizetype i = 0; i < batch.size(); ++i)
            results.append(StoreResult<AppendedMessage>::fail(failure, detail));
        return results;
    };
    if (!beginWrite())
        return failAll(StoreFailure::Unavailable, transactionFailed().detail);
    for (const NewMessage &input : batch) {
        auto r = appendOne(input);
        // NotFound/Conflict with no SQL error come from checks before any write. A failed
        // statement aborts the whole PostgreSQL transaction: the batch is rolled back.
        // NotFound/Conflict without a failed statement come from checks before any write and
        // fail only that element. A failed statement aborts the whole PostgreSQL transaction:
        // the batch is rolled back.
        if (!r.ok() && m_statementFailed) {
            const StoreResult<AppendedMessage> failure = r;
            rollback();
            return failAll(failure.failure, failure.detail);
        }
        results.append(std::move(r));
    }
    const auto last = lastDeliveredPerConversation(batch, results);
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        AppendedMessage &appended = results[it.value()].value;
        const auto moved =
            moveReceiptInTransaction(it.key(), appended.recipientId, appended.message.id, false);
        if (moved.ok()) {
            appended.delivered = moved.value;
        } else if (m_statementFailed) {
            rollback();
            return failAll(moved.failure, moved.detail);
        }
    }
    if (!commit())
        return failAll(StoreFailure::Unavailable, transactionFailed().detail);
    return results;
}

StoreResult<QList<Message>> PostgresStore::history(qint64 userId, qint64 conversationId,
                                                   qint64 before, int limit)
{
    using R = StoreResult<QList<Message>>;
    const auto peer = peerOf(conversationId, userId);
    if (!peer.ok())
        return R::fail(peer.failure, peer.detail);
    bool ok = false;
    QSqlQuery &q =
        exec(kMessageSelect +
                 QStringLiteral("WHERE m.conversation_id = ? AND m.id < ? "
                                "AND ") +
                 kNotHidden + QStringLiteral(" ORDER BY m.id DESC LIMIT ?"),
             {conversationId, before > 0 ? before : limits::kMaxId + 1, userId, limit}, &ok);
    if (!ok)
        return failed<QList<Message>>(q);
    QList<Message> out;
    out.reserve(limit);
    while (q.next())
        out.append(messageFromRow(q));
    return R::success(out);
}

StoreResult<Message> PostgresStore::message(qint64 messageId)
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

StoreResult<Message> PostgresStore::editMessage(qint64 messageId, const QString &content,
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
        m.rev = nextRev();
        QSqlQuery &update = exec(
            QStringLiteral("UPDATE messages SET content = ?, edited_at = ?, rev = ? WHERE id = ?"),
            {m.content, editedAt, m.rev, messageId}, &ok);
        if (!ok)
            return failed<Message>(update);
        return StoreResult<Message>::success(m);
    });
}

StoreResult<QList<EditRecord>> PostgresStore::editHistory(qint64 messageId)
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

StoreResult<Message> PostgresStore::deleteForEveryone(qint64 messageId, qint64 at)
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
        m.rev = nextRev();
        QSqlQuery &update = exec(QStringLiteral("UPDATE messages SET content = '', deleted = true, "
                                                "rev = ? WHERE id = ?"),
                                 {m.rev, messageId}, &ok);
        if (!ok)
            return failed<Message>(update);
        return StoreResult<Message>::success(m);
    });
}

StoreResult<HiddenMessage> PostgresStore::hideForUser(qint64 userId, qint64 messageId)
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
        const HiddenMessage h{m.value.conversationId, messageId, nextRev()};
        QSqlQuery &insert = exec(QStringLiteral("INSERT INTO hidden_messages "
                                                "(user_id, message_id, conversation_id, rev) "
                                                "VALUES (?, ?, ?, ?)"),
                                 {userId, messageId, h.conversationId, h.rev}, &ok);
        if (!ok)
            return failed<HiddenMessage>(insert);
        return R::success(h);
    });
}

StoreResult<std::optional<Receipt>> PostgresStore::moveReceipt(qint64 conversationId, qint64 userId,
                                                               qint64 upTo, bool read)
{
    return inTransaction<std::optional<Receipt>>(
        [&]() { return moveReceiptInTransaction(conversationId, userId, upTo, read); });
}

StoreResult<std::optional<Receipt>> PostgresStore::moveReceiptInTransaction(qint64 conversationId,
                                                                            qint64 userId,
                                                                            qint64 upTo, bool read)
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
    r.rev = nextRev();
    QSqlQuery &update = exec(QStringLiteral("UPDATE participants SET read_up_to = ?, "
                                            "delivered_up_to = ?, rev = ? "
                                            "WHERE conversation_id = ? AND user_id = ?"),
                             {r.readUpTo, r.deliveredUpTo, r.rev, conversationId, userId}, &ok);
    if (!ok)
        return failed<std::optional<Receipt>>(update);
    return R::success(r);
}

StoreResult<QList<Receipt>> PostgresStore::markDeliveredAll(const QList<DeliveryMark> &marks)
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

StoreResult<std::optional<Receipt>> PostgresStore::markRead(qint64 conversationId, qint64 userId,
                                                            qint64 upTo)
{
    return moveReceipt(conversationId, userId, upTo, true);
}

StoreResult<std::optional<Receipt>> PostgresStore::markDelivered(qint64 conversationId,
                                                                 qint64 userId, qint64 upTo)
{
    return moveReceipt(conversationId, userId, upTo, false);
}

StoreResult<ChangePage> PostgresStore::changesSince(qint64 userId, qint64 since, int limit)
{
    using R = StoreResult<ChangePage>;
    // The three reads share one snapshot: a change committed between them could otherwise
    // appear in a later table with a higher rev than one missing from an earlier table.
    if (!beginSnapshot()) {
        const auto failure = transactionFailed();
        return R::fail(failure.failure, failure.detail);
    }
    const auto failedRead = [this](const QSqlQuery &q) {
        auto r = failed<ChangePage>(q);
        rollback();
        return r;
    };

    // Each source returns at most limit+1 rows in rev order; the merge takes the first
    // `limit` by rev, so a page never skips a change that a later page would not return.
    bool ok = false;
    QList<Message> messages;
    QSqlQuery &qm = exec(kMessageSelect +
                             QStringLiteral("JOIN participants p ON p.conversation_id = "
                                            "m.conversation_id AND p.user_id = ? "
                                            "WHERE m.rev > ? AND ") +
                             kNotHidden + QStringLiteral(" ORDER BY m.rev LIMIT ?"),
                         {userId, since, userId, limit + 1}, &ok);
    if (!ok)
        return failedRead(qm);
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
        return failedRead(qr);
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
        return failedRead(qh);
    while (qh.next())
        hidden.append(HiddenMessage{qh.value(0).toLongLong(), qh.value(1).toLongLong(),
                                    qh.value(2).toLongLong()});
    if (!commit()) {
        const auto failure = transactionFailed();
        return R::fail(failure.failure, failure.detail);
    }

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
