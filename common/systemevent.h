#pragma once
// The structured body of a system line: a message the server writes into a group's timeline
// when its membership or name changes ("alice added carol"). The message's `content` says the
// same in English for clients that do not know the field; `system` is for those that do.

#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

namespace natter {

struct SystemEvent
{
    // The kinds a server writes; a client shows a kind it does not know by its content.
    static constexpr QLatin1String kGroupCreated{"group_created"};
    static constexpr QLatin1String kGroupRenamed{"group_renamed"};
    static constexpr QLatin1String kMembersAdded{"members_added"};
    static constexpr QLatin1String kMemberRemoved{"member_removed"};
    static constexpr QLatin1String kMemberLeft{"member_left"};
    static constexpr QLatin1String kRoleChanged{"role_changed"};

    QString kind;
    qint64 actor = 0;     // who did it (also the message's sender_id)
    QList<qint64> users;  // whom it concerns: added, removed, left, the new role's holder
    QString name;         // group_created, group_renamed: the (new) name
    QString role;         // role_changed: "admin" or "member"
    QList<qint64> admins; // member_left: members made admins because no admin remained

    QJsonObject toJson() const;
    static std::optional<SystemEvent> fromJson(const QJsonObject &object);
    friend bool operator==(const SystemEvent &, const SystemEvent &) = default;
};

} // namespace natter
