#include "messagetext.h"

namespace natter::codec {
namespace {

void appendHexEscape(QString &out, char16_t unit)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += QLatin1String("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out += QLatin1Char(kHex[(unit >> shift) & 0xf]);
}

void appendNumber(QString &out, qint64 value)
{
    out += QString::number(value);
}

} // namespace

void appendJsonString(QString &out, QStringView text)
{
    out.reserve(out.size() + text.size() + 2);
    out += QLatin1Char('"');
    const qsizetype n = text.size();
    qsizetype plainFrom = 0; // runs that need no escape are appended in one piece
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        const char *escape = nullptr;
        bool hex = false;
        if (c == u'"') {
            escape = "\\\"";
        } else if (c == u'\\') {
            escape = "\\\\";
        } else if (c < 0x20) {
            switch (c) {
            case u'\n':
                escape = "\\n";
                break;
            case u'\r':
                escape = "\\r";
                break;
            case u'\t':
                escape = "\\t";
                break;
            case u'\b':
                escape = "\\b";
                break;
            case u'\f':
                escape = "\\f";
                break;
            default:
                hex = true;
            }
        } else if (QChar::isHighSurrogate(c)) {
            if (i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
                ++i; // a valid pair stays as it is
                continue;
            }
            hex = true;
        } else if (QChar::isLowSurrogate(c)) {
            hex = true; // unpaired
        }
        if (!escape && !hex)
            continue;
        out += text.mid(plainFrom, i - plainFrom);
        if (escape)
            out += QLatin1String(escape);
        else
            appendHexEscape(out, c);
        plainFrom = i + 1;
    }
    out += text.mid(plainFrom);
    out += QLatin1Char('"');
}

void appendMessageJson(QString &out, const Message &m)
{
    out += QLatin1String("{\"id\":");
    appendNumber(out, m.id);
    out += QLatin1String(",\"conversation_id\":");
    appendNumber(out, m.conversationId);
    out += QLatin1String(",\"sender_id\":");
    appendNumber(out, m.senderId);
    out += QLatin1String(",\"client_id\":\"");
    out += m.clientId.toString(QUuid::WithoutBraces); // hex digits and dashes only
    out += QLatin1String("\",\"content\":");
    appendJsonString(out, m.content);
    out += QLatin1String(",\"created_at\":");
    appendNumber(out, m.createdAt);
    out += QLatin1String(",\"edited_at\":");
    if (m.editedAt)
        appendNumber(out, *m.editedAt);
    else
        out += QLatin1String("null");
    out += m.deleted ? QLatin1String(",\"deleted\":true") : QLatin1String(",\"deleted\":false");
    out += QLatin1String(",\"rev\":");
    appendNumber(out, m.rev);
    out += QLatin1Char('}');
}

QString encodeMessageEvent(protocol::EventType type, const Message &message)
{
    QString out;
    out.reserve(200 + message.content.size());
    out += QLatin1String("{\"type\":\"");
    out += protocol::eventTypeName(type); // a fixed lowercase name
    out += QLatin1String("\",\"message\":");
    appendMessageJson(out, message);
    out += QLatin1Char('}');
    return out;
}

QString encodeOkWithMessage(const QString &re, const Message &message)
{
    QString out;
    out.reserve(220 + re.size() + message.content.size());
    out += QLatin1String("{\"type\":\"");
    out += protocol::kOkType;
    out += QLatin1String("\",\"re\":");
    appendJsonString(out, re);
    out += QLatin1String(",\"message\":");
    appendMessageJson(out, message);
    out += QLatin1Char('}');
    return out;
}

} // namespace natter::codec
