#pragma once
// SqlStore on PostgreSQL (see PostgresDialect), for several server processes sharing one
// database.

#include "postgresdialect.h"
#include "sqlstore.h"

namespace natter::server {

class PostgresStore final : public SqlStore
{
public:
    // `url`: postgresql://user[:password]@host[:port]/dbname[?schema=NAME] (see PostgresUrl).
    explicit PostgresStore(QString url)
        : SqlStore(std::make_unique<PostgresDialect>(std::move(url)))
    {}
};

} // namespace natter::server
