#pragma once
// `natter-server user …`: account administration on the server's database, run by the
// admin from a shell (works while the server is running: SQLite WAL allows it).

#include "config/serverconfig.h"

#include <QStringList>
#include <QTextStream>

namespace natter::server {

// command is e.g. {"user", "add", "eve"}. Passwords are read as one line from `in`.
// Returns the process exit code: 0 success, 1 failure (message on `err`), 2 usage error.
int runUserCommand(const QStringList &command, const ServerConfig &config, QTextStream &in,
                   QTextStream &out, QTextStream &err);

} // namespace natter::server
