#include "envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>

#include <cmath>

namespace natter::server {
namespace {

constexpr int kVersion = 1;
constexpr qsizetype kMaxInstanceIdLength = 64;
constexpr qsizetype kMaxUsernameLength = 64;
constexpr double kMaxId = 9007199254740992.0; // 2^53: ids are exact in a JSON double

struct KindName
{
    Envelope::Kind kind;
    QLatin1String name;
};

const KindName kKinds[] = {
    {Envelope::Kind::ToUser, QLatin1String("user")},
    {Envelope::Kind::ToUsers, QLatin1String("users")},
    {Envelope::Kind::ToAll, QLatin1String("all")},
    {Envelope::Kind::Presence, QLatin1String("presence")},
    {Envelope::Kind::Heartbeat, QLatin1String("heartbeat")},
    {Envelope::Kind::Bye, QLatin1String("bye")},
    {Envelope::Kind::Lost, QLatin1String("lost")},
    {Envelope::Kind::Contacts, QLatin1String("contacts")},
};

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (const qint64 id : ids)
        out.append(id);
    return out;
}

// A positive integer id below 2^53, or 0 when `value` is not one.
qint64 idFrom(const QJsonValue &value)
{
    if (!value.isDouble())
        return 0;
    const double d = value.toDouble();
    if (!(d >= 1 && d < kMaxId) || std::trunc(d) != d)
        return 0;
    return qint64(d);
}

bool idsFrom(const QJsonValue &value, QList<qint64> *ids)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        const qint64 id = idFrom(item);
        if (id == 0)
            return false;
        ids->append(id);
    }
    return true;
}

bool sequenceFrom(const QJsonValue &value, qint64 *seq)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!(d >= 0 && d < kMaxId) || std::trunc(d) != d)
        return false;
    *seq = qint64(d);
    return true;
}

bool onlineFrom(const QJsonValue &value, QList<QPair<qint64, QString>> *online)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        const QJsonArray pair = item.toArray();
        if (!item.isArray() || pair.size() != 2 || !pair.at(1).isString())
            return false;
        const qint64 id = idFrom(pair.at(0));
        const QString name = pair.at(1).toString();
        if (id == 0 || name.isEmpty() || name.size() > kMaxUsernameLength)
            return false;
        online->append({id, name});
    }
    return true;
}

bool carriesFrame(Envelope::Kind kind)
{
    return kind == Envelope::Kind::ToUser || kind == Envelope::Kind::ToUsers ||
           kind == Envelope::Kind::ToAll;
}

// What goes to the sockets must be what a server would send: one JSON object with a type.
// The frame is relayed to the clients as it is, so it is checked for what a truncated or
// foreign payload would break: one JSON object with a "type" (compact, as the codec writes
// every frame: `"type":"`), in UTF-8 (checked as it is decoded). Parsing each one in full was
// a quarter of a second instance's event loop, and proves little: whoever can publish on the
// channel can send any well-formed frame (Redis is to be as private as the database,
// docs/scaling.md).
bool looksLikeFrame(const QByteArray &body)
{
    return body.size() >= 2 && body.front() == '{' && body.back() == '}' &&
           body.contains(QByteArrayView("\"type\":\""));
}

} // namespace

Envelope Envelope::toUser(const QString &instance, qint64 userId, const QString &frame)
{
    Envelope out;
    out.kind = Kind::ToUser;
    out.instance = instance;
    out.userId = userId;
    out.frame = frame;
    return out;
}

Envelope Envelope::toUsers(const QString &instance, const QList<qint64> &users,
                           const QString &frame)
{
    Envelope out;
    out.kind = Kind::ToUsers;
    out.instance = instance;
    out.users = users;
    out.frame = frame;
    return out;
}

Envelope Envelope::toAll(const QString &instance, const QString &frame,
                         const QList<qint64> &exceptUsers)
{
    Envelope out;
    out.kind = Kind::ToAll;
    out.instance = instance;
    out.frame = frame;
    out.exceptUsers = exceptUsers;
    return out;
}

Envelope Envelope::contacts(const QString &instance, qint64 userId, qint64 peerId)
{
    Envelope out;
    out.kind = Kind::Contacts;
    out.instance = instance;
    out.userId = userId;
    out.peerId = peerId;
    return out;
}

bool isValidInstanceId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxInstanceIdLength)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
}

QByteArray encodeEnvelope(const Envelope &envelope)
{
    if (envelope.kind == Envelope::Kind::ToUser && isValidInstanceId(envelope.instance)) {
        // Every message crosses as one of these: written directly, it was QJsonObject and
        // QJsonDocument work for a few numbers (a fifth of a second instance's event loop).
        // A valid instance id needs no escaping. Byte for byte what QJsonDocument writes
        // below (keys sorted).
        const QByteArray frame = envelope.frame.toUtf8();
        QByteArray out;
        out.reserve(96 + frame.size());
        out += '{';
        if (envelope.messageId > 0) {
            out += "\"c\":";
            out += QByteArray::number(envelope.conversationId);
            out += ',';
        }
        out += "\"i\":\"";
        out += envelope.instance.toLatin1();
        out += "\",\"k\":\"user\",";
        if (envelope.messageId > 0) {
            out += "\"m\":";
            out += QByteArray::number(envelope.messageId);
            out += ',';
        }
        out += "\"u\":";
        out += QByteArray::number(envelope.userId);
        out += ",\"v\":";
        out += QByteArray::number(kVersion);
        out += "}\n";
        out += frame;
        return out;
    }
    QJsonObject header{{QLatin1String("v"), kVersion}, {QLatin1String("i"), envelope.instance}};
    for (const KindName &k : kKinds) {
        if (k.kind == envelope.kind)
            header.insert(QLatin1String("k"), QString(k.name));
    }
    switch (envelope.kind) {
    case Envelope::Kind::ToUser:
        header.insert(QLatin1String("u"), envelope.userId);
        if (envelope.messageId > 0) {
            header.insert(QLatin1String("c"), envelope.conversationId);
            header.insert(QLatin1String("m"), envelope.messageId);
        }
        break;
    case Envelope::Kind::ToUsers:
        header.insert(QLatin1String("us"), idArray(envelope.users));
        break;
    case Envelope::Kind::ToAll:
        if (!envelope.exceptUsers.isEmpty())
            header.insert(QLatin1String("x"), idArray(envelope.exceptUsers));
        break;
    case Envelope::Kind::Presence: {
        header.insert(QLatin1String("s"), envelope.seq);
        header.insert(QLatin1String("r"), envelope.reset);
        QJsonArray online;
        for (const auto &[id, name] : envelope.online)
            online.append(QJsonArray{id, name});
        header.insert(QLatin1String("on"), online);
        header.insert(QLatin1String("off"), idArray(envelope.offline));
        break;
    }
    case Envelope::Kind::Heartbeat:
        header.insert(QLatin1String("s"), envelope.seq);
        break;
    case Envelope::Kind::Contacts:
        header.insert(QLatin1String("u"), envelope.userId);
        header.insert(QLatin1String("p"), envelope.peerId);
        break;
    case Envelope::Kind::Bye:
    case Envelope::Kind::Lost:
        break;
    }
    QByteArray out = QJsonDocument(header).toJson(QJsonDocument::Compact);
    if (carriesFrame(envelope.kind)) {
        out += '\n';
        out += envelope.frame.toUtf8();
    }
    return out;
}

std::optional<Envelope> decodeEnvelope(const QByteArray &payload, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<Envelope> {
        *error = why;
        return std::nullopt;
    };
    if (payload.size() > kMaxEnvelopeBytes)
        return fail(
            QStringLiteral("%1 bytes, more than %2").arg(payload.size()).arg(kMaxEnvelopeBytes));
    const qsizetype newline = payload.indexOf('\n');
    const QByteArray headerText = newline < 0 ? payload : payload.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : payload.mid(newline + 1);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(headerText, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(QStringLiteral("the header is not a JSON object"));
    const QJsonObject header = document.object();
    const QJsonValue version = header.value(QLatin1String("v"));
    if (!version.isDouble() || version.toDouble() != kVersion)
        return fail(QStringLiteral("unknown envelope version"));

    Envelope out;
    out.instance = header.value(QLatin1String("i")).toString();
    if (!isValidInstanceId(out.instance))
        return fail(QStringLiteral("bad instance id"));
    const QString kind = header.value(QLatin1String("k")).toString();
    const auto known = std::find_if(std::begin(kKinds), std::end(kKinds),
                                    [&kind](const KindName &k) { return k.name == kind; });
    if (known == std::end(kKinds))
        return fail(QStringLiteral("unknown kind \"%1\"").arg(kind.left(32)));
    out.kind = known->kind;

    if (carriesFrame(out.kind)) {
        if (!looksLikeFrame(body))
            return fail(QStringLiteral("the frame is not a JSON object with a type"));
        QStringDecoder fromUtf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        out.frame = fromUtf8(body);
        if (fromUtf8.hasError())
            return fail(QStringLiteral("the frame is not UTF-8"));
    }
    if (!carriesFrame(out.kind) && newline >= 0)
        return fail(QStringLiteral("unexpected data after the header"));

    switch (out.kind) {
    case Envelope::Kind::ToUser:
        out.userId = idFrom(header.value(QLatin1String("u")));
        if (out.userId == 0)
            return fail(QStringLiteral("bad user id"));
        if (header.contains(QLatin1String("c")) || header.contains(QLatin1String("m"))) {
            out.conversationId = idFrom(header.value(QLatin1String("c")));
            out.messageId = idFrom(header.value(QLatin1String("m")));
            if (out.conversationId == 0 || out.messageId == 0)
                return fail(QStringLiteral("bad message to mark delivered"));
        }
        break;
    case Envelope::Kind::ToUsers:
        if (!idsFrom(header.value(QLatin1String("us")), &out.users) || out.users.isEmpty())
            return fail(QStringLiteral("bad list of users"));
        break;
    case Envelope::Kind::ToAll:
        if (!idsFrom(header.value(QLatin1String("x")), &out.exceptUsers))
            return fail(QStringLiteral("bad list of excepted users"));
        break;
    case Envelope::Kind::Presence: {
        const QJsonValue reset = header.value(QLatin1String("r"));
        if (!sequenceFrom(header.value(QLatin1String("s")), &out.seq))
            return fail(QStringLiteral("bad sequence number"));
        if (!reset.isUndefined() && !reset.isBool())
            return fail(QStringLiteral("bad reset flag"));
        out.reset = reset.toBool();
        if (!onlineFrom(header.value(QLatin1String("on")), &out.online) ||
            !idsFrom(header.value(QLatin1String("off")), &out.offline))
            return fail(QStringLiteral("bad presence lists"));
        break;
    }
    case Envelope::Kind::Heartbeat:
        if (!sequenceFrom(header.value(QLatin1String("s")), &out.seq))
            return fail(QStringLiteral("bad sequence number"));
        break;
    case Envelope::Kind::Contacts:
        out.userId = idFrom(header.value(QLatin1String("u")));
        out.peerId = idFrom(header.value(QLatin1String("p")));
        if (out.userId == 0 || out.peerId == 0 || out.userId == out.peerId)
            return fail(QStringLiteral("bad contact ids"));
        break;
    case Envelope::Kind::Bye:
    case Envelope::Kind::Lost:
        break;
    }
    return out;
}

} // namespace natter::server
