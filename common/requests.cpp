#include "requests.h"

#include "jsonids.h"
#include "jsonread.h"
#include "protocollimits.h"
#include "validation.h"

#include <QJsonArray>

namespace natter {
namespace {

using jsonids::idValue;

// A group's name: 1..kMaxGroupNameChars, not only spaces, no control characters at all.
QString groupName(JsonReader &r)
{
    const QString name =
        r.string(QStringLiteral("name"), 0, limits::kMaxGroupNameChars * 4); // too_large below
    if (!r.ok())
        return name;
    if (auto problem = validation::checkGroupName(name))
        r.fail(problem->code, problem->message, problem->field);
    return name;
}

// A list of user ids, duplicates dropped (first occurrence kept).
QList<qint64> memberIds(JsonReader &r, int maxCount)
{
    const QString key = QStringLiteral("members");
    const QJsonArray array = r.array(key);
    QList<qint64> out;
    if (!r.ok())
        return out;
    if (array.isEmpty()) {
        r.fail(ErrorCode::BadRequest, QStringLiteral("\"members\" is empty"), key);
        return out;
    }
    if (array.size() > maxCount) {
        r.fail(ErrorCode::TooLarge,
               QStringLiteral("a group has at most %1 members").arg(limits::kMaxGroupMembers), key);
        return out;
    }
    for (const QJsonValue &v : array) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > double(limits::kMaxId) || d != double(qint64(d))) {
            r.fail(ErrorCode::BadRequest, QStringLiteral("\"members\" holds user ids"), key);
            return {};
        }
        if (!out.contains(qint64(d)))
            out.append(qint64(d));
    }
    return out;
}

using jsonids::idArray;

void checkContentField(JsonReader &r, const QString &content)
{
    if (!r.ok())
        return;
    if (auto problem = validation::checkContent(content, QStringLiteral("content")))
        r.fail(problem->code, problem->message, problem->field);
}

} // namespace

QJsonObject RegisterRequest::toJson() const
{
    return {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
}

std::optional<RegisterRequest> RegisterRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    RegisterRequest q;
    q.username = r.string(QStringLiteral("username"), 0, limits::kMaxUsernameChars * 2);
    q.password = r.string(QStringLiteral("password"), 0, limits::kMaxPasswordChars);
    if (r.ok()) {
        auto problem = validation::checkUsername(q.username);
        if (!problem)
            problem = validation::checkPassword(q.password);
        if (problem)
            r.fail(problem->code, problem->message, problem->field);
    }
    return r.result(q, error);
}

QJsonObject LoginRequest::toJson() const
{
    return {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
}

std::optional<LoginRequest> LoginRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    LoginRequest q;
    q.username = r.string(QStringLiteral("username"), 1, limits::kMaxUsernameChars * 2);
    q.password = r.string(QStringLiteral("password"), 1, limits::kMaxPasswordChars);
    return r.result(q, error);
}

QJsonObject AuthRequest::toJson() const
{
    return {{QStringLiteral("token"), token}};
}

std::optional<AuthRequest> AuthRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    AuthRequest q;
    q.token = r.string(QStringLiteral("token"), 1, limits::kMaxTokenChars);
    return r.result(q, error);
}

QJsonObject UsersRequest::toJson() const
{
    QJsonObject o;
    if (!query.isEmpty())
        o.insert(QStringLiteral("query"), query);
    if (limit > 0)
        o.insert(QStringLiteral("limit"), limit);
    return o;
}

std::optional<UsersRequest> UsersRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    UsersRequest q;
    q.query = r.optString(QStringLiteral("query"), limits::kMaxQueryChars);
    q.limit = int(
        r.optInteger(QStringLiteral("limit"), 1, limits::kMaxUsersPage, limits::kDefaultUsersPage));
    return r.result(q, error);
}

QJsonObject SendRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("client_id"), clientId.toString(QUuid::WithoutBraces)},
                  {QStringLiteral("content"), content}};
    if (to > 0)
        o.insert(QStringLiteral("to"), idValue(to));
    if (conversationId > 0)
        o.insert(QStringLiteral("conversation_id"), idValue(conversationId));
    if (replyTo > 0)
        o.insert(QStringLiteral("reply_to"), idValue(replyTo));
    if (!fileId.isEmpty())
        o.insert(QStringLiteral("file_id"), fileId);
    return o;
}

std::optional<SendRequest> SendRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    SendRequest q;
    q.clientId = r.uuid(QStringLiteral("client_id"));
    q.content = r.string(QStringLiteral("content"), 0, limits::kMaxContentBytes);
    q.to = r.optId(QStringLiteral("to"));
    q.conversationId = r.optId(QStringLiteral("conversation_id"));
    q.replyTo = r.optId(QStringLiteral("reply_to"));
    if (r.ok() && (q.to > 0) == (q.conversationId > 0))
        r.fail(ErrorCode::BadRequest,
               QStringLiteral("give exactly one of \"to\" and \"conversation_id\""),
               QStringLiteral("to"));
    q.fileId = r.optString(QStringLiteral("file_id"), 32);
    if (r.ok() && !q.fileId.isEmpty() && !isFileId(q.fileId))
        r.fail(ErrorCode::BadRequest, QStringLiteral("file_id is 32 lower-case hex digits"),
               QStringLiteral("file_id"));
    // A file's caption is optional.
    if (q.fileId.isEmpty() || !q.content.isEmpty())
        checkContentField(r, q.content);
    return r.result(q, error);
}

QJsonObject HistoryRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("conversation_id"), idValue(conversationId)}};
    if (before > 0)
        o.insert(QStringLiteral("before"), idValue(before));
    if (after > 0 || fromStart)
        o.insert(QStringLiteral("after"), idValue(fromStart ? 0 : after));
    if (around > 0)
        o.insert(QStringLiteral("around"), idValue(around));
    if (limit > 0)
        o.insert(QStringLiteral("limit"), limit);
    return o;
}

std::optional<HistoryRequest> HistoryRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    HistoryRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    q.before = r.optId(QStringLiteral("before"));
    // 0 is no message id, but "after nothing": the oldest messages.
    q.fromStart = r.optInteger(QStringLiteral("after"), 0, limits::kMaxId, -1) == 0;
    q.after = q.fromStart ? 0 : r.optId(QStringLiteral("after"));
    q.around = r.optId(QStringLiteral("around"));
    q.limit = int(r.optInteger(QStringLiteral("limit"), 1, limits::kMaxHistoryPage,
                               limits::kDefaultHistoryPage));
    if (r.ok() && (q.before > 0) + (q.after > 0 || q.fromStart) + (q.around > 0) > 1) {
        r.fail(ErrorCode::BadRequest,
               QStringLiteral("at most one of \"before\", \"after\" and \"around\""),
               q.after > 0 || q.fromStart ? QStringLiteral("after") : QStringLiteral("around"));
    }
    return r.result(q, error);
}

QJsonObject TypingRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("active"), active}};
}

std::optional<TypingRequest> TypingRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    TypingRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    q.active = r.boolean(QStringLiteral("active"));
    return r.result(q, error);
}

QJsonObject ReadRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("up_to"), idValue(upTo)}};
}

std::optional<ReadRequest> ReadRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    ReadRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    q.upTo = r.id(QStringLiteral("up_to"));
    return r.result(q, error);
}

QJsonObject EditRequest::toJson() const
{
    return {{QStringLiteral("message_id"), idValue(messageId)},
            {QStringLiteral("content"), content}};
}

std::optional<EditRequest> EditRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    EditRequest q;
    q.messageId = r.id(QStringLiteral("message_id"));
    q.content = r.string(QStringLiteral("content"), 0, limits::kMaxContentBytes);
    checkContentField(r, q.content);
    return r.result(q, error);
}

QJsonObject DeleteRequest::toJson() const
{
    return {{QStringLiteral("message_id"), idValue(messageId)},
            {QStringLiteral("scope"),
             scope == Scope::Everyone ? QStringLiteral("everyone") : QStringLiteral("me")}};
}

std::optional<DeleteRequest> DeleteRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    DeleteRequest q;
    q.messageId = r.id(QStringLiteral("message_id"));
    const QString scope = r.string(QStringLiteral("scope"), 1, 16);
    if (scope == QLatin1String("everyone"))
        q.scope = Scope::Everyone;
    else if (scope == QLatin1String("me"))
        q.scope = Scope::Me;
    else
        r.fail(ErrorCode::BadRequest, QStringLiteral("scope must be \"me\" or \"everyone\""),
               QStringLiteral("scope"));
    return r.result(q, error);
}

QJsonObject EditHistoryRequest::toJson() const
{
    return {{QStringLiteral("message_id"), idValue(messageId)}};
}

std::optional<EditHistoryRequest> EditHistoryRequest::fromJson(const QJsonObject &o,
                                                               ProtocolError *error)
{
    JsonReader r(o);
    EditHistoryRequest q;
    q.messageId = r.id(QStringLiteral("message_id"));
    return r.result(q, error);
}

QJsonObject SyncRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("since"), idValue(since)}};
    if (limit > 0)
        o.insert(QStringLiteral("limit"), limit);
    return o;
}

std::optional<SyncRequest> SyncRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    SyncRequest q;
    q.since = r.integer(QStringLiteral("since"), 0, limits::kMaxId);
    q.limit = int(
        r.optInteger(QStringLiteral("limit"), 1, limits::kMaxSyncPage, limits::kDefaultSyncPage));
    return r.result(q, error);
}

QJsonObject SearchRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("query"), query}};
    if (conversationId > 0)
        o.insert(QStringLiteral("conversation_id"), idValue(conversationId));
    if (senderId > 0)
        o.insert(QStringLiteral("sender_id"), idValue(senderId));
    if (afterTime > 0)
        o.insert(QStringLiteral("after_time"), idValue(afterTime));
    if (beforeTime > 0)
        o.insert(QStringLiteral("before_time"), idValue(beforeTime));
    if (before > 0)
        o.insert(QStringLiteral("before"), idValue(before));
    if (limit > 0)
        o.insert(QStringLiteral("limit"), limit);
    return o;
}

std::optional<SearchRequest> SearchRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    SearchRequest q;
    q.query = r.string(QStringLiteral("query"), 1, limits::kMaxSearchQueryChars);
    q.conversationId = r.optId(QStringLiteral("conversation_id"));
    q.senderId = r.optId(QStringLiteral("sender_id"));
    q.afterTime = r.optInteger(QStringLiteral("after_time"), 0, limits::kMaxId, 0);
    q.beforeTime = r.optInteger(QStringLiteral("before_time"), 0, limits::kMaxId, 0);
    q.before = r.optId(QStringLiteral("before"));
    q.limit = int(r.optInteger(QStringLiteral("limit"), 1, limits::kMaxSearchPage,
                               limits::kDefaultSearchPage));
    if (!r.ok())
        return r.result(q, error);
    auto terms = searchtext::parseQuery(q.query, error);
    if (!terms)
        return std::nullopt;
    q.terms = std::move(*terms);
    return q;
}

QJsonObject CreateGroupRequest::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("members"), idArray(members)}};
}

std::optional<CreateGroupRequest> CreateGroupRequest::fromJson(const QJsonObject &o,
                                                               ProtocolError *error)
{
    JsonReader r(o);
    CreateGroupRequest q;
    q.name = groupName(r);
    q.members = memberIds(r, limits::kMaxGroupMembers);
    return r.result(q, error);
}

QJsonObject RenameGroupRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("name"), name}};
}

std::optional<RenameGroupRequest> RenameGroupRequest::fromJson(const QJsonObject &o,
                                                               ProtocolError *error)
{
    JsonReader r(o);
    RenameGroupRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    q.name = groupName(r);
    return r.result(q, error);
}

QJsonObject AddMembersRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("members"), idArray(members)}};
}

std::optional<AddMembersRequest> AddMembersRequest::fromJson(const QJsonObject &o,
                                                             ProtocolError *error)
{
    JsonReader r(o);
    AddMembersRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    q.members = memberIds(r, limits::kMaxGroupMembers);
    return r.result(q, error);
}

QJsonObject RemoveMemberRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("user_id"), idValue(userId)}};
}

std::optional<RemoveMemberRequest> RemoveMemberRequest::fromJson(const QJsonObject &o,
                                                                 ProtocolError *error)
{
    JsonReader r(o);
    RemoveMemberRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    q.userId = r.id(QStringLiteral("user_id"));
    return r.result(q, error);
}

QJsonObject LeaveGroupRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)}};
}

std::optional<LeaveGroupRequest> LeaveGroupRequest::fromJson(const QJsonObject &o,
                                                             ProtocolError *error)
{
    JsonReader r(o);
    LeaveGroupRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    return r.result(q, error);
}

QJsonObject GroupMembersRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)}};
}

std::optional<GroupMembersRequest> GroupMembersRequest::fromJson(const QJsonObject &o,
                                                                 ProtocolError *error)
{
    JsonReader r(o);
    GroupMembersRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    return r.result(q, error);
}

QJsonObject SetRoleRequest::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("user_id"), idValue(userId)},
            {QStringLiteral("role"), groupRoleName(role)}};
}

std::optional<SetRoleRequest> SetRoleRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    SetRoleRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    q.userId = r.id(QStringLiteral("user_id"));
    const QString role = r.string(QStringLiteral("role"), 1, 16);
    if (r.ok() && !groupRoleFromName(role, &q.role))
        r.fail(ErrorCode::BadRequest, QStringLiteral("role must be \"admin\" or \"member\""),
               QStringLiteral("role"));
    return r.result(q, error);
}

} // namespace natter
