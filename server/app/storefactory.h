#pragma once
// Chooses the storage backend for a configuration (today: SQLite at databasePath).

#include "config/serverconfig.h"
#include "store/chatstore.h"

#include <memory>

namespace natter::server {

std::unique_ptr<ChatStore> createStore(const ServerConfig &config);

} // namespace natter::server
