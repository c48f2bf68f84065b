#pragma once
// `natter-server backup FILE`: a consistent copy of the SQLite database, safe while the
// server runs (SQLite's VACUUM INTO reads one snapshot under WAL). Restoring is stopping the
// server and putting the copy in place of the database file (docs/operations.md).

#include "config/serverconfig.h"

#include <QStringList>
#include <QTextStream>

namespace natter::server {

// command is {"backup", FILE}. Returns the exit code: 0 success, 1 failure, 2 usage error.
int runBackupCommand(const QStringList &command, const ServerConfig &config, QTextStream &out,
                     QTextStream &err);

} // namespace natter::server
