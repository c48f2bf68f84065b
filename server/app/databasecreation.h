#pragma once
// When natter-server may create a new SQLite database. A database that vanished (deleted,
// moved, a typo in the path) must not be replaced by an empty one without anybody noticing:
// the server creates one only on a first run (its directory does not exist or is empty) or
// with --create. Every database it creates gets a marker file beside it (DATABASE.created)
// that keeps the directory from looking new again should the database disappear.

#include "config/serverconfig.h"

#include <QString>

namespace natter::server {

struct DatabaseCreation
{
    bool create = false; // the file does not exist and may be created
    QString error;       // it does not exist and may not be created: why, and what to do
};

// What opening config.databasePath will do. PostgreSQL URLs: never create (the server
// cannot create a PostgreSQL database; an empty one gets its tables).
DatabaseCreation databaseCreation(const ServerConfig &config);

// The marker beside a database the server created.
QString creationMarkerPath(const QString &databasePath);
// Writes the marker after a database was created; false when it could not be written.
bool markDatabaseCreated(const QString &databasePath);

} // namespace natter::server
