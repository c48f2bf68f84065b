#include "events.h"

#include "jsonids.h"
#include "jsonread.h"
#include "protocollimits.h"

#include <QJsonArray>

namespace natter {
namespace {

using jsonids::idValue;

} // namespace

QJsonObject MessageEvent::toJson() const
{
    return {{QStringLiteral("message"), message.toJson()}};
}

std::optional<MessageEvent> MessageEvent::fromJson(const QJsonObject &o)
{
    auto m = Message::fromJson(o.value(QStringLiteral("message")).toObject());
    return m ? std::optional<MessageEvent>(MessageEvent{*m}) : std::nullopt;
}

QJsonObject MessageUpdatedEvent::toJson() const
{
    return {{QStringLiteral("message"), message.toJson()}};
}

std::optional<MessageUpdatedEvent> MessageUpdatedEvent::fromJson(const QJsonObject &o)
{
    auto m = Message::fromJson(o.value(QStringLiteral("message")).toObject());
    return m ? std::optional<MessageUpdatedEvent>(MessageUpdatedEvent{*m}) : std::nullopt;
}

QJsonObject MessageHiddenEvent::toJson() const
{
    return hidden.toJson();
}

std::optional<MessageHiddenEvent> MessageHiddenEvent::fromJson(const QJsonObject &o)
{
    auto h = HiddenMessage::fromJson(o);
    return h ? std::optional<MessageHiddenEvent>(MessageHiddenEvent{*h}) : std::nullopt;
}

QJsonObject TypingEvent::toJson() const
{
    return {{QStringLiteral("conversation_id"), idValue(conversationId)},
            {QStringLiteral("user_id"), idValue(userId)},
            {QStringLiteral("active"), active}};
}

std::optional<TypingEvent> TypingEvent::fromJson(const QJsonObject &o)
{
    JsonReader r(o);
    TypingEvent e;
    e.conversationId = r.id(QStringLiteral("conversation_id"));
    e.userId = r.id(QStringLiteral("user_id"));
    e.active = r.boolean(QStringLiteral("active"));
    return r.ok() ? std::optional<TypingEvent>(e) : std::nullopt;
}

QJsonObject PresenceEvent::toJson() const
{
    QJsonArray onlineArray;
    for (const User &u : online)
        onlineArray.append(u.toJson());
    QJsonArray offlineArray;
    for (qint64 id : offline)
        offlineArray.append(idValue(id));
    return {{QStringLiteral("snapshot"), snapshot},
            {QStringLiteral("online"), onlineArray},
            {QStringLiteral("offline"), offlineArray}};
}

std::optional<PresenceEvent> PresenceEvent::fromJson(const QJsonObject &o)
{
    JsonReader r(o);
    PresenceEvent e;
    e.snapshot = r.boolean(QStringLiteral("snapshot"));
    const QJsonArray onlineArray = r.array(QStringLiteral("online"));
    const QJsonArray offlineArray = r.array(QStringLiteral("offline"));
    if (!r.ok())
        return std::nullopt;
    e.online.reserve(onlineArray.size());
    for (const QJsonValue &v : onlineArray) {
        auto u = User::fromJson(v.toObject());
        if (!u)
            return std::nullopt;
        u->online = true;
        e.online.append(*u);
    }
    e.offline.reserve(offlineArray.size());
    for (const QJsonValue &v : offlineArray) {
        const double d = v.toDouble(-1);
        if (d < 1 || d > double(limits::kMaxId))
            return std::nullopt;
        e.offline.append(qint64(d));
    }
    return e;
}

QJsonObject ReceiptEvent::toJson() const
{
    return receipt.toJson();
}

std::optional<ReceiptEvent> ReceiptEvent::fromJson(const QJsonObject &o)
{
    auto x = Receipt::fromJson(o);
    return x ? std::optional<ReceiptEvent>(ReceiptEvent{*x}) : std::nullopt;
}

QJsonObject GroupUpdatedEvent::toJson() const
{
    return {{QStringLiteral("group"), group.toJson()}};
}

std::optional<GroupUpdatedEvent> GroupUpdatedEvent::fromJson(const QJsonObject &o)
{
    auto g = Group::fromJson(o.value(QStringLiteral("group")).toObject());
    return g ? std::optional<GroupUpdatedEvent>(GroupUpdatedEvent{*g}) : std::nullopt;
}

} // namespace natter
