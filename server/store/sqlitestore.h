#pragma once
// SqlStore on an embedded SQLite database file (see SqliteDialect): the default backend.

#include "sqlitedialect.h"
#include "sqlstore.h"

namespace natter::server {

class SqliteStore final : public SqlStore
{
public:
    explicit SqliteStore(QString path) : SqlStore(std::make_unique<SqliteDialect>(std::move(path)))
    {}
};

} // namespace natter::server
