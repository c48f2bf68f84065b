#include "reactionrequests.h"

#include "jsonread.h"
#include "protocollimits.h"

namespace natter {

QJsonObject ReactRequest::toJson() const
{
    return {{QStringLiteral("message_id"), double(messageId)},
            {QStringLiteral("emoji"), emoji},
            {QStringLiteral("on"), on}};
}

std::optional<ReactRequest> ReactRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    ReactRequest q;
    q.messageId = r.id(QStringLiteral("message_id"));
    q.emoji = r.string(QStringLiteral("emoji"), 1, 16);
    q.on = r.boolean(QStringLiteral("on"));
    if (r.ok() && !reactions::isAllowed(q.emoji))
        r.fail(ErrorCode::BadRequest,
               QStringLiteral("emoji must be one of %1").arg(reactions::allowed().join(u' ')),
               QStringLiteral("emoji"));
    return r.result(q, error);
}

QJsonObject Reaction::toJson() const
{
    return {{QStringLiteral("conversation_id"), double(conversationId)},
            {QStringLiteral("message_id"), double(messageId)},
            {QStringLiteral("user_id"), double(userId)},
            {QStringLiteral("emoji"), emoji},
            {QStringLiteral("on"), on},
            {QStringLiteral("reactions"), reactions::toJson(reactions)},
            {QStringLiteral("rev"), double(rev)}};
}

std::optional<Reaction> Reaction::fromJson(const QJsonObject &o)
{
    JsonReader r(o);
    Reaction x;
    x.conversationId = r.id(QStringLiteral("conversation_id"));
    x.messageId = r.id(QStringLiteral("message_id"));
    x.userId = r.id(QStringLiteral("user_id"));
    x.emoji = r.string(QStringLiteral("emoji"), 1, 16);
    x.on = r.boolean(QStringLiteral("on"));
    const auto groups = reactions::fromJson(r.object(QStringLiteral("reactions")));
    x.rev = r.integer(QStringLiteral("rev"), 0, limits::kMaxId);
    if (!r.ok() || !groups)
        return std::nullopt;
    x.reactions = *groups;
    return x;
}

std::optional<ReactionEvent> ReactionEvent::fromJson(const QJsonObject &o)
{
    const auto x = Reaction::fromJson(o);
    return x ? std::optional<ReactionEvent>(ReactionEvent{*x}) : std::nullopt;
}

QJsonObject ReactReply::toJson() const
{
    return {{QStringLiteral("reaction"), reaction.toJson()}};
}

std::optional<ReactReply> ReactReply::fromJson(const QJsonObject &o, ProtocolError *error)
{
    const auto x = Reaction::fromJson(o.value(QStringLiteral("reaction")).toObject());
    if (!x) {
        if (error)
            *error = ProtocolError::make(ErrorCode::BadRequest, QStringLiteral("bad reaction"),
                                         QStringLiteral("reaction"));
        return std::nullopt;
    }
    return ReactReply{*x};
}

} // namespace natter
