#pragma once
// One struct per server-initiated event: fields, JSON encoding (server side) and decoding
// (client side).

#include "grouptypes.h"
#include "protocol.h"
#include "types.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace natter {

// A new message, to the recipient's sockets and the sender's other sockets.
struct MessageEvent
{
    static constexpr auto kType = protocol::EventType::Message;
    Message message;
    QJsonObject toJson() const;
    static std::optional<MessageEvent> fromJson(const QJsonObject &o);
};

// An edit or a delete-for-everyone (message.deleted), to both participants' sockets.
struct MessageUpdatedEvent
{
    static constexpr auto kType = protocol::EventType::MessageUpdated;
    Message message;
    QJsonObject toJson() const;
    static std::optional<MessageUpdatedEvent> fromJson(const QJsonObject &o);
};

// A delete-for-me, to the deleting user's sockets only.
struct MessageHiddenEvent
{
    static constexpr auto kType = protocol::EventType::MessageHidden;
    HiddenMessage hidden;
    QJsonObject toJson() const;
    static std::optional<MessageHiddenEvent> fromJson(const QJsonObject &o);
};

// The other participant started or stopped typing. "active" true expires after
// limits::kTypingExpiryMs unless refreshed; the server sends active=false on expiry.
struct TypingEvent
{
    static constexpr auto kType = protocol::EventType::Typing;
    qint64 conversationId = 0;
    qint64 userId = 0;
    bool active = false;
    QJsonObject toJson() const;
    static std::optional<TypingEvent> fromJson(const QJsonObject &o);
};

// Presence: snapshot=true replaces the client's whole online list (sent once after auth);
// otherwise a coalesced diff of users who came online and user ids that went offline.
struct PresenceEvent
{
    static constexpr auto kType = protocol::EventType::Presence;
    bool snapshot = false;
    QList<User> online;
    QList<qint64> offline;
    QJsonObject toJson() const;
    static std::optional<PresenceEvent> fromJson(const QJsonObject &o);
};

// A participant's read/delivered position moved, to both participants' sockets.
struct ReceiptEvent
{
    static constexpr auto kType = protocol::EventType::Receipt;
    Receipt receipt;
    QJsonObject toJson() const;
    static std::optional<ReceiptEvent> fromJson(const QJsonObject &o);
};

// A group's name, members or roles changed: to every current member's sockets and to a member
// who was just removed or left (who finds themself no longer in `members`).
struct GroupUpdatedEvent
{
    static constexpr auto kType = protocol::EventType::GroupUpdated;
    Group group;
    QJsonObject toJson() const;
    static std::optional<GroupUpdatedEvent> fromJson(const QJsonObject &o);
};

} // namespace natter
