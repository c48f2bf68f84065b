#include "replies.h"

#include "fieldnames.h"
#include "jsonread.h"
#include "protocollimits.h"

#include <QJsonArray>

namespace natter {
namespace {

template <typename T> QJsonArray toArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

// A required object field decoded with T::fromJson; a default T after a failure.
template <typename T> T readObject(JsonReader &r, QLatin1String key)
{
    const QJsonObject object = r.object(key);
    if (!r.ok())
        return T{};
    auto value = T::fromJson(object);
    if (!value) {
        r.fail(ErrorCode::BadRequest, QStringLiteral("field \"%1\" is malformed").arg(key), key);
        return T{};
    }
    return *value;
}

// A required array of objects, each decoded with T::fromJson.
template <typename T> QList<T> readList(JsonReader &r, QLatin1String key)
{
    const QJsonArray array = r.array(key);
    QList<T> out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
        const QJsonValue v = array.at(i);
        auto item = v.isObject() ? T::fromJson(v.toObject()) : std::nullopt;
        if (!item) {
            r.fail(ErrorCode::BadRequest,
                   QStringLiteral("field \"%1\" has a malformed element at %2").arg(key).arg(i),
                   key);
            return {};
        }
        out.append(*item);
    }
    return out;
}

} // namespace

std::optional<EmptyReply> EmptyReply::fromJson(const QJsonObject &, ProtocolError *)
{
    return EmptyReply{}; // fields a newer server adds are ignored
}

QJsonObject SignInReply::toJson() const
{
    QJsonObject o{{field::kUser, user.toJson()}};
    if (!token.isEmpty())
        o.insert(field::kToken, token);
    return o;
}

std::optional<SignInReply> SignInReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    SignInReply x;
    x.user = readObject<User>(r, field::kUser);
    x.token = r.optString(field::kToken, limits::kMaxTokenChars);
    return r.result(x, error);
}

QJsonObject UsersReply::toJson() const
{
    return {{field::kUsers, toArray(users)}};
}

std::optional<UsersReply> UsersReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    UsersReply x;
    x.users = readList<User>(r, field::kUsers);
    return r.result(x, error);
}

QJsonObject MessageReply::toJson() const
{
    return {{field::kMessage, message.toJson()}};
}

std::optional<MessageReply> MessageReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    MessageReply x;
    x.message = readObject<Message>(r, field::kMessage);
    return r.result(x, error);
}

QJsonObject ConversationsReply::toJson() const
{
    return {{field::kConversations, toArray(conversations)}};
}

std::optional<ConversationsReply> ConversationsReply::fromJson(const QJsonObject &o,
                                                               ProtocolError *error)
{
    JsonReader r(o);
    ConversationsReply x;
    x.conversations = readList<Conversation>(r, field::kConversations);
    return r.result(x, error);
}

QJsonObject HistoryReply::toJson() const
{
    QJsonObject o{{field::kMessages, toArray(messages)}, {field::kHasMore, hasMore}};
    if (hasNewer)
        o.insert(field::kHasNewer, *hasNewer);
    return o;
}

std::optional<HistoryReply> HistoryReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    HistoryReply x;
    x.messages = readList<Message>(r, field::kMessages);
    x.hasMore = r.boolean(field::kHasMore);
    if (o.contains(field::kHasNewer))
        x.hasNewer = r.boolean(field::kHasNewer);
    return r.result(x, error);
}

QJsonObject ReadReply::toJson() const
{
    return {{field::kReceipt, receipt.toJson()}};
}

std::optional<ReadReply> ReadReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    ReadReply x;
    x.receipt = readObject<Receipt>(r, field::kReceipt);
    return r.result(x, error);
}

QJsonObject EditHistoryReply::toJson() const
{
    return {{field::kEdits, toArray(edits)}};
}

std::optional<EditHistoryReply> EditHistoryReply::fromJson(const QJsonObject &o,
                                                           ProtocolError *error)
{
    JsonReader r(o);
    EditHistoryReply x;
    x.edits = readList<EditRecord>(r, field::kEdits);
    return r.result(x, error);
}

QJsonObject SyncReply::toJson() const
{
    return {{field::kMessages, toArray(messages)},
            {field::kReceipts, toArray(receipts)},
            {field::kHidden, toArray(hidden)},
            {field::kRev, double(rev)},
            {field::kHasMore, hasMore}};
}

std::optional<SyncReply> SyncReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    SyncReply x;
    x.messages = readList<Message>(r, field::kMessages);
    x.receipts = readList<Receipt>(r, field::kReceipts);
    x.hidden = readList<HiddenMessage>(r, field::kHidden);
    x.rev = r.integer(field::kRev, 0, limits::kMaxId);
    x.hasMore = r.boolean(field::kHasMore);
    return r.result(x, error);
}

QJsonObject SearchReply::toJson() const
{
    QJsonObject o{{field::kMessages, toArray(messages)}, {field::kHasMore, hasMore}};
    if (hasMore)
        o.insert(field::kNextBefore, double(nextBefore));
    if (total >= 0) {
        o.insert(field::kTotal, total);
        o.insert(field::kTotalExact, totalExact);
    }
    return o;
}

std::optional<SearchReply> SearchReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    SearchReply x;
    x.messages = readList<Message>(r, field::kMessages);
    x.hasMore = r.boolean(field::kHasMore);
    if (x.hasMore)
        x.nextBefore = r.id(field::kNextBefore);
    if (o.contains(field::kTotal)) {
        x.total = int(r.integer(field::kTotal, 0, limits::kSearchScanWindow));
        x.totalExact = r.boolean(field::kTotalExact);
    }
    return r.result(x, error);
}

QJsonObject GroupReply::toJson() const
{
    return {{QStringLiteral("group"), group.toJson()}};
}

std::optional<GroupReply> GroupReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    GroupReply reply;
    reply.group = readObject<Group>(r, QLatin1String("group"));
    return r.result(reply, error);
}

QJsonObject GroupMembersReply::toJson() const
{
    return {{QStringLiteral("group"), group.toJson()},
            {QStringLiteral("members"), toArray(members)}};
}

std::optional<GroupMembersReply> GroupMembersReply::fromJson(const QJsonObject &o,
                                                             ProtocolError *error)
{
    JsonReader r(o);
    GroupMembersReply reply;
    reply.group = readObject<Group>(r, QLatin1String("group"));
    reply.members = readList<GroupMember>(r, QLatin1String("members"));
    return r.result(reply, error);
}

} // namespace natter
