// natter-loadgen: drives a natter-server with N WebSocket clients from one Qt event loop and
// reports throughput, latency and the server's CPU and memory. See bench/README.md.

#include "benchclock.h"
#include "epolleventdispatcher.h"
#include "historyrun.h"
#include "idlerun.h"
#include "looppacer.h"
#include "options.h"
#include "presencerun.h"
#include "trafficrun.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

#include <sys/resource.h>

namespace {

// Every client is a socket: take the hard limit of open files.
void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Idle and presence mode hold thousands of sockets that open and close together. Qt's default
// event dispatcher on Linux (glib) keeps socket notifiers in a list, so each one registered or
// removed costs O(N); Qt's own UNIX dispatcher keeps them in a hash. It is chosen when the
// application object is made, so before the options are parsed: from argv directly.
void preferUnixDispatcher(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_NO_GLIB"))
        return;
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        QByteArray mode;
        if (argument == "--mode" && i + 1 < argc)
            mode = argv[i + 1];
        else if (argument.startsWith("--mode="))
            mode = argument.mid(7);
        if (mode == "idle" || mode == "presence") {
            qputenv("QT_NO_GLIB", "1");
            return;
        }
    }
}

// The server's epoll dispatcher: with Qt's, every pass polls all N sockets, and the load
// generator shares the machine with the server it measures (NATTER_EVENT_LOOP=qt: Qt's).
void installEventLoop(int argc, char *argv[])
{
    if (!natter::EpollEventDispatcher::installForMainThread())
        preferUnixDispatcher(argc, argv);
}

std::unique_ptr<bench::BenchRun> makeRun(const bench::Options &options)
{
    switch (options.mode) {
    case bench::Options::Mode::Closed:
    case bench::Options::Mode::Open:
    case bench::Options::Mode::Group:
        return std::make_unique<bench::TrafficRun>(options);
    case bench::Options::Mode::Idle:
        return std::make_unique<bench::IdleRun>(options);
    case bench::Options::Mode::History:
        return std::make_unique<bench::HistoryRun>(options);
    case bench::Options::Mode::Presence:
        return std::make_unique<bench::PresenceRun>(options);
    }
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    installEventLoop(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("natter-loadgen"));
    QCoreApplication::setApplicationVersion(QStringLiteral("1"));
    bench::nowNs(); // starts the clock

    bench::Options options;
    QString error;
    if (!bench::parseOptions(QCoreApplication::arguments(), &options, &error)) {
        std::fprintf(stderr, "natter-loadgen: %s\nTry 'natter-loadgen --help'.\n",
                     qPrintable(error));
        return 2;
    }
    raiseFileLimit();
    if (options.serverPid > 0 && !bench::readProcSample(options.serverPid).ok) {
        std::fprintf(stderr, "natter-loadgen: cannot read /proc/%lld\n",
                     static_cast<long long>(options.serverPid));
        return 2;
    }

    const bench::LoopPacer pacer(options.loopPauseMs);
    std::unique_ptr<bench::BenchRun> run = makeRun(options);
    QObject::connect(run.get(), &bench::BenchRun::finished, &app, [&]() {
        const bench::Report &report = run->report();
        if (!options.jsonOnly)
            std::printf("natter-loadgen %s\n%s", qPrintable(bench::Options::modeName(options.mode)),
                        qPrintable(report.table()));
        std::printf("%s\n", qPrintable(report.jsonLine()));
        std::fflush(stdout);
        // Exit without closing every socket one by one: the kernel closes them.
        app.exit(run->exitCode());
    });
    run->start();
    return app.exec();
}
