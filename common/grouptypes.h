#pragma once
// The objects of group conversations (docs/protocol.md, "Groups"): a member's role, the
// structured body of a system line, a group with its members' roles (events and replies of
// the group requests), and one member as `group_members` lists them.

#include "types.h"

#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

namespace natter {

enum class GroupRole
{
    Member,
    Admin, // may rename, add and remove; the creator is one
};

QLatin1String groupRoleName(GroupRole role);
bool groupRoleFromName(const QString &name, GroupRole *role);

// One member's role, as a Group lists it.
struct GroupMemberRole
{
    qint64 userId = 0;
    GroupRole role = GroupRole::Member;
    friend bool operator==(const GroupMemberRole &, const GroupMemberRole &) = default;
};

// A group's name, creator and current members (by user id), with what a client needs to draw
// its member list and know whether it still belongs.
struct Group
{
    qint64 id = 0; // the conversation id
    QString name;
    qint64 creatorId = 0;
    QList<GroupMemberRole> members; // current members, by user id

    bool hasMember(qint64 userId) const;
    QJsonObject toJson() const;
    static std::optional<Group> fromJson(const QJsonObject &object);
    friend bool operator==(const Group &, const Group &) = default;
};

// One current member with their read state (group_members): "Seen by 3 of 7".
struct GroupMember
{
    User user;
    GroupRole role = GroupRole::Member;
    qint64 joinedAt = 0;
    qint64 readUpTo = 0;
    qint64 deliveredUpTo = 0;

    QJsonObject toJson() const;
    static std::optional<GroupMember> fromJson(const QJsonObject &object);
    friend bool operator==(const GroupMember &, const GroupMember &) = default;
};

} // namespace natter
