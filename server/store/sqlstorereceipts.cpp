// SqlStore: conversations, receipts and sync.
#include "sqlstore.h"

#include "storerows.h"

#include <algorithm>
#include <limits>

namespace natter::server {
namespace {

// The caller's conversations in one statement: the last message the caller may see (not
// hidden; in a group, from the line that added them up to the one that removed them) joined by
// its id, the unread count (others' messages after the read position, not deleted, not
// hidden, within that window) as a scalar subquery. The peer of a group is its creator and its
// peer positions the lowest of the other current members'.
const QString kVisible = QStringLiteral("m.conversation_id = c.id AND m.id >= p.joined_from "
                                        "AND (p.left_rev IS NULL OR m.rev <= p.left_rev) "
                                        "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                        "WHERE h.user_id = p.user_id AND h.message_id = m.id)");
const QString kConversations =
    QStringLiteral(
        "SELECT c.id, c.last_activity, p.read_up_to, u.id, u.username, "
        "CASE WHEN c.kind = 'group' THEN (SELECT COALESCE(MIN(q.read_up_to), 0) FROM participants "
        "q "
        "WHERE q.conversation_id = c.id AND q.user_id <> p.user_id AND q.left_rev IS NULL) "
        "ELSE (SELECT q.read_up_to FROM participants q WHERE q.conversation_id = c.id "
        "AND q.user_id = p.peer_id) END, "
        "CASE WHEN c.kind = 'group' THEN (SELECT COALESCE(MIN(q.delivered_up_to), 0) "
        "FROM participants q WHERE q.conversation_id = c.id AND q.user_id <> p.user_id "
        "AND q.left_rev IS NULL) "
        "ELSE (SELECT q.delivered_up_to FROM participants q WHERE q.conversation_id = c.id "
        "AND q.user_id = p.peer_id) END, "
        "(SELECT COUNT(*) FROM messages m WHERE ") +
    kVisible +
    QStringLiteral(
        " AND m.sender_id <> p.user_id AND m.id > p.read_up_to AND NOT m.deleted), "
        "c.kind, c.name, p.role, p.left_rev, "
        "CASE WHEN c.kind = 'group' THEN (SELECT COUNT(*) FROM participants q "
        "WHERE q.conversation_id = c.id AND q.left_rev IS NULL) ELSE 2 END, "
        "lm.id, lm.conversation_id, lm.sender_id, lm.client_id, lm.content, lm.created_at, "
        "lm.edited_at, lm.deleted, lm.rev, lm.system_event, lm.file "
        "FROM participants p JOIN conversations c ON c.id = p.conversation_id "
        "JOIN users u ON u.id = (CASE WHEN c.kind = 'group' THEN c.creator_id ELSE p.peer_id END) "
        "LEFT JOIN messages lm ON lm.id = (SELECT m.id FROM messages m WHERE ") +
    kVisible +
    QStringLiteral(" ORDER BY m.id DESC LIMIT 1) "
                   "WHERE p.user_id = ? ORDER BY c.last_activity DESC, c.id DESC");

} // namespace

void SqlStore::forgetUndoneCaches()
{
    if (m_peersRollbacks == m_sql.rollbacks())
        return;
    m_peers.clear();
    m_pairs.clear();
    m_peersRollbacks = m_sql.rollbacks();
}

StoreResult<Membership> SqlStore::membership(qint64 conversationId, qint64 userId)
{
    using R = StoreResult<Membership>;
    forgetUndoneCaches();
    const auto cached = m_peers.constFind({conversationId, userId});
    if (cached != m_peers.constEnd())
        return R::success(Membership{false, *cached, GroupRole::Member, 0});
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT p.peer_id, c.kind, p.role, p.joined_from, "
                                             "p.left_rev FROM participants p JOIN conversations c "
                                             "ON c.id = p.conversation_id "
                                             "WHERE p.conversation_id = ? AND p.user_id = ?"),
                              {conversationId, userId}, &ok);
    if (!ok)
        return m_sql.failed<Membership>(q);
    if (!q.next())
        return R::fail(StoreFailure::NotFound);
    Membership m;
    m.peerId = q.value(0).toLongLong();
    m.group = q.value(1).toString() == QLatin1String("group");
    groupRoleFromName(q.value(2).toString(), &m.role);
    m.joinedFrom = q.value(3).toLongLong();
    const bool left = !q.value(4).isNull();
    q.finish();
    if (m.group) {
        m.peerId = 0;
        return left ? R::fail(StoreFailure::NotFound) : R::success(m);
    }
    if (m_peers.size() >= kMaxCachedPeers)
        m_peers.clear();
    m_peers.insert({conversationId, userId}, m.peerId);
    return R::success(m);
}

StoreResult<QList<qint64>> SqlStore::peersOf(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT peer_id FROM participants "
                                             "WHERE user_id = ? AND peer_id <> user_id"),
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
        c.group = q.value(8).toString() == QLatin1String("group");
        if (c.group) {
            c.name = q.value(9).toString();
            c.admin = q.value(10).toString() == QLatin1String("admin");
            c.left = !q.value(11).isNull();
            c.memberCount = q.value(12).toInt();
        }
        if (!q.value(13).isNull())
            c.lastMessage = messageFromRow(q, 13);
        conversations.append(c);
    }
    q.finish();
    return StoreResult<QList<Conversation>>::success(conversations);
}

StoreResult<std::optional<Receipt>> SqlStore::moveReceipt(qint64 conversationId, qint64 userId,
                                                          qint64 upTo, bool read)
{
    return m_sql.inTransaction<std::optional<Receipt>>(
        [&]() { return moveReceiptInTransaction(conversationId, userId, upTo, read); },
        SqlConnection::WriteMode::Concurrent);
}

StoreResult<std::optional<Receipt>>
SqlStore::moveReceiptInTransaction(qint64 conversationId, qint64 userId, qint64 upTo, bool read)
{
    using R = StoreResult<std::optional<Receipt>>;
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT p.read_up_to, p.delivered_up_to, p.rev, "
                                             "c.last_message_id FROM participants p "
                                             "JOIN conversations c ON c.id = p.conversation_id "
                                             "WHERE p.conversation_id = ? AND p.user_id = ?") +
                                  m_sql.dialect().lockRows(QStringLiteral("p")),
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

StoreResult<Receipt> SqlStore::receiptOf(qint64 conversationId, qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT read_up_to, delivered_up_to, rev "
                                             "FROM participants "
                                             "WHERE conversation_id = ? AND user_id = ?"),
                              {conversationId, userId}, &ok);
    if (!ok)
        return m_sql.failed<Receipt>(q);
    if (!q.next())
        return StoreResult<Receipt>::fail(StoreFailure::NotFound);
    const Receipt r{conversationId, userId, q.value(0).toLongLong(), q.value(1).toLongLong(),
                    q.value(2).toLongLong()};
    q.finish();
    return StoreResult<Receipt>::success(r);
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
    // Beside message batches and other marks (WriteMode::Concurrent). PostgreSQL: all in two
    // statements (one each was two round trips per mark on the event loop).
    if (m_sql.kind() == SqlDialect::Kind::Postgres)
        return m_sql.inTransaction<QList<Receipt>>([&]() { return moveDeliveredTogether(marks); },
                                                   SqlConnection::WriteMode::Concurrent);
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
    // No further than every change below is committed (PostgreSQL writers may commit out of
    // rev order): the next sync, from the rev this one answers, brings the rest.
    const auto horizon = m_sql.readHorizon();
    if (!horizon.ok())
        return R::fail(horizon.failure, horizon.detail);
    const qint64 horizonRev = horizon.value;
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
                                        "AND m.rev <= ? AND m.id >= p.joined_from "
                                        "AND (p.left_rev IS NULL OR m.rev <= p.left_rev) "
                                        "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                        "WHERE h.user_id = ? AND h.message_id = m.id) "
                                        "ORDER BY m.rev LIMIT ?"),
        {userId, since, horizonRev, userId, limit + 1}, &ok);
    if (!ok)
        return failedRead(qm);
    while (qm.next())
        messages.append(messageFromRow(qm));
    qm.finish();
    if (const auto decorated = decorate(messages); !decorated.ok()) {
        m_sql.abortRead();
        return R::fail(decorated.failure, decorated.detail);
    }

    QList<Receipt> receipts;
    QSqlQuery &qr = m_sql.exec(
        QStringLiteral("SELECT q.conversation_id, q.user_id, q.read_up_to, q.delivered_up_to, "
                       "q.rev FROM participants p JOIN participants q "
                       "ON q.conversation_id = p.conversation_id "
                       "WHERE p.user_id = ? AND q.rev > ? AND q.rev <= ? "
                       "AND (p.left_rev IS NULL OR q.rev <= p.left_rev) ORDER BY q.rev LIMIT ?"),
        {userId, since, horizonRev, limit + 1}, &ok);
    if (!ok)
        return failedRead(qr);
    while (qr.next())
        receipts.append(Receipt{qr.value(0).toLongLong(), qr.value(1).toLongLong(),
                                qr.value(2).toLongLong(), qr.value(3).toLongLong(),
                                qr.value(4).toLongLong()});

    QList<HiddenMessage> hidden;
    QSqlQuery &qh = m_sql.exec(
        QStringLiteral("SELECT conversation_id, message_id, rev FROM hidden_messages "
                       "WHERE user_id = ? AND rev > ? AND rev <= ? ORDER BY rev LIMIT ?"),
        {userId, since, horizonRev, limit + 1}, &ok);
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
