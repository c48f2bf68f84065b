#include "discovery.h"

#include "protocol.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace natter::discovery {
namespace {

const QLatin1String kMagic{"natter"};

QJsonObject parseObject(const QByteArray &datagram)
{
    if (datagram.isEmpty() || datagram.size() > kMaxDatagramBytes)
        return {};
    QJsonParseError error{};
    // The query's padding is trailing spaces, which JSON allows.
    const QJsonDocument document = QJsonDocument::fromJson(datagram, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

} // namespace

QByteArray encodeQuery()
{
    QByteArray query = QJsonDocument(QJsonObject{{kMagic, QStringLiteral("discover")},
                                                 {QStringLiteral("v"), protocol::kVersion}})
                           .toJson(QJsonDocument::Compact);
    query.append(kQueryBytes - query.size(), ' ');
    return query;
}

bool isQuery(const QByteArray &datagram)
{
    // Short queries are ignored: they could make the answer an amplifier.
    if (datagram.size() < kQueryBytes)
        return false;
    const QJsonObject object = parseObject(datagram);
    return object.value(kMagic).toString() == QLatin1String("discover");
}

QByteArray encodeAnswer(const Answer &answer)
{
    const QJsonObject object{{kMagic, QStringLiteral("server")},
                             {QStringLiteral("v"), answer.protocolVersion},
                             {QStringLiteral("name"), answer.name.left(64)},
                             {QStringLiteral("port"), answer.port},
                             {QStringLiteral("tls"), answer.tls},
                             {QStringLiteral("path"), answer.path}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Answer> parseAnswer(const QByteArray &datagram)
{
    const QJsonObject object = parseObject(datagram);
    if (object.value(kMagic).toString() != QLatin1String("server"))
        return std::nullopt;
    const double port = object.value(QStringLiteral("port")).toDouble(-1);
    const QString path = object.value(QStringLiteral("path")).toString();
    if (port < 1 || port > 65535 || port != double(int(port)) || !path.startsWith(QLatin1Char('/')))
        return std::nullopt;
    Answer answer;
    answer.name = object.value(QStringLiteral("name")).toString().left(64);
    answer.port = quint16(port);
    answer.tls = object.value(QStringLiteral("tls")).toBool();
    answer.path = path;
    answer.protocolVersion = object.value(QStringLiteral("v")).toInt();
    return answer;
}

} // namespace natter::discovery
