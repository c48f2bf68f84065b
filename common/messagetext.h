#pragma once
// The two frames every chat message causes, written straight to JSON text: the sender's "ok"
// reply and the "message" event (also "message_updated"). Building a QJsonObject per frame and
// serialising it through QJsonDocument was a quarter of the server's time at 28,000
// messages/s. Same JSON as the generic encoders (codec.h) give, keys in another order.

#include "protocol.h"
#include "types.h"

#include <QString>
#include <QStringView>

namespace natter::codec {

// `text` as a JSON string literal, quotes included. Control characters and unpaired UTF-16
// surrogates are escaped, so the text parses back to exactly `text`.
void appendJsonString(QString &out, QStringView text);
// Message::toJson() as JSON text.
void appendMessageJson(QString &out, const Message &message);

// {"type":<event>,"message":{...}}
QString encodeMessageEvent(protocol::EventType type, const Message &message);
// {"type":"ok","re":<re>,"message":{...}}
QString encodeOkWithMessage(const QString &re, const Message &message);

} // namespace natter::codec
