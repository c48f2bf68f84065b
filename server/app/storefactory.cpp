#include "storefactory.h"

#include "store/postgresstore.h"
#include "store/postgresurl.h"
#include "store/sqlitestore.h"

namespace natter::server {

std::unique_ptr<ChatStore> createStore(const ServerConfig &config)
{
    if (PostgresUrl::isPostgresUrl(config.databasePath))
        return std::make_unique<PostgresStore>(config.databasePath);
    return std::make_unique<SqliteStore>(config.databasePath);
}

QString databaseForDisplay(const QString &databasePath)
{
    return PostgresUrl::isPostgresUrl(databasePath) ? PostgresUrl::redacted(databasePath)
                                                    : databasePath;
}

} // namespace natter::server
