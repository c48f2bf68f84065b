// SqlStore: conversations, receipts and sync.
#include "sqlstore.h"

#include "storerows.h"

#include <algorithm>
#include <limits>

namespace natter::server {
namespace {

// About 3 MB at most.
constexpr qsizetype kMaxCachedPeers = 65'536;

// The caller's conversations in one statement: the last message the caller has not hidden
// joined by its id, the unread count (the peer's messages after the read position, not
// deleted, not hidden) as a scalar subquery.
const QString kConversations = QStringLiteral(
    "SELECT c.id, c.last_activity, p.read_up_to, u.id, u.username, q.read_up_to, "
    "q.delivered_up_to, "
    "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id "
    "AND m.sender_id = p.peer_id AND m.id > p.read_up_to AND NOT m.deleted "
    "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
    "WHERE h.user_id = p.user_id AND h.message_id = m.id)), "
    "lm.id, lm.conversation_id, lm.sender_id, lm.client_id, lm.content, lm.created_at, "
    "lm.edited_at, lm.deleted, lm.rev "
    "FROM participants p JOIN conversations c ON c.id = p.conversation_id "
    "JOIN participants q ON q.conversation_id = p.conversation_id AND q.user_id = p.peer_id "
    "JOIN users u ON u.id = p.peer_id "
    "LEFT JOIN messages lm ON lm.id = (SELECT m.id FROM messages m "
    "WHERE m.conversation_id = c.id AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
    "WHERE h.user_id = p.user_id AND h.message_id = m.id) ORDER BY m.id DESC LIMIT 1) "
    "WHERE p.user_id = ? ORDER BY c.last_activity DESC, c.id DESC");

} // namespace

StoreResult<qint64> SqlStore::peerOf(qint64 conversationId, qint64 userId)
{
    if (m_peersRollbacks != m_sql.rollbacks()) {
        m_peers.clear();
        m_peersRollbacks = m_sql.rollbacks();
    }
    const auto cached = m_peers.constFind({conversationId, userId});
    if (cached != m_peers.constEnd())
        return StoreResult<qint64>::success(*cached);
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT peer_id FROM participants "
                                             "WHERE conversation_id = ? AND user_id = ?"),
                              {conversationId, userId}, &ok);
    if (!ok)
        return m_sql.failed<qint64>(q);
    if (!q.next())
        return StoreResult<qint64>::fail(StoreFailure::NotFound);
    const qint64 peer = q.value(0).toLongLong();
    q.finish();
    if (m_peers.size() >= kMaxCachedPeers)
        m_peers.clear();
    m_peers.insert({conversationId, userId}, peer);
    return StoreResult<qint64>::success(peer);
}

StoreResult<QList<qint64>> SqlStore::peersOf(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT peer_id FROM participants WHERE user_id = ?"),
                              {userId}, &ok);
    if (!ok)
        return m_sql.failed<QList<qint64>>(q);
    QList<qint64> peers;
    while (q.next())
        peers.append(q.value(0).toLongLong());
    return StoreResult<QList<qint64>>::success(peers);
}

StoreResult<QList<Conversation>> SqlStore::conversationsFor(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(kConversations, {userId}, &ok);
    if (!ok)
        return m_sql.failed<QList<Conversation>>(q);
    QList<Conversation> conversations;
    while (q.next()) {
        Conversation c;
        c.id = q.value(0).toLongLong();
        c.lastActivity = q.value(1).toLongLong();
        c.readUpTo = q.value(2).toLongLong();
        c.peer = User{q.value(3).toLongLong(), q.value(4).toString(), false};
        c.peerReadUpTo = q.value(5).toLongLong();
        c.peerDeliveredUpTo = q.value(6).toLongLong();
        c.unread = q.value(7).toInt();
        if (!q.value(8).isNull())
            c.lastMessage = messageFromRow(q, 8);
        conversations.append(c);
    }
    q.finish();
    return StoreResult<QList<Conversation>>::success(conversations);
}

StoreResult<std::optional<Receipt>> SqlStore::moveReceipt(qint64 conversationId, qint64 userId,
                                                          qint64 upTo, bool read)
{
    return m_sql.inTransaction<std::optional<Receipt>>(
        [&]() { return moveReceiptInTransaction(conversationId, userId, upTo, read); });
}

StoreResult<std::optional<Receipt>>
SqlStore::moveReceiptInTransaction(qint64 conversationId, qint64 userId, qint64 upTo, bool read)
{
    using R = StoreResult<std::optional<Receipt>>;
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT p.read_up_to, p.delivered_up_to, p.rev, "
                                             "c.last_message_id FROM participants p "
                                             "JOIN conversations c ON c.id = p.conversation_id "
                                             "WHERE p.conversation_id = ? AND p.user_id = ?"),
                              {conversationId, userId}, &ok);
    if (!ok)
        return m_sql.failed<std::optional<Receipt>>(q);
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
    r.rev = m_sql.takeRev();
    QSqlQuery &update =
        m_sql.exec(QStringLiteral("UPDATE participants SET read_up_to = ?, delivered_up_to = ?, "
                                  "rev = ? WHERE conversation_id = ? AND user_id = ?"),
                   {r.readUpTo, r.deliveredUpTo, r.rev, conversationId, userId}, &ok);
    if (!ok)
        return m_sql.failed<std::optional<Receipt>>(update);
    return R::success(r);
}

StoreResult<std::optional<Receipt>> SqlStore::markRead(qint64 conversationId, qint64 userId,
                                                       qint64 upTo)
{
    return moveReceipt(conversationId, userId, upTo, true);
}

StoreResult<std::optional<Receipt>> SqlStore::markDelivered(qint64 conversationId, qint64 userId,
                                                            qint64 upTo)
{
    return moveReceipt(conversationId, userId, upTo, false);
}

StoreResult<QList<Receipt>> SqlStore::markDeliveredAll(const QList<DeliveryMark> &marks)
{
    using R = StoreResult<QList<Receipt>>;
    return m_sql.inTransaction<QList<Receipt>>([&]() -> R {
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

StoreResult<ChangePage> SqlStore::changesSince(qint64 userId, qint64 since, int limit)
{
    using R = StoreResult<ChangePage>;
    if (!m_sql.beginRead())
        return R::fail(StoreFailure::Unavailable, m_sql.transactionError());
    const auto failedRead = [this](const QSqlQuery &q) {
        auto r = m_sql.failed<ChangePage>(q);
        m_sql.abortRead();
        return r;
    };

    // Each source returns at most limit+1 rows in rev order; the merge takes the first
    // `limit` by rev, so a page never skips a change that a later page would not return.
    bool ok = false;
    QList<Message> messages;
    QSqlQuery &qm = m_sql.exec(
        kMessageSelect + QStringLiteral("JOIN participants p ON p.conversation_id = "
                                        "m.conversation_id AND p.user_id = ? WHERE m.rev > ? "
                                        "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                        "WHERE h.user_id = ? AND h.message_id = m.id) "
                                        "ORDER BY m.rev LIMIT ?"),
        {userId, since, userId, limit + 1}, &ok);
    if (!ok)
        return failedRead(qm);
    while (qm.next())
        messages.append(messageFromRow(qm));

    QList<Receipt> receipts;
    QSqlQuery &qr = m_sql.exec(
        QStringLiteral("SELECT q.conversation_id, q.user_id, q.read_up_to, q.delivered_up_to, "
                       "q.rev FROM participants p JOIN participants q "
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
        m_sql.exec(QStringLiteral("SELECT conversation_id, message_id, rev FROM hidden_messages "
                                  "WHERE user_id = ? AND rev > ? ORDER BY rev LIMIT ?"),
                   {userId, since, limit + 1}, &ok);
    if (!ok)
        return failedRead(qh);
    while (qh.next())
        hidden.append(HiddenMessage{qh.value(0).toLongLong(), qh.value(1).toLongLong(),
                                    qh.value(2).toLongLong()});
    if (!m_sql.endRead())
        return R::fail(StoreFailure::Unavailable, m_sql.transactionError());

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
