#pragma once
// Chooses the storage backend for a configuration: a postgresql:// (or postgres://) URL in
// databasePath selects PostgreSQL, anything else is an SQLite file path.

#include "config/serverconfig.h"
#include "store/chatstore.h"

#include <memory>

namespace natter::server {

std::unique_ptr<ChatStore> createStore(const ServerConfig &config);

// How to name the database in logs and messages: a PostgreSQL URL without its password.
QString databaseForDisplay(const QString &databasePath);

} // namespace natter::server
