#include "errorcode.h"

#include <array>
#include <utility>

namespace natter {
namespace {

constexpr std::array<std::pair<ErrorCode, QLatin1String>, 14> kNames{{
    {ErrorCode::BadRequest, QLatin1String("bad_request")},
    {ErrorCode::UnknownType, QLatin1String("unknown_type")},
    {ErrorCode::UnsupportedVersion, QLatin1String("unsupported_version")},
    {ErrorCode::Unauthorized, QLatin1String("unauthorized")},
    {ErrorCode::Forbidden, QLatin1String("forbidden")},
    {ErrorCode::NotFound, QLatin1String("not_found")},
    {ErrorCode::Conflict, QLatin1String("conflict")},
    {ErrorCode::TooLarge, QLatin1String("too_large")},
    {ErrorCode::RateLimited, QLatin1String("rate_limited")},
    {ErrorCode::Internal, QLatin1String("internal")},
    {ErrorCode::Unavailable, QLatin1String("unavailable")},
    {ErrorCode::QuotaExceeded, QLatin1String("quota_exceeded")},
    {ErrorCode::StorageFull, QLatin1String("storage_full")},
    {ErrorCode::HashMismatch, QLatin1String("hash_mismatch")},
}};

} // namespace

QLatin1String errorCodeName(ErrorCode code)
{
    for (const auto &[c, name] : kNames) {
        if (c == code)
            return name;
    }
    return QLatin1String("internal");
}

bool errorCodeFromName(const QString &name, ErrorCode *code)
{
    for (const auto &[c, n] : kNames) {
        if (name == n) {
            *code = c;
            return true;
        }
    }
    return false;
}

} // namespace natter
