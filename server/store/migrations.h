#pragma once
// Applies the numbered SQL files under :/natter/sql/<dialect>/ in order, each in its own
// transaction. SQLite ("sqlite") records the schema version in PRAGMA user_version;
// PostgreSQL ("postgresql") in the schema_version table that its first migration creates,
// under an advisory lock so that server processes starting together migrate once.

#include "storeresult.h"

#include <QSqlDatabase>
#include <QString>

namespace natter::server {

class Migrations final
{
public:
    // Returns the schema version after migrating.
    static StoreResult<int> apply(QSqlDatabase &db, const QString &dialect);
    // Every migration file of the dialect, sorted: the highest number is the current version.
    static int latestVersion(const QString &dialect);
};

} // namespace natter::server
