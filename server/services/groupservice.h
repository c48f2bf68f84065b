#pragma once
// Group conversations: create, rename, add and remove members, leave, set roles, list members.
// Every request checks membership first (not a current member: not_found, as for any
// conversation one cannot see) and then the role (a member without the right: forbidden).
// Each change is written with its system line in one transaction; then the line goes out as a
// `message` event and the group as a `group_updated` event to every current member's sockets
// and to whoever just left or was removed. The server's limits (members per group, name
// length, groups per user, changes per minute) are checked here.

#include "conversationdirectory.h"
#include "interfaces/caller.h"
#include "interfaces/eventsink.h"
#include "outcome.h"
#include "protocollimits.h"
#include "requests.h"
#include "store/chatstore.h"
#include "typingservice.h"

#include <QElapsedTimer>
#include <QHash>

#include <functional>

namespace natter::server {

struct GroupLimits
{
    int maxMembers = limits::kMaxGroupMembers; // with the creator
    int maxNameChars = limits::kMaxGroupNameChars;
    int groupsPerUser = 500;
    int changesPerMinute = 30; // per user: create, rename, add, remove, set_role
};

struct GroupMembersPage
{
    Group group;
    QList<GroupMember> members;
};

class GroupService final
{
public:
    GroupService(ChatStore &store, ConversationDirectory &directory, EventSink &sink,
                 TypingService &typing, const GroupLimits &limits);
    Q_DISABLE_COPY_MOVE(GroupService)

    Outcome<Group> create(const Caller &caller, const CreateGroupRequest &request);
    Outcome<Group> rename(const Caller &caller, const RenameGroupRequest &request);
    Outcome<Group> addMembers(const Caller &caller, const AddMembersRequest &request);
    Outcome<Group> removeMember(const Caller &caller, const RemoveMemberRequest &request);
    Outcome<bool> leave(const Caller &caller, const LeaveGroupRequest &request);
    Outcome<Group> setRole(const Caller &caller, const SetRoleRequest &request);
    // Members with their roles and read state; `online` from `isOnline`.
    Outcome<GroupMembersPage> members(const Caller &caller, const GroupMembersRequest &request,
                                      const std::function<bool(qint64)> &isOnline);

private:
    // The caller's membership of a group (not_found when none, or not a group).
    Outcome<Membership> memberOf(const Caller &caller, qint64 conversationId);
    // The same, forbidden unless the caller is an admin.
    Outcome<Membership> adminOf(const Caller &caller, qint64 conversationId, const QString &what);
    std::optional<ProtocolError> checkName(const QString &name) const;
    // rate_limited once the caller used up their membership changes.
    std::optional<ProtocolError> throttle(qint64 userId);
    // Conflict when one of `users` belongs to the most groups allowed.
    std::optional<ProtocolError> checkGroupsPerUser(const QList<qint64> &users);
    // Stores the change and tells everyone concerned (the members after it and `formerMembers`).
    Outcome<Group> apply(GroupEdit edit, const QList<qint64> &formerMembers = {});
    QString nameOf(qint64 userId);
    QString namesOf(const QList<qint64> &users);

    ChatStore &m_store;
    ConversationDirectory &m_directory;
    EventSink &m_sink;
    TypingService &m_typing;
    GroupLimits m_limits;
    struct Bucket
    {
        double tokens = 0;
        QElapsedTimer refilled;
    };
    QHash<qint64, Bucket> m_buckets;
};

} // namespace natter::server
