#pragma once
// --check-config: what can be checked without starting to serve. In the app, not in config:
// it opens the database and loads the TLS pair.

#include "config/serverconfig.h"

#include <QStringList>

namespace natter::server {

// What --check-config checks beyond parsing: TLS files load, the database location is
// usable. Empty when fine, else one problem per line.
QStringList checkConfig(const ServerConfig &config);

} // namespace natter::server
