#include "grouptypes.h"

#include "jsonread.h"
#include "protocollimits.h"

#include <QJsonArray>

namespace natter {

QLatin1String groupRoleName(GroupRole role)
{
    return role == GroupRole::Admin ? QLatin1String("admin") : QLatin1String("member");
}

bool groupRoleFromName(const QString &name, GroupRole *role)
{
    if (name == QLatin1String("admin"))
        *role = GroupRole::Admin;
    else if (name == QLatin1String("member"))
        *role = GroupRole::Member;
    else
        return false;
    return true;
}

bool Group::hasMember(qint64 userId) const
{
    for (const GroupMemberRole &m : members) {
        if (m.userId == userId)
            return true;
    }
    return false;
}

QJsonObject Group::toJson() const
{
    QJsonArray list;
    for (const GroupMemberRole &m : members)
        list.append(QJsonObject{{QStringLiteral("user_id"), double(m.userId)},
                                {QStringLiteral("role"), groupRoleName(m.role)}});
    return {{QStringLiteral("id"), double(id)},
            {QStringLiteral("name"), name},
            {QStringLiteral("creator_id"), double(creatorId)},
            {QStringLiteral("members"), list}};
}

std::optional<Group> Group::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Group g;
    g.id = r.id(QStringLiteral("id"));
    g.name = r.string(QStringLiteral("name"), 1, limits::kMaxGroupNameChars);
    g.creatorId = r.id(QStringLiteral("creator_id"));
    const QJsonArray list = r.array(QStringLiteral("members"));
    for (const QJsonValue &v : list) {
        JsonReader m(v.toObject());
        GroupMemberRole member;
        member.userId = m.id(QStringLiteral("user_id"));
        const QString role = m.string(QStringLiteral("role"), 1, 16);
        if (!m.ok() || !groupRoleFromName(role, &member.role))
            return std::nullopt;
        g.members.append(member);
    }
    return r.ok() ? std::optional<Group>(g) : std::nullopt;
}

QJsonObject GroupMember::toJson() const
{
    return {{QStringLiteral("user"), user.toJson()},
            {QStringLiteral("role"), groupRoleName(role)},
            {QStringLiteral("joined_at"), double(joinedAt)},
            {QStringLiteral("read_up_to"), double(readUpTo)},
            {QStringLiteral("delivered_up_to"), double(deliveredUpTo)}};
}

std::optional<GroupMember> GroupMember::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    GroupMember m;
    const auto user = User::fromJson(r.object(QStringLiteral("user")));
    const QString role = r.string(QStringLiteral("role"), 1, 16);
    m.joinedAt = r.integer(QStringLiteral("joined_at"), 0, limits::kMaxId);
    m.readUpTo = r.integer(QStringLiteral("read_up_to"), 0, limits::kMaxId);
    m.deliveredUpTo = r.integer(QStringLiteral("delivered_up_to"), 0, limits::kMaxId);
    if (!user || !r.ok() || !groupRoleFromName(role, &m.role))
        return std::nullopt;
    m.user = *user;
    return m;
}

} // namespace natter
