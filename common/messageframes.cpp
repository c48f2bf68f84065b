#include "messageframes.h"

#include "fieldnames.h"
#include "jsonwrite.h"

namespace natter::codec {
namespace {

// {"type":<typeName>[,"re":<re>],"message":<messageJson>}
QString wrap(QLatin1String typeName, const QString *re, const QString &messageJson)
{
    QString out;
    out.reserve(messageJson.size() + 48 + (re ? re->size() : 0));
    out += QLatin1String("{\"");
    out += field::kType;
    out += QLatin1String("\":\"");
    out += typeName; // a fixed lowercase name
    out += QLatin1Char('"');
    if (re) {
        out += QLatin1String(",\"");
        out += field::kRe;
        out += QLatin1String("\":");
        appendJsonString(out, *re);
    }
    out += QLatin1String(",\"");
    out += field::kMessage;
    out += QLatin1String("\":");
    out += messageJson;
    out += QLatin1Char('}');
    return out;
}

} // namespace

MessageFrames::MessageFrames(const Message &message) : m_message(message)
{
    m_json.reserve(160 + message.content.size());
    message.appendJson(m_json);
}

QString MessageFrames::event(protocol::EventType type) const
{
    return wrap(protocol::eventTypeName(type), nullptr, m_json);
}

QString MessageFrames::reply(const QString &re) const
{
    return wrap(protocol::kOkType, &re, m_json);
}

} // namespace natter::codec
