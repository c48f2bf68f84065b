#pragma once
// Small helpers shared by the handler files: decode a request struct (answering the typed
// error when it does not decode) and answer a service outcome.

#include "handlerregistry.h"
#include "replies.h"
#include "services/outcome.h"

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

// On success answers `ok` with the reply struct toReply(value) (replies.h); on failure the
// error.
template <typename T, typename F>
void answer(ClientSession &session, const QString &re, const Outcome<T> &outcome, F toReply)
{
    if (outcome.ok())
        session.replyOk(re, toReply(outcome.value).toJson());
    else
        session.replyError(re, *outcome.error);
}

} // namespace natter::server
