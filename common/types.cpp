#include "types.h"

#include "fieldnames.h"
#include "jsonids.h"
#include "jsonread.h"
#include "jsonwrite.h"
#include "protocollimits.h"

#include <QJsonValue>

namespace natter {
namespace {

using jsonids::idValue;

} // namespace

QJsonObject User::toJson() const
{
    return {{QStringLiteral("id"), idValue(id)},
            {QStringLiteral("username"), username},
            {QStringLiteral("online"), online}};
}

std::optional<User> User::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    User u;
    u.id = r.id(QStringLiteral("id"));
    u.username = r.string(QStringLiteral("username"), 1, limits::kMaxUsernameChars);
    u.online = r.has(QStringLiteral("online")) && r.boolean(QStringLiteral("online"));
    return r.ok() ? std::optional<User>(u) : std::nullopt;
}

namespace {

// A Message's fields, listed once for both writers (jsonwrite.h).
template <typename Writer> void writeMessage(const Message &m, Writer &w)
{
    w.integer(field::kId, m.id);
    w.integer(field::kConversationId, m.conversationId);
    w.integer(field::kSenderId, m.senderId);
    w.uuid(field::kClientId, m.clientId);
    w.string(field::kContent, m.content);
    w.integer(field::kCreatedAt, m.createdAt);
    w.optInteger(field::kEditedAt, m.editedAt);
    w.boolean(field::kDeleted, m.deleted);
    w.integer(field::kRev, m.rev);
    if (m.system)
        w.object(field::kSystem, m.system->toJson());
    if (m.replyTo)
        w.object(field::kReplyTo, m.replyTo->toJson());
    if (!m.reactions.isEmpty())
        w.object(field::kReactions, reactions::toJson(m.reactions));
    if (m.file)
        w.object(field::kFile, m.file->toJson());
}

} // namespace

QJsonObject Message::toJson() const
{
    JsonObjectWriter w;
    writeMessage(*this, w);
    return w.take();
}

void Message::appendJson(QString &out) const
{
    JsonTextWriter w(out);
    writeMessage(*this, w);
    w.finish();
}

std::optional<Message> Message::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Message m;
    m.id = r.id(field::kId);
    m.conversationId = r.id(field::kConversationId);
    m.senderId = r.id(field::kSenderId);
    m.clientId = r.uuid(field::kClientId);
    m.content = r.string(field::kContent, 0, limits::kMaxContentBytes);
    m.createdAt = r.integer(field::kCreatedAt, 0, limits::kMaxId);
    m.editedAt = r.optTimestamp(field::kEditedAt);
    m.deleted = r.boolean(field::kDeleted);
    m.rev = r.integer(field::kRev, 0, limits::kMaxId);
    if (r.has(field::kSystem)) {
        m.system = SystemEvent::fromJson(r.object(field::kSystem));
        if (!m.system)
            r.fail(ErrorCode::BadRequest, QStringLiteral("bad system"), field::kSystem);
    }
    if (r.has(field::kReplyTo)) {
        m.replyTo = ReplyQuote::fromJson(r.object(field::kReplyTo));
        if (!m.replyTo)
            r.fail(ErrorCode::BadRequest, QStringLiteral("bad reply_to"), field::kReplyTo);
    }
    if (r.has(field::kReactions)) {
        const auto groups = reactions::fromJson(r.object(field::kReactions));
        if (!groups)
            r.fail(ErrorCode::BadRequest, QStringLiteral("bad reactions"), field::kReactions);
        else
            m.reactions = *groups;
    }
    if (r.has(field::kFile)) {
        m.file = FileInfo::fromJson(r.object(field::kFile));
        if (!m.file)
            r.fail(ErrorCode::BadRequest, QStringLiteral("bad file"), field::kFile);
    }
    return r.ok() ? std::optional<Message>(m) : std::nullopt;
}

QJsonObject Conversation::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), idValue(id)},
        {QStringLiteral("kind"), group ? QStringLiteral("group") : QStringLiteral("direct")},
        {QStringLiteral("peer"), peer.toJson()},
        {QStringLiteral("last_message"), lastMessage ? lastMessage->toJson() : QJsonValue()},
        {QStringLiteral("last_activity"), idValue(lastActivity)},
        {QStringLiteral("unread"), unread},
        {QStringLiteral("read_up_to"), idValue(readUpTo)},
        {QStringLiteral("peer_read_up_to"), idValue(peerReadUpTo)},
        {QStringLiteral("peer_delivered_up_to"), idValue(peerDeliveredUpTo)}};
    if (group) {
        o.insert(QStringLiteral("name"), name);
        o.insert(QStringLiteral("member_count"), memberCount);
        o.insert(QStringLiteral("role"),
                 admin ? QStringLiteral("admin") : QStringLiteral("member"));
        o.insert(QStringLiteral("left"), left);
    }
    return o;
}

std::optional<Conversation> Conversation::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Conversation c;
    c.id = r.id(QStringLiteral("id"));
    const auto peer = User::fromJson(r.object(QStringLiteral("peer")));
    if (r.has(QStringLiteral("last_message"))) {
        c.lastMessage = Message::fromJson(r.object(QStringLiteral("last_message")));
        if (!c.lastMessage)
            r.fail(ErrorCode::BadRequest, QStringLiteral("bad last_message"),
                   QStringLiteral("last_message"));
    }
    c.lastActivity = r.integer(QStringLiteral("last_activity"), 0, limits::kMaxId);
    c.unread = int(r.integer(QStringLiteral("unread"), 0, 1 << 30));
    c.readUpTo = r.integer(QStringLiteral("read_up_to"), 0, limits::kMaxId);
    c.peerReadUpTo = r.integer(QStringLiteral("peer_read_up_to"), 0, limits::kMaxId);
    c.peerDeliveredUpTo = r.integer(QStringLiteral("peer_delivered_up_to"), 0, limits::kMaxId);
    // Older servers send no kind: every conversation was 1:1.
    c.group = r.optString(QStringLiteral("kind"), 16) == QLatin1String("group");
    if (c.group) {
        c.name = r.string(QStringLiteral("name"), 1, limits::kMaxGroupNameChars);
        c.memberCount = int(r.integer(QStringLiteral("member_count"), 0, limits::kMaxGroupMembers));
        c.admin = r.optString(QStringLiteral("role"), 16) == QLatin1String("admin");
        c.left = r.has(QStringLiteral("left")) && r.boolean(QStringLiteral("left"));
    }
    if (!peer || !r.ok())
        return std::nullopt;
    c.peer = *peer;
    return c;
}

QJsonObject Receipt::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("user_id"), idValue(userId)},
            {QStringLiteral("read_up_to"), idValue(readUpTo)},
            {QStringLiteral("delivered_up_to"), idValue(deliveredUpTo)},
            {QStringLiteral("rev"), idValue(rev)}};
}

std::optional<Receipt> Receipt::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Receipt x;
    x.conversationId = r.id(QStringLiteral("conversation_id"));
    x.userId = r.id(QStringLiteral("user_id"));
    x.readUpTo = r.integer(QStringLiteral("read_up_to"), 0, limits::kMaxId);
    x.deliveredUpTo = r.integer(QStringLiteral("delivered_up_to"), 0, limits::kMaxId);
    x.rev = r.integer(QStringLiteral("rev"), 0, limits::kMaxId);
    return r.ok() ? std::optional<Receipt>(x) : std::nullopt;
}

QJsonObject EditRecord::toJson() const
{
    return {{QStringLiteral("content"), content}, {QStringLiteral("edited_at"), idValue(editedAt)}};
}

std::optional<EditRecord> EditRecord::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    EditRecord e;
    e.content = r.string(QStringLiteral("content"), 0, limits::kMaxContentBytes);
    e.editedAt = r.integer(QStringLiteral("edited_at"), 0, limits::kMaxId);
    return r.ok() ? std::optional<EditRecord>(e) : std::nullopt;
}

QJsonObject HiddenMessage::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("message_id"), idValue(messageId)},
            {QStringLiteral("rev"), idValue(rev)}};
}

std::optional<HiddenMessage> HiddenMessage::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    HiddenMessage h;
    h.conversationId = r.id(QStringLiteral("conversation_id"));
    h.messageId = r.id(QStringLiteral("message_id"));
    h.rev = r.integer(QStringLiteral("rev"), 0, limits::kMaxId);
    return r.ok() ? std::optional<HiddenMessage>(h) : std::nullopt;
}

} // namespace natter
