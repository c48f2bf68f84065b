// SqlStore: groups (members, roles, the changes and the system lines that record them).
#include "sqlstore.h"

#include "storerows.h"

#include <QJsonDocument>

namespace natter::server {
namespace {

const QString kGroupRow =
    QStringLiteral("SELECT name, creator_id FROM conversations WHERE id = ? AND kind = 'group'");

} // namespace

StoreResult<Group> SqlStore::group(qint64 conversationId)
{
    using R = StoreResult<Group>;
    bool ok = false;
    QSqlQuery &q = m_sql.exec(kGroupRow, {conversationId}, &ok);
    if (!ok)
        return m_sql.failed<Group>(q);
    if (!q.next())
        return R::fail(StoreFailure::NotFound);
    Group g;
    g.id = conversationId;
    g.name = q.value(0).toString();
    g.creatorId = q.value(1).toLongLong();
    q.finish();
    QSqlQuery &members = m_sql.exec(QStringLiteral("SELECT user_id, role FROM participants "
                                                   "WHERE conversation_id = ? AND left_rev IS NULL "
                                                   "ORDER BY user_id"),
                                    {conversationId}, &ok);
    if (!ok)
        return m_sql.failed<Group>(members);
    while (members.next()) {
        GroupMemberRole m{members.value(0).toLongLong(), GroupRole::Member};
        groupRoleFromName(members.value(1).toString(), &m.role);
        g.members.append(m);
    }
    return R::success(g);
}

StoreResult<QList<qint64>> SqlStore::memberIds(qint64 conversationId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT user_id FROM participants "
                                             "WHERE conversation_id = ? AND left_rev IS NULL"),
                              {conversationId}, &ok);
    if (!ok)
        return m_sql.failed<QList<qint64>>(q);
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return StoreResult<QList<qint64>>::success(out);
}

StoreResult<QList<GroupMember>> SqlStore::groupMembers(qint64 conversationId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(
        QStringLiteral("SELECT u.id, u.username, p.role, p.joined_at, p.read_up_to, "
                       "p.delivered_up_to FROM participants p JOIN users u ON u.id = p.user_id "
                       "WHERE p.conversation_id = ? AND p.left_rev IS NULL ORDER BY u.username"),
        {conversationId}, &ok);
    if (!ok)
        return m_sql.failed<QList<GroupMember>>(q);
    QList<GroupMember> out;
    while (q.next()) {
        GroupMember m;
        m.user = User{q.value(0).toLongLong(), q.value(1).toString(), false};
        groupRoleFromName(q.value(2).toString(), &m.role);
        m.joinedAt = q.value(3).toLongLong();
        m.readUpTo = q.value(4).toLongLong();
        m.deliveredUpTo = q.value(5).toLongLong();
        out.append(m);
    }
    return StoreResult<QList<GroupMember>>::success(out);
}

StoreResult<int> SqlStore::groupCount(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT COUNT(*) FROM participants p "
                                             "JOIN conversations c ON c.id = p.conversation_id "
                                             "WHERE p.user_id = ? AND c.kind = 'group' "
                                             "AND p.left_rev IS NULL"),
                              {userId}, &ok);
    if (!ok)
        return m_sql.failed<int>(q);
    const int count = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return StoreResult<int>::success(count);
}

StoreResult<GroupChange> SqlStore::changeGroup(const GroupEdit &edit)
{
    return m_sql.inTransaction<GroupChange>([&]() { return changeGroupInTransaction(edit); });
}

StoreResult<bool> SqlStore::usersExist(const QList<qint64> &users)
{
    for (const qint64 id : users) {
        bool ok = false;
        QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {id}, &ok);
        if (!ok)
            return m_sql.failed<bool>(q);
        const bool found = q.next();
        q.finish();
        if (!found)
            return StoreResult<bool>::fail(StoreFailure::NotFound,
                                           QStringLiteral("no user %1").arg(id));
    }
    return StoreResult<bool>::success(true);
}

StoreResult<Message> SqlStore::appendSystemLine(qint64 conversationId, const GroupEdit &edit)
{
    Message m;
    m.conversationId = conversationId;
    m.senderId = edit.actorId;
    m.clientId = QUuid::createUuid();
    m.content = edit.content.isNull() ? QStringLiteral("") : edit.content; // never NULL
    m.createdAt = edit.at;
    m.system = edit.event;
    m.rev = m_sql.takeRev();
    const QString body =
        QString::fromUtf8(QJsonDocument(edit.event.toJson()).toJson(QJsonDocument::Compact));
    bool ok = false;
    QSqlQuery &insert = m_sql.exec(
        QStringLiteral("INSERT INTO messages (conversation_id, sender_id, client_id, content, "
                       "created_at, rev, system_event) VALUES (?, ?, ?, ?, ?, ?, ?)") +
            m_sql.returningId(),
        {conversationId, m.senderId, m.clientId.toString(QUuid::WithoutBraces), m.content,
         m.createdAt, m.rev, body},
        &ok);
    if (!ok)
        return m_sql.failed<Message>(insert);
    m.id = m_sql.insertedId(insert);
    if (m.id <= 0)
        return StoreResult<Message>::fail(StoreFailure::Internal, QStringLiteral("no message id"));
    QSqlQuery &touch = m_sql.exec(QStringLiteral("UPDATE conversations SET last_activity = ?, "
                                                 "last_message_id = ? WHERE id = ?"),
                                  {m.createdAt, m.id, conversationId}, &ok);
    if (!ok)
        return m_sql.failed<Message>(touch);
    return StoreResult<Message>::success(m);
}

StoreResult<GroupChange> SqlStore::changeGroupInTransaction(const GroupEdit &edit)
{
    using R = StoreResult<GroupChange>;
    using Done = StoreResult<bool>;
    using Kind = GroupEdit::Kind;
    bool ok = false;
    // The statement just run: its failure, or success (finished).
    const auto checked = [&](QSqlQuery &q) {
        if (!ok)
            return m_sql.failed<bool>(q);
        q.finish();
        return Done::success(true);
    };

    qint64 id = edit.conversationId;
    if (edit.kind == Kind::Create || edit.kind == Kind::Add) {
        const auto exist = usersExist(edit.users + QList<qint64>{edit.actorId});
        if (!exist.ok())
            return R::fail(exist.failure, exist.detail);
    }
    if (edit.kind == Kind::Create) {
        QSqlQuery &create = m_sql.exec(QStringLiteral("INSERT INTO conversations (kind, name, "
                                                      "creator_id, created_at, last_activity) "
                                                      "VALUES ('group', ?, ?, ?, ?)") +
                                           m_sql.returningId(),
                                       {edit.name, edit.actorId, edit.at, edit.at}, &ok);
        if (!ok)
            return m_sql.failed<GroupChange>(create);
        id = m_sql.insertedId(create);
        if (id <= 0)
            return R::fail(StoreFailure::Internal, QStringLiteral("no conversation id"));
    } else {
        QSqlQuery &exists = m_sql.exec(kGroupRow, {id}, &ok);
        if (!ok)
            return m_sql.failed<GroupChange>(exists);
        const bool found = exists.next();
        exists.finish();
        if (!found)
            return R::fail(StoreFailure::NotFound);
    }

    const auto line = appendSystemLine(id, edit);
    if (!line.ok())
        return R::fail(line.failure, line.detail);
    const Message &m = line.value;

    // A member (a former one coming back too) sees from the line that added them.
    const auto join = [&](qint64 user, GroupRole role) {
        QSqlQuery &update = m_sql.exec(
            QStringLiteral("UPDATE participants SET role = ?, joined_from = ?, joined_at = ?, "
                           "left_rev = NULL, left_at = NULL "
                           "WHERE conversation_id = ? AND user_id = ? AND left_rev IS NOT NULL"),
            {groupRoleName(role), m.id, edit.at, id, user}, &ok);
        if (!ok)
            return m_sql.failed<bool>(update);
        const bool back = update.numRowsAffected() > 0;
        update.finish();
        if (back)
            return Done::success(true);
        return checked(m_sql.exec(
            QStringLiteral("INSERT INTO participants (conversation_id, user_id, peer_id, role, "
                           "joined_from, joined_at) VALUES (?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (conversation_id, user_id) DO NOTHING"),
            {id, user, user, groupRoleName(role), m.id, edit.at}, &ok));
    };
    const auto leave = [&](qint64 user) {
        return checked(m_sql.exec(QStringLiteral("UPDATE participants SET left_rev = ?, "
                                                 "left_at = ?, role = 'member' "
                                                 "WHERE conversation_id = ? AND user_id = ? "
                                                 "AND left_rev IS NULL"),
                                  {m.rev, edit.at, id, user}, &ok));
    };
    const auto setRole = [&](qint64 user, GroupRole role) {
        return checked(m_sql.exec(QStringLiteral("UPDATE participants SET role = ? "
                                                 "WHERE conversation_id = ? AND user_id = ? "
                                                 "AND left_rev IS NULL"),
                                  {groupRoleName(role), id, user}, &ok));
    };

    // Each step in order; the first failure ends the change (the transaction rolls back).
    Done done = Done::success(true);
    const auto step = [&done](const Done &result) {
        if (done.ok() && !result.ok())
            done = result;
    };
    switch (edit.kind) {
    case Kind::Create:
        step(join(edit.actorId, GroupRole::Admin));
        for (const qint64 user : edit.users)
            step(done.ok() ? join(user, GroupRole::Member) : done);
        break;
    case Kind::Add:
        for (const qint64 user : edit.users)
            step(done.ok() ? join(user, GroupRole::Member) : done);
        break;
    case Kind::Rename:
        step(checked(m_sql.exec(QStringLiteral("UPDATE conversations SET name = ? WHERE id = ?"),
                                {edit.name, id}, &ok)));
        break;
    case Kind::Remove:
    case Kind::Leave:
        for (const qint64 user :
             edit.kind == Kind::Leave ? QList<qint64>{edit.actorId} : edit.users)
            step(done.ok() ? leave(user) : done);
        for (const qint64 user : edit.promote)
            step(done.ok() ? setRole(user, GroupRole::Admin) : done);
        break;
    case Kind::SetRole:
        for (const qint64 user : edit.users)
            step(done.ok() ? setRole(user, edit.role) : done);
        break;
    }
    if (!done.ok())
        return R::fail(done.failure, done.detail);

    auto after = group(id);
    if (!after.ok())
        return R::fail(after.failure, after.detail);
    return R::success(GroupChange{after.value, m});
}

} // namespace natter::server
