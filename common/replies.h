#pragma once
// One struct per "ok" reply (docs/protocol.md, "Requests"): fields, JSON encoding (server
// side) and strict decoding (client side). Decoding reports the first problem as a typed
// ProtocolError naming the field. The error reply is ProtocolError itself (codec.h).
// Requests whose replies carry the same fields share one struct under each request's name.

#include "errorcode.h"
#include "grouptypes.h"
#include "types.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace natter {

// ping, logout, typing, delete: an "ok" without fields.
struct EmptyReply
{
    QJsonObject toJson() const { return {}; }
    static std::optional<EmptyReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const EmptyReply &, const EmptyReply &) = default;
};
using PingReply = EmptyReply;
using LogoutReply = EmptyReply;
using TypingReply = EmptyReply;
using DeleteReply = EmptyReply;
using LeaveGroupReply = EmptyReply;

// register, login, auth: the signed-in user; register and login also return the new session
// token (auth has none: the client holds it already).
struct SignInReply
{
    User user;
    QString token; // empty: none
    QJsonObject toJson() const;
    static std::optional<SignInReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const SignInReply &, const SignInReply &) = default;
};
using RegisterReply = SignInReply;
using LoginReply = SignInReply;
using AuthReply = SignInReply;

// Users by username, without the caller.
struct UsersReply
{
    QList<User> users;
    QJsonObject toJson() const;
    static std::optional<UsersReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const UsersReply &, const UsersReply &) = default;
};

// send, edit: the stored message. The server writes these with codec::MessageFrames.
struct MessageReply
{
    Message message;
    QJsonObject toJson() const;
    static std::optional<MessageReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const MessageReply &, const MessageReply &) = default;
};
using SendReply = MessageReply;
using EditReply = MessageReply;

// Most recent activity first.
struct ConversationsReply
{
    QList<Conversation> conversations;
    QJsonObject toJson() const;
    static std::optional<ConversationsReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const ConversationsReply &, const ConversationsReply &) = default;
};

// A page of one conversation, newest first.
struct HistoryReply
{
    QList<Message> messages;
    bool hasMore = false; // older messages exist
    // Newer messages exist: only in the reply to a page asked with "after" or "around".
    std::optional<bool> hasNewer;
    QJsonObject toJson() const;
    static std::optional<HistoryReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const HistoryReply &, const HistoryReply &) = default;
};

// The caller's read position after the move.
struct ReadReply
{
    Receipt receipt;
    QJsonObject toJson() const;
    static std::optional<ReadReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const ReadReply &, const ReadReply &) = default;
};

// The earlier versions of a message, oldest first.
struct EditHistoryReply
{
    QList<EditRecord> edits;
    QJsonObject toJson() const;
    static std::optional<EditHistoryReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const EditHistoryReply &, const EditHistoryReply &) = default;
};

// A page of search hits, newest first. `hasMore`: older hits may exist; ask again with
// "before": nextBefore (the page ends where the server stopped looking, which may be before
// `limit` hits were found).
struct SearchReply
{
    QList<Message> messages;
    bool hasMore = false;
    qint64 nextBefore = 0; // 0 when !hasMore
    // A first page's (no "before") count of hits, exact or a lower bound; -1 when absent.
    int total = -1;
    bool totalExact = false;
    QJsonObject toJson() const;
    static std::optional<SearchReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const SearchReply &, const SearchReply &) = default;
};

// Every change after the request's `since` up to `rev`; more follow from `rev` when hasMore.
struct SyncReply
{
    QList<Message> messages;
    QList<Receipt> receipts;
    QList<HiddenMessage> hidden;
    qint64 rev = 0;
    bool hasMore = false;
    QJsonObject toJson() const;
    static std::optional<SyncReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const SyncReply &, const SyncReply &) = default;
};

// create_group, rename_group, add_members, remove_member, set_role: the group after the change.
struct GroupReply
{
    Group group;
    QJsonObject toJson() const;
    static std::optional<GroupReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const GroupReply &, const GroupReply &) = default;
};
using CreateGroupReply = GroupReply;
using RenameGroupReply = GroupReply;
using AddMembersReply = GroupReply;
using RemoveMemberReply = GroupReply;
using SetRoleReply = GroupReply;

// group_members: the group and its current members with roles and read state.
struct GroupMembersReply
{
    Group group;
    QList<GroupMember> members;
    QJsonObject toJson() const;
    static std::optional<GroupMembersReply> fromJson(const QJsonObject &o, ProtocolError *error);
    friend bool operator==(const GroupMembersReply &, const GroupMembersReply &) = default;
};

} // namespace natter
