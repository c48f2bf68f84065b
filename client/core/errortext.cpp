#include "errortext.h"

#include <QCoreApplication>

#include <cmath>

namespace natter::client {

QString errorText(const ProtocolError &error)
{
    // Spelled out, so lupdate finds each sentence under its context.
    switch (error.code) {
    case ErrorCode::BadRequest:
        return QCoreApplication::translate("ErrorText", "The server did not accept this request.");
    case ErrorCode::UnknownType:
    case ErrorCode::UnsupportedVersion:
        return QCoreApplication::translate("ErrorText",
                                           "This server does not support this yet. Is it older "
                                           "than the app?");
    case ErrorCode::Unauthorized:
        return QCoreApplication::translate("ErrorText", "You are not signed in any more.");
    case ErrorCode::Forbidden:
        return QCoreApplication::translate("ErrorText", "You are not allowed to do this.");
    case ErrorCode::NotFound:
        return QCoreApplication::translate("ErrorText",
                                           "That is not there any more, or not yours to see.");
    case ErrorCode::Conflict:
        return QCoreApplication::translate("ErrorText",
                                           "That cannot be done in its present state.");
    case ErrorCode::TooLarge:
        return QCoreApplication::translate("ErrorText", "That is too long for the server.");
    case ErrorCode::RateLimited: {
        const int seconds = int(std::ceil(double(qMax<qint64>(error.retryAfterMs, 1)) / 1000.0));
        return QCoreApplication::translate("ErrorText", "Too many requests. Try again in %1 s.")
            .arg(seconds);
    }
    case ErrorCode::Unavailable:
        return QCoreApplication::translate("ErrorText",
                                           "The server is not available right now. It is "
                                           "tried again.");
    case ErrorCode::QuotaExceeded:
        return QCoreApplication::translate("ErrorText", "Your storage on this server is full.");
    case ErrorCode::StorageFull:
        return QCoreApplication::translate("ErrorText", "The server has no room for this now.");
    case ErrorCode::HashMismatch:
        return QCoreApplication::translate("ErrorText",
                                           "The file changed while it was being sent.");
    case ErrorCode::Internal:
        break;
    }
    return QCoreApplication::translate("ErrorText", "The server could not do this: %1")
        .arg(error.message);
}

} // namespace natter::client
