#pragma once
// Outcome of a store call. Storage failures never throw; the service maps them to protocol
// errors (Unavailable -> "unavailable", Internal -> "internal").

#include <QString>

#include <utility>

namespace natter::server {

enum class StoreFailure
{
    None,
    NotFound,    // the row does not exist (or is not visible to the caller)
    Conflict,    // unique constraint (username taken), edit of a deleted message
    Unavailable, // database busy/locked, read-only or full: the request may be retried
    Internal,    // anything else
};

template <typename T> struct StoreResult
{
    T value{};
    StoreFailure failure = StoreFailure::None;
    QString detail; // for logs, never sent to clients

    bool ok() const { return failure == StoreFailure::None; }
    static StoreResult success(T v) { return StoreResult{std::move(v), StoreFailure::None, {}}; }
    static StoreResult fail(StoreFailure f, QString d = {})
    {
        return StoreResult{T{}, f, std::move(d)};
    }
};

} // namespace natter::server
