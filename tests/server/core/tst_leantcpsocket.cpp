// LeanTcpSocket (an accepted socket that holds no buffer while idle): bytes in and out intact
// and in order, large transfers against a peer that does not read, close and abort with
// output pending, remote close; its sends made by the sender thread (SocketSender): many
// sockets in one pass, a close while the thread holds output, and a send made after the
// connection is gone and its descriptor number reused.

#include "transport/leantcpsocket.h"
#include "transport/lingeringclose.h"
#include "transport/outputflusher.h"
#include "transport/socketsender.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <chrono>
#include <memory>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using natter::server::LeanTcpSocket;
using natter::server::LingeringClose;
using natter::server::OutputFlusher;
using natter::server::SocketSender;

namespace {

// Accepts into LeanTcpSockets, like WebSocketListener without the WebSocket part.
class LeanServer final : public QTcpServer
{
public:
    QList<QPointer<LeanTcpSocket>> accepted;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new LeanTcpSocket(this);
        QVERIFY(socket->adopt(descriptor));
        accepted.append(socket);
    }
};

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(seed + i % 251);
    return data;
}

// Reads from `socket` until `size` bytes arrived (or the time is up).
QByteArray receive(QIODevice *socket, qsizetype size, int timeoutMs = 10'000)
{
    QByteArray got;
    QElapsedTimer clock;
    clock.start();
    while (got.size() < size && clock.elapsed() < timeoutMs) {
        got += socket->readAll();
        if (got.size() < size)
            QTest::qWait(5);
    }
    return got;
}

} // namespace

class TestLeanTcpSocket final : public QObject
{
    Q_OBJECT

private:
    LeanServer m_server;
    QTcpSocket *m_client = nullptr;
    LeanTcpSocket *m_socket = nullptr;

private slots:
    void init()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_client = new QTcpSocket(this);
        m_client->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        QVERIFY(m_client->waitForConnected(5'000));
        QTRY_COMPARE(m_server.accepted.size(), 1);
        m_socket = m_server.accepted.first();
        QCOMPARE(m_socket->state(), QAbstractSocket::ConnectedState);
    }

    void cleanup()
    {
        delete m_client;
        m_client = nullptr;
        qDeleteAll(m_server.accepted);
        m_server.accepted.clear();
        m_server.close();
    }

    void bytesInArriveIntactAndIdleHoldsNoBuffer()
    {
        const QByteArray small = "hello\nworld";
        const QByteArray large = pattern(300'000, 'a'); // several reads
        m_client->write(small);
        m_client->write(large);
        QTRY_COMPARE(m_socket->bytesAvailable(), small.size() + large.size());
        QVERIFY(m_socket->canReadLine());
        QCOMPARE(m_socket->readLine(), QByteArray("hello\n"));
        QCOMPARE(m_socket->read(5), QByteArray("world"));
        QCOMPARE(m_socket->readAll(), large);
        QCOMPARE(m_socket->bytesAvailable(), 0);
        QCOMPARE(m_socket->bufferedCapacity(), 0);
    }

    void bytesOutArriveIntactInOrderAndCoalesced()
    {
        QSignalSpy written(m_socket, &QIODevice::bytesWritten);
        // Written in one pass: header and payload of many frames, sent together later.
        QByteArray expected;
        for (int i = 0; i < 100; ++i) {
            const QByteArray piece = QByteArray::number(i) + ':' + pattern(i * 7, 'k');
            QCOMPARE(m_socket->write(piece), piece.size());
            expected += piece;
        }
        QCOMPARE(m_socket->bytesToWrite(), expected.size()); // nothing sent before the loop
        QCOMPARE(receive(m_client, expected.size()), expected);
        QCOMPARE(m_socket->bytesToWrite(), 0);
        qint64 total = 0;
        for (const auto &args : written)
            total += args.at(0).toLongLong();
        QCOMPARE(total, expected.size());
        QCOMPARE(m_socket->bufferedCapacity(), 0);
    }

    void largeOutputWaitsForASlowPeerAndKeepsItsOrder()
    {
        // More than the kernel's socket buffers hold: part of it waits until the peer reads
        // (the client's QTcpSocket stops reading once 64 KiB wait in its buffer).
        m_client->setReadBufferSize(64 * 1024);
        const QByteArray first = pattern(16 * 1024 * 1024, 'A');
        const QByteArray second = pattern(1000, 'z');
        m_socket->write(first);
        QTest::qWait(200); // flushed; the peer has not read
        QVERIFY(m_socket->bytesToWrite() > 0);
        QVERIFY(m_socket->bytesToWrite() < first.size());
        m_socket->write(second); // must not overtake what waits
        QCOMPARE(receive(m_client, first.size() + second.size(), 30'000), first + second);
        QTRY_COMPARE(m_socket->bytesToWrite(), 0);
    }

    void closeSendsPendingOutputFirst()
    {
        QSignalSpy clientGone(m_client, &QAbstractSocket::disconnected);
        const QByteArray data = pattern(2 * 1024 * 1024, 'c');
        m_socket->write(data);
        m_socket->close(); // before the queued flush ran
        QCOMPARE(receive(m_client, data.size(), 30'000), data);
        QTRY_COMPARE(clientGone.size(), 1);
    }

    void abortDiscardsPendingOutput()
    {
        QSignalSpy gone(m_socket, &QAbstractSocket::disconnected);
        m_client->setReadBufferSize(64 * 1024);
        m_socket->write(pattern(16 * 1024 * 1024, 'd'));
        QTest::qWait(100);
        QVERIFY(m_socket->bytesToWrite() > 0); // part of it is in QAbstractSocket's buffer
        m_socket->write("more");
        m_socket->abort();
        QCOMPARE(gone.size(), 1);
        QCOMPARE(m_socket->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_socket->bytesToWrite(), 0);
        QTest::qWait(50); // the queued flush finds nothing to do
    }

    void closeDropsWhatWasNotRead()
    {
        // QWebSocket reads while bytesAvailable() is not 0; on a closed device every read
        // fails, so unread input counted after close() once spun the event loop for good.
        m_client->write(pattern(200'000, 'u'));
        QTRY_VERIFY(m_socket->bytesAvailable() > 100'000);
        QCOMPARE(m_socket->read(10).size(), 10);
        m_socket->close();
        QCOMPARE(m_socket->bytesAvailable(), 0);
        QVERIFY(!m_socket->canReadLine());
        QCOMPARE(m_socket->bufferedCapacity(), 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("device not open"));
        QCOMPARE(m_socket->read(10), QByteArray());
    }

    void closeWhileThePeerSendsEndsWithFinNotReset()
    {
        // The peer is in the middle of a large frame when the server gives up on it: what the
        // server wrote last (a close frame) must reach the peer, followed by an orderly end,
        // not a reset that may overtake it.
        m_client->setReadBufferSize(0);
        m_client->write(pattern(300'000, 'p'));
        QTRY_VERIFY(m_socket->bytesAvailable() > 0);
        m_socket->write("goodbye");
        m_socket->close();
        QCOMPARE(LingeringClose::lingering(), 1);
        m_client->write(pattern(300'000, 'q')); // still sending after the close
        QCOMPARE(receive(m_client, 7), QByteArray("goodbye"));
        QSignalSpy errors(m_client, &QAbstractSocket::errorOccurred);
        m_client->disconnectFromHost();
        QTRY_COMPARE(LingeringClose::lingering(), 0);
        for (const auto &args : errors)
            QVERIFY(args.at(0).value<QAbstractSocket::SocketError>() !=
                    QAbstractSocket::NetworkError);
    }

    void lingeringEndsAtItsDeadline()
    {
        // A raw peer that neither reads nor closes (a QTcpSocket closes on FIN by itself).
        const int peer = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(peer >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_server.serverPort());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(peer, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QTRY_COMPARE(m_server.accepted.size(), 2);
        LeanTcpSocket *socket = m_server.accepted.last();
        QCOMPARE(::send(peer, "unread", 6, 0), 6);
        QTRY_VERIFY(socket->bytesAvailable() > 0);
        QElapsedTimer clock;
        clock.start();
        socket->close();
        QCOMPARE(LingeringClose::lingering(), 1);
        char byte = 0;
        QCOMPARE(::recv(peer, &byte, 1, 0), 0); // FIN at once
        QTRY_COMPARE_WITH_TIMEOUT(LingeringClose::lingering(), 0,
                                  LingeringClose::kLingerMs + 2'000);
        QVERIFY(clock.elapsed() >= LingeringClose::kLingerMs - 100);
        ::close(peer);
    }

    void closeWithNothingUnreadDoesNotLinger()
    {
        m_socket->write("bye");
        m_socket->close();
        QCOMPARE(LingeringClose::lingering(), 0);
        QCOMPARE(receive(m_client, 3), QByteArray("bye"));
    }

    void manySocketsWrittenInOnePassEachGetTheirOwnBytes()
    {
        QVERIFY(OutputFlusher::instance().sender()); // this is the application's thread
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 20; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
            QVERIFY(clients.back()->waitForConnected(5'000));
        }
        QTRY_COMPARE(m_server.accepted.size(), 21);
        // Accepted in the order they connected: socket i + 1 belongs to client i. Three
        // passes, each writing to every socket (the thread's sends and the loop overlap).
        QList<QByteArray> expected(20);
        for (int pass = 0; pass < 3; ++pass) {
            for (int i = 0; i < 20; ++i) {
                const QByteArray piece = QByteArray::number(i) + '/' + QByteArray::number(pass) +
                                         pattern(1000 + i, char('a' + i)) + ';';
                m_server.accepted.at(i + 1)->write(piece);
                expected[i] += piece;
            }
            QTest::qWait(1);
        }
        for (int i = 0; i < 20; ++i)
            QCOMPARE(receive(clients[size_t(i)].get(), expected[i].size()), expected[i]);
        for (int i = 0; i < 20; ++i)
            QTRY_COMPARE(m_server.accepted.at(i + 1)->bytesToWrite(), 0);
    }

    void closeWhileTheSenderHoldsOutputSendsItFirst()
    {
        SocketSender *sender = OutputFlusher::instance().sender();
        QVERIFY(sender);
        sender->pause();
        m_socket->write("first,");
        QTest::qWait(20); // handed over to the (held) sender thread
        QCOMPARE(m_socket->bytesToWrite(), 6);
        m_socket->write("second");
        QCOMPARE(m_socket->bytesToWrite(), 12);
        // close() waits for the thread, which another thread lets go on a little later.
        std::thread later([sender] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            sender->resume();
        });
        m_socket->close();
        later.join();
        QCOMPARE(receive(m_client, 12), QByteArray("first,second"));
        QTRY_COMPARE(m_client->state(), QAbstractSocket::UnconnectedState);
    }

    void aLateSendNeverReachesTheNextConnectionOnTheSameNumber()
    {
        // The sender thread holds "secret" for a connection whose peer then leaves:
        // QAbstractSocket closes that descriptor, and the next accepted connection gets the
        // same number. The late send must not go to that new connection.
        SocketSender *sender = OutputFlusher::instance().sender();
        QVERIFY(sender);
        const qintptr number = m_socket->socketDescriptor();
        QTcpSocket next;
        m_server.pauseAccepting(); // the next connection waits in the backlog
        next.connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        QVERIFY(next.waitForConnected(5'000));
        sender->pause();
        m_socket->write("secret");
        QTest::qWait(20); // handed over
        m_client->disconnectFromHost();
        QTRY_COMPARE(m_socket->state(), QAbstractSocket::UnconnectedState);
        // The kernel gives the lowest free number: hold the free ones below it.
        std::vector<int> held;
        for (;;) {
            const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            QVERIFY(fd >= 0);
            if (fd >= number) {
                ::close(fd);
                QCOMPARE(fd, int(number)); // free again
                break;
            }
            held.push_back(fd);
        }
        m_server.resumeAccepting();
        QTRY_COMPARE(m_server.accepted.size(), 2);
        for (const int fd : held)
            ::close(fd);
        QCOMPARE(m_server.accepted.last()->socketDescriptor(), number); // the number is reused
        sender->resume();
        QTest::qWait(200);
        QCOMPARE(next.bytesAvailable(), 0);
        QCOMPARE(next.readAll(), QByteArray());
    }

    void remoteCloseEndsTheSocket()
    {
        QSignalSpy gone(m_socket, &QAbstractSocket::disconnected);
        m_client->write("last words");
        m_client->disconnectFromHost();
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(m_socket->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_socket->error(), QAbstractSocket::RemoteHostClosedError);
        QCOMPARE(m_socket->readAll(), QByteArray("last words"));
        // Written after the peer left: dropped, not sent anywhere.
        m_socket->write("too late");
        QTest::qWait(50);
    }
};

QTEST_GUILESS_MAIN(TestLeanTcpSocket)
#include "tst_leantcpsocket.moc"
