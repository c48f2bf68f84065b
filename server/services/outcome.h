#pragma once
// The result of a service call: a value, or the protocol error the client gets. Store
// failures are mapped here so that every service answers them the same way.

#include "errorcode.h"
#include "store/storeresult.h"

#include <optional>
#include <utility>

namespace natter::server {

template <typename T> struct Outcome
{
    T value{};
    std::optional<ProtocolError> error;

    bool ok() const { return !error.has_value(); }
    static Outcome success(T v) { return Outcome{std::move(v), std::nullopt}; }
    static Outcome failure(ProtocolError e) { return Outcome{T{}, std::move(e)}; }
};

// NotFound -> not_found and Conflict -> conflict, both with `message`; Unavailable ->
// unavailable, Internal (and anything else) -> internal, with a generic message. The store's
// detail is logged, never sent.
ProtocolError storeError(StoreFailure failure, const QString &detail, const QString &message,
                         const QString &field = {});

template <typename T>
ProtocolError storeError(const StoreResult<T> &result, const QString &message,
                         const QString &field = {})
{
    return storeError(result.failure, result.detail, message, field);
}

} // namespace natter::server
