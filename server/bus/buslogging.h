#pragma once
// The log category of the cross-instance bus; installLogging() filters it with the others
// (natter.server.*).

#include <QLoggingCategory>

namespace natter::server {

Q_DECLARE_LOGGING_CATEGORY(lcBus) // Redis connections, cross-instance events and presence

} // namespace natter::server
