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
        Admin, // `user ...`: administration on the database, then exit
        ShowText,
        Fail
    };
    Action action = Action::Run;
    ServerConfig config;
    QString text;        // --help / --version output, or the error message for Fail
    QStringList command; // Admin: the positional arguments, e.g. {"user", "add", "eve"}
};

// `arguments` includes the program name. Precedence: command line, then NATTER_LISTEN /
// NATTER_DATABASE / NATTER_LOG_LEVEL / NATTER_PASSWORD_COST, then the defaults.
// Uses QCoreApplication's name and version for --help and --version.
ServerOptions parseServerOptions(const QStringList &arguments,
                                 const QProcessEnvironment &environment);

// <AppDataLocation>/natter.db, creating the directory.
QString defaultDatabasePath();

} // namespace natter::server
