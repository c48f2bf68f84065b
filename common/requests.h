#pragma once
// One struct per client request: fields, JSON encoding (client side) and strict decoding
// (server side). Decoding reports the first problem as a typed ProtocolError.

#include "errorcode.h"
#include "grouptypes.h"
#include "protocol.h"
#include "searchtext.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace natter {

struct RegisterRequest
{
    static constexpr auto kType = protocol::RequestType::Register;
    QString username;
    QString password;
    QJsonObject toJson() const;
    static std::optional<RegisterRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct LoginRequest
{
    static constexpr auto kType = protocol::RequestType::Login;
    QString username;
    QString password;
    QJsonObject toJson() const;
    static std::optional<LoginRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct AuthRequest
{
    static constexpr auto kType = protocol::RequestType::Auth;
    QString token;
    QJsonObject toJson() const;
    static std::optional<AuthRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct UsersRequest
{
    static constexpr auto kType = protocol::RequestType::Users;
    QString query; // case-insensitive substring of the username; empty lists everyone
    int limit = 0; // 0: the default page
    QJsonObject toJson() const;
    static std::optional<UsersRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

// Exactly one of `to` (a user id: the 1:1 conversation is created on first message) and
// `conversationId` is set.
struct SendRequest
{
    static constexpr auto kType = protocol::RequestType::Send;
    QUuid clientId;
    QString content;
    qint64 to = 0;
    qint64 conversationId = 0;
    qint64 replyTo = 0; // the message this one answers (0: none)
    QString fileId; // a file the caller uploaded (docs/protocol.md "Files"); content may be empty
    QJsonObject toJson() const;
    static std::optional<SendRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct HistoryRequest
{
    static constexpr auto kType = protocol::RequestType::History;
    qint64 conversationId = 0;
    // At most one of the three: a page older than `before` (0 and none of the others: the
    // newest page), newer than `after`, or the page centred on `around` (that message and
    // its neighbours, for a jump to it). `after` and `around` come last: {id, before, limit}
    // initialisers keep their meaning.
    qint64 before = 0;
    int limit = 0; // 0: the default page
    qint64 after = 0;
    qint64 around = 0;
    // `after: 0` on the wire: the oldest page (a jump to the first message).
    bool fromStart = false;
    QJsonObject toJson() const;
    static std::optional<HistoryRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct TypingRequest
{
    static constexpr auto kType = protocol::RequestType::Typing;
    qint64 conversationId = 0;
    bool active = false;
    QJsonObject toJson() const;
    static std::optional<TypingRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct ReadRequest
{
    static constexpr auto kType = protocol::RequestType::Read;
    qint64 conversationId = 0;
    qint64 upTo = 0;
    QJsonObject toJson() const;
    static std::optional<ReadRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct EditRequest
{
    static constexpr auto kType = protocol::RequestType::Edit;
    qint64 messageId = 0;
    QString content;
    QJsonObject toJson() const;
    static std::optional<EditRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct DeleteRequest
{
    static constexpr auto kType = protocol::RequestType::Delete;
    enum class Scope
    {
        Me,
        Everyone
    };
    qint64 messageId = 0;
    Scope scope = Scope::Me;
    QJsonObject toJson() const;
    static std::optional<DeleteRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct EditHistoryRequest
{
    static constexpr auto kType = protocol::RequestType::EditHistory;
    qint64 messageId = 0;
    QJsonObject toJson() const;
    static std::optional<EditHistoryRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

// Messages of the caller's conversations whose words match every term of `query`, newest
// first, optionally narrowed to a conversation, a sender and a time range.
struct SearchRequest
{
    static constexpr auto kType = protocol::RequestType::Search;
    QString query;
    QList<searchtext::Term> terms; // the parsed query (fromJson fills it)
    qint64 conversationId = 0;     // 0: every conversation of the caller
    qint64 senderId = 0;           // 0: anyone
    qint64 afterTime = 0;          // created_at >= this (ms since the epoch); 0: no bound
    qint64 beforeTime = 0;         // created_at < this; 0: no bound
    qint64 before = 0;             // the next page: message ids below this (next_before)
    int limit = 0;                 // 0: the default page
    QJsonObject toJson() const;
    static std::optional<SearchRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct SyncRequest
{
    static constexpr auto kType = protocol::RequestType::Sync;
    qint64 since = 0; // the highest "rev" the client has seen; 0 means everything
    int limit = 0;    // 0: the default page
    QJsonObject toJson() const;
    static std::optional<SyncRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

// Groups (docs/protocol.md, "Groups"). Member lists are user ids, without duplicates after
// decoding; the server's limits (members per group, name length) are checked by the server.

struct CreateGroupRequest
{
    static constexpr auto kType = protocol::RequestType::CreateGroup;
    QString name;
    QList<qint64> members; // the others; the creator is a member without being listed
    QJsonObject toJson() const;
    static std::optional<CreateGroupRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct RenameGroupRequest
{
    static constexpr auto kType = protocol::RequestType::RenameGroup;
    qint64 conversationId = 0;
    QString name;
    QJsonObject toJson() const;
    static std::optional<RenameGroupRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct AddMembersRequest
{
    static constexpr auto kType = protocol::RequestType::AddMembers;
    qint64 conversationId = 0;
    QList<qint64> members;
    QJsonObject toJson() const;
    static std::optional<AddMembersRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct RemoveMemberRequest
{
    static constexpr auto kType = protocol::RequestType::RemoveMember;
    qint64 conversationId = 0;
    qint64 userId = 0;
    QJsonObject toJson() const;
    static std::optional<RemoveMemberRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct LeaveGroupRequest
{
    static constexpr auto kType = protocol::RequestType::LeaveGroup;
    qint64 conversationId = 0;
    QJsonObject toJson() const;
    static std::optional<LeaveGroupRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct GroupMembersRequest
{
    static constexpr auto kType = protocol::RequestType::GroupMembers;
    qint64 conversationId = 0;
    QJsonObject toJson() const;
    static std::optional<GroupMembersRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct SetRoleRequest
{
    static constexpr auto kType = protocol::RequestType::SetRole;
    qint64 conversationId = 0;
    qint64 userId = 0;
    GroupRole role = GroupRole::Member;
    QJsonObject toJson() const;
    static std::optional<SetRoleRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

} // namespace natter
