#pragma once
// The server's configuration file (/etc/natter/server.conf for the packaged service): INI
// sections [server], [discovery] and [limits] with the same names as the command-line
// options. Unknown keys and bad values are errors naming the file and key, so a typo cannot
// silently leave a default in place.

#include "serverconfig.h"

#include <QString>

namespace natter::server {

// Applies the keys present in `path` over `config`. False with `error` set when the file
// cannot be read or a key is unknown or invalid.
bool applyConfigFile(const QString &path, ServerConfig *config, QString *error);

// Every key the file accepts, "section/key", for --help and the tests.
QStringList configFileKeys();

} // namespace natter::server
