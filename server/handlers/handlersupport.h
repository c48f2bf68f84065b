#pragma once
// Small helpers shared by the handler files: decode a request struct (answering the typed
// error when it does not decode) and answer a service outcome.

#include "handlerregistry.h"
#include "services/outcome.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace natter::server {

template <typename R>
std::optional<R> decodeRequest(ClientSession &session, const codec::Request &request)
{
    ProtocolError error;
    auto decoded = R::fromJson(request.body, &error);
    if (!decoded)
        session.replyError(request.id, error);
    return decoded;
}

// Message text within this server's limit (the protocol's is checked by the decoder); false
// after answering too_large.
inline bool contentFits(ClientSession &session, const QString &re, const QString &content)
{
    if (content.size() * 3 <= session.maxMessageBytes() ||
        content.toUtf8().size() <= session.maxMessageBytes())
        return true;
    session.replyError(
        re, ProtocolError::make(
                ErrorCode::TooLarge,
                QStringLiteral("text is longer than %1 bytes").arg(session.maxMessageBytes()),
                QStringLiteral("content")));
    return false;
}

// On success answers `ok` with toFields(value); on failure the error.
template <typename T, typename F>
void answer(ClientSession &session, const QString &re, const Outcome<T> &outcome, F toFields)
{
    if (outcome.ok())
        session.replyOk(re, toFields(outcome.value));
    else
        session.replyError(re, *outcome.error);
}

template <typename T> QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace natter::server
