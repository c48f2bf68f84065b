#pragma once
// The frames one stored message causes: the event for the other sockets ("message", or
// "message_updated") and the sender's "ok" reply. The message is written to JSON text once
// (Message::appendJson, no QJsonObject: the hot path of every sent message) and both frames
// share that text. Same JSON as the generic encoders (codec.h) give, keys in another order.

#include "protocol.h"
#include "types.h"

#include <QString>

namespace natter::codec {

class MessageFrames final
{
public:
    MessageFrames() = default;
    explicit MessageFrames(const Message &message);

    const Message &message() const { return m_message; }
    // {"type":<event>,"message":{...}}
    QString event(protocol::EventType type) const;
    // {"type":"ok","re":<re>,"message":{...}}: the reply to send (SendReply) or edit (EditReply)
    QString reply(const QString &re) const;

private:
    Message m_message;
    QString m_json; // the message object
};

} // namespace natter::codec
