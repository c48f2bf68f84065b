#include "storefactory.h"

#include "store/sqlitestore.h"

namespace natter::server {

std::unique_ptr<ChatStore> createStore(const ServerConfig &config)
{
    return std::make_unique<SqliteStore>(config.databasePath);
}

} // namespace natter::server
