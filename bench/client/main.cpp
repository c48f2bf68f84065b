// natter-client-bench: how the message list behaves on a long conversation. The real
// MessageListModel and MessageView run offscreen; a generated history is served in 50-message
// pages whenever the view asks for older messages (as ChatClient does with the server's
// replies, minus the network). It prints time to first window and first message, the
// event-loop pass ("frame") times while paging up with PageUp steps, the RSS after the scroll
// (the newest messages are forgotten on the way as in the app, --keep) and the idle CPU
// afterwards. Figures, not pass/fail: see docs/performance.md.

#include "fakehistory.h"
#include "framestats.h"
#include "messagelistmodel.h"
#include "messageview.h"
#include "messagewindowmodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTimer>
#include <QWindow>

#include <sys/resource.h>
#include <time.h>

#include <cstdio>

using natter::client::MessageListModel;
using natter::client::MessageView;

namespace {

constexpr int kPage = 50; // limits::kDefaultHistoryPage

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU time of this thread: unlike wall time, not stretched when a busy machine deschedules us.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Runs event-loop passes until one finds nothing to do; each busy pass is one frame.
void drain(bench::FrameStats *frames, int maxPasses = 400)
{
    QElapsedTimer t;
    for (int i = 0; i < maxPasses; ++i) {
        t.start();
        QCoreApplication::processEvents();
        const qint64 ns = t.nsecsElapsed();
        if (ns < 60'000)
            return;
        if (frames)
            frames->add(ns);
    }
}

void print(const char *key, const QString &value)
{
    std::printf("%-34s %s\n", key, qPrintable(value));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Message list benchmark (offscreen)"));
    cli.addHelpOption();
    const QCommandLineOption total({QStringLiteral("messages")},
                                   QStringLiteral("Messages in the conversation."),
                                   QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption preload({QStringLiteral("preload")},
                                     QStringLiteral("Messages loaded before paging starts."),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption pages({QStringLiteral("pages")},
                                   QStringLiteral("Stop after this many pages (0: the first "
                                                  "message)."),
                                   QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption maxSeconds({QStringLiteral("max-seconds")},
                                        QStringLiteral("Stop paging after this long."),
                                        QStringLiteral("s"), QStringLiteral("900"));
    const QCommandLineOption idle({QStringLiteral("idle-seconds")},
                                  QStringLiteral("Idle CPU measured over this long."),
                                  QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption keep(
        {QStringLiteral("keep")},
        QStringLiteral("Messages kept in memory while paging, as ConversationController keeps "
                       "(0: all)."),
        QStringLiteral("n"), QString::number(MessageListModel::kKeepLoaded));
    cli.addOptions({total, preload, pages, maxSeconds, idle, keep});
    cli.process(app);

    const bench::FakeHistory history(cli.value(total).toInt());
    MessageListModel model;
    model.open(bench::FakeHistory::kConversationId, bench::FakeHistory::self(),
               bench::FakeHistory::peer());
    MessageView view;
    view.setModel(&model);
    view.resize(640, 720);
    view.show();
    while (!view.windowHandle() || !view.windowHandle()->isExposed())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    print("time to first window (ms)", QString::number(sinceMain.elapsed()));

    // The newest page, as opening a conversation gets it; then until it is painted.
    bool painted = false;
    struct PaintWatch final : QObject
    {
        bool *painted;
        const MessageListModel *model;
        PaintWatch(bool *p, const MessageListModel *m) : painted(p), model(m) {}
        bool eventFilter(QObject *, QEvent *e) override
        {
            if (e->type() == QEvent::Paint && model->rowCount() > 0)
                *painted = true;
            return false;
        }
    } watch(&painted, &model);
    view.viewport()->installEventFilter(&watch);
    QTimer::singleShot(0, &model, [&] { model.prependPage(history.page(0, kPage)); });
    while (!painted)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    print("time to first message (ms)", QString::number(sinceMain.elapsed()));
    view.viewport()->removeEventFilter(&watch);

    for (int loaded = kPage; loaded < cli.value(preload).toInt(); loaded += kPage)
        model.prependPage(history.page(model.oldestId(), kPage));
    drain(nullptr, 100000);
    view.scrollToNewest();
    drain(nullptr, 100000);
    print("loaded before paging", QString::number(model.rowCount()));

    // Older pages arrive one event-loop pass after the view asks, like a fast server reply.
    const int keepLoaded = cli.value(keep).toInt();
    bool loading = false;
    bool pageInThisPass = false;
    int pagesLoaded = 0;
    QObject::connect(&view, &MessageView::olderMessagesWanted, &model, [&] {
        if (loading || model.oldestId() <= 1)
            return;
        loading = true;
        QTimer::singleShot(0, &model, [&] {
            model.prependPage(history.page(model.oldestId(), kPage));
            if (keepLoaded > 0)
                model.dropNewestBeyond(keepLoaded); // the controller's forgetNewestBeyondKeep()
            loading = false;
            pageInThisPass = true;
            ++pagesLoaded;
        });
    });

    bench::FrameStats frames;
    bench::FrameStats frameCpu;   // the same passes in thread CPU time
    bench::FrameStats pageFrames; // the passes in which a page was inserted
    QScrollBar *bar = view.verticalScrollBar();
    QElapsedTimer paging;
    paging.start();
    const int wantPages = cli.value(pages).toInt();
    const qint64 limitMs = qint64(cli.value(maxSeconds).toDouble() * 1000);
    int steps = 0;
    QStringList slow; // the first frames over 16 ms, to see what they were
    QElapsedTimer t;
    for (;;) {
        if (wantPages > 0 && pagesLoaded >= wantPages)
            break;
        if (model.oldestId() == 1 && bar->value() == 0 && !loading &&
            view.window()->atSourceStart())
            break;
        if (paging.elapsed() > limitMs)
            break;
        ++steps;
        // One PageUp, then every pass until the loop is idle again.
        for (int pass = 0; pass < 400; ++pass) {
            pageInThisPass = false;
            const qint64 cpu0 = threadCpuNs();
            t.start();
            if (pass == 0)
                bar->triggerAction(QAbstractSlider::SliderPageStepSub);
            QCoreApplication::processEvents();
            const qint64 ns = t.nsecsElapsed();
            if (pass > 0 && ns < 60'000 && !loading)
                break;
            frames.add(ns);
            frameCpu.add(threadCpuNs() - cpu0);
            if (pageInThisPass)
                pageFrames.add(ns);
            if (ns > 16'000'000 && slow.size() < 10)
                slow << QStringLiteral("step %1 pass %2: %3 ms%4")
                            .arg(steps)
                            .arg(pass)
                            .arg(double(ns) / 1e6, 0, 'f', 1)
                            .arg(pageInThisPass ? QStringLiteral(" (page)") : QString());
        }
    }
    const qint64 pagingMs = paging.elapsed();
    print("PageUp steps", QString::number(steps));
    print("pages loaded while paging", QString::number(pagesLoaded));
    print("messages loaded", QString::number(model.rowCount()));
    print("reached the first message", model.oldestId() == 1 && bar->value() == 0
                                           ? QStringLiteral("yes")
                                           : QStringLiteral("no"));
    print("paging time (s)", QString::number(double(pagingMs) / 1000, 'f', 1));
    print("frames while paging", frames.summary());
    print("frames while paging, CPU time", frameCpu.summary());
    print("frames with a page insert", pageFrames.summary());
    for (const QString &line : std::as_const(slow))
        print("  slow frame", line);
    print("RSS after the scroll (MB)", QString::number(double(rssKb()) / 1024, 'f', 1));

    const double idleS = cli.value(idle).toDouble();
    if (idleS > 0) {
        const double before = cpuSeconds();
        QTimer::singleShot(int(idleS * 1000), &app, &QCoreApplication::quit);
        app.exec();
        print("idle CPU (%)", QString::number((cpuSeconds() - before) / idleS * 100, 'f', 2) +
                                  QStringLiteral(" over %1 s").arg(idleS));
    }
    return 0;
}
