#include "protocol.h"

#include <array>
#include <utility>

namespace natter::protocol {
namespace {

constexpr std::array<std::pair<RequestType, QLatin1String>, 24> kRequestNames{{
    {RequestType::Register, QLatin1String("register")},
    {RequestType::Login, QLatin1String("login")},
    {RequestType::Auth, QLatin1String("auth")},
    {RequestType::Ping, QLatin1String("ping")},
    {RequestType::Logout, QLatin1String("logout")},
    {RequestType::Users, QLatin1String("users")},
    {RequestType::Send, QLatin1String("send")},
    {RequestType::Conversations, QLatin1String("conversations")},
    {RequestType::History, QLatin1String("history")},
    {RequestType::Typing, QLatin1String("typing")},
    {RequestType::Read, QLatin1String("read")},
    {RequestType::Edit, QLatin1String("edit")},
    {RequestType::Delete, QLatin1String("delete")},
    {RequestType::EditHistory, QLatin1String("edit_history")},
    {RequestType::Sync, QLatin1String("sync")},
    {RequestType::Search, QLatin1String("search")},
    {RequestType::CreateGroup, QLatin1String("create_group")},
    {RequestType::RenameGroup, QLatin1String("rename_group")},
    {RequestType::AddMembers, QLatin1String("add_members")},
    {RequestType::RemoveMember, QLatin1String("remove_member")},
    {RequestType::LeaveGroup, QLatin1String("leave_group")},
    {RequestType::GroupMembers, QLatin1String("group_members")},
    {RequestType::SetRole, QLatin1String("set_role")},
    {RequestType::React, QLatin1String("react")},
}};

constexpr std::array<std::pair<EventType, QLatin1String>, 8> kEventNames{{
    {EventType::Message, QLatin1String("message")},
    {EventType::MessageUpdated, QLatin1String("message_updated")},
    {EventType::MessageHidden, QLatin1String("message_hidden")},
    {EventType::Typing, QLatin1String("typing")},
    {EventType::Presence, QLatin1String("presence")},
    {EventType::Receipt, QLatin1String("receipt")},
    {EventType::GroupUpdated, QLatin1String("group_updated")},
    {EventType::Reaction, QLatin1String("reaction")},
}};

template <typename Table, typename Enum> QLatin1String nameOf(const Table &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return name;
    }
    return QLatin1String("");
}

template <typename Table, typename Enum>
bool valueOf(const Table &table, const QString &name, Enum *out)
{
    for (const auto &[v, n] : table) {
        if (name == n) {
            *out = v;
            return true;
        }
    }
    return false;
}

} // namespace

QLatin1String requestTypeName(RequestType type)
{
    return nameOf(kRequestNames, type);
}
bool requestTypeFromName(const QString &name, RequestType *type)
{
    return valueOf(kRequestNames, name, type);
}

bool isPreAuthRequest(RequestType type)
{
    return type == RequestType::Register || type == RequestType::Login ||
           type == RequestType::Auth || type == RequestType::Ping;
}

QLatin1String eventTypeName(EventType type)
{
    return nameOf(kEventNames, type);
}
bool eventTypeFromName(const QString &name, EventType *type)
{
    return valueOf(kEventNames, name, type);
}

} // namespace natter::protocol
