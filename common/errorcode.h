#pragma once
// The fixed enumeration of error codes carried by "error" frames, and the error value type.

#include <QJsonObject>
#include <QLatin1String>
#include <QString>

namespace natter {

enum class ErrorCode
{
    BadRequest,         // malformed JSON, wrong field type, value out of range
    UnknownType,        // "type" names no request of this protocol version
    UnsupportedVersion, // connected to a path other than /v1
    Unauthorized,       // not authenticated, wrong credentials, bad or revoked token
    Forbidden,          // authenticated but not allowed (e.g. editing another user's message)
    NotFound,           // no such user/conversation/message, or not one the caller may see
    Conflict,           // username taken; edit of a deleted message
    TooLarge,           // frame or content over its limit
    RateLimited,        // too many requests; retry_after_ms says when to retry
    Internal,           // server-side failure; the request had no effect
    Unavailable,        // server shutting down or storage temporarily unavailable
    QuotaExceeded,      // a file upload would take the user past their quota
    StorageFull,        // a file upload would take the server past its disk limit or reserve
    HashMismatch,       // an uploaded file's bytes do not have the SHA-256 it was announced with
};

QLatin1String errorCodeName(ErrorCode code);
bool errorCodeFromName(const QString &name, ErrorCode *code);

struct ProtocolError
{
    ErrorCode code = ErrorCode::Internal;
    QString message;         // for humans; not to be parsed
    QString field;           // the offending request field, when there is one
    qint64 retryAfterMs = 0; // only with RateLimited

    static ProtocolError make(ErrorCode code, const QString &message, const QString &field = {})
    {
        return ProtocolError{code, message, field, 0};
    }
};

} // namespace natter
