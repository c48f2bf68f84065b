#pragma once
// The domain objects that travel inside frames, with their JSON form.
// Times are milliseconds since the Unix epoch (UTC); ids are positive integers below 2^53.

#include "fileinfo.h"
#include "reactiontypes.h"
#include "systemevent.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace natter {

struct User
{
    qint64 id = 0;
    QString username;
    bool online = false;

    QJsonObject toJson() const;
    static std::optional<User> fromJson(const QJsonObject &object);
    friend bool operator==(const User &, const User &) = default;
};

struct Message
{
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 senderId = 0;
    QUuid clientId;
    QString content; // empty when deleted for everyone
    qint64 createdAt = 0;
    std::optional<qint64> editedAt;
    bool deleted = false;
    qint64 rev = 0; // server-wide change revision of the latest change to this message
    // Set on a system line (a group's membership or name changed); absent on what people wrote.
    std::optional<SystemEvent> system = std::nullopt;
    // A reply: the quoted message now (reply_to); the reactions given to this one.
    std::optional<ReplyQuote> replyTo = std::nullopt;
    QList<ReactionGroup> reactions = {};
    // Set when the message carries a file (docs/protocol.md "Files"); the content is its caption.
    std::optional<FileInfo> file = std::nullopt;

    QJsonObject toJson() const;
    // The same object as JSON text, appended to `out` (no QJsonObject: messageframes.h).
    void appendJson(QString &out) const;
    static std::optional<Message> fromJson(const QJsonObject &object);
    friend bool operator==(const Message &, const Message &) = default;
};

struct Conversation
{
    qint64 id = 0;
    User peer;
    std::optional<Message> lastMessage;
    qint64 lastActivity = 0;
    int unread = 0;
    qint64 readUpTo = 0;          // the caller's own read position
    qint64 peerReadUpTo = 0;      // drives "read" ticks on the caller's messages
    qint64 peerDeliveredUpTo = 0; // drives "delivered" ticks
    // A group (kind "group" on the wire): `peer` is its creator (older clients need a peer),
    // the peer positions are the lowest of the other current members' ("read by all").
    bool group = false;
    QString name = {};
    int memberCount = 0;
    bool admin = false; // the caller's role
    bool left = false;  // the caller left or was removed: nothing new arrives

    QJsonObject toJson() const;
    static std::optional<Conversation> fromJson(const QJsonObject &object);
    friend bool operator==(const Conversation &, const Conversation &) = default;
};

// One participant's read/delivered position in a conversation.
struct Receipt
{
    qint64 conversationId = 0;
    qint64 userId = 0;
    qint64 readUpTo = 0;
    qint64 deliveredUpTo = 0;
    qint64 rev = 0;

    QJsonObject toJson() const;
    static std::optional<Receipt> fromJson(const QJsonObject &object);
    friend bool operator==(const Receipt &, const Receipt &) = default;
};

// A previous version of an edited message.
struct EditRecord
{
    QString content;
    qint64 editedAt = 0; // when this version was replaced

    QJsonObject toJson() const;
    static std::optional<EditRecord> fromJson(const QJsonObject &object);
    friend bool operator==(const EditRecord &, const EditRecord &) = default;
};

// A delete-for-me, as seen by sync.
struct HiddenMessage
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    qint64 rev = 0;

    QJsonObject toJson() const;
    static std::optional<HiddenMessage> fromJson(const QJsonObject &object);
    friend bool operator==(const HiddenMessage &, const HiddenMessage &) = default;
};

} // namespace natter
