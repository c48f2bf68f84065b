// EpollEventDispatcher as the application's dispatcher: timers, posted events from other
// threads, socket notifiers (including a descriptor number reused within one pass) and Qt's
// own sockets on top of it.

#include "epolleventdispatcher.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using natter::EpollEventDispatcher;

namespace {

// A connected pair of UNIX stream sockets, closed on destruction.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds); }
    ~SocketPair() { closeBoth(); }
    void closeBoth()
    {
        for (int &fd : fds) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }
    void send(int side = 1) { QCOMPARE(::write(fds[side], "x", 1), ssize_t(1)); }
    // Reads whatever is waiting on `side` (the sockets are non-blocking).
    void drain(int side = 0)
    {
        char byte;
        while (::read(fds[side], &byte, 1) == 1) {
        }
    }
};

class CountingObject final : public QObject
{
public:
    int timerEvents = 0;
    int lastTimerId = 0;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        ++timerEvents;
        lastTimerId = event->timerId();
    }
};

} // namespace

class TestEpollEventDispatcher final : public QObject
{
    Q_OBJECT

private slots:
    void isTheApplicationsDispatcher()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void singleShotTimerFiresOnceAfterItsInterval()
    {
        QElapsedTimer clock;
        clock.start();
        int fired = 0;
        qint64 firedAfterMs = -1;
        QTimer::singleShot(40, this, [&]() {
            ++fired;
            firedAfterMs = clock.elapsed();
        });
        QTRY_COMPARE(fired, 1);
        QVERIFY2(firedAfterMs >= 39, qPrintable(QString::number(firedAfterMs)));
        QTest::qWait(100);
        QCOMPARE(fired, 1);
    }

    void repeatingTimerRepeatsAndStopsFromItsOwnSlot()
    {
        QTimer timer;
        timer.setInterval(5);
        int fired = 0;
        connect(&timer, &QTimer::timeout, this, [&]() {
            if (++fired == 5)
                timer.stop();
        });
        timer.start();
        QTRY_COMPARE(fired, 5);
        QVERIFY(!timer.isActive());
        QTest::qWait(60);
        QCOMPARE(fired, 5);
    }

    void timersAreListedPerObjectAndReportTheirRemainingTime()
    {
        CountingObject object;
        const int slow = object.startTimer(10'000);
        const int fast = object.startTimer(20);
        auto *dispatcher = QAbstractEventDispatcher::instance();
        const QList<QAbstractEventDispatcher::TimerInfo> timers =
            dispatcher->registeredTimers(&object);
        QCOMPARE(timers.size(), 2);
        QList<int> ids;
        for (const auto &info : timers)
            ids.append(info.timerId);
        QVERIFY(ids.contains(slow) && ids.contains(fast));
        const int left = dispatcher->remainingTime(slow);
        QVERIFY2(left > 9'000 && left <= 10'000, qPrintable(QString::number(left)));
        QTRY_VERIFY(object.timerEvents >= 2);
        QCOMPARE(object.lastTimerId, fast);
        object.killTimer(fast);
        QCOMPARE(dispatcher->registeredTimers(&object).size(), 1);
        QCOMPARE(dispatcher->remainingTime(fast), -1);
    }

    void deletingAnObjectKillsItsTimers()
    {
        auto *object = new CountingObject;
        const int first = object->startTimer(1);
        const int second = object->startTimer(2);
        QTRY_VERIFY(object->timerEvents > 0);
        auto *dispatcher = QAbstractEventDispatcher::instance();
        delete object; // its timer events must never reach the freed object (ASan checks)
        QCOMPARE(dispatcher->remainingTime(first), -1);
        QCOMPARE(dispatcher->remainingTime(second), -1);
        QTest::qWait(20);
    }

    void postedEventFromAnotherThreadWakesABlockedLoop()
    {
        // No timer in this loop but the 5 s safety net: without a wake-up it would wait for
        // that.
        QEventLoop loop;
        QTimer safetyNet;
        safetyNet.setSingleShot(true);
        connect(&safetyNet, &QTimer::timeout, &loop, &QEventLoop::quit);
        safetyNet.start(5'000);
        bool ran = false;
        std::thread poster([&]() {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            QMetaObject::invokeMethod(
                &loop,
                [&]() {
                    ran = true;
                    loop.quit();
                },
                Qt::QueuedConnection);
        });
        QElapsedTimer clock;
        clock.start();
        loop.exec();
        poster.join();
        QVERIFY(ran);
        QVERIFY2(clock.elapsed() < 2'000, qPrintable(QString::number(clock.elapsed())));
    }

    void readNotifierFollowsDataAndItsEnabledState()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&]() {
            ++activations;
            pair.drain();
        });
        QTest::qWait(30);
        QCOMPARE(activations, 0); // nothing to read yet
        pair.send();
        QTRY_COMPARE(activations, 1);
        notifier.setEnabled(false);
        pair.send();
        QTest::qWait(50);
        QCOMPARE(activations, 1);
        notifier.setEnabled(true); // the byte waiting all along is reported now
        QTRY_COMPARE(activations, 2);
    }

    void writeNotifierFiresWhileWritableAndHangUpWakesTheReader()
    {
        SocketPair pair;
        QSocketNotifier writable(pair.fds[0], QSocketNotifier::Write);
        int writes = 0;
        connect(&writable, &QSocketNotifier::activated, this, [&]() {
            if (++writes == 3)
                writable.setEnabled(false);
        });
        QTRY_COMPARE(writes, 3);
        QTest::qWait(30);
        QCOMPARE(writes, 3);

        QSocketNotifier readable(pair.fds[0], QSocketNotifier::Read);
        bool sawEndOfFile = false;
        connect(&readable, &QSocketNotifier::activated, this, [&]() {
            char byte;
            if (::read(pair.fds[0], &byte, 1) == 0) {
                sawEndOfFile = true;
                readable.setEnabled(false);
            }
        });
        ::close(pair.fds[1]);
        pair.fds[1] = -1;
        QTRY_VERIFY(sawEndOfFile);
    }

    void aDescriptorReusedWithinOnePassGetsNoStaleEvent()
    {
        // Two ready sockets; whichever is handled first closes the other and opens a new pair
        // that takes over its descriptor numbers. The other's event is still in this pass's
        // batch and must not be delivered to the new, idle socket.
        auto first = std::make_unique<SocketPair>();
        auto second = std::make_unique<SocketPair>();
        std::unique_ptr<SocketPair> replacement;
        std::unique_ptr<QSocketNotifier> replacementNotifier;
        int replacementActivations = 0;
        int reusedFd = -1;
        auto firstNotifier =
            std::make_unique<QSocketNotifier>(first->fds[0], QSocketNotifier::Read);
        auto secondNotifier =
            std::make_unique<QSocketNotifier>(second->fds[0], QSocketNotifier::Read);
        bool handled = false;
        auto onReady = [&](std::unique_ptr<SocketPair> &other,
                           std::unique_ptr<QSocketNotifier> &otherNotifier) {
            if (handled)
                return;
            handled = true;
            reusedFd = other->fds[0];
            otherNotifier.reset();
            other.reset();
            replacement = std::make_unique<SocketPair>();
            replacementNotifier =
                std::make_unique<QSocketNotifier>(replacement->fds[0], QSocketNotifier::Read);
            connect(replacementNotifier.get(), &QSocketNotifier::activated, this, [&]() {
                ++replacementActivations;
                replacement->drain();
            });
        };
        connect(firstNotifier.get(), &QSocketNotifier::activated, this,
                [&]() { onReady(second, secondNotifier); });
        connect(secondNotifier.get(), &QSocketNotifier::activated, this,
                [&]() { onReady(first, firstNotifier); });
        first->send();
        second->send();
        QTRY_VERIFY(handled);
        QVERIFY(replacement);
        QCOMPARE(replacement->fds[0], reusedFd); // the kernel did reuse the number
        QTest::qWait(50);
        QCOMPARE(replacementActivations, 0);
        replacement->send();
        QTRY_COMPARE(replacementActivations, 1);
        replacementNotifier.reset();
        firstNotifier.reset();
        secondNotifier.reset();
    }

    void qtSocketsRunOnIt()
    {
        // A hundred TCP connections echoing through QTcpServer/QTcpSocket, with a zero timer
        // spinning all along: sockets are not starved by it.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&]() {
            while (QTcpSocket *peer = server.nextPendingConnection()) {
                connect(peer, &QTcpSocket::readyRead, peer,
                        [peer]() { peer->write(peer->readAll()); });
                connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
            }
        });
        QTimer spinner;
        spinner.setInterval(0);
        int spins = 0;
        connect(&spinner, &QTimer::timeout, this, [&]() { ++spins; });
        spinner.start();

        constexpr int kClients = 100;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        QHash<QTcpSocket *, QByteArray> received;
        for (int i = 0; i < kClients; ++i) {
            auto client = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = client.get();
            connect(raw, &QTcpSocket::connected, raw,
                    [raw, i]() { raw->write(QByteArray::number(i).repeated(1000)); });
            connect(raw, &QTcpSocket::readyRead, raw,
                    [raw, &received]() { received[raw] += raw->readAll(); });
            client->connectToHost(server.serverAddress(), server.serverPort());
            clients.push_back(std::move(client));
        }
        for (int i = 0; i < kClients; ++i) {
            const QByteArray expected = QByteArray::number(i).repeated(1000);
            QTcpSocket *raw = clients[size_t(i)].get();
            QTRY_COMPARE_WITH_TIMEOUT(received.value(raw).size(), expected.size(), 10'000);
            QCOMPARE(received.value(raw), expected);
        }
        QVERIFY(spins > 0);
        spinner.stop();
        clients.clear();
    }

    void excludingSocketNotifiersDefersThemWithoutLosingThem()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&]() {
            ++activations;
            pair.drain();
        });
        pair.send();
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 50)
            QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
        QCOMPARE(activations, 0);
        QTRY_COMPARE(activations, 1);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollEventDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
