#pragma once
// The `react` request, its reply and the `reaction` event (docs/protocol.md, "Replies and
// reactions"): a user sets or clears one emoji of the fixed set (reactiontypes.h) on a message.

#include "errorcode.h"
#include "protocol.h"
#include "reactiontypes.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace natter {

struct ReactRequest
{
    static constexpr auto kType = protocol::RequestType::React;
    qint64 messageId = 0;
    QString emoji;
    bool on = true;
    QJsonObject toJson() const;
    static std::optional<ReactRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

// One change and the message's reactions after it: the `reaction` event's fields, and the
// `reaction` object of the reply to `react`.
struct Reaction
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    qint64 userId = 0;
    QString emoji;
    bool on = true;
    QList<ReactionGroup> reactions; // the message's, after the change
    qint64 rev = 0;                 // the message's revision after the change
    QJsonObject toJson() const;
    static std::optional<Reaction> fromJson(const QJsonObject &o);
    friend bool operator==(const Reaction &, const Reaction &) = default;
};

struct ReactionEvent
{
    static constexpr auto kType = protocol::EventType::Reaction;
    Reaction reaction;
    QJsonObject toJson() const { return reaction.toJson(); }
    static std::optional<ReactionEvent> fromJson(const QJsonObject &o);
};

struct ReactReply
{
    Reaction reaction;
    QJsonObject toJson() const;
    static std::optional<ReactReply> fromJson(const QJsonObject &o, ProtocolError *error);
};

} // namespace natter
