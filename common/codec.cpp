#include "codec.h"

#include "fieldnames.h"
#include "jsonread.h"
#include "jsonwrite.h"
#include "protocollimits.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace natter::codec {
namespace {

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

int jsonDepth(const QByteArray &utf8, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : utf8) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

ParsedRequest parseRequest(const QString &text)
{
    return parseRequest(text.toUtf8());
}

ParsedRequest parseRequest(const QByteArray &utf8)
{
    ParsedRequest out;
    auto fail = [&out](ErrorCode code, const QString &message, const QString &field = {}) {
        out.error = ProtocolError::make(code, message, field);
        return out;
    };
    if (utf8.size() > limits::kMaxFrameBytes)
        return fail(ErrorCode::TooLarge,
                    QStringLiteral("frame is larger than %1 bytes").arg(limits::kMaxFrameBytes));
    if (jsonDepth(utf8, limits::kMaxJsonDepth) > limits::kMaxJsonDepth)
        return fail(ErrorCode::BadRequest, QStringLiteral("JSON is nested too deeply"));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorCode::BadRequest, QStringLiteral("malformed JSON: %1 at offset %2")
                                               .arg(parseError.errorString())
                                               .arg(parseError.offset));
    if (!doc.isObject())
        return fail(ErrorCode::BadRequest, QStringLiteral("a frame must be a JSON object"));

    out.request.body = doc.object();
    JsonReader r(out.request.body);
    // Read the id first so that every later error can be correlated with the request.
    const QJsonValue idValue = out.request.body.value(QStringLiteral("id"));
    if (idValue.isString() && !idValue.toString().isEmpty() &&
        idValue.toString().size() <= limits::kMaxRequestIdChars)
        out.request.id = idValue.toString();

    out.request.typeName = r.string(QStringLiteral("type"), 1, 64);
    if (!r.ok())
        return fail(ErrorCode::BadRequest, r.error().message, r.error().field);
    r.string(QStringLiteral("id"), 1, limits::kMaxRequestIdChars);
    if (!r.ok())
        return fail(ErrorCode::BadRequest, r.error().message, r.error().field);
    if (!protocol::requestTypeFromName(out.request.typeName, &out.request.type))
        return fail(ErrorCode::UnknownType,
                    QStringLiteral("unknown request type \"%1\"").arg(out.request.typeName),
                    QStringLiteral("type"));
    return out;
}

QString encodeRequest(protocol::RequestType type, const QString &id, const QJsonObject &fields)
{
    QJsonObject o = fields;
    o.insert(QStringLiteral("type"), protocol::requestTypeName(type));
    o.insert(QStringLiteral("id"), id);
    return toText(o);
}

QString encodeOk(const QString &re, const QJsonObject &fields)
{
    QJsonObject o = fields;
    o.insert(field::kType, protocol::kOkType);
    o.insert(field::kRe, re);
    return toText(o);
}

// Written as text, not through a QJsonObject: past capacity every refused send is answered
// with one, and building and serialising the object took almost half of the event loop
// (docs/performance.md, "Past capacity"). The keys in the order QJsonDocument gave them.
QString encodeError(const QString &re, const ProtocolError &error)
{
    QString out;
    out.reserve(96 + error.message.size() + error.field.size() + re.size());
    const auto key = [&out](QLatin1String name, bool first = false) {
        out += first ? QLatin1String("{\"") : QLatin1String(",\"");
        out += name;
        out += QLatin1String("\":");
    };
    // The code and the type are fixed lowercase names: nothing to escape.
    const auto name = [&out](QLatin1String text) {
        out += QLatin1Char('"');
        out += text;
        out += QLatin1Char('"');
    };
    key(field::kCode, true);
    name(errorCodeName(error.code));
    if (!error.field.isEmpty()) {
        key(field::kField);
        appendJsonString(out, error.field);
    }
    key(field::kMessage);
    appendJsonString(out, error.message);
    key(field::kRe);
    if (re.isEmpty())
        out += QLatin1String("null");
    else
        appendJsonString(out, re);
    if (error.code == ErrorCode::RateLimited) {
        key(field::kRetryAfterMs);
        appendJsonInteger(out, error.retryAfterMs);
    }
    key(field::kType);
    name(protocol::kErrorType);
    out += QLatin1Char('}');
    return out;
}

QString encodeEvent(protocol::EventType type, const QJsonObject &fields)
{
    QJsonObject o = fields;
    o.insert(field::kType, protocol::eventTypeName(type));
    return toText(o);
}

std::optional<ServerFrame> parseServerFrame(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    ServerFrame frame;
    frame.body = doc.object();
    const QString type = frame.body.value(field::kType).toString();
    if (type == protocol::kOkType) {
        frame.kind = ServerFrame::Kind::Ok;
        frame.re = frame.body.value(field::kRe).toString();
        return frame;
    }
    if (type == protocol::kErrorType) {
        frame.kind = ServerFrame::Kind::Error;
        frame.re = frame.body.value(field::kRe).toString();
        if (!errorCodeFromName(frame.body.value(field::kCode).toString(), &frame.error.code))
            frame.error.code = ErrorCode::Internal;
        frame.error.message = frame.body.value(field::kMessage).toString();
        frame.error.field = frame.body.value(field::kField).toString();
        // toInteger: a value no qint64 holds (1e20, 0.5) reads as 0, not as undefined behaviour.
        frame.error.retryAfterMs = frame.body.value(field::kRetryAfterMs).toInteger();
        return frame;
    }
    if (!protocol::eventTypeFromName(type, &frame.event))
        return std::nullopt;
    frame.kind = ServerFrame::Kind::Event;
    return frame;
}

} // namespace natter::codec
