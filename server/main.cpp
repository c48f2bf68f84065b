// natter-server: parses the options, starts the server, stops it on SIGINT/SIGTERM.

#include "app/backupcommand.h"
#include "app/configcheck.h"
#include "app/natterserver.h"
#include "app/openfilelimit.h"
#include "app/signalwatcher.h"
#include "app/usercommand.h"
#include "config/logging.h"
#include "config/serveroptions.h"
#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace natter::server;

int main(int argc, char *argv[])
{
    // Qt's plain UNIX event dispatcher, not the glib one: the server integrates with no glib
    // library, and with 10,000 sockets glib's per-notifier bookkeeping shows in the profile.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    // And on Linux our epoll dispatcher instead of Qt's poll() over every socket on each pass
    // (NATTER_EVENT_LOOP=qt keeps Qt's, to compare or to rule it out).
    natter::EpollEventDispatcher::installForMainThread();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natter-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));

    const ServerOptions options =
        parseServerOptions(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (options.action == ServerOptions::Action::ShowText) {
        std::fputs(qPrintable(options.text), stdout);
        return 0;
    }
    if (options.action == ServerOptions::Action::Fail) {
        std::fprintf(stderr, "natter-server: %s\nTry 'natter-server --help'.\n",
                     qPrintable(options.text));
        return 2;
    }

    if (options.action == ServerOptions::Action::CheckConfig) {
        const QStringList problems = checkConfig(options.config);
        std::fputs(qPrintable(describeConfig(options.config)), stdout);
        for (const QString &problem : problems)
            std::fprintf(stderr, "natter-server: %s\n", qPrintable(problem));
        std::fputs(problems.isEmpty() ? "\nconfiguration OK\n" : "", stdout);
        return problems.isEmpty() ? 0 : 1;
    }
    if (options.action == ServerOptions::Action::Admin) {
        QTextStream in(stdin), out(stdout), err(stderr);
        if (options.command.constFirst() == QLatin1String("backup"))
            return runBackupCommand(options.command, options.config, out, err);
        return runUserCommand(options.command, options.config, in, out, err);
    }

    installLogging(options.config.logLevel);
    const long openFiles = raiseOpenFileLimit();
    qCInfo(lcServer) << "open file limit" << openFiles;
    SignalWatcher signalWatcher;
    NatterServer server(options.config);
    if (!server.start()) {
        std::fprintf(stderr, "natter-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &server,
                     &NatterServer::stop);
    // Exit 1 when the server stopped on its own (its database file vanished): systemd's
    // Restart=on-failure and scripts see a failure.
    QObject::connect(&server, &NatterServer::stopped, &app,
                     [&server]() { QCoreApplication::exit(server.failure().isEmpty() ? 0 : 1); });
    // Scripts and end-to-end tests wait for this line.
    std::printf("natter-server listening on %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    return app.exec();
}
