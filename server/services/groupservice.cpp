#include "groupservice.h"

#include "codec.h"
#include "config/logging.h"
#include "events.h"
#include "messageframes.h"

#include <QDateTime>

#include <algorithm>

namespace natter::server {
namespace {

const QString kConversationField = QStringLiteral("conversation_id");
const QString kMembersField = QStringLiteral("members");
const QString kUserField = QStringLiteral("user_id");

ProtocolError noSuchGroup()
{
    return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such group"),
                               kConversationField);
}

ProtocolError forbidden(const QString &message, const QString &field = {})
{
    return ProtocolError::make(ErrorCode::Forbidden, message, field);
}

} // namespace

GroupService::GroupService(ChatStore &store, ConversationDirectory &directory, EventSink &sink,
                           TypingService &typing, const GroupLimits &limits)
    : m_store(store), m_directory(directory), m_sink(sink), m_typing(typing), m_limits(limits)
{}

Outcome<Membership> GroupService::memberOf(const Caller &caller, qint64 conversationId)
{
    const auto member = m_directory.membership(conversationId, caller.userId);
    if (!member.ok())
        return Outcome<Membership>::failure(
            member.failure == StoreFailure::NotFound
                ? noSuchGroup()
                : storeError(member, QString(), kConversationField));
    if (!member.value.group)
        return Outcome<Membership>::failure(noSuchGroup());
    return Outcome<Membership>::success(member.value);
}

Outcome<Membership> GroupService::adminOf(const Caller &caller, qint64 conversationId,
                                          const QString &what)
{
    auto member = memberOf(caller, conversationId);
    if (member.ok() && member.value.role != GroupRole::Admin)
        return Outcome<Membership>::failure(
            forbidden(QStringLiteral("only the group's admins can %1").arg(what)));
    return member;
}

std::optional<ProtocolError> GroupService::checkName(const QString &name) const
{
    if (name.size() <= m_limits.maxNameChars)
        return std::nullopt;
    return ProtocolError::make(
        ErrorCode::TooLarge,
        QStringLiteral("a group name has at most %1 characters").arg(m_limits.maxNameChars),
        QStringLiteral("name"));
}

std::optional<ProtocolError> GroupService::throttle(qint64 userId)
{
    // A token bucket per user: changesPerMinute at once, refilled at that rate.
    const double perMs = m_limits.changesPerMinute / 60'000.0;
    Bucket &bucket = m_buckets[userId];
    if (!bucket.refilled.isValid()) {
        bucket.tokens = m_limits.changesPerMinute;
        bucket.refilled.start();
    } else {
        bucket.tokens = std::min<double>(m_limits.changesPerMinute,
                                         bucket.tokens + bucket.refilled.restart() * perMs);
    }
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::nullopt;
    }
    ProtocolError error = ProtocolError::make(
        ErrorCode::RateLimited, QStringLiteral("too many group changes; try again later"));
    error.retryAfterMs = qint64((1 - bucket.tokens) / perMs) + 1;
    if (m_buckets.size() > 100'000) // bounded: forgetting only gives a fresh allowance
        m_buckets.clear();
    return error;
}

std::optional<ProtocolError> GroupService::checkGroupsPerUser(const QList<qint64> &users)
{
    for (const qint64 user : users) {
        const auto count = m_store.groupCount(user);
        if (!count.ok())
            return storeError(count, QString());
        if (count.value >= m_limits.groupsPerUser)
            return ProtocolError::make(
                ErrorCode::Conflict,
                QStringLiteral("user %1 is in %2 groups already, the most this server allows")
                    .arg(user)
                    .arg(m_limits.groupsPerUser),
                kMembersField);
    }
    return std::nullopt;
}

QString GroupService::nameOf(qint64 userId)
{
    const auto user = m_store.userById(userId);
    return user.ok() ? user.value.username : QStringLiteral("user %1").arg(userId);
}

QString GroupService::namesOf(const QList<qint64> &users)
{
    QStringList names;
    for (const qint64 user : users)
        names.append(nameOf(user));
    return names.join(QStringLiteral(", "));
}

Outcome<Group> GroupService::create(const Caller &caller, const CreateGroupRequest &request)
{
    if (auto bad = checkName(request.name))
        return Outcome<Group>::failure(*bad);
    QList<qint64> others = request.members;
    others.removeAll(caller.userId);
    if (others.isEmpty())
        return Outcome<Group>::failure(ProtocolError::make(
            ErrorCode::BadRequest, QStringLiteral("a group needs at least one other member"),
            kMembersField));
    if (others.size() + 1 > m_limits.maxMembers)
        return Outcome<Group>::failure(ProtocolError::make(
            ErrorCode::TooLarge,
            QStringLiteral("a group has at most %1 members").arg(m_limits.maxMembers),
            kMembersField));
    if (auto limited = throttle(caller.userId))
        return Outcome<Group>::failure(*limited);
    if (auto full = checkGroupsPerUser(QList<qint64>{caller.userId} + others))
        return Outcome<Group>::failure(*full);
    GroupEdit edit;
    edit.kind = GroupEdit::Kind::Create;
    edit.actorId = caller.userId;
    edit.name = request.name;
    edit.users = others;
    edit.event =
        SystemEvent{SystemEvent::kGroupCreated, caller.userId, others, request.name, QString(), {}};
    edit.content = QStringLiteral("%1 created the group \"%2\" with %3")
                       .arg(nameOf(caller.userId), request.name, namesOf(others));
    return apply(edit);
}

Outcome<Group> GroupService::rename(const Caller &caller, const RenameGroupRequest &request)
{
    const auto admin = adminOf(caller, request.conversationId, QStringLiteral("rename it"));
    if (!admin.ok())
        return Outcome<Group>::failure(*admin.error);
    if (auto bad = checkName(request.name))
        return Outcome<Group>::failure(*bad);
    if (auto limited = throttle(caller.userId))
        return Outcome<Group>::failure(*limited);
    GroupEdit edit;
    edit.kind = GroupEdit::Kind::Rename;
    edit.conversationId = request.conversationId;
    edit.actorId = caller.userId;
    edit.name = request.name;
    edit.event =
        SystemEvent{SystemEvent::kGroupRenamed, caller.userId, {}, request.name, QString(), {}};
    edit.content =
        QStringLiteral("%1 renamed the group to \"%2\"").arg(nameOf(caller.userId), request.name);
    return apply(edit);
}

Outcome<Group> GroupService::addMembers(const Caller &caller, const AddMembersRequest &request)
{
    const auto admin = adminOf(caller, request.conversationId, QStringLiteral("add members"));
    if (!admin.ok())
        return Outcome<Group>::failure(*admin.error);
    const auto current = m_store.group(request.conversationId);
    if (!current.ok())
        return Outcome<Group>::failure(storeError(current, noSuchGroup().message));
    QList<qint64> added;
    for (const qint64 user : request.members) {
        if (!current.value.hasMember(user))
            added.append(user);
    }
    if (added.isEmpty()) // already members: nothing changes, nothing is written
        return Outcome<Group>::success(current.value);
    if (current.value.members.size() + added.size() > m_limits.maxMembers)
        return Outcome<Group>::failure(ProtocolError::make(
            ErrorCode::TooLarge,
            QStringLiteral("a group has at most %1 members").arg(m_limits.maxMembers),
            kMembersField));
    if (auto limited = throttle(caller.userId))
        return Outcome<Group>::failure(*limited);
    if (auto full = checkGroupsPerUser(added))
        return Outcome<Group>::failure(*full);
    GroupEdit edit;
    edit.kind = GroupEdit::Kind::Add;
    edit.conversationId = request.conversationId;
    edit.actorId = caller.userId;
    edit.users = added;
    edit.event = SystemEvent{SystemEvent::kMembersAdded, caller.userId, added, {}, {}, {}};
    edit.content = QStringLiteral("%1 added %2").arg(nameOf(caller.userId), namesOf(added));
    return apply(edit);
}

Outcome<Group> GroupService::removeMember(const Caller &caller, const RemoveMemberRequest &request)
{
    const auto admin = adminOf(caller, request.conversationId, QStringLiteral("remove members"));
    if (!admin.ok())
        return Outcome<Group>::failure(*admin.error);
    if (request.userId == caller.userId)
        return Outcome<Group>::failure(
            ProtocolError::make(ErrorCode::BadRequest,
                                QStringLiteral("to leave a group, use leave_group"), kUserField));
    const auto current = m_store.group(request.conversationId);
    if (!current.ok())
        return Outcome<Group>::failure(storeError(current, noSuchGroup().message));
    if (!current.value.hasMember(request.userId))
        return Outcome<Group>::failure(
            ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such member"), kUserField));
    if (request.userId == current.value.creatorId)
        return Outcome<Group>::failure(
            forbidden(QStringLiteral("the group's creator cannot be removed"), kUserField));
    if (auto limited = throttle(caller.userId))
        return Outcome<Group>::failure(*limited);
    GroupEdit edit;
    edit.kind = GroupEdit::Kind::Remove;
    edit.conversationId = request.conversationId;
    edit.actorId = caller.userId;
    edit.users = {request.userId};
    edit.event = SystemEvent{SystemEvent::kMemberRemoved, caller.userId, edit.users, {}, {}, {}};
    edit.content =
        QStringLiteral("%1 removed %2").arg(nameOf(caller.userId), nameOf(request.userId));
    return apply(edit, edit.users);
}

Outcome<bool> GroupService::leave(const Caller &caller, const LeaveGroupRequest &request)
{
    // Never throttled: anyone can always leave.
    const auto member = memberOf(caller, request.conversationId);
    if (!member.ok())
        return Outcome<bool>::failure(*member.error);
    GroupEdit edit;
    edit.kind = GroupEdit::Kind::Leave;
    edit.conversationId = request.conversationId;
    edit.actorId = caller.userId;
    edit.content = QStringLiteral("%1 left").arg(nameOf(caller.userId));
    edit.event = SystemEvent{SystemEvent::kMemberLeft, caller.userId, {caller.userId}, {}, {}, {}};
    if (member.value.role == GroupRole::Admin) {
        // The last admin leaving hands the group to the longest-standing member.
        const auto members = m_store.groupMembers(request.conversationId);
        if (!members.ok())
            return Outcome<bool>::failure(storeError(members, QString()));
        const GroupMember *heir = nullptr;
        bool otherAdmin = false;
        for (const GroupMember &m : members.value) {
            if (m.user.id == caller.userId)
                continue;
            otherAdmin = otherAdmin || m.role == GroupRole::Admin;
            if (!heir || m.joinedAt < heir->joinedAt ||
                (m.joinedAt == heir->joinedAt && m.user.id < heir->user.id))
                heir = &m;
        }
        if (!otherAdmin && heir) {
            edit.promote = {heir->user.id};
            edit.event.admins = edit.promote;
            edit.content += QStringLiteral("; %1 is now an admin").arg(heir->user.username);
        }
    }
    const auto left = apply(edit, {caller.userId});
    if (!left.ok())
        return Outcome<bool>::failure(*left.error);
    return Outcome<bool>::success(true);
}

Outcome<Group> GroupService::setRole(const Caller &caller, const SetRoleRequest &request)
{
    const auto member = memberOf(caller, request.conversationId);
    if (!member.ok())
        return Outcome<Group>::failure(*member.error);
    const auto current = m_store.group(request.conversationId);
    if (!current.ok())
        return Outcome<Group>::failure(storeError(current, noSuchGroup().message));
    // The creator names the admins; once the creator has left, the admins do.
    const bool creatorHere = current.value.hasMember(current.value.creatorId);
    if (caller.userId != current.value.creatorId &&
        (creatorHere || member.value.role != GroupRole::Admin))
        return Outcome<Group>::failure(
            forbidden(creatorHere ? QStringLiteral("only the group's creator can change roles")
                                  : QStringLiteral("only the group's admins can change roles")));
    if (!current.value.hasMember(request.userId))
        return Outcome<Group>::failure(
            ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such member"), kUserField));
    if (request.userId == current.value.creatorId)
        return Outcome<Group>::failure(
            forbidden(QStringLiteral("the creator's role cannot change"), kUserField));
    if (auto limited = throttle(caller.userId))
        return Outcome<Group>::failure(*limited);
    GroupEdit edit;
    edit.kind = GroupEdit::Kind::SetRole;
    edit.conversationId = request.conversationId;
    edit.actorId = caller.userId;
    edit.users = {request.userId};
    edit.role = request.role;
    edit.event = SystemEvent{
        SystemEvent::kRoleChanged, caller.userId, edit.users, {}, groupRoleName(request.role), {}};
    edit.content = QStringLiteral("%1 made %2 %3")
                       .arg(nameOf(caller.userId), nameOf(request.userId),
                            request.role == GroupRole::Admin ? QStringLiteral("an admin")
                                                             : QStringLiteral("a member"));
    return apply(edit);
}

Outcome<GroupMembersPage> GroupService::members(const Caller &caller,
                                                const GroupMembersRequest &request,
                                                const std::function<bool(qint64)> &isOnline)
{
    const auto member = memberOf(caller, request.conversationId);
    if (!member.ok())
        return Outcome<GroupMembersPage>::failure(*member.error);
    const auto group = m_store.group(request.conversationId);
    auto list = m_store.groupMembers(request.conversationId);
    if (!group.ok() || !list.ok())
        return Outcome<GroupMembersPage>::failure(
            storeError(group.ok() ? list.failure : group.failure,
                       group.ok() ? list.detail : group.detail, noSuchGroup().message));
    for (GroupMember &m : list.value)
        m.user.online = isOnline(m.user.id);
    return Outcome<GroupMembersPage>::success(GroupMembersPage{group.value, list.value});
}

Outcome<Group> GroupService::apply(GroupEdit edit, const QList<qint64> &formerMembers)
{
    edit.at = QDateTime::currentMSecsSinceEpoch();
    const auto change = m_store.changeGroup(edit);
    if (!change.ok())
        return Outcome<Group>::failure(
            storeError(change, QStringLiteral("no such user"),
                       edit.kind == GroupEdit::Kind::Create || edit.kind == GroupEdit::Kind::Add
                           ? kMembersField
                           : kConversationField));
    qCInfo(lcMessaging) << "group" << change.value.group.id << change.value.line.system->kind
                        << "by user" << edit.actorId;
    for (const qint64 user : formerMembers)
        m_typing.memberLeft(change.value.group.id, user);
    // One encoding of each frame for every socket.
    const QString line = codec::MessageFrames(change.value.line).event(MessageEvent::kType);
    const QString updated = codec::encodeEvent(GroupUpdatedEvent{change.value.group});
    QList<qint64> audience = formerMembers;
    for (const GroupMemberRole &m : change.value.group.members)
        audience.append(m.userId);
    m_sink.sendToUsers(audience, line);
    m_sink.sendToUsers(audience, updated);
    return Outcome<Group>::success(change.value.group);
}

} // namespace natter::server
