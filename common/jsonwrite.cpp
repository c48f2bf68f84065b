#include "jsonwrite.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <charconv>

namespace natter {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendHexEscape(QString &out, char16_t unit)
{
    out += QLatin1String("\\u");
    for (int shift = 12; shift >= 0; shift -= 4)
        out += QLatin1Char(kHex[(unit >> shift) & 0xf]);
}

// The escape of one UTF-16 unit, or nullptr when it needs none (a valid surrogate pair is
// checked by the caller).
const char *shortEscape(char16_t c)
{
    switch (c) {
    case u'"':
        return "\\\"";
    case u'\\':
        return "\\\\";
    case u'\n':
        return "\\n";
    case u'\r':
        return "\\r";
    case u'\t':
        return "\\t";
    case u'\b':
        return "\\b";
    case u'\f':
        return "\\f";
    default:
        return nullptr;
    }
}

char *appendHex(char *at, quint64 value, int digits)
{
    for (int i = digits - 1; i >= 0; --i, value >>= 4)
        at[i] = kHex[value & 0xf];
    return at + digits;
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
        if (c == u'"' || c == u'\\' || c < 0x20) {
            escape = shortEscape(c);
            hex = !escape;
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

void appendJsonInteger(QString &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out += QLatin1String(digits, end - digits);
}

void JsonObjectWriter::integer(QLatin1String key, qint64 value)
{
    m_object.insert(key, double(value));
}

void JsonObjectWriter::optInteger(QLatin1String key, std::optional<qint64> value)
{
    m_object.insert(key, value ? QJsonValue(double(*value)) : QJsonValue());
}

void JsonObjectWriter::string(QLatin1String key, const QString &value)
{
    m_object.insert(key, value);
}

void JsonObjectWriter::uuid(QLatin1String key, const QUuid &value)
{
    m_object.insert(key, value.toString(QUuid::WithoutBraces));
}

void JsonObjectWriter::boolean(QLatin1String key, bool value)
{
    m_object.insert(key, value);
}

JsonTextWriter::JsonTextWriter(QString &out) : m_out(out)
{
    m_out += QLatin1Char('{');
}

void JsonTextWriter::key(QLatin1String key)
{
    // Keys are fixed ASCII names (fieldnames.h): nothing to escape.
    m_out += m_first ? QLatin1String("\"") : QLatin1String(",\"");
    m_first = false;
    m_out += key;
    m_out += QLatin1String("\":");
}

void JsonTextWriter::integer(QLatin1String k, qint64 value)
{
    key(k);
    appendJsonInteger(m_out, value);
}

void JsonTextWriter::optInteger(QLatin1String k, std::optional<qint64> value)
{
    key(k);
    if (value)
        appendJsonInteger(m_out, *value);
    else
        m_out += QLatin1String("null");
}

void JsonTextWriter::string(QLatin1String k, const QString &value)
{
    key(k);
    appendJsonString(m_out, value);
}

void JsonTextWriter::uuid(QLatin1String k, const QUuid &value)
{
    // As QUuid::toString(WithoutBraces) writes it, without the temporary string.
    key(k);
    char text[38];
    char *at = text;
    *at++ = '"';
    at = appendHex(at, value.data1, 8);
    *at++ = '-';
    at = appendHex(at, value.data2, 4);
    *at++ = '-';
    at = appendHex(at, value.data3, 4);
    *at++ = '-';
    at = appendHex(at, value.data4[0], 2);
    at = appendHex(at, value.data4[1], 2);
    *at++ = '-';
    for (int i = 2; i < 8; ++i)
        at = appendHex(at, value.data4[i], 2);
    *at++ = '"';
    m_out += QLatin1String(text, at - text);
}

void JsonTextWriter::boolean(QLatin1String k, bool value)
{
    key(k);
    m_out += value ? QLatin1String("true") : QLatin1String("false");
}

void JsonObjectWriter::object(QLatin1String key, const QJsonObject &value)
{
    m_object.insert(key, value);
}

void JsonTextWriter::object(QLatin1String k, const QJsonObject &value)
{
    key(k);
    m_out += QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

void JsonTextWriter::finish()
{
    m_out += QLatin1Char('}');
}

} // namespace natter
