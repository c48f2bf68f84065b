#pragma once
// Applies the numbered SQL files under :/natter/sql/<dialect>/ in order, each in its own
// transaction, recording the schema version in PRAGMA user_version.

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
