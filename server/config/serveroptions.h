#pragma once
// The command line of natter-server (QCommandLineParser) with environment fallbacks.

#include "serverconfig.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace natter::server {

struct ServerOptions
{
    enum class Action
    {
        Run,
        Admin,       // `user ...` / `backup FILE`: administration on the database, then exit
        CheckConfig, // --check-config: validate the configuration, print it, exit
        ShowText,
        Fail
    };
    Action action = Action::Run;
    ServerConfig config;
    QString text;        // --help / --version output, or the error message for Fail
    QStringList command; // Admin: the positional arguments, e.g. {"user", "add", "eve"}
};

// `arguments` includes the program name. Precedence: command line, then the environment
// (NATTER_LISTEN, NATTER_DATABASE, ...), then the configuration file (--config or
// NATTER_CONFIG), then the defaults.
// Uses QCoreApplication's name and version for --help and --version.
ServerOptions parseServerOptions(const QStringList &arguments,
                                 const QProcessEnvironment &environment);

// The effective configuration in the configuration file's own format.
QString describeConfig(const ServerConfig &config);

// <AppDataLocation>/natter.db, creating the directory.
QString defaultDatabasePath();

} // namespace natter::server
