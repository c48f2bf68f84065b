#pragma once
// Where the user lists of the group dialogs keep each row's user id.

#include <Qt>

namespace natter::client {

inline constexpr int kUserIdRole = Qt::UserRole + 1;

} // namespace natter::client
