#pragma once
// The connection settings of a PostgreSQL store, parsed from a URL:
//   postgresql://user[:password]@host[:port]/dbname[?schema=NAME&sslmode=...]
// (postgres:// too). `schema` puts Natter's tables in that schema (created when missing);
// sslmode, sslrootcert, sslcert, sslkey, connect_timeout and application_name go to libpq.

#include <QString>

#include <optional>

namespace natter::server {

class PostgresUrl final
{
public:
    QString host; // empty: libpq's default (the local Unix socket)
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString schema;         // empty: the server's default search_path
    QString connectOptions; // "key=value;key=value" for QSqlDatabase::setConnectOptions

    // True when `text` names a PostgreSQL database rather than an SQLite file.
    static bool isPostgresUrl(const QString &text);
    // nullopt and *error set (never containing the password) when `text` is not usable.
    static std::optional<PostgresUrl> parse(const QString &text, QString *error);

    // "host:port/dbname" (with "schema NAME" when set): for messages; never the password.
    QString location() const;
    // The URL with the password masked, for logs.
    static QString redacted(const QString &text);
};

} // namespace natter::server
