#pragma once
// The server's log categories (natter.server.*) and its one-line log format.

#include "serverconfig.h"

#include <QLoggingCategory>

namespace natter::server {

Q_DECLARE_LOGGING_CATEGORY(lcServer)    // start-up, shutdown
Q_DECLARE_LOGGING_CATEGORY(lcTransport) // connections, frames, limits
Q_DECLARE_LOGGING_CATEGORY(lcAuth)      // register, login, tokens
Q_DECLARE_LOGGING_CATEGORY(lcMessaging) // send, group commit, edits, receipts
Q_DECLARE_LOGGING_CATEGORY(lcStorage)   // store failures as seen by the services

// Writes every message as one line on stderr ("2026-01-01T10:00:00.000Z info
// natter.server.transport: ...") and hides natter.server.* messages below `level`.
void installLogging(LogLevel level);

} // namespace natter::server
