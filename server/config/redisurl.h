#pragma once
// Where the Redis server of a scaled-out deployment is, parsed from a URL:
//   redis://[[user]:password@]host[:port][/db]
// (default port 6379, database 0). The password, when given, is sent with AUTH; the database
// number selects the keyspace for presence keys. Pub/sub channels are global in Redis, so the
// database number is also part of the channel name: two deployments on one Redis server with
// different database numbers never hear each other.

#include <QString>

#include <optional>

namespace natter::server {

class RedisUrl final
{
public:
    QString host;
    int port = 6379;
    int database = 0;
    QString user;     // Redis 6 ACL user; empty: the default user
    QString password; // empty: no AUTH

    // nullopt and *error set (when not null; never containing the password) when `text` is
    // not usable.
    static std::optional<RedisUrl> parse(const QString &text, QString *error);

    // "host:port/db": for messages; never the password.
    QString location() const;
};

} // namespace natter::server
