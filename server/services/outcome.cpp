#include "outcome.h"

#include "config/logging.h"

namespace natter::server {

ProtocolError storeError(StoreFailure failure, const QString &detail, const QString &message,
                         const QString &field)
{
    switch (failure) {
    case StoreFailure::NotFound:
        return ProtocolError::make(ErrorCode::NotFound, message, field);
    case StoreFailure::Conflict:
        return ProtocolError::make(ErrorCode::Conflict, message, field);
    case StoreFailure::Unavailable:
        qCWarning(lcStorage).noquote() << "storage unavailable:" << detail;
        return ProtocolError::make(
            ErrorCode::Unavailable,
            QStringLiteral("storage is temporarily unavailable; retry later"));
    case StoreFailure::None:
    case StoreFailure::Internal:
        break;
    }
    qCWarning(lcStorage).noquote() << "storage failure:" << detail;
    return ProtocolError::make(ErrorCode::Internal, QStringLiteral("internal server error"));
}

} // namespace natter::server
